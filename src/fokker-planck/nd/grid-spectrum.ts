// The slowest relaxation rate λ₁ of the overdamped Fokker–Planck operator of a 2-D potential in a
// reflecting box: the symmetrized generator on nested grids, shift-invert inverse iteration with
// the stationary state deflated (the nested-dissection multifrontal LDLᵀ), λ₁ as the Dirichlet
// form of the eigenvector (relative accuracy at any barrier), Richardson in the spacing.
import { KramersError } from "../../errors.js";
import * as jsfp from "../../kernels-js/fokker-planck-nd.js";
import { localMinimum } from "../../landscape/nd/stationary.js";
import { toPotentialND } from "../../potential/nd.js";
import type { PotentialND } from "../../potential/types.js";
import { Warnings } from "../../result.js";
import { requireOneOf, requireOptions, requirePositive } from "../../validate.js";
import { loadWasm, type KramersWasm } from "../../wasm/loader.js";
import { checkBox, defaultSpacing, nodeValues, type Grid2DOptions, type Grid2DResult } from "./grid.js";
import { jsLattice, latticeStorage, wasmLattice, type LatticeSystem } from "./lattice.js";
import { refineGrids } from "./levels.js";

/** Options of {@link gridSpectrum2D}: those of every grid solver (the box's walls reflect). */
export type GridSpectrum2DOptions = Grid2DOptions;

/** Result of {@link gridSpectrum2D}. */
export interface GridSpectrum2DResult extends Grid2DResult {
  /** The smallest nonzero eigenvalue λ₁ of the Fokker–Planck operator (1/time). */
  readonly lambda1: number;
  /** Estimated absolute error (Richardson). */
  readonly lambda1Error: number;
  /** 1/λ₁. */
  readonly relaxationTime: number;
  /** λ₁ on each grid, coarsest first. */
  readonly levels: readonly { readonly spacing: number; readonly lambda1: number }[];
}

/** λ₁ on one grid. */
function lambdaOnGrid(p: PotentialND, box: readonly (readonly [number, number])[], h: number, beta: number, diffusion: number, shift: number, wasm: KramersWasm | undefined, w: Warnings): number {
  const [x0, x1] = box[0]!, [y0, y1] = box[1]!;
  const nx = Math.ceil((x1 - x0) / h) + 1, ny = Math.ceil((y1 - y0) / h) + 1, n = nx * ny;
  const { u, uMin } = nodeValues(p, nx, ny, (i, j) => [x0 + i * h, y0 + j * h]);
  // a start with a sign change across the box's longer axis overlaps the slow mode of a double well
  const start = new Float64Array(n);
  for (let i = 0; i < nx; i++) for (let j = 0; j < ny; j++) start[i * ny + j] = Math.exp(-0.5 * beta * (u[i * ny + j]! - uMin)) * (nx >= ny ? i - (nx - 1) / 2 : j - (ny - 1) / 2);
  let sys: LatticeSystem;
  let root: Float64Array;
  if (wasm) {
    const e = wasm.exports;
    const up = wasm.copyIn(u), rp = e.allocF64(n) >>> 0;
    try {
      sys = wasmLattice(wasm, nx, ny, (cols, vals) => e.fp2dAssemble(1, up, nx, ny, h, beta, diffusion, uMin, shift, cols, vals, rp));
      root = wasm.f64(rp, n).slice();
    } finally {
      e.free(rp);
      e.free(up);
    }
  } else {
    root = new Float64Array(n);
    const r = root;
    sys = jsLattice(nx, ny, (cols, vals) => jsfp.fp2dAssemble(1, u, nx, ny, h, beta, diffusion, uMin, shift, cols, vals, r));
  }
  try {
    const it = sys.inverseIteration(root, start, 500, 1e-13);
    if (!(it.change <= 1e-9)) w.add("NOT_CONVERGED", `inverse iteration on ${nx}×${ny} nodes stopped with relative change ${it.change.toPrecision(2)}`);
    if (wasm) {
      const e = wasm.exports;
      const up = wasm.copyIn(u), xp = wasm.copyIn(it.x);
      try {
        return e.fp2dDirichletForm(up, nx, ny, h, diffusion, beta, xp);
      } finally {
        e.free(xp);
        e.free(up);
      }
    }
    return jsfp.fp2dDirichletForm(u, nx, ny, h, diffusion, beta, it.x);
  } finally {
    sys.dispose();
  }
}

