// Fokker–Planck hot loops: the Scharfetter–Gummel (SG) generator on a uniform cell-centred grid,
// a cancellation-free LDLᵀ of its positive-definite tridiagonal core, Sturm counts and twisted
// factorizations (differential qd transforms) for eigenvalues with *relative* accuracy,
// eigenvector back-transformation, Crank–Nicolson propagation and the periodic stationary state.
//
// Notation (all arrays f64, caller-owned, n = number of cells):
//   u[i]    = βU(x_i) at cell centres x_i = left + (i + ½)h
//   up[i]   = rate i → i+1, down[i] = rate i → i−1 (SG: w·B(±Δu), w = D/h², B(z) = z/(eᶻ − 1));
//             reflecting: down[0] = up[n−1] = 0; absorbing: rates into walls at distance h/2;
//             periodic: the wrap edge (n−1 ↔ 0) uses βU at left + (n + ½)h (tilt included).
//   The generator is a birth–death chain; with π_i = e^{−u_i}, c_i = π_i up[i] = π_{i+1} down[i+1].
//   Its non-zero spectrum is the spectrum of T(p, q): T_ii = p_i + q_i, T_{i,i+1} = −√(q_i p_{i+1}):
//     reflecting: edge space, p = up[0..n−2], q = down[1..n−1], m = n − 1
//     absorbing:  cell space, p = down[0..n−1], q = up[0..n−1],  m = n
//   T = BBᵀ with B bidiagonal, so every eigenvalue is fixed to high relative accuracy by p, q
//   (Demmel–Kahan); fpFactor computes its LDLᵀ without subtraction and fpNegcount/fpTwisted use
//   the differential stationary/progressive qd transforms (Dhillon–Parlett), which are mixed
//   relatively stable: λ1 ≈ 1e-18 comes out with ~1e-14 relative error.
import { potentialU } from "./potential";

@inline function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

const REFLECTING: i32 = 0;
const ABSORBING: i32 = 1;
const PERIODIC: i32 = 2;

// Scratch results of the last kernel call (read with fpInfo).
const info = memory.data(10 * 8);

/** Scalar results of the last fpAssemble/fpTwisted/fpPeriodicStationary call, slot `k`. */
export function fpInfo(k: i32): f64 {
  return load<f64>(info + (<usize>k << 3));
}

// Rates across one edge with Δ = u_right − u_left, scaled by w: writes (rate left→right, right→left)
// into info[6], info[7]. B(a) for a > 0 (uphill) = B(−a)·e^{−a}; B(−a) = a/(1 − e^{−a}) ≥ 1.
@inline function edgeRates(delta: f64, w: f64): void {
  const a = Math.abs(delta);
  let down: f64 = 1.0, upv: f64 = 1.0;
  if (a > 0.5) {
    const e = Math.exp(-a);
    down = a / (1.0 - e);
    upv = down * e;
  } else if (a > 0.0) {
    const om = -Math.expm1(-a);
    down = a / om;
    upv = down * (1.0 - om);
  }
  // delta > 0: left→right is uphill
  if (delta > 0.0) {
    store<f64>(info + 48, w * upv);
    store<f64>(info + 56, w * down);
  } else {
    store<f64>(info + 48, w * down);
    store<f64>(info + 56, w * upv);
  }
}

/**
 * Assemble the SG generator of n cells on [left, left + n·h] for the potential descriptor `desc`.
 * Writes u[n], up[n], down[n]. `boundary`: 0 reflecting, 1 absorbing, 2 periodic.
 * info[0] = min u, info[1] = max |Δu| over edges whose lower end lies within 200 of min u (the
 * resolution check), info[2] = βU(left), info[3] = βU(right), info[4] = u_n (periodic: βU at the
 * first centre beyond the right end), info[5] = the largest rate, info[8] = max |Δu| within 60 of min u (where the
 * starting grid of the refinement is chosen).
 */
