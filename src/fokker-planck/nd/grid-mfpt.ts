// The exact overdamped mean first-passage time of a 2-D potential to a half-plane, from the
// backward equation on nested grids (finite volumes, Richardson extrapolation), solved by the
// nested-dissection multifrontal LDLᵀ. The N-D counterpart of src/exact/ (where 1-D quadrature is
// exact) and the reference for Langer's formula.
import { KramersError } from "../../errors.js";
import * as jsfp from "../../kernels-js/fokker-planck-nd.js";
import { toPotentialND } from "../../potential/nd.js";
import type { PotentialND } from "../../potential/types.js";
import { Warnings } from "../../result.js";
import { requireFinite, requireOneOf, requireOptions, requirePositive } from "../../validate.js";
import { loadWasm, type KramersWasm } from "../../wasm/loader.js";
import { checkBox, defaultSpacing, nodeValues, type Grid2DOptions, type Grid2DResult } from "./grid.js";
import { jsLattice, latticeStorage, wasmLattice } from "./lattice.js";
import { refineGrids } from "./levels.js";

/** A half-plane target: first passage to x_axis ≥ at ("above") or x_axis ≤ at ("below"). */
export interface HalfPlaneTarget {
  readonly axis: 0 | 1;
  readonly at: number;
  /** @default "above" */
  readonly side?: "above" | "below";
}

/** Options of {@link gridMfpt2D}: those of every grid solver, the start and the target. */
export interface GridMfpt2DOptions extends Grid2DOptions {
  /** The starting point (the MFPT from exactly there). */
  readonly from: ArrayLike<number>;
  /** The absorbing half-plane; the domain's edges elsewhere reflect. */
  readonly target: HalfPlaneTarget;
}

/** Result of {@link gridMfpt2D}. */
export interface GridMfpt2DResult extends Grid2DResult {
  /** Mean first-passage time (time units of γ/kT·length²). */
  readonly mfpt: number;
  /** Estimated absolute error (Richardson). */
  readonly mfptError: number;
  /** 1/mfpt. */
  readonly rate: number;
  /** MFPT on each grid, coarsest first. */
  readonly levels: readonly { readonly spacing: number; readonly mfpt: number }[];
}

interface Grid {
  nx: number;
  ny: number;
  h: number;
  /** grid (i, j) → point */
  point(i: number, j: number): [number, number];
  /** point → fractional (i, j) */
  index(p: ArrayLike<number>): [number, number];
}

/** The grid for spacing h: absorbing line on node column nx, box covered. */
function gridFor(target: HalfPlaneTarget, domain: readonly (readonly [number, number])[], h: number): Grid {
  const a = target.axis, b = 1 - a, sign = target.side === "below" ? -1 : 1;
  // s = sign·x_a runs toward the target; nodes s = sAt − (nx − i)·h
  const sAt = sign * target.at;
  const sLo = Math.min(sign * domain[a]![0], sign * domain[a]![1]);
  const nx = Math.max(2, Math.ceil((sAt - sLo) / h));
  const [y0, y1] = domain[b]!;
  const ny = Math.max(2, Math.ceil((y1 - y0) / h) + 1);
  return {
    nx, ny, h,
    point(i, j) {
      const p: [number, number] = [0, 0];
      p[a] = sign * (sAt - (nx - i) * h);
      p[b] = y0 + j * h;
      return p;
    },
    index(p) {
      return [(sign * p[a]! - (sAt - nx * h)) / h, (p[b]! - y0) / h];
    },
  };
}

/** T at every unknown node of the grid (the absorbing column excluded). */
function solveGrid(p: PotentialND, g: Grid, beta: number, diffusion: number, wasm: KramersWasm | undefined): Float64Array {
  const { nx, ny, h } = g;
  const n = nx * ny;
  const { u, uMin } = nodeValues(p, nx + 1, ny, (i, j) => g.point(i, j));
  if (!wasm) {
    const rhs = new Float64Array(n);
    const sys = jsLattice(nx, ny, (cols, vals) => jsfp.fp2dAssemble(0, u, nx, ny, h, beta, diffusion, uMin, 0, cols, vals, rhs));
    return sys.solve(rhs);
  }
  const e = wasm.exports;
  const up = wasm.copyIn(u), rp = e.allocF64(n) >>> 0;
  try {
    const sys = wasmLattice(wasm, nx, ny, (cols, vals) => e.fp2dAssemble(0, up, nx, ny, h, beta, diffusion, uMin, 0, cols, vals, rp));
    try {
      return sys.solve(wasm.f64(rp, n).slice());
    } finally {
      sys.dispose();
    }
  } finally {
    e.free(rp);
    e.free(up);
  }
}

/** Bilinear interpolation of the node values at fractional (fi, fj); the absorbing column is 0. */
function interpolate(T: Float64Array, g: Grid, fi: number, fj: number): number {
  const i = Math.min(Math.floor(fi), g.nx - 1), j = Math.min(Math.floor(fj), g.ny - 2);
  const a = fi - i, c = fj - j;
  const at = (ii: number, jj: number) => (ii >= g.nx ? 0 : T[ii * g.ny + jj]!);
  return (1 - a) * (1 - c) * at(i, j) + a * (1 - c) * at(i + 1, j) + (1 - a) * c * at(i, j + 1) + a * c * at(i + 1, j + 1);
}

