// The Kramers equation (underdamped Fokker–Planck in x, v): hot loops.
//
// Why a Hermite expansion in v on a staggered x grid (and not an (x, v) finite-volume grid):
// writing P = P_s^{1/2} Σ_n c_n(x) φ_n(v) with P_s = e^{−β(mv²/2 + U)} and φ_n the orthonormal
// Hermite functions, the operator becomes (Risken, The Fokker–Planck Equation, ch. 10)
//     ∂t c_n = −(γ/m) n c_n − √n D̂ c_{n−1} + √(n+1) D̂† c_{n+1},   D̂ = v_th e^{−βU/2} ∂x e^{βU/2}.
// The friction part is exactly diagonal (no v grid, no numerical diffusion across energy shells,
// which at low friction would swamp γ), the Hamiltonian part is exactly skew-symmetric, and
// MB stationarity is one algebraic identity: D̂ e^{−βU/2} = 0. We discretize D̂ = W⁻¹ G W
// (W = e^{βU/2}) with a difference G that annihilates constants, so the discrete c_0 = e^{−βU/2}
// is stationary to rounding. Even modes (density-like) live on nodes, odd modes (current-like)
// on the faces between them (a staggered, conservative pairing; a collocated central difference
// would decouple into a checkerboard). The discrete operator is L̃ = S + K with S = −(γ/m)·n ≤ 0
// diagonal and K skew (the transpose just flips K): the adjoint (backward) equation for the MFPT
// uses the same assembly with K → −K.
//
// Layout: positions p = 0 … P−1 at x0 + p·dx (|dx| = h/2, h the node spacing). Even p are nodes
// (modes 0, 2, 4, …), odd p faces (modes 1, 3, …). M modes per position (N = 2M in total);
// unknown (p, j) has index p·M + j and Hermite index n = 2j + (p & 1). Coupling reaches
// (p ± 1, n ± 1), i.e. index offsets M−1 … M+1, so the matrix is banded with kl = ku = M + 1.
// Band storage is LAPACK's general band (column-major): ldab = 2kl + ku + 1 and
// A(i, c) is at ab[c·ldab + kl + ku + i − c] (the top kl rows hold the fill-in of pivoting).
import { potentialU } from "./potential";
import { axpyNeg, dot2, ldltBack, ldltForward } from "./ldlt";
import { mfBack, mfForward } from "./multifrontal";

@inline function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

/** U at the P positions x0 + p·dx into `u` (P f64, caller-owned). */
export function kramersPotentialAt(desc: usize, x0: f64, dx: f64, P: i32, u: usize): void {
  for (let p = 0; p < P; p++) st(u, p, potentialU(desc, x0 + <f64>p * dx));
}

@inline function bandIndex(ldab: i32, kv: i32, i: i32, c: i32): i32 {
  return c * ldab + kv + i - c;
}

/**
 * Assemble L̃ − shift·I (adjoint = 0) or L̃ᵀ − shift·I (adjoint = 1) into band storage `ab`
 * (ldab·P·M f64, overwritten). `u` holds U at the P positions, h is the node spacing,
 * vth = √(kT/m), frictionRate = γ/m. P must be odd or even; the last position is whatever
 * parity P − 1 has (an absorbing end is made by the caller ending on a face, see src/turnover).
 */
export function kramersAssemble(u: usize, P: i32, M: i32, h: f64, beta: f64, vth: f64, frictionRate: f64, shift: f64, adjoint: i32, ab: usize): void {
  const n = P * M;
  const kl = M + 1;
  const kv = 2 * kl;
  const ldab = 2 * kl + kl + 1;
  memory.fill(ab, 0, (<usize>ldab * <usize>n) << 3);
  for (let p = 0; p < P; p++) {
    const par = p & 1;
    for (let j = 0; j < M; j++) {
      const i = p * M + j;
      st(ab, bandIndex(ldab, kv, i, i), -frictionRate * <f64>(2 * j + par) - shift);
    }
  }
  const sgn: f64 = adjoint ? -1.0 : 1.0;
  const halfBeta = 0.5 * beta;
  const scale = vth / h;
  // D̂ (mode n−1 at position q → mode n at position p, |p − q| = 1): row (p, n), column (q, n−1)
  // carries −√n·w, and the transposed entry +√n·w (skew). w = ±vth/h·e^{β(U_q − U_p)/2}, + for q = p + 1.
  for (let p = 0; p < P; p++) {
    const par = p & 1;
    const up = ld(u, p);
    for (let side = -1; side <= 1; side += 2) {
      const q = p + side;
      if (q < 0 || q >= P) continue;
      const w = <f64>side * scale * Math.exp(halfBeta * (ld(u, q) - up));
      // modes n at p with n ≥ 1 of parity par: n = 2j + par
      for (let j = 0; j < M; j++) {
        const nn = 2 * j + par;
        if (nn < 1) continue;
        // mode n−1 at q: its j' = (n−1) >> 1
        const jq = (nn - 1) >> 1;
        if (jq >= M) continue;
        const row = p * M + j;
        const col = q * M + jq;
        const s = -Math.sqrt(<f64>nn) * w * sgn;
        st(ab, bandIndex(ldab, kv, row, col), s);
        st(ab, bandIndex(ldab, kv, col, row), -s);
      }
    }
  }
}

