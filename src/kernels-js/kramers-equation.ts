// Pure-JS twin of assembly/kramers_equation.ts: the same algorithms, line for line, on typed
// arrays instead of pointers (a reference for tests, a fallback and a benchmark baseline).
// Layout and band storage are documented in assembly/kramers_equation.ts.

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
export function kramersInverseIteration(n: number, kl: number, ku: number, ab: Float64Array, ipiv: Int32Array, deflate: Float64Array | null, x: Float64Array, y: Float64Array, maxIter: number, tol: number, out: Float64Array): number {
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
    bandSolve(n, kl, ku, ab, ipiv, y);
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
