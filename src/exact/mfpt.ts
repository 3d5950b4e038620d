/**
 * The exact mean first-passage time (and its variance) of overdamped diffusion in a 1-D
 * potential, by nested quadrature in log-scaled form.
 *
 * For a target b > a and a reflecting wall at L ≤ a (SCIENCE.md, "Exact 1-D answers"):
 *
 *     T1(a) = (1/D) ∫_a^b dy e^{βU(y)} ∫_L^y dz e^{−βU(z)},        D = kT/γ, β = 1/kT,
 *     T2(a) = (2/D) ∫_a^b dy e^{βU(y)} ∫_L^y dz e^{−βU(z)} T1(z),  Var = T2 − T1².
 *
 * For b < a the wall is at L ≥ a and the picture is mirrored (x → −x). Nothing of the form
 * e^{βU} is ever formed alone: every integrand is handed over as its logarithm (φ = β(U − U_min),
 * the outer one as φ(y) + ln J(y)), each quadrature panel is scaled by its own largest value,
 * and panel sums are added in logarithms, so T1 = e^{ln ∫…}/D (`logMfpt` stays finite when T
 * overflows).
 * The running integrals are piecewise Chebyshev interpolants kept in log scale, whose panels
 * break at the critical points of U and carry at most 3 kT of variation of U each, so every
 * running integral is accurate relative to its own size (see chebyshev.ts).
 */
import { KramersError } from "../errors.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { Warnings, type ResultWarning } from "../result.js";
import { checkUnitLabels, type UnitLabels } from "../units.js";
import { requireFinite, requireInterval, requireOptions, requirePositive } from "../validate.js";
import { buildCumulative } from "./chebyshev.js";
import { breakpointsOf, mirrored, truncateLeft, TRUNCATION_EXPONENT } from "./setup.js";

/** Largest variation of βU on one quadrature panel (keeps running integrals relatively accurate). */
const MAX_EXPONENT_RANGE = 3;

/** Options of {@link mfpt}. */
export interface MfptOptions {
  /** The potential U(x): an expression string, a potential object or a function. */
  readonly potential: PotentialInput;
  /** Thermal energy kT (> 0), in the energy unit of the potential. */
  readonly kT: number;
  /** Start point a. */
  readonly from: number;
  /** Absorbing target b (≠ a). */
  readonly to: number;
  /**
   * Reflecting wall, on the side of `from` away from `to` (≤ from when to > from, ≥ from when
   * to < from). ±Infinity means no wall: U itself must confine the particle on that side.
   * @default −Infinity if to > from, +Infinity if to < from
   */
  readonly reflect?: number;
  /** Friction coefficient γ (> 0); D = kT/γ. @default 1 */
  readonly gamma?: number;
  /**
   * Interval where the potential is defined and trusted. from, to and a finite reflect must lie
   * in it; with an infinite wall, e^{−U/kT} must become negligible before its edge.
   * @default unbounded
   */
  readonly domain?: readonly [number, number];
  /** Relative accuracy asked of every quadrature panel. @default 1e-12 */
  readonly tolerance?: number;
  /** Also compute the second moment and variance (costs about twice as much). @default true */
  readonly variance?: boolean;
  /** Unit labels carried on the result. @default reduced units */
  readonly units?: UnitLabels;
}