export function fpAssemble(desc: usize, n: i32, left: f64, h: f64, beta: f64, diffusion: f64, boundary: i32, u: usize, up: usize, down: usize): void {
  let umin: f64 = Infinity;
  for (let i = 0; i < n; i++) {
    const v = beta * potentialU(desc, left + (<f64>i + 0.5) * h);
    st(u, i, v);
    if (v < umin) umin = v;
  }
  const w = diffusion / (h * h);
  let maxJump: f64 = 0.0, maxJumpLow: f64 = 0.0;
  let prev = ld(u, 0);
  for (let i = 0; i < n - 1; i++) {
    const next = ld(u, i + 1);
    const delta = next - prev;
    edgeRates(delta, w);
    st(up, i, load<f64>(info + 48));
    st(down, i + 1, load<f64>(info + 56));
    const lower = Math.min(prev, next) - umin;
    if (lower <= 200.0) maxJump = Math.max(maxJump, Math.abs(delta));
    if (lower <= 60.0) maxJumpLow = Math.max(maxJumpLow, Math.abs(delta));
    prev = next;
  }
  const uL = beta * potentialU(desc, left);
  const uR = beta * potentialU(desc, left + <f64>n * h);
  const un = beta * potentialU(desc, left + (<f64>n + 0.5) * h);
  if (boundary == ABSORBING) {
    // wall at distance h/2: rate = D/(h·h/2)·B(u_wall − u_cell), the wall density being 0
    edgeRates(uL - ld(u, 0), 2.0 * w);
    st(down, 0, load<f64>(info + 48));
    edgeRates(uR - ld(u, n - 1), 2.0 * w);
    st(up, n - 1, load<f64>(info + 48));
  } else if (boundary == PERIODIC) {
    edgeRates(un - ld(u, n - 1), w);
    st(up, n - 1, load<f64>(info + 48));
    st(down, 0, load<f64>(info + 56));
  } else {
    st(down, 0, 0.0);
    st(up, n - 1, 0.0);
  }
  st(info, 0, umin);
  st(info, 1, maxJump);
  st(info, 2, uL);
  st(info, 3, uR);
  st(info, 4, un);
  let maxRate: f64 = 0.0;
  for (let i = 0; i < n; i++) maxRate = Math.max(maxRate, Math.max(ld(up, i), ld(down, i)));
  st(info, 5, maxRate);
  st(info, 8, maxJumpLow);
}

/**
 * LDLᵀ of T(p, q) (size m) without subtraction: a_0 = p_0, d_i = a_i + q_i, a_{i+1} = p_{i+1}a_i/d_i.
 * Writes d[m], e[m−1] (off-diagonal, = l_i d_i) and lld[m−1] (= l_i² d_i = q_i p_{i+1}/d_i).
 */
export function fpFactor(p: usize, q: usize, m: i32, d: usize, e: usize, lld: usize): void {
  let a = ld(p, 0);
  for (let i = 0; i < m - 1; i++) {
    const di = a + ld(q, i);
    st(d, i, di);
    const pn = ld(p, i + 1);
    const qp = ld(q, i) * pn;
    st(e, i, -Math.sqrt(qp));
    st(lld, i, qp / di);
    a = pn * (a / di);
  }
  st(d, m - 1, a + ld(q, m - 1));
}

// A pivot that is exactly zero is replaced by a tiny negative number (LAPACK dlaneg does the same
// in spirit): the count stays consistent and nothing divides by zero.
const TINY: f64 = -1e-300;

/** Number of eigenvalues of LDLᵀ below sigma (stationary differential qd transform). */
export function fpNegcount(d: usize, lld: usize, m: i32, sigma: f64): i32 {
  let s = -sigma;
  let neg = 0;
  for (let i = 0; i < m - 1; i++) {
    let dp = ld(d, i) + s;
    if (dp == 0.0) dp = TINY;
    neg += <i32>(dp < 0.0);
    s = ld(lld, i) * (s / dp) - sigma;
  }
  const last = ld(d, m - 1) + s;
  neg += <i32>(last < 0.0 || last == 0.0);
  return neg;
}

/**
 * Two Sturm counts in one pass (independent recurrences interleaved to hide division latency).
 * Returns count(sigmaA); count(sigmaB) goes to info[5].
 */
export function fpNegcount2(d: usize, lld: usize, m: i32, sigmaA: f64, sigmaB: f64): i32 {
  let sa = -sigmaA, sb = -sigmaB;
  let na = 0, nb = 0;
  for (let i = 0; i < m - 1; i++) {
    const di = ld(d, i), l2 = ld(lld, i);
    let pa = di + sa;
    let pb = di + sb;
    if (pa == 0.0) pa = TINY;
    if (pb == 0.0) pb = TINY;
    na += <i32>(pa < 0.0);
    nb += <i32>(pb < 0.0);
    sa = l2 * (sa / pa) - sigmaA;
    sb = l2 * (sb / pb) - sigmaB;
  }
  const dl = ld(d, m - 1);
  na += <i32>(dl + sa <= 0.0);
  nb += <i32>(dl + sb <= 0.0);
  st(info, 5, <f64>nb);
  return na;
}

