// Shared set-up of the exact 1-D quadratures: the potential seen from the side of the target
// (mirrored so that the target is to the right), counted evaluations, the truncation of an
// infinite reflecting wall, and the panel breakpoints at the critical points of U.
import { KramersError } from "../errors.js";
import type { Potential1D } from "../potential/types.js";
import { continuousAt, isolateCriticalPoints } from "../landscape/critical-points.js";

/**
 * e^{−TRUNCATION_EXPONENT} ≈ 5.7e-19: where β(U − U_min) first exceeds this, the rest of
 * ∫ e^{−βU} toward an infinite wall is below 1e-17 of the part kept (U keeps rising there).
 */
export const TRUNCATION_EXPONENT = 42;

/** U and U′ in mirrored coordinates ξ = s·x, with an evaluation counter. */
export interface MirroredPotential {
  /** +1 if the target is to the right of the start, −1 if mirrored. */
  readonly s: 1 | -1;
  /** U at ξ. */
  u(xi: number): number;
  /** dU/dξ at ξ. */
  du(xi: number): number;
  /** Evaluations of U (and U′) so far. */
  readonly counter: { evaluations: number };
}

/** Wrap a potential so that ξ = s·x. */
export function mirrored(p: Potential1D, s: 1 | -1): MirroredPotential {
  const counter = { evaluations: 0 };
  return {
    s,
    counter,
    u: (xi) => {
      counter.evaluations++;
      return p.U(s * xi);
    },
    du: (xi) => {
      counter.evaluations++;
      return s * p.dU(s * xi);
    },
  };
}

/**
 * Find a point L′ < `start` where β(U(L′) − min U) ≥ `exponent` (default {@link TRUNCATION_EXPONENT}) with U still
 * rising to the left, by steps that double after the first few. Works in mirrored coordinates.
 *
 * @param lowest - the smallest admissible ξ (a mirrored domain edge, or −∞)
 * @throws KramersError NOT_FINITE if U stops being finite or does not grow to +∞ (infinite MFPT);
 *   BAD_DOMAIN if the domain edge is reached first
 */
export function truncateLeft(m: MirroredPotential, beta: number, start: number, scale: number, lowest: number, uMinKnown: number, exponent = TRUNCATION_EXPONENT): number {
  const show = (xi: number) => `x = ${m.s * xi}`;
  const side = m.s === 1 ? "−∞" : "+∞";
  let z = start, uz = m.u(start), umin = Math.min(uz, uMinKnown);
  let step = scale;
  for (let k = 0; k < 400; k++) {
    let zn = z - step;
    const atEdge = zn <= lowest;
    if (atEdge) zn = lowest;
    const un = m.u(zn);
    if (!Number.isFinite(un)) {
      throw new KramersError("NOT_FINITE", `U(${show(zn)}) = ${un} while looking for where e^{-U/kT} becomes negligible toward the wall at ${side}; pass a finite reflect (or a domain)`, { x: m.s * zn });
    }
    umin = Math.min(umin, un);
    if (beta * (un - umin) >= exponent && un > uz) {
      // confirm that U keeps rising beyond
      const zc = Math.max(lowest, zn - step);
      const uc = zc < zn ? m.u(zc) : Infinity;
      if (uc >= un) {
        // pull the cut in to where β(U − U_min) ≈ exponent + 1 (U rises monotonically there)
        let inner = z, outer = zn;
        for (let i = 0; i < 60 && beta * (m.u(inner) - umin) < exponent + 1; i++) {
          const mid = (inner + outer) / 2;
          if (!(mid < inner && mid > outer)) break;
          if (beta * (m.u(mid) - umin) >= exponent + 1) outer = mid;
          else inner = mid;
          if (beta * (m.u(outer) - umin) <= exponent + 2) break;
        }
        return beta * (m.u(inner) - umin) >= exponent + 1 && m.u(inner) > umin ? inner : outer;
      }
    }
    if (atEdge) {
      throw new KramersError("BAD_DOMAIN", `with the reflecting wall at ${side}, e^{-U/kT} must be negligible at the domain edge, but U(${show(lowest)}) is only ${(beta * (un - umin)).toPrecision(3)} kT above the lowest value seen; widen the domain or pass reflect`, { x: m.s * lowest });
    }
    if (Math.abs(zn - start) > 1e12 * scale) {
      throw new KramersError("NOT_FINITE", `U does not grow to +∞ as x → ${side} (U(${show(zn)}) = ${un}, only ${(beta * (un - umin)).toPrecision(3)} kT above the lowest value seen): with the reflecting wall at ${side} the mean first-passage time is infinite; pass a finite reflect`, { x: m.s * zn });
    }
    z = zn; uz = un;
    if (k >= 3) step *= 2;
  }
  throw new KramersError("NOT_CONVERGED", "could not find where the potential confines the particle; pass a finite reflect");
}