/** Result of {@link mfpt}. */
export interface MfptResult {
  /** Mean first-passage time T1(from → to), in the caller's time unit. */
  readonly mfpt: number;
  /** ln T1 (finite even when `mfpt` overflows to Infinity). */
  readonly logMfpt: number;
  /** 1/mfpt. */
  readonly rate: number;
  /** Which rate this is: the inverse MFPT from `from` to `to`. */
  readonly rateDefinition: string;
  /** Second moment T2 of the first-passage time (NaN-free; undefined when `variance: false`). */
  readonly secondMoment?: number;
  /** Variance T2 − T1² of the first-passage time (undefined when `variance: false`). */
  readonly variance?: number;
  /** √variance. */
  readonly stdDev?: number;
  /** Estimated relative error of `mfpt`. */
  readonly errorEstimate: number;
  /** Whether every quadrature panel met the tolerance. */
  readonly converged: boolean;
  /** Evaluations of U (and U′). */
  readonly evaluations: number;
  /** Number of quadrature panels used for the inner running integral. */
  readonly panels: number;
  /**
   * β × the highest climb on the way: max over y in [from, to] of U(y) − min U between the wall
   * and y. Present when a barrier (a maximum of U) lies between from and to.
   */
  readonly reducedBarrier?: number;
  /** The start, target and wall used (reflect may be ±Infinity). */
  readonly from: number;
  readonly to: number;
  readonly reflect: number;
  /** Where an infinite wall was truncated (e^{−β(U−U_min)} < 1e-18 beyond it). */
  readonly truncatedAt?: number;
  /** Diffusion coefficient D = kT/γ. */
  readonly diffusion: number;
  /** Unit labels: mfpt in `time`, rate in 1/`time`. */
  readonly units: UnitLabels;
  /** Warnings (e.g. target at a barrier top, overflow, non-convergence). */
  readonly warnings: ResultWarning[];
}

/** Checked options with defaults filled. */
export interface CheckedMfptOptions {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly from: number;
  readonly to: number;
  readonly reflect: number;
  readonly gamma: number;
  readonly domain?: readonly [number, number];
  readonly tolerance: number;
  readonly variance: boolean;
  readonly units: UnitLabels;
}

const KNOWN = ["potential", "kT", "from", "to", "reflect", "gamma", "domain", "tolerance", "variance", "units"] as const;

/**
 * Validate {@link MfptOptions} and fill defaults.
 *
 * @throws KramersError naming the option and value: NOT_FINITE (NaN/Infinity), NOT_POSITIVE
 *   (kT, γ, tolerance), BAD_DOMAIN (from = to, wall on the wrong side, points outside the domain)
 */
export function checkMfptOptions(options: MfptOptions): CheckedMfptOptions {
  const o = requireOptions("mfpt options", options, KNOWN);
  const potential = toPotential(o.potential);
  const kT = requirePositive("kT", o.kT);
  const from = requireFinite("from", o.from);
  const to = requireFinite("to", o.to);
  if (from === to) throw new KramersError("BAD_DOMAIN", `from and to must differ, both are ${from}`, { option: "to", value: to });
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  let reflect: number;
  if (o.reflect === undefined) reflect = to > from ? -Infinity : Infinity;
  else {
    if (typeof o.reflect !== "number" || Number.isNaN(o.reflect)) {
      throw new KramersError(typeof o.reflect === "number" ? "NOT_FINITE" : "INVALID_ARGUMENT", `reflect must be a number (or ±Infinity for no wall), got ${String(o.reflect)}`, { option: "reflect", value: o.reflect });
    }
    reflect = o.reflect;
    if (to > from && !(reflect <= from)) {
      throw new KramersError("BAD_DOMAIN", `reflect must be ≤ from = ${from} when to = ${to} > from (the wall is on the far side of the start), got ${reflect}`, { option: "reflect", value: reflect });
    }
    if (to < from && !(reflect >= from)) {
      throw new KramersError("BAD_DOMAIN", `reflect must be ≥ from = ${from} when to = ${to} < from (the wall is on the far side of the start), got ${reflect}`, { option: "reflect", value: reflect });
    }
  }
  let domain: readonly [number, number] | undefined;
  if (o.domain !== undefined) {
    domain = requireInterval("domain", o.domain);
    const inside = (name: string, v: number) => {
      if (Number.isFinite(v) && (v < domain![0] || v > domain![1])) {
        throw new KramersError("BAD_DOMAIN", `${name} = ${v} is outside the domain [${domain![0]}, ${domain![1]}]`, { option: name, value: v });
      }
    };
    inside("from", from);
    inside("to", to);
    inside("reflect", reflect);
  }
  let tolerance = 1e-12;
  if (o.tolerance !== undefined) {
    tolerance = requirePositive("tolerance", o.tolerance);
    if (tolerance < 1e-15 || tolerance > 1e-2) {
      throw new KramersError("INVALID_ARGUMENT", `tolerance must be in [1e-15, 1e-2], got ${tolerance}`, { option: "tolerance", value: tolerance });
    }
  }
  if (o.variance !== undefined && typeof o.variance !== "boolean") {
    throw new KramersError("INVALID_ARGUMENT", `variance must be true or false, got ${String(o.variance)}`, { option: "variance" });
  }
  return {
    potential, kT, from, to, reflect, gamma, tolerance,
    variance: (o.variance as boolean | undefined) ?? true,
    units: checkUnitLabels(o.units),
    ...(domain ? { domain } : {}),
  };
}

