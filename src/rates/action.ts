// The action I(E_b) = ∮ p dx of the well's periodic orbit at the barrier energy, for any
// potential: the orbit runs from the barrier top x_b to the far turning point x_t where
// U(x_t) = E_b, and I = 2∫ √(2m(E_b − U(x))) dx between them.
import { KramersError } from "../errors.js";
import { analyseLandscape } from "../landscape/landscape.js";
import { brentRoot } from "../landscape/roots.js";
import type { LandscapeResult } from "../landscape/types.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireFinite, requireOptions, requirePositive } from "../validate.js";
import { barrierIn } from "../landscape/wells.js";
import { resolveDomain } from "../landscape/landscape.js";
import { tanhSinh } from "./quadrature.js";

/** Options of {@link barrierAction}. */
export interface BarrierActionOptions {
  /** The potential. */
  readonly potential: PotentialInput;
  /** Position of the well's minimum x_a. */
  readonly well: number;
  /** Position of the barrier top x_b (its energy is the orbit's energy E_b = U(x_b)). */
  readonly top: number;
  /** Mass m. @default 1 */
  readonly mass?: number;
  /** Domain of the landscape used to bracket the far turning point. @default the potential's suggestedDomain */
  readonly domain?: readonly [number, number];
}

/** Result of {@link barrierAction}. */
export interface BarrierActionResult {
  /** I(E_b) = ∮ p dx = 2∫ √(2m(E_b − U)) dx over the well's orbit at the barrier energy. */
  readonly action: number;
  /** The orbit's energy E_b = U(x_b). */
  readonly energy: number;
  /** Turning points [left, right] of the orbit (one of them is the barrier top). */
  readonly turningPoints: readonly [number, number];
  /** Quadrature error estimate (absolute, on `action`). */
  readonly errorEstimate: number;
  /** Whether the quadrature met its tolerance (1e-12 relative). */
  readonly converged: boolean;
  /** ORBIT_NOT_CONFINED, ORBIT_BEYOND_DOMAIN, OPEN_ORBIT, NOT_CONVERGED. */
  readonly warnings: ResultWarning[];
}

/** The far turning point: walk away from the top through monotone segments until U ≥ E_b. */
function farTurningPoint(p: Potential1D, l: LandscapeResult, xa: number, xb: number, Eb: number, w: Warnings): number {
  const dir = xb > xa ? -1 : 1;
  const [L, R] = l.domain;
  const crit = [...l.minima, ...l.maxima, ...l.degenerate].map((c) => c.x).filter((x) => (x - xa) * dir > 0);
  crit.sort((u, v) => (u - v) * dir);
  const f = (x: number) => p.U(x) - Eb;
  const nodes = [xa, ...crit, dir > 0 ? R : L];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!, b = nodes[i + 1]!;
    const fb = f(b);
    if (fb >= 0) return brentRoot(f, a, b, 0, 200, f(a), fb).root;
    // a maximum level with the barrier (e.g. a symmetric triple well): the orbit ends on it
    if (l.maxima.some((m) => m.x === b) && fb >= -1e-10 * (Eb - p.U(xa))) return b;
    if (i + 2 < nodes.length && l.maxima.some((m) => m.x === b)) {
      w.add("ORBIT_NOT_CONFINED", `the orbit at the barrier energy E_b = ${Eb.toPrecision(6)} spills over a lower maximum at x = ${b.toPrecision(6)} on the far side of the well: the escape over the other (lower) barrier dominates, and I(E_b) here includes the neighbouring well`);
    }
  }
  // not closed inside the domain: look beyond it (the potential is usually defined there)
  const edge = nodes[nodes.length - 1]!;
  let step = (R - L) / 64;
  let prev = edge;
  for (let k = 0; k < 40; k++) {
    const x = edge + dir * step;
    const fx = f(x);
    if (Number.isFinite(fx) && fx >= 0) {
      w.add("ORBIT_BEYOND_DOMAIN", `the well's orbit at the barrier energy closes outside the domain, at x ≈ ${x.toPrecision(6)}; widen the domain to include it in the landscape`);
      return brentRoot(f, prev, x, 0, 200).root;
    }
    if (!Number.isFinite(fx)) break;
    prev = x;
    step *= 2;
  }
  w.add("OPEN_ORBIT", `U stays below the barrier energy beyond the ${dir > 0 ? "right" : "left"} domain edge: the orbit is closed by a hard wall at x = ${edge}`);
  return edge;
}

