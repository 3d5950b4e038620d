// Pure-JS twin of assembly/kramers_equation.ts: the same algorithms, line for line, on typed
// arrays instead of pointers (a reference for tests, a fallback and a benchmark baseline).
// Layout and band storage are documented in assembly/kramers_equation.ts.
import { dot2, ldltPartial, mfBack, mfForward } from "./multifrontal.js";

/** A multifrontal factor of the reduced node system (tree arrays, factor, one front of scratch). */
export interface MultifrontalFactor {
  readonly count: number;
  readonly fronts: Int32Array;
  readonly vars: Int32Array;
  readonly factor: Float64Array;
  readonly work: Float64Array;
}

/** U at the P positions x0 + p·dx. */
export function kramersPotentialAt(U: (x: number) => number, x0: number, dx: number, P: number, u: Float64Array): void {
  for (let p = 0; p < P; p++) u[p] = U(x0 + p * dx);
}

/** Assemble L̃ − shift·I (or its transpose if `adjoint`) into LAPACK band storage (kl = ku = M + 1). */
export function kramersAssemble(u: Float64Array, P: number, M: number, h: number, beta: number, vth: number, frictionRate: number, shift: number, adjoint: boolean, ab: Float64Array): void {
  const n = P * M;
  const kl = M + 1;
  const kv = 2 * kl;
  const ldab = 3 * kl + 1;
  ab.fill(0, 0, ldab * n);
  for (let p = 0; p < P; p++) {
    const par = p & 1;
    for (let j = 0; j < M; j++) {
      const i = p * M + j;
      ab[i * ldab + kv] = -frictionRate * (2 * j + par) - shift;
    }
  }
  const sgn = adjoint ? -1 : 1;
  const halfBeta = 0.5 * beta;
  const scale = vth / h;
  for (let p = 0; p < P; p++) {
    const par = p & 1;
    const up = u[p]!;
    for (let side = -1; side <= 1; side += 2) {
      const q = p + side;
      if (q < 0 || q >= P) continue;
      const w = side * scale * Math.exp(halfBeta * (u[q]! - up));
      for (let j = 0; j < M; j++) {
        const nn = 2 * j + par;
        if (nn < 1) continue;
        const jq = (nn - 1) >> 1;
        if (jq >= M) continue;
        const row = p * M + j;
        const col = q * M + jq;
        const s = -Math.sqrt(nn) * w * sgn;
        ab[col * ldab + kv + row - col] = s;
        ab[row * ldab + kv + col - row] = -s;
      }
    }
  }
}

/** Band LU with partial pivoting (LAPACK dgbtf2); returns 0 or j + 1 for an exactly zero pivot. */
export function bandFactor(n: number, kl: number, ku: number, ab: Float64Array, ipiv: Int32Array): number {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  let info = 0;
  let ju = 0;
  for (let j = 0; j < n; j++) {
    const km = Math.min(kl, n - 1 - j);
    const colBase = j * ldab + kv;
    let jp = 0;
    let best = Math.abs(ab[colBase]!);
    for (let i = 1; i <= km; i++) {
      const a = Math.abs(ab[colBase + i]!);
      if (a > best) {
        best = a;
        jp = i;
      }
    }
    ipiv[j] = j + jp;
    if (best === 0) {
      if (info === 0) info = j + 1;
      continue;
    }
    ju = Math.max(ju, Math.min(j + ku + jp, n - 1));
    if (jp !== 0) {
      for (let c = j; c <= ju; c++) {
        const a = c * ldab + kv + j - c;
        const t = ab[a]!;
        ab[a] = ab[a + jp]!;
        ab[a + jp] = t;
      }
    }
    const rp = 1 / ab[colBase]!;
    for (let i = 1; i <= km; i++) ab[colBase + i]! *= rp;
    for (let c = j + 1; c <= ju; c++) {
      const base = c * ldab + kv - c;
      const ajc = ab[base + j]!;
      if (ajc === 0) continue;
      for (let i = 1; i <= km; i++) ab[base + j + i]! -= ab[colBase + i]! * ajc;
    }
  }
  return info;
}