/**
 * The slowest relaxation rate λ₁ of the overdamped dynamics `γ dx = −∇U dt + √(2γkT) dW` in a
 * 2-D box with reflecting walls: the smallest nonzero eigenvalue of the Fokker–Planck operator.
 * For a double well, λ₁ = k₊ + k₋ (2k when symmetric), the rate from the spectrum. The symmetrized
 * generator (finite volumes, second order) is inverted near 0 with the stationary state deflated,
 * each grid factored by nested dissection; λ₁ is the Dirichlet form of the eigenvector, a sum of
 * positive terms, so it keeps its relative accuracy however small it is. Grids are halved until
 * the Richardson estimate meets `tolerance`.
 *
 * @param options - potential, kT, gamma (1), domain, tolerance (1e-4), spacing, maxMemoryMB (256), engine ("wasm")
 * @returns lambda1 with an error estimate, the grid, the value on each level, warnings
 * @throws KramersError INVALID_ARGUMENT (not 2-D), BAD_DOMAIN, NOT_FINITE, NOT_POSITIVE, NOT_CONVERGED
 * @example
 * ```ts
 * const s = await gridSpectrum2D({ potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.1, domain: [[-1.9, 1.9], [-1, 1.6]] });
 * s.lambda1 / 2; // the well-to-well rate k (≈ 1/MFPT to the other minimum)
 * ```
 */
export async function gridSpectrum2D(options: GridSpectrum2DOptions): Promise<GridSpectrum2DResult> {
  const o = requireOptions("gridSpectrum2D options", options, ["potential", "kT", "gamma", "domain", "tolerance", "spacing", "maxMemoryMB", "engine"]);
  const p = toPotentialND(o.potential);
  if (p.dimension !== 2) throw new KramersError("INVALID_ARGUMENT", `gridSpectrum2D needs a 2-D potential, got dimension ${p.dimension}`, { option: "potential" });
  const kT = requirePositive("kT", o.kT);
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  const tolerance = o.tolerance === undefined ? 1e-4 : requirePositive("tolerance", o.tolerance);
  const maxDoubles = ((o.maxMemoryMB === undefined ? 256 : requirePositive("maxMemoryMB", o.maxMemoryMB)) * 2 ** 20) / 8;
  const engine = o.engine === undefined ? "wasm" : requireOneOf("engine", o.engine, ["wasm", "js"] as const);
  const box = checkBox(o.domain);
  const beta = 1 / kT, diffusion = kT / gamma;
  const w = new Warnings();
  // the lowest node of a coarse look sets the spacing and the shift (a fraction of the relaxation rate in that well)
  const [x0, x1] = box[0]!, [y0, y1] = box[1]!;
  const look = 64;
  const { u: coarse } = nodeValues(p, look + 1, look + 1, (i, j) => [x0 + ((x1 - x0) * i) / look, y0 + ((y1 - y0) * j) / look]);
  let best = 0;
  for (let q = 1; q < coarse.length; q++) if (coarse[q]! < coarse[best]!) best = q;
  const lowest = [x0 + ((x1 - x0) * Math.floor(best / (look + 1))) / look, y0 + ((y1 - y0) * (best % (look + 1))) / look];
  let softest = NaN;
  try {
    softest = localMinimum(p, lowest).eigenvalues[0]!;
  } catch {
    softest = NaN;
  }
  const relax = Number.isFinite(softest) && softest > 0 ? softest / gamma : diffusion / ((x1 - x0) * (y1 - y0));
  // shift-invert near 0: the slow mode dominates (λ₁ + σ)/(λ₂ + σ) ≈ 0.02 per sweep
  const shift = 0.02 * relax;
  const h0 = o.spacing === undefined ? defaultSpacing(p, lowest, kT, box) : requirePositive("spacing", o.spacing);
  const wasm = engine === "wasm" ? await loadWasm() : undefined;
  const r = await refineGrids(h0, tolerance, maxDoubles, (h) => latticeStorage(Math.ceil((x1 - x0) / h) + 1, Math.ceil((y1 - y0) / h) + 1), (h) => lambdaOnGrid(p, box, h, beta, diffusion, shift, wasm, w), w);
  return {
    lambda1: r.value,
    lambda1Error: r.error,
    converged: r.converged,
    relaxationTime: 1 / r.value,
    nodes: [Math.ceil((x1 - x0) / r.spacing) + 1, Math.ceil((y1 - y0) / r.spacing) + 1],
    spacing: r.spacing,
    levels: r.levels.map((l) => ({ spacing: l.spacing, lambda1: l.value })),
    definition: "the smallest nonzero eigenvalue λ₁ of the overdamped Fokker–Planck operator in the box (reflecting walls): the slowest relaxation rate; for a double well λ₁ = k₊ + k₋",
    warnings: w.list,
  };
}