/**
 * Twisted factorization of LDLᵀ − σI = N_r Δ N_rᵀ: stationary (top-down, s) and progressive
 * (bottom-up, pp) differential qd transforms interleaved in one loop; γ_k = s_k + pp_k + σ; the
 * twist r minimises |γ_k|; z solves (LDLᵀ − σI) z = γ_r e_r with z_r = 1. Returns the Rayleigh
 * correction γ_r/‖z‖² (λ ≈ σ + correction). info[0] = γ_r, info[1] = ‖z‖², info[2] = r,
 * info[3] = number of eigenvalues below σ (Sturm count of the top-down pivots). Buffers: s[m],
 * pp[m] scratch, z[m] out (written only when storeVector ≠ 0).
 */
export function fpTwisted(d: usize, e: usize, lld: usize, m: i32, sigma: f64, s: usize, pp: usize, z: usize, storeVector: i32): f64 {
  let sv = -sigma;
  let pv = ld(d, m - 1) - sigma;
  st(s, 0, sv);
  st(pp, m - 1, pv);
  let neg = 0;
  for (let i = 0; i < m - 1; i++) {
    // top-down step i → i+1 (its pivots D+ also give the Sturm count at σ)
    let dplus = ld(d, i) + sv;
    if (dplus == 0.0) dplus = TINY;
    neg += <i32>(dplus < 0.0);
    sv = ld(lld, i) * (sv / dplus) - sigma;
    st(s, i + 1, sv);
    // bottom-up step k+1 → k, k = m − 2 − i
    const k = m - 2 - i;
    let dminus = ld(lld, k) + pv;
    if (dminus == 0.0) dminus = TINY;
    pv = pv * (ld(d, k) / dminus) - sigma;
    st(pp, k, pv);
  }
  neg += <i32>(ld(d, m - 1) + sv <= 0.0);
  // choose the twist
  let r = 0;
  let gmin: f64 = Infinity;
  let gr: f64 = 0.0;
  for (let k = 0; k < m; k++) {
    const g = ld(s, k) + ld(pp, k) + sigma;
    const ag = Math.abs(g);
    if (ag < gmin) {
      gmin = ag;
      gr = g;
      r = k;
    }
  }
  // eigenvector (stored only when asked for; its norm is always needed)
  const store = storeVector != 0;
  if (store) st(z, r, 1.0);
  let norm: f64 = 1.0;
  let zi: f64 = 1.0;
  for (let i = r - 1; i >= 0; i--) {
    let dplus = ld(d, i) + ld(s, i);
    if (dplus == 0.0) dplus = TINY;
    zi = -(ld(e, i) / dplus) * zi;
    if (store) st(z, i, zi);
    norm += zi * zi;
  }
  zi = 1.0;
  for (let i = r; i < m - 1; i++) {
    let dminus = ld(lld, i) + ld(pp, i + 1);
    if (dminus == 0.0) dminus = TINY;
    zi = -(ld(e, i) / dminus) * zi;
    if (store) st(z, i + 1, zi);
    norm += zi * zi;
  }
  if (gr == 0.0) gr = 1e-300;
  st(info, 0, gr);
  st(info, 1, norm);
  st(info, 2, <f64>r);
  st(info, 3, <f64>neg);
  return gr / norm;
}

/**
 * Turn an eigenvector z of T into the generator's right eigenfunction f (observable) and density
 * mode ψ = π f / h (π normalised to Σπ = 1), f normalised so that Σ π f² = 1 and its largest
 * component positive. Reflecting (m = n − 1, edge space): f_{i+1} − f_i = z_i/√c_i, then f made
 * orthogonal to the constant; absorbing (m = n): f_i = z_i/√π_i. π_i = e^{−(u_i − umin)}.
 * Writes f[n], psi[n].
 */
