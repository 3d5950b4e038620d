// The barrier between two minima of an N-D potential: both minima, the minimum-energy path,
// the transition states on it (P-RFO from the path's local maxima) and any intermediate minima.
import { KramersError } from "../../errors.js";
import { toPotentialND, type PotentialNDInput } from "../../potential/nd.js";
import type { PotentialND } from "../../potential/types.js";
import { Warnings, type ResultWarning } from "../../result.js";
import { requireInteger, requireOptions } from "../../validate.js";
import { minimumEnergyPath, type EnergyPath } from "./path.js";
import { localMinimum, saddlePoint, type StationaryPoint } from "./stationary.js";

/** Options of {@link barrierND}. */
export interface BarrierNDOptions {
  /** The potential: an N-D potential or an expression in x, y (, z). */
  readonly potential: PotentialNDInput;
  /** A point in the starting basin (relaxed to its minimum). */
  readonly from: ArrayLike<number>;
  /** A point in the target basin (relaxed to its minimum). */
  readonly to: ArrayLike<number>;
  /** Images of the minimum-energy path. @default 41 */
  readonly images?: number;
}

/** Result of {@link barrierND}. */
export interface BarrierND {
  readonly potential: PotentialND;
  /** The starting minimum. */
  readonly from: StationaryPoint;
  /** The target minimum. */
  readonly to: StationaryPoint;
  /** The minimum-energy path from `from` to `to`. */
  readonly path: EnergyPath;
  /** Transition states along the path, in order from `from`. */
  readonly saddles: StationaryPoint[];
  /** Minima the path passes between `from` and `to`, in order. */
  readonly intermediateMinima: StationaryPoint[];
  /** The first transition state: the exit from the starting basin. */
  readonly saddle: StationaryPoint;
  /** U(saddle) − U(from): the barrier out of the starting basin. */
  readonly barrierHeight: number;
  /** U(saddle) − U(the next minimum along the path): the barrier back. */
  readonly reverseBarrierHeight: number;
  /** The highest transition state on the path minus U(from): the barrier of the whole passage. */
  readonly overallBarrierHeight: number;
  readonly warnings: ResultWarning[];
}

const distance = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - b[i]!) ** 2;
  return Math.sqrt(s);
};

/** Same stationary point: closer than 1e-6 of the coordinates' scale. */
const same = (a: StationaryPoint, b: StationaryPoint) => distance(a.x, b.x) <= 1e-6 * Math.max(1, Math.hypot(...a.x));

/**
 * The landscape between two basins of an N-D potential: the two minima (Newton from the points
 * given), the minimum-energy path (string method), every transition state on it (P-RFO from the
 * path's local maxima, following the path tangent) and the minima it passes on the way. The
 * barrier out of the starting basin is the first transition state.
 *
 * @param options - potential, from, to, images (41)
 * @returns the minima, path, saddles (with Hessians and eigenvalues), barrier heights, warnings
 * @throws KramersError NO_BARRIER (both points relax to the same minimum), NOT_CONVERGED, NOT_FINITE, INVALID_ARGUMENT
 * @example
 * ```ts
 * const b = barrierND({ potential: muellerBrown(), from: [-0.56, 1.44], to: [0.62, 0.03] });
 * b.saddle.x;            // ≈ (−0.822, 0.624): the exit from the deepest minimum
 * b.intermediateMinima;  // the shallow minimum near (−0.050, 0.467)
 * ```
 */
export function barrierND(options: BarrierNDOptions): BarrierND {
  const o = requireOptions("barrierND options", options, ["potential", "from", "to", "images"]);
  const p = toPotentialND(o.potential);
  const images = o.images === undefined ? 41 : requireInteger("images", o.images, 5);
  const w = new Warnings();
  const from = localMinimum(p, o.from as ArrayLike<number>);
  const to = localMinimum(p, o.to as ArrayLike<number>);
  if (same(from, to)) throw new KramersError("NO_BARRIER", `from and to relax to the same minimum ${JSON.stringify(Array.from(from.x))}: no barrier between them`, { option: "to" });
  const path = minimumEnergyPath(p, from.x, to.x, images);
  if (!path.converged) w.add("NOT_CONVERGED", `the string method stopped after ${path.iterations} iterations before its tolerance; the saddles are still refined by P-RFO`);
  const n = p.dimension, E = path.energies;
  const saddles: StationaryPoint[] = [], intermediateMinima: StationaryPoint[] = [];
  for (let i = 1; i < images - 1; i++) {
    const image = path.points.subarray(i * n, (i + 1) * n);
    if (E[i]! > E[i - 1]! && E[i]! >= E[i + 1]!) {
      const s = saddlePoint(p, image, path.tangents.subarray(i * n, (i + 1) * n));
      if (!saddles.some((t) => same(s, t))) saddles.push(s);
    } else if (E[i]! < E[i - 1]! && E[i]! <= E[i + 1]!) {
      const m = localMinimum(p, image);
      if (!same(m, from) && !same(m, to) && !intermediateMinima.some((t) => same(m, t))) intermediateMinima.push(m);
    }
  }
  if (saddles.length === 0) throw new KramersError("NO_BARRIER", "the minimum-energy path between the two minima has no maximum", { option: "to" });
  const saddle = saddles[0]!;
  const next = intermediateMinima[0] ?? to;
  if (intermediateMinima.length > 0) w.add("INTERMEDIATE_MINIMUM", `the path passes ${intermediateMinima.length} other minim${intermediateMinima.length === 1 ? "um" : "a"} (first at ${JSON.stringify(Array.from(next.x, (v) => +v.toPrecision(6)))}): the first saddle leads there, not to \`to\``);
  const top = saddles.reduce((a, b) => (b.U > a.U ? b : a));
  return {
    potential: p, from, to, path, saddles, intermediateMinima, saddle,
    barrierHeight: saddle.U - from.U,
    reverseBarrierHeight: saddle.U - next.U,
    overallBarrierHeight: top.U - from.U,
    warnings: w.list,
  };
}