/**
 * LU factorization with partial pivoting of an n×n band matrix (LAPACK dgbtf2, unblocked).
 * `ab` (ldab = 2kl + ku + 1 rows per column, fill-in rows zero on entry) is overwritten by
 * L and U; `ipiv` (n i32) receives the pivot rows. Returns 0, or j + 1 if U(j, j) is exactly 0.
 */
export function bandFactor(n: i32, kl: i32, ku: i32, ab: usize, ipiv: usize): i32 {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  let info = 0;
  let ju = 0;
  for (let j = 0; j < n; j++) {
    const km = min(kl, n - 1 - j);
    // pivot: largest |A(j + i, j)|, i = 0 … km
    const colBase = j * ldab + kv; // A(j + i, j) at colBase + i
    let jp = 0;
    let best = Math.abs(ld(ab, colBase));
    for (let i = 1; i <= km; i++) {
      const a = Math.abs(ld(ab, colBase + i));
      if (a > best) {
        best = a;
        jp = i;
      }
    }
    store<i32>(ipiv + (<usize>j << 2), j + jp);
    if (best == 0.0) {
      if (info == 0) info = j + 1;
      continue;
    }
    ju = max(ju, min(j + ku + jp, n - 1));
    if (jp != 0) {
      // swap rows j and j + jp over columns j … ju
      for (let c = j; c <= ju; c++) {
        const a = c * ldab + kv + j - c;
        const b = a + jp;
        const t = ld(ab, a);
        st(ab, a, ld(ab, b));
        st(ab, b, t);
      }
    }
    const rp = 1.0 / ld(ab, colBase);
    for (let i = 1; i <= km; i++) st(ab, colBase + i, ld(ab, colBase + i) * rp);
    // rank-1 update of the trailing block (columns are contiguous: two rows per f64x2; mul then
    // sub rounds exactly like the scalar loop, so the JS twin agrees bit for bit)
    const lcol = ab + (<usize>(colBase + 1) << 3);
    for (let c = j + 1; c <= ju; c++) {
      const base = c * ldab + kv - c;
      const ajc = ld(ab, base + j);
      if (ajc == 0.0) continue;
      axpyNeg(ab + (<usize>(base + j + 1) << 3), lcol, ajc, km);
    }
  }
  return info;
}

/** Solve A x = b in place (b: n f64) with the factors of {@link bandFactor}. */
export function bandSolve(n: i32, kl: i32, ku: i32, ab: usize, ipiv: usize, b: usize): void {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  for (let j = 0; j < n - 1; j++) {
    const km = min(kl, n - 1 - j);
    const l = load<i32>(ipiv + (<usize>j << 2));
    let bj = ld(b, l);
    if (l != j) {
      st(b, l, ld(b, j));
      st(b, j, bj);
    }
    if (bj == 0.0) continue;
    axpyNeg(b + (<usize>(j + 1) << 3), ab + (<usize>(j * ldab + kv + 1) << 3), bj, km);
  }
  for (let j = n - 1; j >= 0; j--) {
    const base = j * ldab + kv - j;
    const xj = ld(b, j) / ld(ab, base + j);
    st(b, j, xj);
    if (xj == 0.0) continue;
    const i0 = max(0, j - kv);
    axpyNeg(b + (<usize>i0 << 3), ab + (<usize>(base + i0) << 3), xj, j - i0);
  }
}


/**
 * The discrete Maxwell–Boltzmann amplitude: out[p·M] = e^{−β(U_p − uRef)/2} on nodes (mode 0),
 * 0 everywhere else (out: P·M f64).
 */
export function kramersEquilibrium(u: usize, P: i32, M: i32, beta: f64, uRef: f64, out: usize): void {
  memory.fill(out, 0, (<usize>(P * M)) << 3);
  for (let p = 0; p < P; p += 2) st(out, p * M, Math.exp(-0.5 * beta * (ld(u, p) - uRef)));
}

@inline function dot(a: usize, b: usize, n: i32): f64 {
  let s: f64 = 0.0;
  for (let i = 0; i < n; i++) s += ld(a, i) * ld(b, i);
  return s;
}