export function fpModeFromVector(z: usize, u: usize, up: usize, n: i32, boundary: i32, umin: f64, h: f64, f: usize, psi: usize): void {
  // π_i = e^{−(u_i − umin)} once (kept in psi until the end); e^{+(u_i − umin)/2} = 1/√π_i unless π_i underflows
  let zpi: f64 = 0.0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(-(ld(u, i) - umin));
    st(psi, i, w);
    zpi += w;
  }
  if (boundary == ABSORBING) {
    for (let i = 0; i < n; i++) {
      const w = ld(psi, i);
      st(f, i, ld(z, i) * (w > 1e-290 ? 1.0 / Math.sqrt(w) : Math.exp(Math.min(0.5 * (ld(u, i) - umin), 700.0))));
    }
  } else {
    let fi: f64 = 0.0;
    st(f, 0, 0.0);
    let mean: f64 = 0.0;
    for (let i = 0; i < n - 1; i++) {
      const zi = ld(z, i);
      if (zi != 0.0) {
        const w = ld(psi, i);
        const inv = w > 1e-290 ? 1.0 / Math.sqrt(w) : Math.exp(Math.min(0.5 * (ld(u, i) - umin), 700.0));
        fi += zi * inv / Math.sqrt(ld(up, i));
      }
      st(f, i + 1, fi);
    }
    for (let i = 0; i < n; i++) mean += ld(psi, i) * ld(f, i);
    mean /= zpi;
    for (let i = 0; i < n; i++) st(f, i, ld(f, i) - mean);
  }
  let norm: f64 = 0.0;
  let big: f64 = 0.0;
  for (let i = 0; i < n; i++) {
    const fi = ld(f, i);
    norm += ld(psi, i) * fi * fi;
    if (Math.abs(fi) > Math.abs(big)) big = fi;
  }
  const scale = (big < 0.0 ? -1.0 : 1.0) / Math.sqrt(norm / zpi);
  for (let i = 0; i < n; i++) {
    const fi = ld(f, i) * scale;
    st(f, i, fi);
    st(psi, i, ld(psi, i) / zpi * fi / h);
  }
}

/**
 * Normalised equilibrium density π_i/(h Σπ) and populations: writes rho[n]; returns Σπ (scaled).
 */
export function fpStationary(u: usize, n: i32, umin: f64, h: f64, rho: usize): f64 {
  let z: f64 = 0.0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(-(ld(u, i) - umin));
    st(rho, i, w);
    z += w;
  }
  const inv = 1.0 / (z * h);
  for (let i = 0; i < n; i++) st(rho, i, ld(rho, i) * inv);
  return z;
}

/**
 * Stationary state of the periodic (ring) chain, tilted or not: with g_i = P_i/π_i the current
 * J = c_i(g_i − g_{i+1}) is the same on every edge and g_{i+n} = g_i·e^{u_{i+n} − u_i}. The
 * accumulations below add positive terms only. Writes rho[n] (density, ∫ρ = 1); returns the
 * probability current J (per unit time); info[0] = Σ ρ_i h (= 1).
 * `un` is βU at the first centre beyond the right end.
 */
export function fpPeriodicStationary(u: usize, up: usize, n: i32, un: f64, h: f64, rho: usize): f64 {
  let umax: f64 = -Infinity;
  for (let i = 0; i < n; i++) umax = Math.max(umax, ld(u, i));
  const a = un - ld(u, 0); // ln of g_{i+n}/g_i
  // 1/c_i scaled by e^{−umax}: e^{u_i − umax}/up_i
  let total: f64 = 0.0;
  for (let i = 0; i < n; i++) total += Math.exp(ld(u, i) - umax) / ld(up, i);
  let sign: f64 = 1.0;
  if (a == 0.0) {
    // no tilt: detailed balance, J = 0, ρ ∝ π
    let zs: f64 = 0.0;
    for (let i = 0; i < n; i++) {
      const w = Math.exp(-(ld(u, i) - umax));
      st(rho, i, w);
      zs += w;
    }
    for (let i = 0; i < n; i++) st(rho, i, ld(rho, i) / (zs * h));
    st(info, 0, 1.0);
    return 0.0;
  }
  if (a < 0.0) {
    // J > 0 (drift to the right): G_0 = Σ(1/c)/(1 − e^{a}), G_i = 1/c_i + G_{i+1}, G_n = G_0 e^{a}
    const g0 = total / -Math.expm1(a);
    let g = g0 * Math.exp(a);
    for (let i = n - 1; i >= 1; i--) {
      g += Math.exp(ld(u, i) - umax) / ld(up, i);
      st(rho, i, g);
    }
    st(rho, 0, g0);
  } else {
    // J < 0: H = −G, H_{i+1} = H_i + 1/c_i, H_n = H_0 e^{a}: H_0 = Σ(1/c)/(e^{a} − 1)
    sign = -1.0;
    let g = total / Math.expm1(a);
    st(rho, 0, g);
    for (let i = 0; i < n - 1; i++) {
      g += Math.exp(ld(u, i) - umax) / ld(up, i);
      st(rho, i + 1, g);
    }
  }
  // ρ_i ∝ π_i G_i = e^{−(u_i − umax)} · G_i (both scaled by e^{∓umax})
  let mass: f64 = 0.0;
  for (let i = 0; i < n; i++) {
    const v = Math.exp(-(ld(u, i) - umax)) * ld(rho, i);
    st(rho, i, v);
    mass += v;
  }
  // cell probabilities p_i = J π_i G_i with Σp = 1 → J = 1/Σ πG (sign of the drift); ρ = p/h
  for (let i = 0; i < n; i++) st(rho, i, ld(rho, i) / (mass * h));
  st(info, 0, 1.0);
  return sign / mass;
}

