// The overdamped Fokker–Planck operator on a 2-D grid (hot loops of src/fokker-planck/nd): the
// backward equation for the MFPT, and the symmetrized generator for the spectrum.
import { mfBack, mfForward } from "./multifrontal";
//
// Nodes (i, j), i < nx, j < ny, spacing h; node i = nx is the absorbing line (T = 0). The
// symmetric finite-volume form of (kT/γ)e^{βU}∇·(e^{−βU}∇T) = −1, multiplied by π_i = e^{−β(U_i − U_min)}:
//   Σ_j w_ij (T_i − T_j) = π_i,   w_ij = D·e^{−β((U_i + U_j)/2 − U_min)}/h²,
// over the 4 neighbours inside the box (reflecting edges: a missing neighbour has no flux). The face
// weight e^{−βU} at the midpoint is replaced by the geometric mean of its ends (second order, and the
// matrix stays symmetric positive definite: the multifrontal LDLᵀ needs no pivoting).

@inline function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

/**
 * Assemble one of the two systems on the nx × ny unknown nodes into the 9-slot ELL `cols`/`vals`
 * (slot (di + 1)·3 + dj + 1; only the 5-point slots are used, the rest −1), with its vector `vec`:
 * - mode 0, the backward equation above: `u` holds U at (nx + 1)·ny nodes (index i·ny + j; the
 *   column i = nx is the absorbing line), entries −w_ij and Σ w_ij, vec = π (the right-hand side);
 * - mode 1, −S + σ for the spectrum below: `u` holds U at the nx·ny nodes, entries −D/h² and
 *   σ + Σ (D/h²)e^{−β(U_j − U_i)/2}, vec = π^{1/2}/|π^{1/2}| (the null vector of −S).
 * uMin: the energy reference (the lowest U of the grid).
 */
export function fp2dAssemble(mode: i32, u: usize, nx: i32, ny: i32, h: f64, beta: f64, diffusion: f64, uMin: f64, shift: f64, cols: usize, vals: usize, vec: usize): void {
  const n = nx * ny;
  const scale = diffusion / (h * h);
  const backward = mode == 0;
  // the backward equation reaches the absorbing column (its T is 0)
  const iEnd = backward ? nx + 1 : nx;
  let norm: f64 = 0.0;
  for (let q = 0; q < 9 * n; q++) {
    store<i32>(cols + (<usize>q << 2), -1);
    st(vals, q, 0.0);
  }
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      const ur = ld(u, r);
      let diag: f64 = backward ? 0.0 : shift;
      for (let k = 0; k < 4; k++) {
        const di = k == 0 ? -1 : k == 1 ? 1 : 0;
        const dj = k == 2 ? -1 : k == 3 ? 1 : 0;
        const ii = i + di, jj = j + dj;
        if (ii < 0 || ii >= iEnd || jj < 0 || jj >= ny) continue;
        const uq = ld(u, ii * ny + jj);
        const w = backward ? scale * Math.exp(-beta * (0.5 * (ur + uq) - uMin)) : scale * Math.exp(-0.5 * beta * (uq - ur));
        diag += w;
        if (ii >= nx) continue;
        const q = 9 * r + (di + 1) * 3 + dj + 1;
        store<i32>(cols + (<usize>q << 2), ii * ny + jj);
        st(vals, q, backward ? -w : -scale);
      }
      store<i32>(cols + (<usize>(9 * r + 4) << 2), r);
      st(vals, 9 * r + 4, diag);
      const v = backward ? Math.exp(-beta * (ur - uMin)) : Math.exp(-0.5 * beta * (ur - uMin));
      st(vec, r, v);
      norm += v * v;
    }
  }
  if (!backward) {
    const inv = 1.0 / Math.sqrt(norm);
    for (let r = 0; r < n; r++) st(vec, r, ld(vec, r) * inv);
  }
}