/** First half of an inverse-iteration sweep: project x off `deflate` (0: none), normalize it, copy it to y. */
@inline function sweepStart(deflate: usize, x: usize, y: usize, n: i32): void {
  if (deflate != 0) {
    const c = dot(deflate, x, n);
    for (let i = 0; i < n; i++) st(x, i, ld(x, i) - c * ld(deflate, i));
  }
  const nx = Math.sqrt(dot(x, x, n));
  for (let i = 0; i < n; i++) {
    const v = ld(x, i) / nx;
    st(x, i, v);
    st(y, i, v);
  }
}

/** Second half, after y ← (L̃ − σ)⁻¹y: project y off `deflate`, μ = x·y, then x ← y. Returns μ. */
@inline function sweepEnd(deflate: usize, x: usize, y: usize, n: i32): f64 {
  if (deflate != 0) {
    const c = dot(deflate, y, n);
    for (let i = 0; i < n; i++) st(y, i, ld(y, i) - c * ld(deflate, i));
  }
  const m = dot(x, y, n);
  memory.copy(x, y, (<usize>n) << 3);
  return m;
}

/**
 * Inverse iteration with the factored (L̃ − σ) in `ab`/`ipiv`: x ← (L̃ − σ)⁻¹x, projected off the
 * unit vector `deflate` (the stationary state; pass 0 for none). Starts from `x` (n f64), uses
 * `y` (n f64) as scratch. Stops when the Rayleigh-like quotient μ = x·(L̃ − σ)⁻¹x (|x| = 1)
 * changes by ≤ tol·|μ| or after maxIter sweeps. out[0] = μ, out[1] = last relative change.
 * Returns the number of sweeps. The eigenvalue of L̃ is σ + 1/μ.
 */
export function kramersInverseIteration(n: i32, kl: i32, ku: i32, ab: usize, ipiv: usize, deflate: usize, x: usize, y: usize, maxIter: i32, tol: f64, out: usize): i32 {
  let mu: f64 = 0.0;
  let change: f64 = Infinity;
  let it = 0;
  while (it < maxIter) {
    sweepStart(deflate, x, y, n);
    bandSolve(n, kl, ku, ab, ipiv, y);
    const m = sweepEnd(deflate, x, y, n);
    it++;
    change = Math.abs(m - mu) / Math.abs(m);
    mu = m;
    if (change <= tol) break;
  }
  st(out, 0, mu);
  st(out, 1, change);
  return it;
}

/**
 * Σ_{nodes p ≤ pEnd} w_p τ_{0,p} / Σ_{nodes p ≤ pEnd} w_p², w_p = e^{−β(U_p − uRef)/2}: the
 * average of T(x, v) = τ/√P_s over the Boltzmann distribution restricted to x_0 … x_pEnd.
 */
export function kramersThermalAverage(u: usize, P: i32, M: i32, beta: f64, uRef: f64, pEnd: i32, tau: usize): f64 {
  let num: f64 = 0.0, den: f64 = 0.0;
  const last = min(pEnd, P - 1);
  for (let p = 0; p <= last; p += 2) {
    const w = Math.exp(-0.5 * beta * (ld(u, p) - uRef));
    num += w * ld(tau, p * M);
    den += w * w;
  }
  return num / den;
}

/**
 * Absorbing edge after the last position (a node at the target x_t = x0 + (P−1)·dx): closes the
 * node's equations with a ghost face at x_t + dx whose odd modes follow from the half-range
 * (Marshak) condition — the projections of T(x_t, v) on φ_{2k+1} over the outgoing half-line
 * vanish (backward equation: T = 0 for v toward the target; forward: P = 0 for v coming back).
 * With τ_odd(x_t) ≈ (τ_odd(face before) + τ_odd(ghost))/2 and ∫_{v>0} φ_{2k+1}φ_{2l+1} = δ/2:
 *   ghost_k = −τ_{2k+1}(face before) + hs·Σ_l H_{kl} τ_{2l}(x_t),   hs = −4 (adjoint) or +4 (forward),
 * H_{kl} = ∫_{v>0} φ_{2k+1} φ_{2l} (M×M row-major at `half`). `u` holds U at P + 1 positions
 * (the last is the ghost face). Adds to the band matrix assembled by {@link kramersAssemble}.
 */
