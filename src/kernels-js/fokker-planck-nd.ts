// Pure-JS twin of assembly/fokker_planck_nd.ts (layouts documented there).

/** The 2-D backward-equation system: ELL matrix (9 slots per row) and right-hand side π. */
export function fp2dBackward(u: Float64Array, nx: number, ny: number, h: number, beta: number, diffusion: number, uMin: number, cols: Int32Array, vals: Float64Array, rhs: Float64Array): void {
  const n = nx * ny;
  const scale = diffusion / (h * h);
  cols.fill(-1, 0, 9 * n);
  vals.fill(0, 0, 9 * n);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      const ur = u[r]!;
      let diag = 0;
      for (let k = 0; k < 4; k++) {
        const di = k === 0 ? -1 : k === 1 ? 1 : 0;
        const dj = k === 2 ? -1 : k === 3 ? 1 : 0;
        const ii = i + di, jj = j + dj;
        if (ii < 0 || jj < 0 || jj >= ny) continue;
        const w = scale * Math.exp(-beta * (0.5 * (ur + u[ii * ny + jj]!) - uMin));
        diag += w;
        if (ii >= nx) continue;
        const q = 9 * r + (di + 1) * 3 + dj + 1;
        cols[q] = ii * ny + jj;
        vals[q] = -w;
      }
      cols[9 * r + 4] = r;
      vals[9 * r + 4] = diag;
      rhs[r] = Math.exp(-beta * (ur - uMin));
    }
  }
}
