// The overdamped Fokker–Planck backward operator on a 2-D grid (hot loop of src/fokker-planck/nd).
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
 * Assemble the system above: `u` holds U at the (nx + 1)·ny nodes (index i·ny + j, the last
 * column i = nx on the absorbing line), `cols`/`vals` (9·nx·ny) receive the 9-slot ELL matrix
 * (slot (di + 1)·3 + dj + 1; only the 5-point slots are used, the rest −1), `rhs` (nx·ny) π_i.
 * uMin: the energy reference (the lowest U of the grid).
 */
export function fp2dBackward(u: usize, nx: i32, ny: i32, h: f64, beta: f64, diffusion: f64, uMin: f64, cols: usize, vals: usize, rhs: usize): void {
  const n = nx * ny;
  const scale = diffusion / (h * h);
  for (let q = 0; q < 9 * n; q++) {
    store<i32>(cols + (<usize>q << 2), -1);
    st(vals, q, 0.0);
  }
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      const ur = ld(u, r);
      let diag: f64 = 0.0;
      for (let k = 0; k < 4; k++) {
        const di = k == 0 ? -1 : k == 1 ? 1 : 0;
        const dj = k == 2 ? -1 : k == 3 ? 1 : 0;
        const ii = i + di, jj = j + dj;
        if (ii < 0 || jj < 0 || jj >= ny) continue;
        const w = scale * Math.exp(-beta * (0.5 * (ur + ld(u, ii * ny + jj)) - uMin));
        diag += w;
        if (ii >= nx) continue;
        const q = 9 * r + (di + 1) * 3 + dj + 1;
        store<i32>(cols + (<usize>q << 2), ii * ny + jj);
        st(vals, q, -w);
      }
      store<i32>(cols + (<usize>(9 * r + 4) << 2), r);
      st(vals, 9 * r + 4, diag);
      st(rhs, r, Math.exp(-beta * (ur - uMin)));
    }
  }
}