/**
 * The exact mean first-passage time of overdamped diffusion `γ dx = −U′dt + √(2γkT) dW` from
 * `from` to an absorbing `to`, with a reflecting wall at `reflect` (or none), together with the
 * variance of the first-passage time. Accurate to ~1e-12 relative even for barriers of
 * hundreds of kT (no e^{βU} is ever formed alone).
 *
 * @param options - potential, kT, from, to, reflect, gamma, domain, tolerance
 * @returns the MFPT, the rate 1/MFPT and its definition, the variance, error estimate and warnings
 * @throws KramersError for invalid options, a potential that is not finite on the way, or an
 *   infinite MFPT (U does not confine the particle on the side of an infinite wall)
 * @example
 * ```ts
 * // the seed's double well at βΔU = 5, bottom → other bottom, no wall (U confines)
 * const r = mfpt({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, to: 1 });
 * r.mfpt;                   // 729.670691942322…  (mpmath: 729.6706919423226015…)
 * r.rateDefinition;         // "1/MFPT(-1 → 1)"
 * r.variance / r.mfpt ** 2; // 0.987: nearly exponential escape (→ 1 as βΔU grows)
 * // with a reflecting wall at −1.5 and friction 2
 * mfpt({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, to: 1, reflect: -1.5, gamma: 2 }).mfpt;
 * ```
 */