/** Solve A x = b in place with the factors of {@link bandFactor}. */
export function bandSolve(n: number, kl: number, ku: number, ab: Float64Array, ipiv: Int32Array, b: Float64Array): void {
  const kv = ku + kl;
  const ldab = 2 * kl + ku + 1;
  for (let j = 0; j < n - 1; j++) {
    const km = Math.min(kl, n - 1 - j);
    const l = ipiv[j]!;
    const bj = b[l]!;
    if (l !== j) {
      b[l] = b[j]!;
      b[j] = bj;
    }
    if (bj === 0) continue;
    const colBase = j * ldab + kv;
    for (let i = 1; i <= km; i++) b[j + i]! -= ab[colBase + i]! * bj;
  }
  for (let j = n - 1; j >= 0; j--) {
    const base = j * ldab + kv - j;
    const xj = b[j]! / ab[base + j]!;
    b[j] = xj;
    if (xj === 0) continue;
    const i0 = Math.max(0, j - kv);
    for (let i = i0; i < j; i++) b[i]! -= ab[base + i]! * xj;
  }
}

/** The discrete Maxwell–Boltzmann amplitude e^{−β(U_p − uRef)/2} on node mode-0 slots, 0 elsewhere. */
export function kramersEquilibrium(u: Float64Array, P: number, M: number, beta: number, uRef: number, out: Float64Array): void {
  out.fill(0, 0, P * M);
  for (let p = 0; p < P; p += 2) out[p * M] = Math.exp(-0.5 * beta * (u[p]! - uRef));
}

function dot(a: Float64Array, b: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i]! * b[i]!;
  return s;
}

/** Inverse iteration (see the WASM kernel); returns sweeps, writes μ and the last relative change to out. */
/** The inverse-iteration loop of both solvers (see kramersInverseIteration); `solve` applies (L̃ − σ)⁻¹ in place. */
function inverseIteration(n: number, solve: (y: Float64Array) => void, deflate: Float64Array | null, x: Float64Array, y: Float64Array, maxIter: number, tol: number, out: Float64Array): number {
  let mu = 0;
  let change = Infinity;
  let it = 0;
  while (it < maxIter) {
    if (deflate) {
      const c = dot(deflate, x, n);
      for (let i = 0; i < n; i++) x[i]! -= c * deflate[i]!;
    }
    const nx = Math.sqrt(dot(x, x, n));
    for (let i = 0; i < n; i++) {
      const v = x[i]! / nx;
      x[i] = v;
      y[i] = v;
    }
    solve(y);
    if (deflate) {
      const c = dot(deflate, y, n);
      for (let i = 0; i < n; i++) y[i]! -= c * deflate[i]!;
    }
    const m = dot(x, y, n);
    it++;
    change = Math.abs(m - mu) / Math.abs(m);
    mu = m;
    x.set(y.subarray(0, n));
    if (change <= tol) break;
  }
  out[0] = mu;
  out[1] = change;
  return it;
}

export function kramersInverseIteration(n: number, kl: number, ku: number, ab: Float64Array, ipiv: Int32Array, deflate: Float64Array | null, x: Float64Array, y: Float64Array, maxIter: number, tol: number, out: Float64Array): number {
  return inverseIteration(n, (v) => bandSolve(n, kl, ku, ab, ipiv, v), deflate, x, y, maxIter, tol, out);
}

/** Boltzmann-weighted average of T over the nodes p ≤ pEnd (see the WASM kernel). */
export function kramersThermalAverage(u: Float64Array, P: number, M: number, beta: number, uRef: number, pEnd: number, tau: Float64Array): number {
  let num = 0;
  let den = 0;
  const last = Math.min(pEnd, P - 1);
  for (let p = 0; p <= last; p += 2) {
    const w = Math.exp(-0.5 * beta * (u[p]! - uRef));
    num += w * tau[p * M]!;
    den += w * w;
  }
  return num / den;
}

