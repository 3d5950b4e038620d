/**
 * Named families of 1-D potentials, parameterized by the physics (barrier height, well
 * position, tilt) rather than by raw coefficients. Each is an exact expression potential.
 */
import { requireFinite, requireOptions, requirePositive } from "../validate.js";
import { expression } from "./expression-potential.js";
import type { Potential1D } from "./types.js";

/** Options of {@link symmetricDoubleWell}. */
export interface DoubleWellOptions {
  /** Barrier height ΔU = U(0) − U(±x₀). @default 0.25 */
  readonly barrierHeight?: number;
  /** Position x₀ of the minima at ±x₀. @default 1 */
  readonly wellPosition?: number;
}

/**
 * The symmetric quartic double well U = ΔU[((x/x₀)² − 1)² − 1]: minima at ±x₀ with U = −ΔU,
 * barrier at 0 with U = 0, curvatures U″(±x₀) = 8ΔU/x₀², U″(0) = −4ΔU/x₀².
 * The defaults give the seed's U = x⁴/4 − x²/2.
 */
export function symmetricDoubleWell(options: DoubleWellOptions = {}): Potential1D {
  requireOptions("symmetricDoubleWell options", options, ["barrierHeight", "wellPosition"]);
  const dU = requirePositive("barrierHeight", options.barrierHeight ?? 0.25);
  const x0 = requirePositive("wellPosition", options.wellPosition ?? 1);
  return expression("dU*(((x/x0)^2 - 1)^2 - 1)", {
    parameters: { dU, x0 },
    label: `symmetric double well (ΔU=${dU}, x0=${x0})`,
    suggestedDomain: [-2 * x0, 2 * x0],
  });
}

/** Options of {@link tiltedDoubleWell}. */
export interface TiltedDoubleWellOptions extends DoubleWellOptions {
  /** Linear tilt F: U gains + F·x (F > 0 lowers the left well). @default 0.1 */
  readonly tilt?: number;
}

/**
 * The tilted (asymmetric) double well U = ΔU[((x/x₀)² − 1)² − 1] + F·x. For |F| below
 * 8ΔU/(3√3 x₀) it keeps two minima; the barriers differ by about 2F·x₀.
 */
export function tiltedDoubleWell(options: TiltedDoubleWellOptions = {}): Potential1D {
  requireOptions("tiltedDoubleWell options", options, ["barrierHeight", "wellPosition", "tilt"]);
  const dU = requirePositive("barrierHeight", options.barrierHeight ?? 0.25);
  const x0 = requirePositive("wellPosition", options.wellPosition ?? 1);
  const F = requireFinite("tilt", options.tilt ?? 0.1);
  return expression("dU*(((x/x0)^2 - 1)^2 - 1) + F*x", {
    parameters: { dU, x0, F },
    label: `tilted double well (ΔU=${dU}, x0=${x0}, F=${F})`,
    suggestedDomain: [-2 * x0, 2 * x0],
  });
}

/** Options of {@link asymmetricDoubleWell}. */
export interface AsymmetricDoubleWellOptions {
  /** Coefficient a of x⁴/4. @default 1 */
  readonly a?: number;
  /** Coefficient b of −x²/2. @default 1 */
  readonly b?: number;
  /** Coefficient c of x³/3 (breaks the symmetry without a tilt). @default 0.2 */
  readonly c?: number;
}

/** The asymmetric quartic U = a x⁴/4 + c x³/3 − b x²/2: wells of different depth and curvature, barrier at 0. */
export function asymmetricDoubleWell(options: AsymmetricDoubleWellOptions = {}): Potential1D {
  requireOptions("asymmetricDoubleWell options", options, ["a", "b", "c"]);
  const a = requirePositive("a", options.a ?? 1);
  const b = requirePositive("b", options.b ?? 1);
  const c = requireFinite("c", options.c ?? 0.2);
  return expression("a*x^4/4 + c*x^3/3 - b*x^2/2", {
    parameters: { a, b, c },
    label: `asymmetric double well (a=${a}, b=${b}, c=${c})`,
    suggestedDomain: [-2.5 * Math.sqrt(b / a), 2.5 * Math.sqrt(b / a)],
  });
}