/**
 * θ-scheme steps for the cell probabilities p[n] (Σp = mass): (I − θΔt A) p⁺ = (I + (1−θ)Δt A) p,
 * A the forward generator; θ = ½ Crank–Nicolson, θ = 1 backward Euler. Both are unconditionally
 * stable and conserve Σp exactly up to rounding (A has zero column sums on reflecting/periodic
 * walls). Periodic rings use Sherman–Morrison. Writes survival[k] = Σp and outflow[k] = rate of
 * mass leaving through absorbing walls (θ-averaged over the step) after each step k.
 * Scratch: cp[n], inv[n], rhs[n], y[n] (periodic only).
 */
export function fpEvolve(up: usize, down: usize, n: i32, boundary: i32, dt: f64, theta: f64, steps: i32, p: usize, cp: usize, inv: usize, rhs: usize, y: usize, survival: usize, outflow: usize): void {
  const a = theta * dt;
  const periodic = boundary == PERIODIC;
  // Matrix M = I − aA: sub M[i][i−1] = −a up[i−1], diag 1 + a(up[i] + down[i]), super M[i][i+1] = −a down[i+1].
  // Periodic: corner entries M[0][n−1] = −a up[n−1], M[n−1][0] = −a down[0]; Sherman–Morrison with
  // u = (γ, 0, …, 0, M[n−1][0]), v = (1, 0, …, 0, M[0][n−1]/γ), γ = −diag0.
  const cornerLow = periodic ? -a * ld(down, 0) : 0.0; // M[n−1][0]
  const cornerHigh = periodic ? -a * ld(up, n - 1) : 0.0; // M[0][n−1]
  const gam = -(1.0 + a * (ld(up, 0) + ld(down, 0)));
  // Thomas forward elimination of the (modified) tridiagonal, once
  let prevCp: f64 = 0.0;
  for (let i = 0; i < n; i++) {
    let diag = 1.0 + a * (ld(up, i) + ld(down, i));
    if (periodic) {
      if (i == 0) diag -= gam;
      if (i == n - 1) diag -= cornerLow * cornerHigh / gam;
    }
    const sub = i > 0 ? -a * ld(up, i - 1) : 0.0;
    const den = diag - sub * prevCp;
    const iv = 1.0 / den;
    st(inv, i, iv);
    const sup = i < n - 1 ? -a * ld(down, i + 1) : 0.0;
    prevCp = sup * iv;
    st(cp, i, prevCp);
  }
  if (periodic) {
    // y = M' \ u
    let prev: f64 = 0.0;
    for (let i = 0; i < n; i++) {
      const ui = i == 0 ? gam : i == n - 1 ? cornerLow : 0.0;
      const sub = i > 0 ? -a * ld(up, i - 1) : 0.0;
      prev = (ui - sub * prev) * ld(inv, i);
      st(y, i, prev);
    }
    for (let i = n - 2; i >= 0; i--) st(y, i, ld(y, i) - ld(cp, i) * ld(y, i + 1));
  }
  const yfac = periodic ? 1.0 / (1.0 + ld(y, 0) + cornerHigh / gam * ld(y, n - 1)) : 0.0;
  for (let k = 0; k < steps; k++) {
    const outOld = ld(down, 0) * ld(p, 0) + ld(up, n - 1) * ld(p, n - 1);
    // Solve for the increment δ = p⁺ − p: (I − aA) δ = Δt·A p, with A p written as a difference of
    // face fluxes J_{i+½} = up_i p_i − down_{i+1} p_{i+1}. Rounding then scales with |δ| (→ 0 near
    // the steady state), not with |p|, so Σp drifts far less than with a solve for p⁺ itself.
    let prev: f64 = 0.0;
    let fluxIn: f64 = periodic ? ld(up, n - 1) * ld(p, n - 1) - ld(down, 0) * ld(p, 0) : -ld(down, 0) * ld(p, 0);
    for (let i = 0; i < n; i++) {
      const fluxOut = i < n - 1 ? ld(up, i) * ld(p, i) - ld(down, i + 1) * ld(p, i + 1) : periodic ? ld(up, n - 1) * ld(p, n - 1) - ld(down, 0) * ld(p, 0) : ld(up, n - 1) * ld(p, n - 1);
      const r = dt * (fluxIn - fluxOut);
      fluxIn = fluxOut;
      const sub = i > 0 ? -a * ld(up, i - 1) : 0.0;
      prev = (r - sub * prev) * ld(inv, i);
      st(rhs, i, prev);
    }
    // back substitution for δ (kept in rhs)
    let next = ld(rhs, n - 1);
    for (let i = n - 2; i >= 0; i--) {
      next = ld(rhs, i) - ld(cp, i) * next;
      st(rhs, i, next);
    }
    if (periodic) {
      const f = (ld(rhs, 0) + cornerHigh / gam * ld(rhs, n - 1)) * yfac;
      for (let i = 0; i < n; i++) st(rhs, i, ld(rhs, i) - f * ld(y, i));
    }
    let mass: f64 = 0.0;
    for (let i = 0; i < n; i++) {
      const v = ld(p, i) + ld(rhs, i);
      st(p, i, v);
      mass += v;
    }
    const outNew = ld(down, 0) * ld(p, 0) + ld(up, n - 1) * ld(p, n - 1);
    st(survival, k, mass);
    st(outflow, k, boundary == ABSORBING ? theta * outNew + (1.0 - theta) * outOld : 0.0);
  }
}