/** Absorbing edge after the last position (half-range Marshak closure; see the WASM kernel). `u` has P + 1 entries. */
export function kramersAbsorbingEdge(u: Float64Array, P: number, M: number, h: number, beta: number, vth: number, adjoint: boolean, half: Float64Array, ab: Float64Array): void {
  const kl = M + 1;
  const kv = 2 * kl;
  const ldab = 3 * kl + 1;
  const i = P - 1;
  const sgn = adjoint ? -1 : 1;
  const hs = adjoint ? -4 : 4;
  const scale = vth / h;
  const ui = u[i]!, ug = u[P]!;
  const eUp = Math.exp(0.5 * beta * (ug - ui));
  const eDown = Math.exp(0.5 * beta * (ui - ug));
  for (let j = 0; j < M; j++) {
    const row = i * M + j;
    for (let t = 0; t < 2; t++) {
      const k = j - 1 + t;
      if (k < 0) continue;
      const coef = t === 0 ? -Math.sqrt(2 * j) * scale * eUp * sgn : -Math.sqrt(2 * j + 1) * scale * eDown * sgn;
      for (let l = 0; l < M; l++) {
        const col = i * M + l;
        ab[col * ldab + kv + row - col]! += coef * hs * half[k * M + l]!;
      }
      const colFace = (i - 1) * M + k;
      ab[colFace * ldab + kv + row - colFace]! -= coef;
    }
  }
}

// ---- Reduced (face-eliminated) solver: see "Reduced solve" in assembly/kramers_equation.ts ----

/**
 * Node–face couplings of the operator (forward, or adjoint if `adjoint`): for node k (position
 * p = 2k) and its left (L, p − 1) and right (R, p + 1) face, cpl[4k + 0|1|2|3] = aDown_L, aUp_L,
 * aDown_R, aUp_R. The entry of row (node k, mode 2j) at column (face, mode 2j − 1) is √(2j)·aDown,
 * at column (face, mode 2j + 1) it is √(2j + 1)·aUp; the face rows hold minus the transpose.
 * Missing faces (grid ends) get 0. `u` holds U at the P positions (P odd).
 */
export function kramersNodeCouplings(u: Float64Array, P: number, h: number, beta: number, vth: number, adjoint: boolean, cpl: Float64Array): void {
  const sgn = adjoint ? -1 : 1;
  const halfBeta = 0.5 * beta;
  const scale = vth / h;
  const K1 = (P + 1) >> 1;
  for (let k = 0; k < K1; k++) {
    const p = 2 * k;
    for (let t = 0; t < 2; t++) {
      const side = 2 * t - 1;
      const q = p + side;
      let down = 0, up = 0;
      if (q >= 0 && q < P) {
        down = -side * scale * Math.exp(halfBeta * (u[q]! - u[p]!)) * sgn;
        up = -side * scale * Math.exp(halfBeta * (u[p]! - u[q]!)) * sgn;
      }
      cpl[4 * k + 2 * t] = down;
      cpl[4 * k + 2 * t + 1] = up;
    }
  }
}

/** Reduced index of node k, mode j (see assembly/kramers_equation.ts, reducedIndex). */
const reducedIndex = (k: number, j: number, M: number, nb: number, modeMajor: boolean): number => (modeMajor && k < nb ? j * nb + k : k * M + j);

/**
 * G = −(A_nn − A_nf A_ff⁻¹ A_fn), the Schur complement of the faces with the sign that makes it
 * symmetric positive definite (in exact arithmetic), for the first nb nodes, in LAPACK lower band storage
 * (kd = M + 1, or nb + 1 with `modeMajor`; ldab = kd + 1; G(r, c), r ≥ c, at ab[c·ldab + r − c]).
 */
export function kramersReducedAssemble(cpl: Float64Array, K1: number, M: number, nb: number, frictionRate: number, shift: number, ab: Float64Array, modeMajor = false): void {
  const ldab = (modeMajor ? nb : M) + 2;
  const nr = nb * M;
  ab.fill(0, 0, ldab * nr);
  for (let k = 0; k < nb; k++) for (let j = 0; j < M; j++) ab[reducedIndex(k, j, M, nb, modeMajor) * ldab] = frictionRate * (2 * j) + shift;
  const idx = new Int32Array(4);
  const val = new Float64Array(4);
  for (let f = 0; f < K1 - 1; f++) {
    for (let i = 0; i < M; i++) {
      const rd = 1 / (frictionRate * (2 * i + 1) + shift);
      const s1 = Math.sqrt(2 * i + 1), s2 = Math.sqrt(2 * i + 2);
      // the node entries coupled to face f, mode i that lie in the band: (f, i), (f, i + 1), (f + 1, i), (f + 1, i + 1)
      let m = 0;
      if (f < nb) {
        idx[m] = reducedIndex(f, i, M, nb, modeMajor); val[m++] = s1 * cpl[4 * f + 3]!;
        if (i + 1 < M) { idx[m] = reducedIndex(f, i + 1, M, nb, modeMajor); val[m++] = s2 * cpl[4 * f + 2]!; }
      }
      if (f + 1 < nb) {
        idx[m] = reducedIndex(f + 1, i, M, nb, modeMajor); val[m++] = s1 * cpl[4 * f + 5]!;
        if (i + 1 < M) { idx[m] = reducedIndex(f + 1, i + 1, M, nb, modeMajor); val[m++] = s2 * cpl[4 * f + 4]!; }
      }
      for (let b = 0; b < m; b++) {
        const vc = val[b]! * rd;
        for (let a = b; a < m; a++) {
          const r = Math.max(idx[a]!, idx[b]!), c = Math.min(idx[a]!, idx[b]!);
          ab[c * ldab + r - c]! += val[a]! * vc;
        }
      }
    }
  }
}

