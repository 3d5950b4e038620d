/**
 * What a landscape analysis returns: the critical points of U in a domain (minima, maxima,
 * degenerate points), the barriers between neighbouring minima, and how the edges behave.
 */
import type { PotentialInput } from "../potential/resolve.js";
import type { ResultWarning } from "../result.js";

/** How a critical point is classified. */
export type CriticalKind = "minimum" | "maximum" | "inflection" | "flat";

/** A point where U′ = 0. */
export interface CriticalPoint {
  /** Position x. */
  readonly x: number;
  /** Energy U(x). */
  readonly U: number;
  /** Curvature U″(x) (> 0 at a minimum, < 0 at a maximum, ≈ 0 at a degenerate point). */
  readonly curvature: number;
  /** Angular frequency √(|U″|/m): ω_a at a minimum, ω_b at a barrier top. */
  readonly frequency: number;
  /** Minimum, maximum, inflection (U′ does not change sign) or flat (U′ ≡ 0 on a segment). */
  readonly kind: CriticalKind;
  /** True when U″ ≈ 0 at the point (e.g. x⁴ at 0): harmonic formulas do not apply there. */
  readonly degenerate: boolean;
}

/** The barrier between two neighbouring minima, in both directions. */
export interface Barrier {
  /** Position of the left minimum (the "from" side of `forward`). */
  readonly from: number;
  /** Position of the right minimum. */
  readonly to: number;
  /** Position of the barrier top (the highest maximum between them). */
  readonly top: number;
  /** U(top) − U(from): the barrier seen from the left minimum. */
  readonly forward: number;
  /** U(top) − U(to): the barrier seen from the right minimum. */
  readonly backward: number;
}

/** How U behaves at a domain edge (edges are never critical points). */
export interface DomainEdge {
  /** Position of the edge. */
  readonly x: number;
  /** U at the edge. */
  readonly U: number;
  /** U′ at the edge. */
  readonly slope: number;
  /** True when U keeps decreasing outward at this edge (an open well / escape to −∞ or beyond the domain). */
  readonly open: boolean;
}

/** Options of {@link landscape}. */
export interface LandscapeOptions {
  /** The potential: an expression string, a potential object, or a function U(x). */
  readonly potential: PotentialInput;
  /** Domain [L, R] to search. @default the potential's `suggestedDomain` (required if it has none) */
  readonly domain?: readonly [number, number];
  /** Mass m, used for the frequencies √(|U″|/m). @default 1 */
  readonly mass?: number;
}

/** Result of {@link landscape}. */
export interface LandscapeResult {
  /** Minima in increasing x (degenerate minima included, flagged `degenerate: true`). */
  readonly minima: CriticalPoint[];
  /** Maxima in increasing x (degenerate maxima included). */
  readonly maxima: CriticalPoint[];
  /** Every degenerate critical point (U″ ≈ 0), including inflections and flat segments. */
  readonly degenerate: CriticalPoint[];
  /** Barriers between neighbouring minima, left to right. */
  readonly barriers: Barrier[];
  /** The domain searched. */
  readonly domain: readonly [number, number];
  /** Edge behaviour (left, right). */
  readonly edges: { readonly left: DomainEdge; readonly right: DomainEdge };
  /** "interval" (rigorous root isolation on the expression tree) or "sampling" (heuristic, function potentials). */
  readonly method: "interval" | "sampling";
  /** Points where U′ is unbounded or discontinuous (poles, cusps, kinks), also named in a SINGULARITY warning. */
  readonly singularities: readonly number[];
  /** Sub-ranges [a, b] where U is undefined (NaN), also named in an UNDEFINED_REGION warning. */
  readonly undefinedRegions: readonly (readonly [number, number])[];
  /** Warnings: DEGENERATE_POINT, OPEN_EDGE, HEURISTIC_ROOTS, INCOMPLETE, SINGULARITY, UNDEFINED_REGION. */
  readonly warnings: ResultWarning[];
}