export function kramersAbsorbingEdge(u: usize, P: i32, M: i32, h: f64, beta: f64, vth: f64, adjoint: i32, half: usize, ab: usize): void {
  const kl = M + 1;
  const kv = 2 * kl;
  const ldab = 3 * kl + 1;
  const i = P - 1;
  const sgn: f64 = adjoint ? -1.0 : 1.0;
  const hs: f64 = adjoint ? -4.0 : 4.0;
  const scale = vth / h;
  const ui = ld(u, i), ug = ld(u, P);
  const eUp = Math.exp(0.5 * beta * (ug - ui));
  const eDown = Math.exp(0.5 * beta * (ui - ug));
  for (let j = 0; j < M; j++) {
    const row = i * M + j;
    // ghost mode k = j − 1 (from −√n D̂ c_{n−1}) and k = j (from √(n+1) D̂† c_{n+1}), n = 2j
    for (let t = 0; t < 2; t++) {
      const k = j - 1 + t;
      if (k < 0) continue;
      const coef = t == 0 ? -Math.sqrt(<f64>(2 * j)) * scale * eUp * sgn : -Math.sqrt(<f64>(2 * j + 1)) * scale * eDown * sgn;
      for (let l = 0; l < M; l++) {
        const col = i * M + l;
        const a = bandIndex(ldab, kv, row, col);
        st(ab, a, ld(ab, a) + coef * hs * ld(half, k * M + l));
      }
      const colFace = (i - 1) * M + k;
      const b = bandIndex(ldab, kv, row, colFace);
      st(ab, b, ld(ab, b) - coef);
    }
  }
}

// ---- Reduced solve ----------------------------------------------------------------------------
// The faces (odd Hermite modes) couple only to the neighbouring nodes, and their diagonal block is
// diagonal (−(γ/m)n − shift), so they are eliminated exactly. Because the Hamiltonian part is skew
// (A_fn = −A_nfᵀ), the node Schur complement R = A_nn − A_nf A_ff⁻¹ A_fn = A_nn + A_nf |A_ff|⁻¹… is
// symmetric, and G = −R = (γ/m)·2j + shift + Σ_faces v vᵀ/((γ/m)(2i+1) + shift) is positive
// definite: a band LDLᵀ (Cholesky without square roots) on half the unknowns (bandwidth M + 1 as before) instead of a pivoted
// band LU on all of them — ≈ 8× fewer flops and ≈ 6× less memory. The absorbing edge makes the last
// node's row non-symmetric: it is kept out of the band and handled as a bordered block (its M×M
// Schur complement needs only the last diagonal block of L, so it costs O(M³) once).
// Node k (position 2k) unknown (k, j) has reduced index k·M + j; lower band storage
// G(r, c), r ≥ c, at ab[c·(M + 2) + r − c] (kd = M + 1).

/**
 * Node–face couplings: cpl[4k + 0|1|2|3] = aDown_L, aUp_L, aDown_R, aUp_R of node k (P odd).
 * Row (node k, mode 2j) has √(2j)·aDown at (face, mode 2j − 1) and √(2j + 1)·aUp at (face, 2j + 1);
 * face rows hold minus the transpose. Missing faces get 0. cpl: 4·(P + 1)/2 f64.
 */
export function kramersNodeCouplings(u: usize, P: i32, h: f64, beta: f64, vth: f64, adjoint: i32, cpl: usize): void {
  const sgn: f64 = adjoint ? -1.0 : 1.0;
  const halfBeta = 0.5 * beta;
  const scale = vth / h;
  const K1 = (P + 1) >> 1;
  for (let k = 0; k < K1; k++) {
    const p = 2 * k;
    for (let t = 0; t < 2; t++) {
      const side = 2 * t - 1;
      const q = p + side;
      let down: f64 = 0.0, up: f64 = 0.0;
      if (q >= 0 && q < P) {
        down = -<f64>side * scale * Math.exp(halfBeta * (ld(u, q) - ld(u, p))) * sgn;
        up = -<f64>side * scale * Math.exp(halfBeta * (ld(u, p) - ld(u, q))) * sgn;
      }
      st(cpl, 4 * k + 2 * t, down);
      st(cpl, 4 * k + 2 * t + 1, up);
    }
  }
}

/**
 * Reduced index of node k, mode j: node-major k·M + j (bandwidth M + 1), or, with `modeMajor`,
 * j·nb + k (bandwidth nb + 1: cheaper when M > nb; no absorbing border). Nodes k ≥ nb (outside
 * the band: the absorbing or mirror node) sit after the band at k·M + j in both orderings.
 */
@inline function reducedIndex(k: i32, j: i32, M: i32, nb: i32, modeMajor: i32): i32 {
  return modeMajor != 0 && k < nb ? j * nb + k : k * M + j;
}

/**
 * G (see above) for the first nb of the K1 nodes into lower band storage `ab` ((kd + 1)·nb·M f64,
 * overwritten; kd = M + 1, or nb + 1 with `modeMajor`, see {@link reducedIndex}).
 */