export function mfpt(options: MfptOptions): MfptResult {
  const o = checkMfptOptions(options);
  const warnings = new Warnings();
  const beta = 1 / o.kT;
  const D = o.kT / o.gamma;
  const s: 1 | -1 = o.to > o.from ? 1 : -1;
  const m = mirrored(o.potential, s);
  const a = s * o.from, b = s * o.to;
  const domLo = o.domain ? Math.min(s * o.domain[0], s * o.domain[1]) : -Infinity;
  const wall = s * o.reflect; // ≤ a, possibly −∞

  const ua = m.u(a), ub = m.u(b);
  for (const [name, x, v] of [["from", o.from, ua], ["to", o.to, ub]] as const) {
    if (!Number.isFinite(v)) throw new KramersError("NOT_FINITE", `U(${name} = ${x}) = ${v}`, { option: name, value: x });
  }

  // left end of the inner integral, breakpoints at the critical points of U, and the inner
  // running integral J(y) = ∫_L^y e^{−φ} (log scale; panels carry ≤ 3 kT of U each)
  const counter = m.counter;
  // no panel can be more accurate than the rounding of U itself (a large offset in U): asking for
  // more only refines on noise (millions of evaluations); the PRECISION_LOSS warning says so
  const cheb = { relTol: Math.min(1e-2, Math.max(o.tolerance, 8 * Number.EPSILON * beta * Math.max(Math.abs(ua), Math.abs(ub)))) };
  const inner = (lo: number) => {
    const bp = breakpointsOf(m, o.potential, lo, b, [a]);
    const uMin = Math.min(...bp.points.map(m.u));
    const phi = (x: number): number => beta * (m.u(x) - uMin);
    const J = buildCumulative((z) => -phi(z), bp.points, { ...cheb, maxExponentRange: MAX_EXPONENT_RANGE, what: "e^{-U/kT}" }, counter);
    return { lo, bp, phi, J, uMin };
  };
  let truncated = false;
  let truncationError = 0;
  /** ln of the estimated tail ∫_{−∞}^{L} e^{−φ} beyond the cut (−∞ with a finite wall). */
  let logTail = -Infinity;
  let q: ReturnType<typeof inner>;
  if (Number.isFinite(wall)) {
    q = inner(wall);
  } else {
    truncated = true;
    let lo = truncateLeft(m, beta, a, b - a, domLo, Math.min(ua, ub));
    // a deeper well found between the samples of the truncation search: move further out
    for (let i = 0; i < 8; i++) {
      const pts = breakpointsOf(m, o.potential, lo, b, [a]).points;
      const uMinLeft = Math.min(...pts.filter((x) => x <= a).map(m.u));
      if (beta * (m.u(lo) - uMinLeft) >= TRUNCATION_EXPONENT) break;
      lo = truncateLeft(m, beta, lo, b - a, domLo, uMinLeft);
    }
    q = inner(lo);
    // the neglected tail ∫_{−∞}^{L} e^{−φ} ≈ e^{−φ(L)}/(k (1 + k′/k²)), with k = β|U′(L)| the decay rate
    // of e^{−φ} beyond L and k′ = βU″(L) its change (exact for exponential and power-law tails). It is
    // negligible for U growing like a power of x, not for slow (logarithmic) growth: then move out
    const logTailAt = (lo2: number, Q: typeof q) => {
      const k = beta * Math.abs(m.du(lo2));
      const shape = Math.max(1e-3, 1 + (beta * o.potential.d2U(s * lo2)) / (k * k));
      return -Q.phi(lo2) - Math.log(k * shape);
    };
    const tailRel = (lo2: number, Q: typeof q) => Math.exp(logTailAt(lo2, Q) - Q.J.logAt(a));
    truncationError = tailRel(lo, q);
    for (let i = 0; i < 4 && truncationError > 1e-17; i++) {
      let next: number;
      try {
        next = truncateLeft(m, beta, lo, b - a, domLo, q.uMin, q.phi(lo) + Math.log(truncationError * 1e17) + 3);
      } catch {
        break;
      }
      const q2 = inner(next);
      q = q2;
      lo = next;
      truncationError = tailRel(lo, q);
    }
    logTail = logTailAt(lo, q);
    if (truncationError > 1e-17) {
      warnings.add("TRUNCATION", `e^{-U/kT} decays slowly toward the wall at ${s === 1 ? "−∞" : "+∞"}: the part beyond x = ${s * lo} that was left out is ≈ ${truncationError.toExponential(1)} of the inner integral (included in errorEstimate)`);
    }
  }
  const { lo, bp, phi, J } = q;
  const points = bp.points;
  const edges = J.edges();
  // outer integrand e^{φ(y)} J(y); its running integral from the right gives τ(z) = D·T1(z)/e^{...}
  const logOuter = (y: number): number => phi(y) + J.logAt(y);
  const G = buildCumulative(logOuter, o.variance ? edges : fromPoint(edges, a), { ...cheb, what: "e^{U/kT}·∫e^{-U/kT}" }, counter);
  const logD = Math.log(D);
  const logT = G.logRest(a) - logD;
  const T1 = Math.exp(logT);
  // quadrature error of both running integrals, the truncated tail, and the rounding of U itself,
  // which e^{βU} amplifies by β|U| (the condition number of the exponential)
  const uScale = Math.max(...points.map((x) => Math.abs(m.u(x))));
  const roundingError = 8 * Number.EPSILON * beta * uScale;
  let errorEstimate = J.relativeError(a) + G.relativeError(a) + (truncated ? Math.max(truncationError, Math.exp(-TRUNCATION_EXPONENT)) : 0) + roundingError;
  if (roundingError > 1e-8) {
    warnings.add("PRECISION_LOSS", `U reaches ${uScale.toPrecision(3)} on the path, so its rounding alone is ${(Number.EPSILON * uScale).toPrecision(2)} = ${(Number.EPSILON * beta * uScale).toPrecision(2)} kT and the MFPT carries a relative error of about ${roundingError.toPrecision(2)} (in errorEstimate); subtract the constant offset from U to recover full accuracy`);
  }
  let converged = J.converged && G.converged;

  let secondMoment: number | undefined, variance: number | undefined;
  if (o.variance) {
    // D·T1(z) = ∫_z^b e^{φ}J = e^{G.logRest(z)}; K(y) = ∫_L^y e^{−φ} D·T1; T2 = (2/D²) ∫_a^b e^{φ} K
    const K = buildCumulative((z) => -phi(z) + G.logRest(z), edges, { ...cheb, what: "e^{-U/kT}·T1" }, counter);
    const G2 = buildCumulative((y) => phi(y) + K.logAt(y), fromPoint(edges, a), { ...cheb, what: "second-moment integrand" }, counter);
    converged = converged && K.converged && G2.converged;
    // the second moment weights the far side by T1(z), which grows there: check its tail separately
    const varianceTail = Math.exp(logTail + G.logRest(lo) - K.logAt(a));
    if (varianceTail > 1e-12) {
      warnings.add("VARIANCE_TRUNCATION", `the second moment is sensitive to the far tail of e^{-U/kT} toward the wall: the part left out is at least ${varianceTail.toExponential(1)} of it, and the variance may be far off (or infinite); pass a finite reflect`);
    }
    const logT2 = Math.LN2 + G2.logTotal - 2 * logD;
    secondMoment = Math.exp(logT2);
    // Var = T1²·(T2/T1² − 1), with the ratio formed in logs (no overflow of T1² or T2 on their own)
    const excess = Math.expm1(logT2 - 2 * logT);
    variance = excess > 0 ? Math.exp(2 * logT + Math.log(excess)) : 0;
    if (!(excess > 0)) warnings.add("VARIANCE_CANCELLED", `T2 − T1² is not positive to working precision (T2/T1² − 1 = ${excess}); variance set to 0`);
  }

  if (!Number.isFinite(T1)) {
    warnings.add("OVERFLOW", `the MFPT e^${logT.toFixed(1)} overflows double precision; use logMfpt`);
  }
  if (!converged) {
    warnings.add("NOT_CONVERGED", `some quadrature panels did not reach the tolerance ${o.tolerance} (refinement limit); errorEstimate may be optimistic`);
    errorEstimate = Math.max(errorEstimate, o.tolerance);
  }

  // the highest climb: U(y) − min_{[L, y]} U over y in [a, b], at the critical points and b
  let reducedBarrier: number | undefined;
  const maxima = bp.stationary.filter((p) => p.kind === "max" && p.x > a && p.x < b);
  if (maxima.length > 0) {
    let runMin = Infinity, climb = -Infinity;
    for (const x of points) {
      const u = m.u(x);
      runMin = Math.min(runMin, u);
      if (x >= a) climb = Math.max(climb, u - runMin);
    }
    reducedBarrier = beta * climb;
  }
  // a target at (within half a thermal width of) a barrier top measures about half the escape time
  const curvB = o.potential.d2U(o.to);
  if (curvB < 0) {
    const w = 0.5 * Math.sqrt(o.kT / -curvB);
    if (m.du(b - w) > 0 && m.du(b + w) < 0) {
      warnings.add("TARGET_AT_BARRIER_TOP", `to = ${o.to} is at a barrier top; the MFPT to the top is about half the escape time 1/k (half the arrivals fall back). Put "to" at the bottom of the next well for 1/k.`);
    }
  }

  return {
    mfpt: T1,
    logMfpt: logT,
    rate: 1 / T1,
    rateDefinition: `1/MFPT(${o.from} → ${o.to})`,
    ...(secondMoment !== undefined ? { secondMoment, variance, stdDev: variance! > 0 ? Math.sqrt(variance!) : 0 } : {}),
    errorEstimate,
    converged,
    evaluations: counter.evaluations,
    panels: J.panelCount,
    ...(reducedBarrier !== undefined ? { reducedBarrier } : {}),
    from: o.from,
    to: o.to,
    reflect: o.reflect,
    ...(truncated ? { truncatedAt: s * lo } : {}),
    diffusion: D,
    units: o.units,
    warnings: warnings.list,
  };
}

/** Edges restricted to [x, end], with x inserted. */
function fromPoint(edges: readonly number[], x: number): number[] {
  return [x, ...edges.filter((e) => e > x)];
}

