/**
 * Splitting probabilities of overdamped diffusion between two absorbing points: the
 * probability that a particle started at x reaches the upper point b before the lower point a,
 *
 *     π_b(x) = ∫_a^x e^{βU} / ∫_a^b e^{βU},      π_a(x) = 1 − π_b(x) = ∫_x^b e^{βU} / ∫_a^b e^{βU}.
 *
 * Both are ratios of integrals kept in log scale (no overflow), and each is computed from its own side (π_a as ∫_x^b, not 1 − π_b), so a
 * probability of 1e-30 is still returned with full relative accuracy. The friction does not
 * enter.
 */
import { KramersError } from "../errors.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireFinite, requireInterval, requireOptions, requirePositive } from "../validate.js";
import { buildCumulative } from "./chebyshev.js";
import { breakpointsOf, mirrored } from "./setup.js";

/** Options of {@link splittingProbability}. */
export interface SplittingOptions {
  /** The potential U(x): an expression string, a potential object or a function. */
  readonly potential: PotentialInput;
  /** Thermal energy kT (> 0). */
  readonly kT: number;
  /** Start point x, with absorbing[0] ≤ x ≤ absorbing[1]. */
  readonly from: number;
  /** The two absorbing points [a, b], a < b. */
  readonly absorbing: readonly [number, number];
  /** Relative accuracy asked of every quadrature panel. @default 1e-12 */
  readonly tolerance?: number;
}

/** Result of {@link splittingProbability}. */
export interface SplittingResult {
  /** π_b(x): probability of reaching the upper point absorbing[1] first. */
  readonly upper: number;
  /** π_a(x) = 1 − π_b(x): probability of reaching the lower point absorbing[0] first (computed directly). */
  readonly lower: number;
  /** Estimated relative error of the smaller of the two. */
  readonly errorEstimate: number;
  /** Whether every quadrature panel met the tolerance. */
  readonly converged: boolean;
  /** Evaluations of U (and U′). */
  readonly evaluations: number;
  /** Start and absorbing points used. */
  readonly from: number;
  readonly absorbing: readonly [number, number];
  /** Warnings. */
  readonly warnings: ResultWarning[];
}

/** {@link SplittingOptions} after checking, with defaults filled. */
export interface CheckedSplittingOptions {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly from: number;
  readonly absorbing: readonly [number, number];
  readonly tolerance: number;
}

const KNOWN = ["potential", "kT", "from", "absorbing", "tolerance"] as const;

/** Validate {@link SplittingOptions} and fill defaults. */
export function checkSplittingOptions(options: SplittingOptions): CheckedSplittingOptions {
  const o = requireOptions("splittingProbability options", options, KNOWN);
  const potential = toPotential(o.potential);
  const kT = requirePositive("kT", o.kT);
  const from = requireFinite("from", o.from);
  const absorbing = requireInterval("absorbing", o.absorbing);
  if (from < absorbing[0] || from > absorbing[1]) {
    throw new KramersError("BAD_DOMAIN", `from = ${from} must lie between the absorbing points [${absorbing[0]}, ${absorbing[1]}]`, { option: "from", value: from });
  }
  let tolerance = 1e-12;
  if (o.tolerance !== undefined) {
    tolerance = requirePositive("tolerance", o.tolerance);
    if (tolerance < 1e-15 || tolerance > 1e-2) {
      throw new KramersError("INVALID_ARGUMENT", `tolerance must be in [1e-15, 1e-2], got ${tolerance}`, { option: "tolerance", value: tolerance });
    }
  }
  return { potential, kT, from, absorbing, tolerance };
}

/**
 * The probability that overdamped diffusion in U started at `from` reaches the upper absorbing
 * point before the lower one (and the complement), exactly by quadrature.
 *
 * @param options - potential, kT, from, absorbing [a, b]
 * @returns `{ upper: π_b(x), lower: π_a(x), errorEstimate, converged, … }`
 * @example
 * ```ts
 * splittingProbability({ potential: "0*x", kT: 1, from: 0.25, absorbing: [0, 1] }).upper; // 0.25
 * // the committor of the double well is 1/2 at the barrier top
 * splittingProbability({ potential: "x^4/4 - x^2/2", kT: 0.05, from: 0, absorbing: [-1, 1] }).upper; // 0.5
 * ```
 */
export function splittingProbability(options: SplittingOptions): SplittingResult {
  const o = checkSplittingOptions(options);
  const warnings = new Warnings();
  const beta = 1 / o.kT;
  const [a, b] = o.absorbing;
  const m = mirrored(o.potential, 1);
  const { points } = breakpointsOf(m, o.potential, a, b, [o.from]);
  const values = points.map(m.u);
  values.forEach((v, i) => {
    if (!Number.isFinite(v)) throw new KramersError("NOT_FINITE", `U(${points[i]}) = ${v}; the potential must be finite between the absorbing points`, { x: points[i] });
  });
  const uMax = Math.max(...values);
  // panels cannot beat the rounding of U itself (see the PRECISION_LOSS warning below)
  const relTol = Math.min(1e-2, Math.max(o.tolerance, 8 * Number.EPSILON * beta * Math.max(...values.map(Math.abs))));
  const H = buildCumulative((y) => beta * (m.u(y) - uMax), points, { relTol, maxExponentRange: 3, what: "e^{U/kT}" }, m.counter);
  const logTotal = H.logTotal;
  const upper = Math.exp(H.logAt(o.from) - logTotal);
  const lower = Math.exp(H.logRest(o.from) - logTotal);
  const converged = H.converged;
  if (!converged) warnings.add("NOT_CONVERGED", `some quadrature panels did not reach the tolerance ${o.tolerance}`);
  // e^{βU} amplifies the rounding of U itself by β|U| (an energy offset of 1e10 leaves few digits)
  const uScale = Math.max(...values.map(Math.abs));
  const roundingError = 8 * Number.EPSILON * beta * uScale;
  if (roundingError > 1e-8) {
    warnings.add("PRECISION_LOSS", `U reaches ${uScale.toPrecision(3)} between the absorbing points, so its rounding alone is ${(Number.EPSILON * beta * uScale).toPrecision(2)} kT and the probabilities carry a relative error of about ${roundingError.toPrecision(2)} (in errorEstimate); subtract the constant offset from U`);
  }
  const errorEstimate = 2 * H.relativeError() + roundingError;
  return {
    upper, lower,
    errorEstimate: Math.max(errorEstimate, converged ? 0 : o.tolerance),
    converged,
    evaluations: m.counter.evaluations,
    from: o.from,
    absorbing: [a, b],
    warnings: warnings.list,
  };
}
