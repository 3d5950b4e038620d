// findWell() and findBarrier(): from a point to the minimum it drains into, and from a minimum
// over the first barrier toward a target.
import { KramersError } from "../errors.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { requireFinite } from "../validate.js";
import { analyseLandscape, resolveDomain } from "./landscape.js";
import type { CriticalPoint, LandscapeResult } from "./types.js";

/** Relative distance (× domain width) within which a start counts as "at" a critical point. */
const AT_POINT_TOL = 1e-7;

/** Where to look for a barrier: a target position x, or an explicit direction. */
export type BarrierToward = number | { readonly direction: 1 | -1 };

/** The barrier crossed when leaving a well in one direction (result of {@link findBarrier}). */
export interface BarrierCrossing {
  /** The minimum left behind. */
  readonly from: CriticalPoint;
  /** The barrier top (the first maximum met going from `from` in `direction`). */
  readonly top: CriticalPoint;
  /** The next minimum beyond the top, if there is one inside the domain (else undefined: the far side is open). */
  readonly to?: CriticalPoint;
  /** +1 (toward larger x) or −1. */
  readonly direction: 1 | -1;
  /** ΔU = U(top) − U(from), the barrier height seen from `from`. */
  readonly height: number;
  /** U(top) − U(to), the barrier seen from the far minimum (undefined without one). */
  readonly reverseHeight?: number;
}

/** The points a descent or a crossing can stop at, in increasing x. */
function stops(l: LandscapeResult): CriticalPoint[] {
  return [...l.minima, ...l.maxima, ...l.degenerate.filter((d) => d.kind === "flat")].sort((a, b) => a.x - b.x);
}

/** findWell on an analysed landscape (shared with rate()). */
export function wellIn(p: Potential1D, l: LandscapeResult, x: number, option = "x"): CriticalPoint {
  const [L, R] = l.domain;
  if (x < L || x > R) {
    throw new KramersError("BAD_DOMAIN", `${option} = ${x} lies outside the domain [${L}, ${R}]`, { option, value: x });
  }
  const tol = AT_POINT_TOL * (R - L);
  const s = stops(l);
  for (const c of s) {
    if (Math.abs(c.x - x) <= tol) {
      if (c.kind === "minimum") return c;
      throw new KramersError("NOT_IN_WELL", `${option} = ${x} sits at a ${c.kind} of U (x = ${c.x.toPrecision(8)}), not inside a well: start on one side of it`, { option, value: x, at: c.x });
    }
  }
  const slope = p.dU(x);
  if (!Number.isFinite(slope)) throw new KramersError("NOT_FINITE", `U′(${option} = ${x}) is not finite`, { option, value: x });
  if (slope === 0) {
    // domain edges are never critical points: a well bottom on the edge is the domain's fault
    if (x - L <= tol || R - x <= tol) {
      throw new KramersError("BAD_DOMAIN", `${option} = ${x} is a critical point of U (U′ = 0) on the edge of the domain [${L}, ${R}]; widen the domain so that the well lies inside it`, { option: "domain", value: [L, R] });
    }
    throw new KramersError("NOT_IN_WELL", `${option} = ${x} is on a flat part of U (U′ = 0) that is not a minimum`, { option, value: x });
  }
  const dir = slope > 0 ? -1 : 1;
  const ahead = dir > 0 ? s.filter((c) => c.x > x) : s.filter((c) => c.x < x).reverse();
  const next = ahead[0];
  if (!next) {
    throw new KramersError(
      "NOT_IN_WELL",
      `descending from ${option} = ${x} runs off the ${dir > 0 ? "right" : "left"} edge of the domain [${L}, ${R}] without meeting a minimum (U keeps falling): not inside a well; widen the domain if a well lies beyond`,
      { option, value: x },
    );
  }
  if (next.kind !== "minimum") {
    throw new KramersError("NOT_IN_WELL", `descending from ${option} = ${x} stalls at a ${next.kind} point x = ${next.x.toPrecision(8)}, not a minimum`, { option, value: x });
  }
  return next;
}