export function kramersReducedAssemble(cpl: usize, K1: i32, M: i32, nb: i32, frictionRate: f64, shift: f64, ab: usize, modeMajor: i32): void {
  const ldab = (modeMajor != 0 ? nb : M) + 2;
  const nr = nb * M;
  memory.fill(ab, 0, (<usize>ldab * <usize>nr) << 3);
  for (let k = 0; k < nb; k++) for (let j = 0; j < M; j++) st(ab, reducedIndex(k, j, M, nb, modeMajor) * ldab, frictionRate * <f64>(2 * j) + shift);
  for (let f = 0; f < K1 - 1; f++) {
    const inF = f < nb, inF1 = f + 1 < nb;
    for (let i = 0; i < M; i++) {
      const rd = 1.0 / (frictionRate * <f64>(2 * i + 1) + shift);
      const s1 = Math.sqrt(<f64>(2 * i + 1)), s2 = Math.sqrt(<f64>(2 * i + 2));
      const more = i + 1 < M;
      // the (up to) four node entries coupled to face f, mode i: (f, i), (f, i + 1), (f + 1, i), (f + 1, i + 1)
      const i0 = reducedIndex(f, i, M, nb, modeMajor), i2 = reducedIndex(f + 1, i, M, nb, modeMajor);
      const i1 = more ? reducedIndex(f, i + 1, M, nb, modeMajor) : 0, i3 = more ? reducedIndex(f + 1, i + 1, M, nb, modeMajor) : 0;
      const v0 = s1 * ld(cpl, 4 * f + 3);
      const v1 = more ? s2 * ld(cpl, 4 * f + 2) : 0.0;
      const v2 = s1 * ld(cpl, 4 * f + 5);
      const v3 = more ? s2 * ld(cpl, 4 * f + 4) : 0.0;
      for (let b = 0; b < 4; b++) {
        if (!more && (b & 1)) continue;
        if (b < 2 ? !inF : !inF1) continue;
        const cb = b == 0 ? i0 : b == 1 ? i1 : b == 2 ? i2 : i3;
        const vc = (b == 0 ? v0 : b == 1 ? v1 : b == 2 ? v2 : v3) * rd;
        for (let a = b; a < 4; a++) {
          if (!more && (a & 1)) continue;
          if (a < 2 ? !inF : !inF1) continue;
          const ra = a == 0 ? i0 : a == 1 ? i1 : a == 2 ? i2 : i3;
          const va = a == 0 ? v0 : a == 1 ? v1 : a == 2 ? v2 : v3;
          const r = max(ra, cb), c = min(ra, cb);
          const q = c * ldab + r - c;
          st(ab, q, ld(ab, q) + va * vc);
        }
      }
    }
  }
}

/**
 * G (see above) for the first nb of the K1 nodes in ELL form for the multifrontal solver: row
 * (k, j) (node-major index k·M + j) has 9 slots, slot (dk + 1)·3 + (dj + 1) for the unknown
 * (k + dk, j + dj); `cols` (9·nb·M i32) gets its index or −1 outside the nb × M lattice, `vals`
 * (9·nb·M f64) the entry.
 */
export function kramersReducedEll(cpl: usize, K1: i32, M: i32, nb: i32, frictionRate: f64, shift: f64, cols: usize, vals: usize): void {
  const nr = nb * M;
  memory.fill(vals, 0, (<usize>(9 * nr)) << 3);
  for (let k = 0; k < nb; k++) {
    for (let j = 0; j < M; j++) {
      const row = k * M + j;
      for (let dk = -1; dk <= 1; dk++) {
        for (let dj = -1; dj <= 1; dj++) {
          const kk = k + dk, jj = j + dj;
          const inside = kk >= 0 && kk < nb && jj >= 0 && jj < M;
          store<i32>(cols + (<usize>(9 * row + (dk + 1) * 3 + dj + 1) << 2), inside ? kk * M + jj : -1);
        }
      }
      st(vals, 9 * row + 4, frictionRate * <f64>(2 * j) + shift);
    }
  }
  for (let f = 0; f < K1 - 1; f++) {
    for (let i = 0; i < M; i++) {
      const rd = 1.0 / (frictionRate * <f64>(2 * i + 1) + shift);
      const s1 = Math.sqrt(<f64>(2 * i + 1)), s2 = Math.sqrt(<f64>(2 * i + 2));
      const more = i + 1 < M;
      // the node entries coupled to face f, mode i: (f, i), (f, i + 1), (f + 1, i), (f + 1, i + 1)
      const v0 = s1 * ld(cpl, 4 * f + 3);
      const v1 = more ? s2 * ld(cpl, 4 * f + 2) : 0.0;
      const v2 = s1 * ld(cpl, 4 * f + 5);
      const v3 = more ? s2 * ld(cpl, 4 * f + 4) : 0.0;
      for (let a = 0; a < 4; a++) {
        const ka = f + (a >> 1), ja = i + (a & 1);
        if (ka >= nb || ja >= M) continue;
        const va = a == 0 ? v0 : a == 1 ? v1 : a == 2 ? v2 : v3;
        for (let b = 0; b < 4; b++) {
          const kb = f + (b >> 1), jb = i + (b & 1);
          if (kb >= nb || jb >= M) continue;
          const vc = (b == 0 ? v0 : b == 1 ? v1 : b == 2 ? v2 : v3) * rd;
          const q = 9 * (ka * M + ja) + (kb - ka + 1) * 3 + (jb - ja + 1);
          st(vals, q, ld(vals, q) + va * vc);
        }
      }
    }
  }
}


