// The exact overdamped mean first-passage time of a 2-D potential to a half-plane, from the
// backward equation on nested grids (finite volumes, Richardson extrapolation), solved by the
// nested-dissection multifrontal LDLᵀ. The N-D counterpart of src/exact/ (where 1-D quadrature is
// exact) and the reference for Langer's formula.
import { KramersError } from "../../errors.js";
import { localMinimum } from "../../landscape/nd/stationary.js";
import { latticeDissection, type EliminationTree } from "../../linalg/nested-dissection.js";
import * as jsmf from "../../kernels-js/multifrontal.js";
import * as jsfp from "../../kernels-js/fokker-planck-nd.js";
import { toPotentialND, type PotentialNDInput } from "../../potential/nd.js";
import type { PotentialND } from "../../potential/types.js";
import { Warnings, type ResultWarning } from "../../result.js";
import { requireFinite, requireOneOf, requireOptions, requirePositive } from "../../validate.js";
import { loadWasm, type KramersWasm } from "../../wasm/loader.js";

/** A half-plane target: first passage to x_axis ≥ at ("above") or x_axis ≤ at ("below"). */
export interface HalfPlaneTarget {
  readonly axis: 0 | 1;
  readonly at: number;
  /** @default "above" */
  readonly side?: "above" | "below";
}

/** Options of {@link gridMfpt2D}. */
export interface GridMfpt2DOptions {
  /** A 2-D potential (or an expression in x and y). */
  readonly potential: PotentialNDInput;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** Friction γ > 0: D = kT/γ. @default 1 */
  readonly gamma?: number;
  /** The starting point (the MFPT from exactly there). */
  readonly from: ArrayLike<number>;
  /** The absorbing half-plane. */
  readonly target: HalfPlaneTarget;
  /** The box [[x0, x1], [y0, y1]]: reflecting edges; the target line must cross it. */
  readonly domain: readonly (readonly [number, number])[];
  /** Target relative error of the MFPT (Richardson estimate). @default 1e-4 */
  readonly tolerance?: number;
  /** Coarsest grid spacing. @default half the thermal length √(kT/λ_max) at the minimum below `from` */
  readonly spacing?: number;
  /** Memory budget of one solve, MB. @default 256 */
  readonly maxMemoryMB?: number;
  /** Back end. @default "wasm" */
  readonly engine?: "wasm" | "js";
}