/**
 * The exact mean first-passage time of the overdamped dynamics `γ dx = −∇U dt + √(2γkT) dW` in
 * two dimensions, from `from` to the half-plane x_axis ≥ at (or ≤), with reflecting walls at the
 * edges of `domain`. It solves the backward equation (kT/γ)e^{βU}∇·(e^{−βU}∇T) = −1 by finite
 * volumes (second order) on grids halved until the Richardson error estimate meets `tolerance`,
 * each factored by nested dissection. Checked against the 1-D quadrature for separable potentials.
 *
 * @param options - potential, kT, gamma (1), from, target, domain, tolerance (1e-4), spacing, maxMemoryMB (256), engine ("wasm")
 * @returns mfpt with an error estimate, rate = 1/mfpt, the grid, the value on each level, warnings
 * @throws KramersError INVALID_ARGUMENT (not 2-D; `from` outside the box or in the target), BAD_DOMAIN, NOT_FINITE, NOT_POSITIVE
 * @example
 * ```ts
 * const r = await gridMfpt2D({ potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.1, from: [-1, 0.3],
 *   target: { axis: 0, at: 1 }, domain: [[-1.9, 1.2], [-1, 1.6]] });
 * r.mfpt; // ≈ 2.56e4, ≈ 1/langerRate(…).rates.overdamped × 1.05
 * ```
 */
export async function gridMfpt2D(options: GridMfpt2DOptions): Promise<GridMfpt2DResult> {
  const o = requireOptions("gridMfpt2D options", options, ["potential", "kT", "gamma", "from", "target", "domain", "tolerance", "spacing", "maxMemoryMB", "engine"]);
  const p = toPotentialND(o.potential);
  if (p.dimension !== 2) throw new KramersError("INVALID_ARGUMENT", `gridMfpt2D needs a 2-D potential, got dimension ${p.dimension}`, { option: "potential" });
  const kT = requirePositive("kT", o.kT);
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  const tolerance = o.tolerance === undefined ? 1e-4 : requirePositive("tolerance", o.tolerance);
  const maxDoubles = ((o.maxMemoryMB === undefined ? 256 : requirePositive("maxMemoryMB", o.maxMemoryMB)) * 2 ** 20) / 8;
  const engine = o.engine === undefined ? "wasm" : requireOneOf("engine", o.engine, ["wasm", "js"] as const);
  const tg = o.target as HalfPlaneTarget;
  if (tg === null || typeof tg !== "object" || (tg.axis !== 0 && tg.axis !== 1)) throw new KramersError("INVALID_ARGUMENT", `target must be { axis: 0 | 1, at, side? }, got ${JSON.stringify(tg)}`, { option: "target" });
  const target: HalfPlaneTarget = { axis: tg.axis, at: requireFinite("target.at", tg.at), side: tg.side === undefined ? "above" : requireOneOf("target.side", tg.side, ["above", "below"] as const) };
  const box = checkBox(o.domain);
  const [lo, hi] = box[target.axis]!;
  if (!(target.at > lo && target.at < hi)) throw new KramersError("BAD_DOMAIN", `the target line x${target.axis} = ${target.at} must cross the domain (${lo}, ${hi})`, { option: "target" });
  const from = o.from as ArrayLike<number>;
  if (!from || from.length !== 2 || !Number.isFinite(from[0]) || !Number.isFinite(from[1])) throw new KramersError("INVALID_ARGUMENT", `from must be a point [x, y], got ${JSON.stringify(from)}`, { option: "from" });
  for (let k = 0; k < 2; k++) if (!(from[k]! >= box[k]![0] && from[k]! <= box[k]![1])) throw new KramersError("BAD_DOMAIN", `from lies outside the domain along x${k}`, { option: "from" });
  const inside = target.side === "below" ? from[target.axis]! > target.at : from[target.axis]! < target.at;
  if (!inside) throw new KramersError("INVALID_ARGUMENT", `from = ${JSON.stringify(Array.from(from))} is already in the target half-plane`, { option: "from" });
  const beta = 1 / kT, diffusion = kT / gamma;
  const w = new Warnings();
  const h0 = o.spacing === undefined ? defaultSpacing(p, from, kT, box) : requirePositive("spacing", o.spacing);
  const wasm = engine === "wasm" ? await loadWasm() : undefined;
  // the reflecting walls should sit where the density is negligible
  const g0 = gridFor(target, box, h0);
  const { u: u0, uMin: m0 } = nodeValues(p, g0.nx + 1, g0.ny, (i, j) => g0.point(i, j));
  let edge = Infinity;
  for (let i = 0; i < g0.nx; i++) edge = Math.min(edge, u0[i * g0.ny]!, u0[i * g0.ny + g0.ny - 1]!);
  for (let j = 0; j < g0.ny; j++) edge = Math.min(edge, u0[j]!);
  if (beta * (edge - m0) < 20) w.add("DOMAIN_EDGE", `the reflecting edges of the domain are only ${(beta * (edge - m0)).toPrecision(3)} kT above the lowest U inside: the walls are part of the model (widen the domain if they should not be)`);
  const r = await refineGrids(h0, tolerance, maxDoubles, (h) => {
    const g = gridFor(target, box, h);
    return latticeStorage(g.nx, g.ny);
  }, (h) => {
    const g = gridFor(target, box, h);
    const [fi, fj] = g.index(from);
    return interpolate(solveGrid(p, g, beta, diffusion, wasm), g, fi, fj);
  }, w);
  const grid = gridFor(target, box, r.spacing);
  return {
    mfpt: r.value,
    mfptError: r.error,
    rate: 1 / r.value,
    converged: r.converged,
    nodes: [grid.nx + 1, grid.ny],
    spacing: grid.h,
    levels: r.levels.map((l) => ({ spacing: l.spacing, mfpt: l.value })),
    definition: `mean first-passage time of the overdamped dynamics from ${JSON.stringify(Array.from(from))} to x${target.axis} ${target.side === "below" ? "≤" : "≥"} ${target.at}, reflecting walls at the domain edges`,
    warnings: w.list,
  };
}