/** G for the first nb of the K1 nodes in the 9-slot ELL form of the multifrontal solver (see the WASM kernel). */
export function kramersReducedEll(cpl: Float64Array, K1: number, M: number, nb: number, frictionRate: number, shift: number, cols: Int32Array, vals: Float64Array): void {
  const nr = nb * M;
  vals.fill(0, 0, 9 * nr);
  for (let k = 0; k < nb; k++) {
    for (let j = 0; j < M; j++) {
      const row = k * M + j;
      for (let dk = -1; dk <= 1; dk++) {
        for (let dj = -1; dj <= 1; dj++) {
          const kk = k + dk, jj = j + dj;
          cols[9 * row + (dk + 1) * 3 + dj + 1] = kk >= 0 && kk < nb && jj >= 0 && jj < M ? kk * M + jj : -1;
        }
      }
      vals[9 * row + 4] = frictionRate * (2 * j) + shift;
    }
  }
  for (let f = 0; f < K1 - 1; f++) {
    for (let i = 0; i < M; i++) {
      const rd = 1 / (frictionRate * (2 * i + 1) + shift);
      const s1 = Math.sqrt(2 * i + 1), s2 = Math.sqrt(2 * i + 2);
      const more = i + 1 < M;
      const v = [s1 * cpl[4 * f + 3]!, more ? s2 * cpl[4 * f + 2]! : 0, s1 * cpl[4 * f + 5]!, more ? s2 * cpl[4 * f + 4]! : 0];
      for (let a = 0; a < 4; a++) {
        const ka = f + (a >> 1), ja = i + (a & 1);
        if (ka >= nb || ja >= M) continue;
        for (let b = 0; b < 4; b++) {
          const kb = f + (b >> 1), jb = i + (b & 1);
          if (kb >= nb || jb >= M) continue;
          vals[9 * (ka * M + ja) + (kb - ka + 1) * 3 + (jb - ja + 1)]! += v[a]! * (v[b]! * rd);
        }
      }
    }
  }
}

/**
 * Band LDLᵀ of G without pivoting (unit L below the diagonal, D on it) in lower band storage
 * (ldab = kd + 1); returns 0 or j + 1 for an exactly zero (or non-finite) pivot. Not Cholesky:
 * with a shift far below the rounding level of G (high barriers) G is positive definite only in
 * exact arithmetic, and a pivot may come out ≤ 0; LDLᵀ carries on, as the pivoted LU did.
 */
export function bandLDLT(n: number, kd: number, ab: Float64Array): number {
  return ldltPartial(n, kd, ab, n);
}


/** g ← D⁻¹L⁻¹g over rows 0 … n−1 of the band LDLᵀ factor (in place). */
function ldltForward(n: number, kd: number, ab: Float64Array, g: Float64Array): void {
  const ldab = kd + 1;
  for (let j = 0; j < n; j++) {
    const cj = j * ldab;
    const gj = g[j]!;
    g[j] = gj / ab[cj]!;
    if (gj === 0) continue;
    const kn = Math.min(kd, n - 1 - j);
    for (let i = 1; i <= kn; i++) g[j + i]! -= ab[cj + i]! * gj;
  }
}

/** Back substitution Lᵀ x = g with the unit L (in place). */
function ldltBack(n: number, kd: number, ab: Float64Array, g: Float64Array): void {
  const ldab = kd + 1;
  for (let j = n - 1; j >= 0; j--) {
    const kn = Math.min(kd, n - 1 - j);
    g[j] = g[j]! - dot2(ab, j * ldab + 1, g, j + 1, kn);
  }
}