/** findBarrier on an analysed landscape (shared with rate()). */
export function barrierIn(p: Potential1D, l: LandscapeResult, fromX: number, toward: BarrierToward, option = "from", targetOption = "toward"): BarrierCrossing {
  const from = wellIn(p, l, fromX, option);
  let direction: 1 | -1;
  let target: number | undefined;
  if (typeof toward === "number") {
    target = requireFinite(targetOption, toward);
    // a target at the bottom of the start's own well (within the tolerance a start snaps with) has no side
    if (Math.abs(target - from.x) <= AT_POINT_TOL * (l.domain[1] - l.domain[0])) {
      throw new KramersError("INVALID_ARGUMENT", `${targetOption} = ${target} is the bottom of the well that ${option} = ${fromX} lies in (x = ${from.x.toPrecision(8)}); give a target beyond a barrier${targetOption === "toward" ? " or { direction: ±1 }" : ""}`, { option: targetOption, value: target });
    }
    direction = target > from.x ? 1 : -1;
  } else if (toward !== null && typeof toward === "object" && (toward.direction === 1 || toward.direction === -1)) {
    direction = toward.direction;
  } else {
    throw new KramersError("INVALID_ARGUMENT", `${targetOption} must be a target position x or { direction: 1 | -1 }, got ${JSON.stringify(toward)}`, { option: targetOption });
  }
  const s = stops(l);
  const ahead = direction > 0 ? s.filter((c) => c.x > from.x) : s.filter((c) => c.x < from.x).reverse();
  const topIndex = ahead.findIndex((c) => c.kind === "maximum" || c.kind === "flat");
  const top = ahead[topIndex];
  const side = direction > 0 ? "right" : "left";
  if (!top || top.kind !== "maximum") {
    throw new KramersError(
      "NO_BARRIER",
      top
        ? `going ${side} from the minimum at x = ${from.x.toPrecision(8)} U becomes flat at x = ${top.x.toPrecision(8)} before any maximum`
        : `no maximum of U ${side} of the minimum at x = ${from.x.toPrecision(8)} inside the domain [${l.domain[0]}, ${l.domain[1]}]: no barrier to cross (widen the domain if there is one beyond)`,
      { option: targetOption, from: from.x, direction },
    );
  }
  if (target !== undefined && (target - top.x) * direction < 0) {
    throw new KramersError("NO_BARRIER", `${targetOption} = ${target} lies in the same well as ${option} = ${fromX} (minimum at x = ${from.x.toPrecision(8)}; the first barrier ${side} of it is at x = ${top.x.toPrecision(8)}): no barrier between them`, { option: targetOption, from: from.x, target });
  }
  const beyond = ahead.slice(topIndex + 1).find((c) => c.kind === "minimum");
  return Object.freeze({
    from,
    top,
    ...(beyond ? { to: beyond, reverseHeight: top.U - beyond.U } : {}),
    direction,
    height: top.U - from.U,
  });
}

/**
 * The minimum that steepest descent from `x` drains into.
 *
 * @param potential - expression string, potential object or function
 * @param x - starting position (anywhere in the well)
 * @param domain - domain to search @default the potential's suggestedDomain
 * @returns the minimum as a {@link CriticalPoint} (frequency with m = 1)
 * @throws KramersError NOT_IN_WELL if x is at a maximum or descent runs off the domain; BAD_DOMAIN if x is outside it
 * @example
 * ```ts
 * findWell("x^4/4 - x^2/2", -0.3, [-2, 2]).x; // -1
 * ```
 */
export function findWell(potential: PotentialInput, x: number, domain?: readonly [number, number]): CriticalPoint {
  const p = toPotential(potential);
  requireFinite("x", x);
  const d = resolveDomain(p, domain);
  return wellIn(p, analyseLandscape(p, d), x, "x");
}

/**
 * The barrier crossed when leaving the well containing `fromMinimumX` toward a target.
 *
 * `toward` is a target position (the barrier is the first maximum between the well and it) or
 * `{ direction: 1 | -1 }`. A plain number is always a position, so `toward: 1` means "toward x = 1".
 *
 * @param potential - expression string, potential object or function
 * @param fromMinimumX - a point in the starting well (snapped to its minimum)
 * @param toward - target x or `{ direction }`
 * @param domain - domain to search @default the potential's suggestedDomain
 * @returns the well, the barrier top, the minimum beyond (if any) and the heights both ways
 * @throws KramersError NO_BARRIER if no maximum separates them; NOT_IN_WELL for a bad start
 * @example
 * ```ts
 * const b = findBarrier("x^4/4 - x^2/2", -1, 1, [-2, 2]);
 * b.top.x;     // 0
 * b.height;    // 0.25
 * ```
 */
export function findBarrier(potential: PotentialInput, fromMinimumX: number, toward: BarrierToward, domain?: readonly [number, number]): BarrierCrossing {
  const p = toPotential(potential);
  requireFinite("fromMinimumX", fromMinimumX);
  const d = resolveDomain(p, domain);
  return barrierIn(p, analyseLandscape(p, d), fromMinimumX, toward, "fromMinimumX");
}