/** Dense LU with partial pivoting of the M×M row-major block at `a`; returns 0 or j + 1 for a zero pivot. */
function denseFactor(M: i32, a: usize, ipiv: usize): i32 {
  for (let j = 0; j < M; j++) {
    let p = j;
    let best = Math.abs(ld(a, j * M + j));
    for (let i = j + 1; i < M; i++) {
      const v = Math.abs(ld(a, i * M + j));
      if (v > best) {
        best = v;
        p = i;
      }
    }
    store<i32>(ipiv + (<usize>j << 2), p);
    if (best == 0.0) return j + 1;
    if (p != j) {
      for (let c = 0; c < M; c++) {
        const t = ld(a, j * M + c);
        st(a, j * M + c, ld(a, p * M + c));
        st(a, p * M + c, t);
      }
    }
    const r = 1.0 / ld(a, j * M + j);
    for (let i = j + 1; i < M; i++) {
      const l = ld(a, i * M + j) * r;
      st(a, i * M + j, l);
      if (l == 0.0) continue;
      for (let c = j + 1; c < M; c++) st(a, i * M + c, ld(a, i * M + c) - l * ld(a, j * M + c));
    }
  }
  return 0;
}

function denseSolve(M: i32, a: usize, ipiv: usize, x: usize): void {
  for (let j = 0; j < M; j++) {
    const p = load<i32>(ipiv + (<usize>j << 2));
    if (p != j) {
      const t = ld(x, j);
      st(x, j, ld(x, p));
      st(x, p, t);
    }
  }
  for (let i = 1; i < M; i++) {
    let s = ld(x, i);
    for (let c = 0; c < i; c++) s -= ld(a, i * M + c) * ld(x, c);
    st(x, i, s);
  }
  for (let i = M - 1; i >= 0; i--) {
    let s = ld(x, i);
    for (let c = i + 1; c < M; c++) s -= ld(a, i * M + c) * ld(x, c);
    st(x, i, s / ld(a, i * M + i));
  }
}

/**
 * The last node's row with the absorbing edge ({@link kramersAbsorbingEdge}'s closure): rowF (M×M
 * row-major, node mode j × face mode i) = its coupling to the face before, rowN (M×M) = its own
 * block. `u` holds P + 1 positions (the last is the ghost face); cpl from kramersNodeCouplings.
 */
export function kramersAbsorbingRow(u: usize, P: i32, M: i32, h: f64, beta: f64, vth: f64, frictionRate: f64, shift: f64, adjoint: i32, half: usize, cpl: usize, rowF: usize, rowN: usize): void {
  const K = (P - 1) >> 1;
  const sgn: f64 = adjoint ? -1.0 : 1.0;
  const hs: f64 = adjoint ? -4.0 : 4.0;
  const scale = vth / h;
  const ui = ld(u, P - 1), ug = ld(u, P);
  const eUp = Math.exp(0.5 * beta * (ug - ui));
  const eDown = Math.exp(0.5 * beta * (ui - ug));
  memory.fill(rowF, 0, (<usize>(M * M)) << 3);
  memory.fill(rowN, 0, (<usize>(M * M)) << 3);
  for (let j = 0; j < M; j++) {
    if (j >= 1) st(rowF, j * M + j - 1, Math.sqrt(<f64>(2 * j)) * ld(cpl, 4 * K));
    st(rowF, j * M + j, Math.sqrt(<f64>(2 * j + 1)) * ld(cpl, 4 * K + 1));
    st(rowN, j * M + j, -frictionRate * <f64>(2 * j) - shift);
    for (let t = 0; t < 2; t++) {
      const k = j - 1 + t;
      if (k < 0) continue;
      const coef = t == 0 ? -Math.sqrt(<f64>(2 * j)) * scale * eUp * sgn : -Math.sqrt(<f64>(2 * j + 1)) * scale * eDown * sgn;
      for (let l = 0; l < M; l++) st(rowN, j * M + l, ld(rowN, j * M + l) + coef * hs * ld(half, k * M + l));
      st(rowF, j * M + k, ld(rowF, j * M + k) - coef);
    }
  }
}

/**
 * After the factorization of the first nb nodes (band LDLᵀ, or multifrontal with node nb − 1
 * eliminated last): the bordered last node (node nb). `last` holds L and D of node nb − 1's block
 * (lower storage, column r at r·ldabLast: the band's last M columns, or the root front). `border` (3·M·M f64)
 * receives Yt (row j = L_bb⁻¹ G21[j, ·]ᵀ), Zt (row j = D_bb⁻¹L_bb⁻¹ G12[·, j]) and the LU factors of
 * S = G22 − YᵀZ (pivots in ipivS, M i32). Returns 0 or j + 1 for a zero pivot of S.
 */