/** The action of an already-analysed landscape (shared with rate()). */
export function actionIn(p: Potential1D, l: LandscapeResult, xa: number, xb: number, mass: number): BarrierActionResult {
  const w = new Warnings();
  const Eb = p.U(xb);
  if (!(Eb > p.U(xa))) {
    throw new KramersError("NO_BARRIER", `the point x_b = ${xb} is not above the well at x_a = ${xa} (U(x_b) = ${Eb}, U(x_a) = ${p.U(xa)})`);
  }
  const xt = farTurningPoint(p, l, xa, xb, Eb, w);
  const lo = Math.min(xt, xb), hi = Math.max(xt, xb);
  const twoM = 2 * mass;
  const q = tanhSinh((x) => Math.sqrt(twoM * Math.max(0, Eb - p.U(x))), lo, hi, 1e-12);
  if (!q.converged) w.add("NOT_CONVERGED", `the action quadrature did not reach 1e-12 relative accuracy (error estimate ${q.errorEstimate.toPrecision(3)})`);
  return { action: 2 * q.value, energy: Eb, turningPoints: [lo, hi], errorEstimate: 2 * q.errorEstimate, converged: q.converged, warnings: w.list };
}

/**
 * The action I(E_b) = ∮ p dx = 2∫ √(2m(E_b − U(x))) dx of the well's periodic orbit at the
 * barrier energy E_b = U(x_b), computed numerically for any potential: the far turning point is
 * found by Brent's method on a monotone stretch of U, and the integral by tanh–sinh quadrature,
 * which handles the square-root endpoint singularity. It is the energy lost per orbit at friction
 * γ divided by γ/m (Δ = γIβ/m) and enters the energy-diffusion and Mel'nikov–Pollak rates.
 *
 * @param options - potential, well (x_a), top (x_b), mass, domain
 * @returns action, turning points, quadrature error, warnings
 * @example
 * ```ts
 * // quartic double well: I(E_b = 0) = 4√m/3 for one well
 * barrierAction({ potential: "x^4/4 - x^2/2", well: -1, top: 0, domain: [-2, 2] }).action; // 1.3333…
 * ```
 */
export function barrierAction(options: BarrierActionOptions): BarrierActionResult {
  const o = requireOptions("barrierAction options", options, ["potential", "well", "top", "mass", "domain"]);
  const p = toPotential(o.potential);
  const xa = requireFinite("well", o.well);
  const xb = requireFinite("top", o.top);
  const mass = o.mass === undefined ? 1 : requirePositive("mass", o.mass);
  const d = resolveDomain(p, o.domain);
  const l = analyseLandscape(p, d, mass);
  // both points snap to the landscape's critical points; a `top` that is not the barrier between
  // the well and it would give the action of some other orbit without a word
  if (xb === xa) throw new KramersError("INVALID_ARGUMENT", `top = ${xb} must differ from well = ${xa}`, { option: "top", value: xb });
  const crossing = barrierIn(p, l, xa, xb > xa ? { direction: 1 } : { direction: -1 }, "well", "top");
  const tol = 1e-6 * (d[1] - d[0]);
  if (Math.abs(crossing.top.x - xb) > tol) {
    throw new KramersError(
      "INVALID_ARGUMENT",
      `top = ${xb} is not a barrier top of the well at x = ${crossing.from.x.toPrecision(8)}: the first maximum of U ${xb > xa ? "right" : "left"} of it is at x = ${crossing.top.x.toPrecision(8)}`,
      { option: "top", value: xb, barrierTop: crossing.top.x },
    );
  }
  return actionIn(p, l, crossing.from.x, crossing.top.x, mass);
}