/** Result of {@link gridMfpt2D}. */
export interface GridMfpt2DResult {
  /** Mean first-passage time (time units of γ/kT·length²). */
  readonly mfpt: number;
  /** Estimated absolute error (Richardson). */
  readonly mfptError: number;
  /** 1/mfpt. */
  readonly rate: number;
  /** True when mfptError ≤ tolerance·mfpt. */
  readonly converged: boolean;
  /** Nodes of the finest grid, per axis, and its spacing. */
  readonly nodes: readonly [number, number];
  readonly spacing: number;
  /** MFPT on each grid, coarsest first. */
  readonly levels: readonly { readonly spacing: number; readonly mfpt: number }[];
  readonly definition: string;
  readonly warnings: ResultWarning[];
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

/** f64 entries of one solve on an nx × ny lattice (factor, front, stack, ELL, vectors). */
const storage = (t: EliminationTree, n: number) => t.storage + 3 * n;

/** T at every unknown node of the grid, through the back end. */
function solveGrid(p: PotentialND, g: Grid, beta: number, diffusion: number, engine: "wasm" | "js", wasm: KramersWasm | undefined): Float64Array {
  const { nx, ny, h } = g;
  const n = nx * ny;
  const u = new Float64Array((nx + 1) * ny);
  let uMin = Infinity;
  for (let i = 0; i <= nx; i++) {
    for (let j = 0; j < ny; j++) {
      const v = p.U(g.point(i, j));
      if (!Number.isFinite(v)) throw new KramersError("NOT_FINITE", `U(${g.point(i, j).join(", ")}) = ${v} inside the domain`, { option: "potential" });
      u[i * ny + j] = v;
      uMin = Math.min(uMin, v);
    }
  }
  const t = latticeDissection(nx, ny);
  if (engine === "js" || !wasm) {
    const cols = new Int32Array(9 * n), vals = new Float64Array(9 * n), T = new Float64Array(n);
    jsfp.fp2dBackward(u, nx, ny, h, beta, diffusion, uMin, cols, vals, T);
    const factor = new Float64Array(t.factorSize), work = new Float64Array(t.maxFront);
    const info = jsmf.mfFactor({ count: t.count, fronts: t.fronts, vars: t.vars, width: 9, cols, vals, pos: new Int32Array(n).fill(-1), front: new Float64Array(t.maxFront ** 2), stack: new Float64Array(t.stackPeak), tstack: new Int32Array(t.count), factor });
    if (info) throw new KramersError("NOT_CONVERGED", `the backward operator is singular at node ${info - 1} (U too large there for this kT?)`);
    jsmf.mfForward(t.count, t.fronts, t.vars, factor, T, work);
    jsmf.mfBack(t.count, t.fronts, t.vars, factor, T, work);
    return T;
  }
  const e = wasm.exports;
  const ptrs: number[] = [];
  const f64 = (count: number) => {
    const q = e.allocF64(count) >>> 0;
    ptrs.push(q);
    return q;
  };
  const i32 = (values: Int32Array) => {
    const q = e.allocI32(values.length) >>> 0;
    ptrs.push(q);
    wasm.i32(q, values.length).set(values);
    return q;
  };
  try {
    const up = f64(u.length);
    wasm.f64(up, u.length).set(u);
    const cols = i32(new Int32Array(9 * n)), vals = f64(9 * n), T = f64(n);
    e.fp2dBackward(up, nx, ny, h, beta, diffusion, uMin, cols, vals, T);
    const fronts = i32(t.fronts), vars = i32(t.vars), pos = i32(new Int32Array(n).fill(-1));
    const front = f64(t.maxFront * t.maxFront), stack = f64(Math.max(1, t.stackPeak)), tstack = i32(new Int32Array(t.count)), factor = f64(t.factorSize);
    const info = e.mfFactor(t.count, fronts, vars, 9, cols, vals, pos, front, stack, tstack, factor);
    if (info) throw new KramersError("NOT_CONVERGED", `the backward operator is singular at node ${info - 1} (U too large there for this kT?)`);
    const work = f64(t.maxFront);
    e.mfForward(t.count, fronts, vars, factor, T, work);
    e.mfBack(t.count, fronts, vars, factor, T, work);
    return wasm.f64(T, n).slice();
  } finally {
    for (const q of ptrs.reverse()) e.free(q);
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
  const box = o.domain as readonly (readonly [number, number])[];
  if (!Array.isArray(box) || box.length !== 2 || box.some((b) => !Array.isArray(b) || b.length !== 2 || !(Number.isFinite(b[0]) && Number.isFinite(b[1]) && b[0]! < b[1]!))) {
    throw new KramersError("BAD_DOMAIN", `domain must be [[x0, x1], [y0, y1]] with x0 < x1, y0 < y1, got ${JSON.stringify(box)}`, { option: "domain" });
  }
  const [lo, hi] = box[target.axis]!;
  if (!(target.at > lo && target.at < hi)) throw new KramersError("BAD_DOMAIN", `the target line x${target.axis} = ${target.at} must cross the domain (${lo}, ${hi})`, { option: "target" });
  const from = o.from as ArrayLike<number>;
  if (!from || from.length !== 2 || !Number.isFinite(from[0]) || !Number.isFinite(from[1])) throw new KramersError("INVALID_ARGUMENT", `from must be a point [x, y], got ${JSON.stringify(from)}`, { option: "from" });
  for (let k = 0; k < 2; k++) if (!(from[k]! >= box[k]![0] && from[k]! <= box[k]![1])) throw new KramersError("BAD_DOMAIN", `from lies outside the domain along x${k}`, { option: "from" });
  const inside = target.side === "below" ? from[target.axis]! > target.at : from[target.axis]! < target.at;
  if (!inside) throw new KramersError("INVALID_ARGUMENT", `from = ${JSON.stringify(Array.from(from))} is already in the target half-plane`, { option: "from" });
  const beta = 1 / kT, diffusion = kT / gamma;
  const w = new Warnings();
  let h = o.spacing === undefined ? NaN : requirePositive("spacing", o.spacing);
  if (Number.isNaN(h)) {
    // half the thermal length of the stiffest direction at the minimum below the start
    let lmax = NaN;
    try {
      lmax = localMinimum(p, from).eigenvalues[1]!;
    } catch {
      lmax = NaN;
    }
    const span = Math.min(box[0]![1] - box[0]![0], box[1]![1] - box[1]![0]);
    h = Number.isFinite(lmax) && lmax > 0 ? Math.min(0.5 * Math.sqrt(kT / lmax), span / 16) : span / 64;
  }
  const wasm = engine === "wasm" ? await loadWasm() : undefined;
  const levels: { spacing: number; mfpt: number }[] = [];
  let value = NaN, error = Infinity, grid = gridFor(target, box, h);
  for (let level = 0; level < 8; level++) {
    const g = gridFor(target, box, h);
    const n = g.nx * g.ny;
    if (storage(latticeDissection(g.nx, g.ny), n) > maxDoubles) {
      w.add("NOT_CONVERGED", `grid refinement stopped at spacing ${levels.length ? levels[levels.length - 1]!.spacing.toPrecision(3) : h.toPrecision(3)} (maxMemoryMB)`);
      break;
    }
    if (level === 0) {
      // the reflecting walls should sit where the density is negligible
      let uMin = Infinity, edge = Infinity;
      for (let i = 0; i <= g.nx; i++) for (let j = 0; j < g.ny; j++) uMin = Math.min(uMin, p.U(g.point(i, j)));
      for (let i = 0; i < g.nx; i++) edge = Math.min(edge, p.U(g.point(i, 0)), p.U(g.point(i, g.ny - 1)));
      for (let j = 0; j < g.ny; j++) edge = Math.min(edge, p.U(g.point(0, j)));
      if (beta * (edge - uMin) < 20) w.add("DOMAIN_EDGE", `the reflecting edges of the domain are only ${(beta * (edge - uMin)).toPrecision(3)} kT above the lowest U inside: the walls are part of the model (widen the domain if they should not be)`);
    }
    const T = solveGrid(p, g, beta, diffusion, engine, wasm);
    const [fi, fj] = g.index(from);
    levels.push({ spacing: h, mfpt: interpolate(T, g, fi, fj) });
    grid = g;
    const k = levels.length - 1;
    if (k >= 1) {
      const d = levels[k]!.mfpt - levels[k - 1]!.mfpt;
      const R = levels[k]!.mfpt + d / 3;
      // one refinement: the error of the finer value (conservative); more: the change of the extrapolation
      error = k === 1 ? Math.abs(d) / 3 : Math.abs(R - value);
      value = R;
      if (error <= tolerance * Math.abs(value)) break;
    } else value = levels[0]!.mfpt;
    h /= 2;
  }
  const converged = error <= tolerance * Math.abs(value);
  if (!converged && !w.list.some((x) => x.code === "NOT_CONVERGED")) w.add("NOT_CONVERGED", `estimated relative error ${(error / Math.abs(value)).toPrecision(2)} > tolerance ${tolerance}`);
  return {
    mfpt: value,
    mfptError: error,
    rate: 1 / value,
    converged,
    nodes: [grid.nx + 1, grid.ny],
    spacing: grid.h,
    levels,
    definition: `mean first-passage time of the overdamped dynamics from ${JSON.stringify(Array.from(from))} to x${target.axis} ${target.side === "below" ? "≤" : "≥"} ${target.at}, reflecting walls at the domain edges`,
    warnings: w.list,
  };
}