/** A critical point of U in mirrored coordinates, as the quadratures need it. */
export interface StationaryPoint {
  /** Position ξ = s·x. */
  readonly x: number;
  /** Minimum, maximum, or a degenerate point where U′ does not change sign (inflection, flat segment). */
  readonly kind: "min" | "max" | "other";
}

/**
 * Critical points of U (mirrored) on [lo, hi] and the sorted, unique breakpoints including `extra`,
 * from the landscape module's root isolation (rigorous interval isolation for expressions and
 * polynomials, dense sampling for plain functions). Kinks of U (|x − c|) become panel edges; a pole,
 * a jump of U, or a region where U is undefined makes the quadrature meaningless: NOT_FINITE.
 */
export function breakpointsOf(m: MirroredPotential, potential: Potential1D, lo: number, hi: number, extra: readonly number[]): { points: number[]; stationary: StationaryPoint[] } {
  // the landscape works in the caller's x; mirror the interval, then the points back
  const [L, R] = m.s === 1 ? [lo, hi] : [-hi, -lo];
  const iso = isolateCriticalPoints(potential, L, R);
  // a kink (U continuous, U′ jumping, e.g. |x − c|) only needs a panel edge at it; a pole, a jump of
  // U or an undefined region makes the integrals meaningless
  const h = 1e-9 * (R - L);
  const kinks: number[] = [];
  let pole: number | undefined;
  for (const x of iso.singular ?? []) {
    if (continuousAt(potential, x, h)) kinks.push(x);
    else pole ??= x;
  }
  const problem =
    iso.undefinedRanges && iso.undefinedRanges.length > 0
      ? `U is undefined (NaN) on about [${iso.undefinedRanges[0]![0].toPrecision(6)}, ${iso.undefinedRanges[0]![1].toPrecision(6)}]`
      : pole !== undefined
        ? `U is unbounded or jumps near x ≈ ${pole.toPrecision(8)} (a pole or step)`
        : undefined;
  if (problem !== undefined) {
    throw new KramersError("NOT_FINITE", `the potential is not smooth and finite on [${L}, ${R}], which the exact quadrature needs: ${problem}`, { interval: [L, R] });
  }
  const stationary: StationaryPoint[] = iso.points
    .map((c) => ({ x: m.s * c.x, kind: c.kind === "minimum" ? ("min" as const) : c.kind === "maximum" ? ("max" as const) : ("other" as const) }))
    .filter((p) => p.x > lo && p.x < hi)
    .sort((p, q) => p.x - q.x);
  // kinks that are not extrema (U′ jumps without changing sign) are panel edges too
  const edges = [...stationary.map((p) => p.x), ...kinks.map((x) => m.s * x).filter((x) => x > lo && x < hi)];
  // the ends and `extra` are exact; a critical point within rounding of one of them (a start placed
  // at the well bottom) would only add a panel of width ~1e-16
  const fixed = [lo, hi, ...extra].filter((x) => x >= lo && x <= hi);
  const near = 1e-13 * (hi - lo);
  const pts = [...fixed, ...edges.filter((x) => !fixed.some((f) => Math.abs(f - x) <= near))].sort((p, q) => p - q);
  const points = pts.filter((x, i) => i === 0 || x > pts[i - 1]!);
  return { points, stationary };
}
