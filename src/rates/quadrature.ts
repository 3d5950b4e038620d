/**
 * Tanh–sinh (double-exponential) quadrature on a finite interval. It converges exponentially even
 * for integrands with integrable endpoint singularities such as the √(E − U) at an orbit's
 * turning point, because the substitution x = c + h·tanh(π/2·sinh t) crowds nodes at the ends;
 * nodes are placed by their distance from the nearest end, so no node rounds onto an endpoint
 * and loses the singular behaviour.
 */
import { KramersError } from "../errors.js";
import { requireFinite } from "../validate.js";

/** Result of {@link tanhSinh}. */
export interface QuadratureResult {
  /** The integral estimate. */
  readonly value: number;
  /** |difference| between the last two levels (a conservative error estimate). */
  readonly errorEstimate: number;
  /** Whether the relative change fell below the tolerance. */
  readonly converged: boolean;
  /** Number of levels (halvings of the step) used. */
  readonly iterations: number;
}

/** Largest |t|: beyond it the weights underflow relative to the sum (π/2·sinh 3.6 ≈ 29). */
const T_MAX = 3.6;

/**
 * ∫_a^b f(x) dx by tanh–sinh quadrature.
 *
 * @param f - integrand; called with the node x and its distance d from the nearest endpoint
 *   (use d to evaluate singular factors without cancellation)
 * @param a - left end
 * @param b - right end (b > a)
 * @param relTol - relative tolerance on successive levels
 * @param maxLevel - maximum number of step halvings
 * @returns value, error estimate, convergence
 * @throws KramersError NOT_FINITE if a bound or the sum of integrand values is not finite
 * @example
 * ```ts
 * tanhSinh((x) => Math.sqrt(1 - x * x), -1, 1).value; // π/2
 * ```
 */
export function tanhSinh(f: (x: number, d: number, side: -1 | 1) => number, a: number, b: number, relTol = 1e-13, maxLevel = 12): QuadratureResult {
  requireFinite("a", a);
  requireFinite("b", b);
  const notFinite = (v: number): never => {
    throw new KramersError("NOT_FINITE", `tanhSinh: the integral over [${a}, ${b}] is ${v}: the integrand is not finite (or not integrable) there`, { value: v });
  };
  const c = 0.5 * (a + b), hw = 0.5 * (b - a);
  const HALF_PI = Math.PI / 2;
  // contribution of the node pair ±t (and t = 0 alone)
  const pair = (t: number): number => {
    const u = HALF_PI * Math.sinh(t);
    const cu = Math.cosh(u);
    const w = (HALF_PI * Math.cosh(t)) / (cu * cu);
    if (w === 0) return 0;
    if (t === 0) return w * f(c, hw, 1);
    // distance from the end: hw·(1 − tanh u) = 2hw/(1 + e^{2u})
    const d = (2 * hw) / (1 + Math.exp(2 * u));
    return w * (f(a + d, d, -1) + f(b - d, d, 1));
  };
  let h = 1;
  let sum = pair(0);
  for (let k = 1; k * h <= T_MAX; k++) sum += pair(k * h);
  let value = sum * h * hw;
  if (!Number.isFinite(value)) notFinite(value);
  let errorEstimate = Infinity;
  for (let level = 1; level <= maxLevel; level++) {
    h /= 2;
    for (let k = 1; k * h <= T_MAX; k += 2) sum += pair(k * h);
    const next = sum * h * hw;
    if (!Number.isFinite(next)) notFinite(next);
    errorEstimate = Math.abs(next - value);
    value = next;
    if (level >= 3 && errorEstimate <= relTol * Math.abs(value)) return { value, errorEstimate, converged: true, iterations: level };
  }
  return { value, errorEstimate, converged: errorEstimate <= 1e3 * relTol * Math.abs(value), iterations: maxLevel };
}
