// Pure-JS twin of assembly/fokker_planck_nd.ts (layouts documented there).
import { mfBack, mfForward } from "./multifrontal.js";

/** Twin of fp2dAssemble: mode 0 the backward-equation system and π, mode 1 −S + σ and π^{1/2}/|π^{1/2}|. */
export function fp2dAssemble(mode: 0 | 1, u: Float64Array, nx: number, ny: number, h: number, beta: number, diffusion: number, uMin: number, shift: number, cols: Int32Array, vals: Float64Array, vec: Float64Array): void {
  const n = nx * ny;
  const scale = diffusion / (h * h);
  const backward = mode === 0;
  const iEnd = backward ? nx + 1 : nx;
  let norm = 0;
  cols.fill(-1, 0, 9 * n);
  vals.fill(0, 0, 9 * n);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      const ur = u[r]!;
      let diag = backward ? 0 : shift;
      for (let k = 0; k < 4; k++) {
        const di = k === 0 ? -1 : k === 1 ? 1 : 0;
        const dj = k === 2 ? -1 : k === 3 ? 1 : 0;
        const ii = i + di, jj = j + dj;
        if (ii < 0 || ii >= iEnd || jj < 0 || jj >= ny) continue;
        const uq = u[ii * ny + jj]!;
        const w = backward ? scale * Math.exp(-beta * (0.5 * (ur + uq) - uMin)) : scale * Math.exp(-0.5 * beta * (uq - ur));
        diag += w;
        if (ii >= nx) continue;
        const q = 9 * r + (di + 1) * 3 + dj + 1;
        cols[q] = ii * ny + jj;
        vals[q] = backward ? -w : -scale;
      }
      cols[9 * r + 4] = r;
      vals[9 * r + 4] = diag;
      const v = backward ? Math.exp(-beta * (ur - uMin)) : Math.exp(-0.5 * beta * (ur - uMin));
      vec[r] = v;
      norm += v * v;
    }
  }
  if (!backward) {
    const inv = 1 / Math.sqrt(norm);
    for (let r = 0; r < n; r++) vec[r] = vec[r]! * inv;
  }
}

/** Twin of fp2dDirichletForm. */
export function fp2dDirichletForm(u: Float64Array, nx: number, ny: number, h: number, diffusion: number, beta: number, x: Float64Array): number {
  const scale = diffusion / (h * h);
  let num = 0, den = 0;
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      const ur = u[r]!, xr = x[r]!;
      den += xr * xr;
      for (let k = 0; k < 2; k++) {
        const ii = i + (k === 0 ? 1 : 0), jj = j + (k === 1 ? 1 : 0);
        if (ii >= nx || jj >= ny) continue;
        const q = ii * ny + jj;
        const e = Math.exp(0.25 * beta * (ur - u[q]!));
        const d = xr * e - x[q]! / e;
        num += scale * d * d;
      }
    }
  }
  return num / den;
}

/** Twin of fp2dInverseIteration (multifrontal factor in `mf`); out[0] = μ, out[1] = last change. */
export function fp2dInverseIteration(mf: { count: number; fronts: Int32Array; vars: Int32Array; factor: Float64Array; work: Float64Array }, n: number, deflate: Float64Array, x: Float64Array, y: Float64Array, maxIter: number, tol: number, out: Float64Array): number {
  const project = (v: Float64Array) => {
    let c = 0;
    for (let i = 0; i < n; i++) c += deflate[i]! * v[i]!;
    for (let i = 0; i < n; i++) v[i] = v[i]! - c * deflate[i]!;
  };
  const normalize = (v: Float64Array) => {
    let s = 0;
    for (let i = 0; i < n; i++) s += v[i]! * v[i]!;
    const r = 1 / Math.sqrt(s);
    for (let i = 0; i < n; i++) v[i] = v[i]! * r;
  };
  let mu = 0, change = Infinity, it = 0;
  while (it < maxIter) {
    project(x);
    normalize(x);
    y.set(x.subarray(0, n));
    mfForward(mf.count, mf.fronts, mf.vars, mf.factor, y, mf.work);
    mfBack(mf.count, mf.fronts, mf.vars, mf.factor, y, mf.work);
    project(y);
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i]! * y[i]!;
    x.set(y.subarray(0, n));
    it++;
    change = Math.abs(m - mu) / Math.abs(m);
    mu = m;
    if (change <= tol) break;
  }
  normalize(x);
  out[0] = mu;
  out[1] = change;
  return it;
}