// ---- the spectrum: the symmetrized generator on the whole box -------------------------------
// With x = π^{1/2} f the generator becomes symmetric: (S x)_i = Σ_j (D/h²)(x_j − e^{−β(U_j − U_i)/2} x_i)
// (off-diagonal D/h² exactly, since the face weight e^{−β(U_i + U_j)/2} is the geometric mean),
// −S ⪰ 0 with null vector π^{1/2}. λ₁ comes from inverse iteration on −S + σ (SPD for σ > 0,
// factored by the multifrontal LDLᵀ) with π^{1/2} deflated, and is then evaluated as the
// Dirichlet form λ = Σ_edges w_ij (f_i − f_j)² / Σ_i π_i f_i², a sum of positive terms that keeps
// its relative accuracy however small λ is (1/μ − σ would lose ≈ log10(σ/λ₁) digits).

/**
 * The Dirichlet form of x = π^{1/2} f: Σ_edges w_ij (f_i − f_j)² / Σ_i π_i f_i², with
 * w_ij = (D/h²)e^{−β(U_i + U_j)/2}: the eigenvalue of −S for an eigenvector x. Each edge term is
 * written (D/h²)(x_i e^{β(U_i − U_j)/4} − x_j e^{β(U_j − U_i)/4})², so only neighbour differences
 * of U reach the exponentials (no overflow on high walls).
 */
export function fp2dDirichletForm(u: usize, nx: i32, ny: i32, h: f64, diffusion: f64, beta: f64, x: usize): f64 {
  const scale = diffusion / (h * h);
  let num: f64 = 0.0, den: f64 = 0.0;
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      const ur = ld(u, r), xr = ld(x, r);
      den += xr * xr;
      for (let k = 0; k < 2; k++) {
        const ii = i + (k == 0 ? 1 : 0), jj = j + (k == 1 ? 1 : 0);
        if (ii >= nx || jj >= ny) continue;
        const q = ii * ny + jj;
        const e = Math.exp(0.25 * beta * (ur - ld(u, q)));
        const d = xr * e - ld(x, q) / e;
        num += scale * d * d;
      }
    }
  }
  return num / den;
}

/**
 * Inverse iteration with the multifrontal factor of −S + σ (multifrontal.ts layout): x ← (−S + σ)⁻¹x
 * with the unit vector `deflate` projected out, normalized, until the Rayleigh-like quotient
 * μ = x·(−S + σ)⁻¹x changes by ≤ tol·μ or maxIter sweeps. x (n f64) starts the iteration and
 * ends as the eigenvector; y (n f64) and work (largest front) are scratch. out[0] = μ, out[1] =
 * the last relative change. Returns the sweeps.
 */
export function fp2dInverseIteration(nFronts: i32, fronts: usize, vars: usize, factor: usize, work: usize, n: i32, deflate: usize, x: usize, y: usize, maxIter: i32, tol: f64, out: usize): i32 {
  let mu: f64 = 0.0, change: f64 = Infinity;
  let it = 0;
  while (it < maxIter) {
    project(deflate, x, n);
    normalize(x, n);
    memory.copy(y, x, (<usize>n) << 3);
    mfForward(nFronts, fronts, vars, factor, y, work);
    mfBack(nFronts, fronts, vars, factor, y, work);
    project(deflate, y, n);
    let m: f64 = 0.0;
    for (let i = 0; i < n; i++) m += ld(x, i) * ld(y, i);
    memory.copy(x, y, (<usize>n) << 3);
    it++;
    change = Math.abs(m - mu) / Math.abs(m);
    mu = m;
    if (change <= tol) break;
  }
  normalize(x, n);
  st(out, 0, mu);
  st(out, 1, change);
  return it;
}

@inline function project(unit: usize, x: usize, n: i32): void {
  let c: f64 = 0.0;
  for (let i = 0; i < n; i++) c += ld(unit, i) * ld(x, i);
  for (let i = 0; i < n; i++) st(x, i, ld(x, i) - c * ld(unit, i));
}

@inline function normalize(x: usize, n: i32): void {
  let s: f64 = 0.0;
  for (let i = 0; i < n; i++) s += ld(x, i) * ld(x, i);
  const r = 1.0 / Math.sqrt(s);
  for (let i = 0; i < n; i++) st(x, i, ld(x, i) * r);
}