// Four shifts per pass: the same twisted factorization for σ[0..3] in lockstep. The recurrences of
// one shift are a chain of dependent divisions (latency-bound); four independent chains in two
// f64x2 lanes per direction keep the divider busy instead. Lane arithmetic is exactly that of
// fpTwisted (same operations, same order), so each lane reproduces fpTwisted bit for bit.
const TINY2 = f64x2.splat(-1e-300);
const ZERO2 = f64x2.splat(0.0);

@inline function guardZero(v: v128): v128 {
  return v128.bitselect(TINY2, v, f64x2.eq(v, ZERO2));
}

/**
 * fpTwisted for four shifts at once. `sig` points to 4 f64 shifts; scratch s4[4m], p4[4m] (lane-
 * interleaved: element i of lane l at 4i + l). `out` has 28 f64: out[0..7] scratch, then for each
 * lane l, out[8 + 5l .. 12 + 5l] = correction γ_r/‖z‖², γ_r,
 * ‖z‖², r, Sturm count at σ_l, for each lane l. No eigenvector is stored (use fpTwisted for that).
 */
export function fpTwisted4(d: usize, e: usize, lld: usize, m: i32, sig: usize, s4: usize, p4: usize, out: usize): void {
  const sigA = v128.load(sig);
  const sigB = v128.load(sig + 16);
  let sA = f64x2.neg(sigA);
  let sB = f64x2.neg(sigB);
  const dl = f64x2.splat(ld(d, m - 1));
  let pA = f64x2.sub(dl, sigA);
  let pB = f64x2.sub(dl, sigB);
  v128.store(s4, sA);
  v128.store(s4 + 16, sB);
  const lastOff = <usize>(m - 1) << 5;
  v128.store(p4 + lastOff, pA);
  v128.store(p4 + lastOff + 16, pB);
  let negA = i64x2.splat(0);
  let negB = i64x2.splat(0);
  for (let i = 0; i < m - 1; i++) {
    const di = f64x2.splat(ld(d, i));
    const li = f64x2.splat(ld(lld, i));
    const dpA = guardZero(f64x2.add(di, sA));
    const dpB = guardZero(f64x2.add(di, sB));
    negA = i64x2.sub(negA, f64x2.lt(dpA, ZERO2));
    negB = i64x2.sub(negB, f64x2.lt(dpB, ZERO2));
    sA = f64x2.sub(f64x2.mul(li, f64x2.div(sA, dpA)), sigA);
    sB = f64x2.sub(f64x2.mul(li, f64x2.div(sB, dpB)), sigB);
    const so = <usize>(i + 1) << 5;
    v128.store(s4 + so, sA);
    v128.store(s4 + so + 16, sB);
    const k = m - 2 - i;
    const dk = f64x2.splat(ld(d, k));
    const lk = f64x2.splat(ld(lld, k));
    const dmA = guardZero(f64x2.add(lk, pA));
    const dmB = guardZero(f64x2.add(lk, pB));
    pA = f64x2.sub(f64x2.mul(pA, f64x2.div(dk, dmA)), sigA);
    pB = f64x2.sub(f64x2.mul(pB, f64x2.div(dk, dmB)), sigB);
    const po = <usize>k << 5;
    v128.store(p4 + po, pA);
    v128.store(p4 + po + 16, pB);
  }
  negA = i64x2.sub(negA, f64x2.le(f64x2.add(dl, sA), ZERO2));
  negB = i64x2.sub(negB, f64x2.le(f64x2.add(dl, sB), ZERO2));
  // twist per lane: argmin |γ_k|, γ_k = s_k + p_k + σ
  let gminA = f64x2.splat(Infinity), gminB = f64x2.splat(Infinity);
  let grA = ZERO2, grB = ZERO2, rA = ZERO2, rB = ZERO2;
  for (let k = 0; k < m; k++) {
    const o = <usize>k << 5;
    const gA = f64x2.add(f64x2.add(v128.load(s4 + o), v128.load(p4 + o)), sigA);
    const gB = f64x2.add(f64x2.add(v128.load(s4 + o + 16), v128.load(p4 + o + 16)), sigB);
    const kk = f64x2.splat(<f64>k);
    const ltA = f64x2.lt(f64x2.abs(gA), gminA);
    const ltB = f64x2.lt(f64x2.abs(gB), gminB);
    gminA = v128.bitselect(f64x2.abs(gA), gminA, ltA);
    gminB = v128.bitselect(f64x2.abs(gB), gminB, ltB);
    grA = v128.bitselect(gA, grA, ltA);
    grB = v128.bitselect(gB, grB, ltB);
    rA = v128.bitselect(kk, rA, ltA);
    rB = v128.bitselect(kk, rB, ltB);
  }
  // ‖z‖² of every lane in two masked sweeps over lines of s4/p4 (each lane does exactly fpTwisted's
  // operations in fpTwisted's order; masked-out lanes keep their value and add +0)
  const r0 = <i32>f64x2.extract_lane(rA, 0), r1 = <i32>f64x2.extract_lane(rA, 1);
  const r2 = <i32>f64x2.extract_lane(rB, 0), r3 = <i32>f64x2.extract_lane(rB, 1);
  const rmax = max(max(r0, r1), max(r2, r3));
  const rmin = min(min(r0, r1), min(r2, r3));
  const ONE2 = f64x2.splat(1.0);
  let zA = ONE2, zB = ONE2, nA = ONE2, nB = ONE2;
  for (let i = rmax - 1; i >= 0; i--) {
    const iv = f64x2.splat(<f64>i);
    const mA = f64x2.lt(iv, rA), mB = f64x2.lt(iv, rB);
    const di = f64x2.splat(ld(d, i)), ei = f64x2.splat(ld(e, i));
    const o = <usize>i << 5;
    const tA = f64x2.mul(f64x2.neg(f64x2.div(ei, guardZero(f64x2.add(di, v128.load(s4 + o))))), zA);
    const tB = f64x2.mul(f64x2.neg(f64x2.div(ei, guardZero(f64x2.add(di, v128.load(s4 + o + 16))))), zB);
    zA = v128.bitselect(tA, zA, mA);
    zB = v128.bitselect(tB, zB, mB);
    nA = f64x2.add(nA, v128.bitselect(f64x2.mul(tA, tA), ZERO2, mA));
    nB = f64x2.add(nB, v128.bitselect(f64x2.mul(tB, tB), ZERO2, mB));
  }
  zA = ONE2;
  zB = ONE2;
  for (let i = rmin; i < m - 1; i++) {
    const iv = f64x2.splat(<f64>i);
    const mA = f64x2.ge(iv, rA), mB = f64x2.ge(iv, rB);
    const li = f64x2.splat(ld(lld, i)), ei = f64x2.splat(ld(e, i));
    const o = <usize>(i + 1) << 5;
    const tA = f64x2.mul(f64x2.neg(f64x2.div(ei, guardZero(f64x2.add(li, v128.load(p4 + o))))), zA);
    const tB = f64x2.mul(f64x2.neg(f64x2.div(ei, guardZero(f64x2.add(li, v128.load(p4 + o + 16))))), zB);
    zA = v128.bitselect(tA, zA, mA);
    zB = v128.bitselect(tB, zB, mB);
    nA = f64x2.add(nA, v128.bitselect(f64x2.mul(tA, tA), ZERO2, mA));
    nB = f64x2.add(nB, v128.bitselect(f64x2.mul(tB, tB), ZERO2, mB));
  }
  laneOut(out, 0, f64x2.extract_lane(grA, 0), f64x2.extract_lane(nA, 0), r0, <f64>i64x2.extract_lane(negA, 0));
  laneOut(out, 1, f64x2.extract_lane(grA, 1), f64x2.extract_lane(nA, 1), r1, <f64>i64x2.extract_lane(negA, 1));
  laneOut(out, 2, f64x2.extract_lane(grB, 0), f64x2.extract_lane(nB, 0), r2, <f64>i64x2.extract_lane(negB, 0));
  laneOut(out, 3, f64x2.extract_lane(grB, 1), f64x2.extract_lane(nB, 1), r3, <f64>i64x2.extract_lane(negB, 1));
}