/** Dense LU with partial pivoting of the M×M row-major `a` (in place); returns 0 or j + 1 for a zero pivot. */
function denseFactor(M: number, a: Float64Array, ao: number, ipiv: Int32Array): number {
  for (let j = 0; j < M; j++) {
    let p = j;
    let best = Math.abs(a[ao + j * M + j]!);
    for (let i = j + 1; i < M; i++) {
      const v = Math.abs(a[ao + i * M + j]!);
      if (v > best) { best = v; p = i; }
    }
    ipiv[j] = p;
    if (best === 0) return j + 1;
    if (p !== j) {
      for (let c = 0; c < M; c++) {
        const t = a[ao + j * M + c]!;
        a[ao + j * M + c] = a[ao + p * M + c]!;
        a[ao + p * M + c] = t;
      }
    }
    const r = 1 / a[ao + j * M + j]!;
    for (let i = j + 1; i < M; i++) {
      const l = a[ao + i * M + j]! * r;
      a[ao + i * M + j] = l;
      if (l === 0) continue;
      for (let c = j + 1; c < M; c++) a[ao + i * M + c]! -= l * a[ao + j * M + c]!;
    }
  }
  return 0;
}

function denseSolve(M: number, a: Float64Array, ao: number, ipiv: Int32Array, x: Float64Array, xo: number): void {
  for (let j = 0; j < M; j++) {
    const p = ipiv[j]!;
    if (p !== j) {
      const t = x[xo + j]!;
      x[xo + j] = x[xo + p]!;
      x[xo + p] = t;
    }
  }
  for (let i = 1; i < M; i++) {
    let s = x[xo + i]!;
    for (let c = 0; c < i; c++) s -= a[ao + i * M + c]! * x[xo + c]!;
    x[xo + i] = s;
  }
  for (let i = M - 1; i >= 0; i--) {
    let s = x[xo + i]!;
    for (let c = i + 1; c < M; c++) s -= a[ao + i * M + c]! * x[xo + c]!;
    x[xo + i] = s / a[ao + i * M + i]!;
  }
}

/**
 * The last node's row of the operator with the absorbing edge (see {@link kramersAbsorbingEdge}):
 * rowF (M×M, row-major: node mode j × face mode i) = its coupling to the face before, rowN (M×M) =
 * its own block (friction diagonal − shift + the half-range closure). `u` has P + 1 entries.
 */
export function kramersAbsorbingRow(u: Float64Array, P: number, M: number, h: number, beta: number, vth: number, frictionRate: number, shift: number, adjoint: boolean, half: Float64Array, cpl: Float64Array, rowF: Float64Array, rowN: Float64Array): void {
  const K = (P - 1) >> 1;
  const sgn = adjoint ? -1 : 1;
  const hs = adjoint ? -4 : 4;
  const scale = vth / h;
  const ui = u[P - 1]!, ug = u[P]!;
  const eUp = Math.exp(0.5 * beta * (ug - ui));
  const eDown = Math.exp(0.5 * beta * (ui - ug));
  rowF.fill(0, 0, M * M);
  rowN.fill(0, 0, M * M);
  for (let j = 0; j < M; j++) {
    if (j >= 1) rowF[j * M + j - 1] = Math.sqrt(2 * j) * cpl[4 * K]!;
    rowF[j * M + j] = Math.sqrt(2 * j + 1) * cpl[4 * K + 1]!;
    rowN[j * M + j] = -frictionRate * (2 * j) - shift;
    for (let t = 0; t < 2; t++) {
      const k = j - 1 + t;
      if (k < 0) continue;
      const coef = t === 0 ? -Math.sqrt(2 * j) * scale * eUp * sgn : -Math.sqrt(2 * j + 1) * scale * eDown * sgn;
      for (let l = 0; l < M; l++) rowN[j * M + l]! += coef * hs * half[k * M + l]!;
      rowF[j * M + k]! -= coef;
    }
  }
}