/** Options of {@link metastableCubic}. */
export interface MetastableCubicOptions {
  /** Barrier height ΔU between the minimum at 0 and the maximum at x_b. @default 1 */
  readonly barrierHeight?: number;
  /** Position x_b of the barrier top. @default 1 */
  readonly barrierPosition?: number;
}

/**
 * The metastable cubic U = ΔU[3(x/x_b)² − 2(x/x_b)³]: a well at 0 (U″ = 6ΔU/x_b²), a barrier at x_b
 * (U″ = −6ΔU/x_b²), and an unbounded fall beyond: escape without return (tipping point).
 */
export function metastableCubic(options: MetastableCubicOptions = {}): Potential1D {
  requireOptions("metastableCubic options", options, ["barrierHeight", "barrierPosition"]);
  const dU = requirePositive("barrierHeight", options.barrierHeight ?? 1);
  const xb = requireFinite("barrierPosition", options.barrierPosition ?? 1);
  if (xb === 0) requirePositive("barrierPosition", xb);
  return expression("dU*(3*(x/xb)^2 - 2*(x/xb)^3)", {
    parameters: { dU, xb },
    label: `metastable cubic (ΔU=${dU}, xb=${xb})`,
    suggestedDomain: xb > 0 ? [-xb, 1.6 * xb] : [1.6 * xb, -xb],
  });
}

/** Options of {@link tiltedWashboard}. */
export interface WashboardOptions {
  /** Corrugation amplitude V₀ of −V₀ cos x. @default 1 */
  readonly amplitude?: number;
  /** Constant force F of −F x. @default 0 */
  readonly force?: number;
}

/**
 * The tilted washboard U = −V₀ cos x − F x (Josephson junctions, Brownian motors): U′ has
 * period 2π; wells exist while |F| < V₀, at x_a = arcsin(F/V₀) + 2πn, with barrier
 * ΔU = 2√(V₀² − F²) − F(π − 2 arcsin(F/V₀)) toward the next well downhill.
 */
export function tiltedWashboard(options: WashboardOptions = {}): Potential1D {
  requireOptions("tiltedWashboard options", options, ["amplitude", "force"]);
  const V0 = requirePositive("amplitude", options.amplitude ?? 1);
  const F = requireFinite("force", options.force ?? 0);
  return expression("-V0*cos(x) - F*x", {
    parameters: { V0, F },
    label: `tilted washboard (V0=${V0}, F=${F})`,
    period: 2 * Math.PI,
    suggestedDomain: [-Math.PI, 3 * Math.PI],
  });
}

/** Options of {@link harmonic}. */
export interface HarmonicOptions {
  /** Spring constant κ of κ(x − c)²/2. @default 1 */
  readonly stiffness?: number;
  /** Center c. @default 0 */
  readonly center?: number;
}

/** The harmonic well U = κ(x − c)²/2 (Ornstein–Uhlenbeck process; no barrier). */
export function harmonic(options: HarmonicOptions = {}): Potential1D {
  requireOptions("harmonic options", options, ["stiffness", "center"]);
  const k = requirePositive("stiffness", options.stiffness ?? 1);
  const c = requireFinite("center", options.center ?? 0);
  return expression("k*(x - c)^2/2", {
    parameters: { k, c },
    label: `harmonic (κ=${k}, c=${c})`,
    suggestedDomain: [c - 4 / Math.sqrt(k), c + 4 / Math.sqrt(k)],
  });
}

/** Options of {@link tripleWell}. */
export interface TripleWellOptions {
  /** Overall energy scale. @default 1 */
  readonly scale?: number;
}

/** The symmetric triple well U = s(x⁶/6 − 5x⁴/4 + 2x²): U′ = s·x(x² − 1)(x² − 4), minima at 0 and ±2, maxima at ±1. */
export function tripleWell(options: TripleWellOptions = {}): Potential1D {
  requireOptions("tripleWell options", options, ["scale"]);
  const s = requirePositive("scale", options.scale ?? 1);
  return expression("s*(x^6/6 - 5*x^4/4 + 2*x^2)", {
    parameters: { s },
    label: `triple well (s=${s})`,
    suggestedDomain: [-2.6, 2.6],
  });
}