@inline function laneOut(out: usize, lane: i32, gamma: f64, norm: f64, r: i32, neg: f64): void {
  let g = gamma;
  if (g == 0.0) g = 1e-300;
  const o = out + 64 + (<usize>(lane * 5) << 3);
  store<f64>(o, g / norm);
  store<f64>(o + 8, g);
  store<f64>(o + 16, norm);
  store<f64>(o + 24, <f64>r);
  store<f64>(o + 32, neg);
}

/**
 * Four Sturm counts in one pass (f64x2 lanes; each lane does fpNegcount's operations). `sig` points
 * to 4 shifts; the counts are written to out[0..3] as f64.
 */
export function fpNegcount4(d: usize, lld: usize, m: i32, sig: usize, out: usize): void {
  const sigA = v128.load(sig);
  const sigB = v128.load(sig + 16);
  let sA = f64x2.neg(sigA);
  let sB = f64x2.neg(sigB);
  let negA = i64x2.splat(0);
  let negB = i64x2.splat(0);
  for (let i = 0; i < m - 1; i++) {
    const di = f64x2.splat(ld(d, i));
    const li = f64x2.splat(ld(lld, i));
    const dpA = guardZero(f64x2.add(di, sA));
    const dpB = guardZero(f64x2.add(di, sB));
    negA = i64x2.sub(negA, f64x2.lt(dpA, ZERO2));
    negB = i64x2.sub(negB, f64x2.lt(dpB, ZERO2));
    sA = f64x2.sub(f64x2.mul(li, f64x2.div(sA, dpA)), sigA);
    sB = f64x2.sub(f64x2.mul(li, f64x2.div(sB, dpB)), sigB);
  }
  const dl = f64x2.splat(ld(d, m - 1));
  negA = i64x2.sub(negA, f64x2.le(f64x2.add(dl, sA), ZERO2));
  negB = i64x2.sub(negB, f64x2.le(f64x2.add(dl, sB), ZERO2));
  store<f64>(out, <f64>i64x2.extract_lane(negA, 0));
  store<f64>(out + 8, <f64>i64x2.extract_lane(negA, 1));
  store<f64>(out + 16, <f64>i64x2.extract_lane(negB, 0));
  store<f64>(out + 24, <f64>i64x2.extract_lane(negB, 1));
}