/**
 * After the factorization of the first nb nodes (band, or multifrontal with node nb − 1 last): the
 * bordered last node (node nb); `last` at lastOffset holds node nb − 1's block of L and D (column r
 * at r·ldabLast). border holds
 * three M×M row-major blocks: Yt (row j = L_bb⁻¹ G21[j, ·]ᵀ), Zt (row j = D_bb⁻¹L_bb⁻¹ G12[·, j]) and
 * the LU factors of S = G22 − YᵀZ (pivots in ipivS). Returns 0 or j + 1 for a zero pivot of S.
 */
export function kramersBorderFactor(M: number, nb: number, frictionRate: number, shift: number, cpl: Float64Array, last: Float64Array, lastOffset: number, ldabLast: number, rowF: Float64Array, rowN: Float64Array, border: Float64Array, ipivS: Int32Array): number {
  const MM = M * M;
  const K = nb, Km = nb - 1;
  border.fill(0, 0, 3 * MM);
  // Yt ← G21 (row j), Zt ← G12ᵀ (row j' = column j' of G12), S ← G22
  const Y = 0, Z = MM, S = 2 * MM;
  for (let i = 0; i < M; i++) {
    const rd = 1 / (frictionRate * (2 * i + 1) + shift);
    const s1 = Math.sqrt(2 * i + 1), s2 = Math.sqrt(2 * i + 2);
    // v_{K−1}(i): j = i, i + 1; v_K(i): j = i, i + 1
    const a0 = s1 * cpl[4 * Km + 3]!, a1 = i + 1 < M ? s2 * cpl[4 * Km + 2]! : 0;
    const b0 = s1 * cpl[4 * K + 1]!, b1 = i + 1 < M ? s2 * cpl[4 * K]! : 0;
    // G12[j][j'] += v_{K−1}[j] v_K[j'] / d → Zt[j'][j]
    border[Z + i * M + i]! += b0 * a0 * rd;
    if (i + 1 < M) {
      border[Z + i * M + i + 1]! += b0 * a1 * rd;
      border[Z + (i + 1) * M + i]! += b1 * a0 * rd;
      border[Z + (i + 1) * M + i + 1]! += b1 * a1 * rd;
    }
    for (let j = 0; j < M; j++) {
      const f = rowF[j * M + i]!;
      if (f === 0) continue;
      const fr = f * rd;
      border[Y + j * M + i]! += fr * a0;
      border[S + j * M + i]! += fr * b0;
      if (i + 1 < M) {
        border[Y + j * M + i + 1]! += fr * a1;
        border[S + j * M + i + 1]! += fr * b1;
      }
    }
  }
  for (let q = 0; q < MM; q++) border[S + q]! -= rowN[q]!;
  // rows of Yt ← L_bb⁻¹(·), of Zt ← D_bb⁻¹L_bb⁻¹(·): forward substitution in the last band block
  for (const base of [Y, Z]) {
    for (let j = 0; j < M; j++) {
      const o = base + j * M;
      for (let r = 0; r < M; r++) {
        const cj = lastOffset + r * ldabLast;
        const gr = border[o + r]!;
        if (base === Z) border[o + r] = gr / last[cj]!;
        if (gr === 0) continue;
        const kn = Math.min(ldabLast - 1, M - 1 - r);
        for (let t = 1; t <= kn; t++) border[o + r + t]! -= last[cj + t]! * gr;
      }
    }
  }
  for (let j = 0; j < M; j++) for (let jj = 0; jj < M; jj++) border[S + j * M + jj]! -= dot2(border, Y + j * M, border, Z + jj * M, M);
  return denseFactor(M, border, S, ipivS);
}

/**
 * Solve A x = b (A the operator assembled as by {@link kramersAssemble} − shift, plus the absorbing
 * edge if `absorbing`) in place on b (P·M, layout p·M + j), through the face Schur complement:
 * r = −(b_n − A_nf A_ff⁻¹ b_f), G x_n = r (band LDLᵀ, bordered last node), x_f = A_ff⁻¹(b_f − A_fn x_n).
 * r is scratch of ((P + 1)/2)·M f64 in the ordering of reducedIndex (`modeMajor` needs absorbing = false).
 * With `mf` the node system is solved by the multifrontal factor (node-major numbering).
 */