export function kramersBorderFactor(M: i32, nb: i32, frictionRate: f64, shift: f64, cpl: usize, last: usize, ldabLast: i32, rowF: usize, rowN: usize, border: usize, ipivS: usize): i32 {
  const MM = M * M;
  const K = nb, Km = nb - 1;
  memory.fill(border, 0, (<usize>(3 * MM)) << 3);
  const Y = border, Z = border + (<usize>MM << 3), S = border + (<usize>(2 * MM) << 3);
  for (let i = 0; i < M; i++) {
    const rd = 1.0 / (frictionRate * <f64>(2 * i + 1) + shift);
    const s1 = Math.sqrt(<f64>(2 * i + 1)), s2 = Math.sqrt(<f64>(2 * i + 2));
    const more = i + 1 < M;
    const a0 = s1 * ld(cpl, 4 * Km + 3), a1 = more ? s2 * ld(cpl, 4 * Km + 2) : 0.0;
    const b0 = s1 * ld(cpl, 4 * K + 1), b1 = more ? s2 * ld(cpl, 4 * K) : 0.0;
    st(Z, i * M + i, ld(Z, i * M + i) + b0 * a0 * rd);
    if (more) {
      st(Z, i * M + i + 1, ld(Z, i * M + i + 1) + b0 * a1 * rd);
      st(Z, (i + 1) * M + i, ld(Z, (i + 1) * M + i) + b1 * a0 * rd);
      st(Z, (i + 1) * M + i + 1, ld(Z, (i + 1) * M + i + 1) + b1 * a1 * rd);
    }
    for (let j = 0; j < M; j++) {
      const f = ld(rowF, j * M + i);
      if (f == 0.0) continue;
      const fr = f * rd;
      st(Y, j * M + i, ld(Y, j * M + i) + fr * a0);
      st(S, j * M + i, ld(S, j * M + i) + fr * b0);
      if (more) {
        st(Y, j * M + i + 1, ld(Y, j * M + i + 1) + fr * a1);
        st(S, j * M + i + 1, ld(S, j * M + i + 1) + fr * b1);
      }
    }
  }
  for (let q = 0; q < MM; q++) st(S, q, ld(S, q) - ld(rowN, q));
  for (let w = 0; w < 2; w++) {
    const base = w == 0 ? Y : Z;
    for (let j = 0; j < M; j++) {
      const o = base + (<usize>(j * M) << 3);
      for (let r = 0; r < M; r++) {
        const cj = r * ldabLast;
        const gr = ld(o, r);
        if (w == 1) st(o, r, gr / ld(last, cj));
        if (gr == 0.0) continue;
        const kn = min(ldabLast - 1, M - 1 - r);
        for (let t = 1; t <= kn; t++) st(o, r + t, ld(o, r + t) - ld(last, cj + t) * gr);
      }
    }
  }
  for (let j = 0; j < M; j++) {
    for (let jj = 0; jj < M; jj++) {
      st(S, j * M + jj, ld(S, j * M + jj) - dot2(Y + (<usize>(j * M) << 3), Z + (<usize>(jj * M) << 3), M));
    }
  }
  return denseFactor(M, S, ipivS);
}

/**
 * Solve A x = b in place (A = the operator − shift as kramersAssemble builds it, plus the absorbing
 * edge if `absorbing`; b: P·M f64, layout p·M + j) through the face Schur complement:
 * r = −(b_n − A_nf A_ff⁻¹ b_f), G x_n = r (band LDLᵀ of nb nodes, bordered last node when
 * absorbing), x_f = A_ff⁻¹(b_f − A_fn x_n). r: ((P + 1)/2)·M f64 scratch, in the ordering of
 * {@link reducedIndex} (`modeMajor` needs absorbing = 0). With `mf` ≠ 0 the node system is
 * solved by the multifrontal factor instead of the band: mf points to 5 u32 [fronts count,
 * fronts, vars, factor, work] (see multifrontal.ts; node-major numbering, modeMajor = 0).
 */