export function kramersReducedSolve(P: number, M: number, nb: number, frictionRate: number, shift: number, cpl: Float64Array, ab: Float64Array, absorbing: boolean, rowF: Float64Array, border: Float64Array, ipivS: Int32Array, b: Float64Array, r: Float64Array, modeMajor = false, mf: MultifrontalFactor | null = null): void {
  const K1 = (P + 1) >> 1;
  const kd = (modeMajor ? nb : M) + 1;
  const MM = M * M;
  const ix = (k: number, j: number) => reducedIndex(k, j, M, nb, modeMajor);
  for (let k = 0; k < K1; k++) for (let j = 0; j < M; j++) r[ix(k, j)] = -b[2 * k * M + j]!;
  for (let f = 0; f < K1 - 1; f++) {
    const fo = (2 * f + 1) * M;
    for (let i = 0; i < M; i++) {
      const bf = b[fo + i]! / (frictionRate * (2 * i + 1) + shift);
      if (bf === 0) continue;
      const s1 = Math.sqrt(2 * i + 1), s2 = Math.sqrt(2 * i + 2);
      r[ix(f, i)]! -= s1 * cpl[4 * f + 3]! * bf;
      if (i + 1 < M) r[ix(f, i + 1)]! -= s2 * cpl[4 * f + 2]! * bf;
      if (absorbing && f + 1 === nb) {
        r[(f + 1) * M + i]! -= rowF[i * M + i]! * bf;
        if (i + 1 < M) r[(f + 1) * M + i + 1]! -= rowF[(i + 1) * M + i]! * bf;
      } else {
        r[ix(f + 1, i)]! -= s1 * cpl[4 * f + 5]! * bf;
        if (i + 1 < M) r[ix(f + 1, i + 1)]! -= s2 * cpl[4 * f + 4]! * bf;
      }
    }
  }
  const n = nb * M;
  if (mf) mfForward(mf.count, mf.fronts, mf.vars, mf.factor, r, mf.work);
  else ldltForward(n, kd, ab, r);
  if (absorbing) {
    const s0 = (nb - 1) * M;
    const x2 = n; // r[n … n + M) holds r2, then x2
    for (let j = 0; j < M; j++) r[x2 + j]! -= dot2(border, j * M, r, s0, M);
    denseSolve(M, border, 2 * MM, ipivS, r, x2);
    for (let jj = 0; jj < M; jj++) {
      const xv = r[x2 + jj]!;
      if (xv === 0) continue;
      for (let q = 0; q < M; q++) r[s0 + q]! -= border[MM + jj * M + q]! * xv;
    }
  }
  if (mf) mfBack(mf.count, mf.fronts, mf.vars, mf.factor, r, mf.work);
  else ldltBack(n, kd, ab, r);
  // faces from the nodes (A_fn = −A_nfᵀ with the unmodified couplings), then the nodes
  for (let f = 0; f < K1 - 1; f++) {
    const fo = (2 * f + 1) * M;
    for (let i = 0; i < M; i++) {
      const s1 = Math.sqrt(2 * i + 1), s2 = Math.sqrt(2 * i + 2);
      let s = b[fo + i]! + s1 * cpl[4 * f + 3]! * r[ix(f, i)]! + s1 * cpl[4 * f + 5]! * r[ix(f + 1, i)]!;
      if (i + 1 < M) s += s2 * cpl[4 * f + 2]! * r[ix(f, i + 1)]! + s2 * cpl[4 * f + 4]! * r[ix(f + 1, i + 1)]!;
      b[fo + i] = -s / (frictionRate * (2 * i + 1) + shift);
    }
  }
  for (let k = 0; k < K1; k++) for (let j = 0; j < M; j++) b[2 * k * M + j] = r[ix(k, j)]!;
}

/** Inverse iteration as {@link kramersInverseIteration}, each sweep through {@link kramersReducedSolve}. */
export function kramersReducedInverseIteration(P: number, M: number, nb: number, frictionRate: number, shift: number, cpl: Float64Array, ab: Float64Array, absorbing: boolean, rowF: Float64Array, border: Float64Array, ipivS: Int32Array, deflate: Float64Array | null, x: Float64Array, y: Float64Array, r: Float64Array, maxIter: number, tol: number, out: Float64Array, modeMajor = false, mf: MultifrontalFactor | null = null): number {
  return inverseIteration(P * M, (v) => kramersReducedSolve(P, M, nb, frictionRate, shift, cpl, ab, absorbing, rowF, border, ipivS, v, r, modeMajor, mf), deflate, x, y, maxIter, tol, out);
}