export function kramersReducedSolve(P: i32, M: i32, nb: i32, frictionRate: f64, shift: f64, cpl: usize, ab: usize, absorbing: i32, rowF: usize, border: usize, ipivS: usize, b: usize, r: usize, modeMajor: i32, mf: usize): void {
  const K1 = (P + 1) >> 1;
  const kd = (modeMajor != 0 ? nb : M) + 1;
  const MM = M * M;
  for (let k = 0; k < K1; k++) for (let j = 0; j < M; j++) st(r, reducedIndex(k, j, M, nb, modeMajor), -ld(b, 2 * k * M + j));
  for (let f = 0; f < K1 - 1; f++) {
    const fo = (2 * f + 1) * M;
    const edge = absorbing != 0 && f + 1 == nb;
    for (let i = 0; i < M; i++) {
      const bf = ld(b, fo + i) / (frictionRate * <f64>(2 * i + 1) + shift);
      if (bf == 0.0) continue;
      const s1 = Math.sqrt(<f64>(2 * i + 1)), s2 = Math.sqrt(<f64>(2 * i + 2));
      const more = i + 1 < M;
      const a0 = reducedIndex(f, i, M, nb, modeMajor), a2 = reducedIndex(f + 1, i, M, nb, modeMajor);
      st(r, a0, ld(r, a0) - s1 * ld(cpl, 4 * f + 3) * bf);
      if (more) {
        const a1 = reducedIndex(f, i + 1, M, nb, modeMajor);
        st(r, a1, ld(r, a1) - s2 * ld(cpl, 4 * f + 2) * bf);
      }
      if (edge) {
        st(r, a2, ld(r, a2) - ld(rowF, i * M + i) * bf);
        if (more) st(r, a2 + 1, ld(r, a2 + 1) - ld(rowF, (i + 1) * M + i) * bf);
      } else {
        st(r, a2, ld(r, a2) - s1 * ld(cpl, 4 * f + 5) * bf);
        if (more) {
          const a3 = reducedIndex(f + 1, i + 1, M, nb, modeMajor);
          st(r, a3, ld(r, a3) - s2 * ld(cpl, 4 * f + 4) * bf);
        }
      }
    }
  }
  const n = nb * M;
  if (mf != 0) mfForward(load<i32>(mf), load<u32>(mf + 4), load<u32>(mf + 8), load<u32>(mf + 12), r, load<u32>(mf + 16));
  else ldltForward(n, kd, ab, r);
  if (absorbing) {
    const s0 = (nb - 1) * M;
    const x2 = r + (<usize>n << 3);
    for (let j = 0; j < M; j++) st(x2, j, ld(x2, j) - dot2(border + (<usize>(j * M) << 3), r + (<usize>s0 << 3), M));
    denseSolve(M, border + (<usize>(2 * MM) << 3), ipivS, x2);
    for (let jj = 0; jj < M; jj++) {
      const xv = ld(x2, jj);
      if (xv == 0.0) continue;
      axpyNeg(r + (<usize>s0 << 3), border + (<usize>(MM + jj * M) << 3), xv, M);
    }
  }
  if (mf != 0) mfBack(load<i32>(mf), load<u32>(mf + 4), load<u32>(mf + 8), load<u32>(mf + 12), r, load<u32>(mf + 16));
  else ldltBack(n, kd, ab, r);
  for (let f = 0; f < K1 - 1; f++) {
    const fo = (2 * f + 1) * M;
    for (let i = 0; i < M; i++) {
      const s1 = Math.sqrt(<f64>(2 * i + 1)), s2 = Math.sqrt(<f64>(2 * i + 2));
      let s = ld(b, fo + i) + s1 * ld(cpl, 4 * f + 3) * ld(r, reducedIndex(f, i, M, nb, modeMajor)) + s1 * ld(cpl, 4 * f + 5) * ld(r, reducedIndex(f + 1, i, M, nb, modeMajor));
      if (i + 1 < M) s += s2 * ld(cpl, 4 * f + 2) * ld(r, reducedIndex(f, i + 1, M, nb, modeMajor)) + s2 * ld(cpl, 4 * f + 4) * ld(r, reducedIndex(f + 1, i + 1, M, nb, modeMajor));
      st(b, fo + i, -s / (frictionRate * <f64>(2 * i + 1) + shift));
    }
  }
  for (let k = 0; k < K1; k++) for (let j = 0; j < M; j++) st(b, 2 * k * M + j, ld(r, reducedIndex(k, j, M, nb, modeMajor)));
}

/** {@link kramersInverseIteration} with each sweep through {@link kramersReducedSolve} (r: scratch as there). */
export function kramersReducedInverseIteration(P: i32, M: i32, nb: i32, frictionRate: f64, shift: f64, cpl: usize, ab: usize, absorbing: i32, rowF: usize, border: usize, ipivS: usize, deflate: usize, x: usize, y: usize, r: usize, maxIter: i32, tol: f64, out: usize, modeMajor: i32, mf: usize): i32 {
  const n = P * M;
  let mu: f64 = 0.0;
  let change: f64 = Infinity;
  let it = 0;
  while (it < maxIter) {
    sweepStart(deflate, x, y, n);
    kramersReducedSolve(P, M, nb, frictionRate, shift, cpl, ab, absorbing, rowF, border, ipivS, y, r, modeMajor, mf);
    const m = sweepEnd(deflate, x, y, n);
    it++;
    change = Math.abs(m - mu) / Math.abs(m);
    mu = m;
    if (change <= tol) break;
  }
  st(out, 0, mu);
  st(out, 1, change);
  return it;
}
