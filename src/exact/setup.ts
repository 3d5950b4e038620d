// Shared set-up of the exact 1-D quadratures: the potential seen from the side of the target
// (mirrored so that the target is to the right), counted evaluations, the truncation of an
// infinite reflecting wall, and the panel breakpoints at the critical points of U.
import { KramersError } from "../errors.js";
import type { Potential1D } from "../potential/types.js";
import { landscape } from "../landscape/index.js";
import { stationaryPoints, type StationaryPoint } from "./critical-points.js";

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

/**
 * Critical points of U (mirrored) on [lo, hi] and the sorted, unique breakpoints including `extra`:
 * the union of the landscape module's points (rigorous interval isolation for expressions) and a
 * private sampled search (which also covers plain functions and serves as a fallback).
 */
export function breakpointsOf(m: MirroredPotential, potential: Potential1D, lo: number, hi: number, extra: readonly number[]): { points: number[]; stationary: StationaryPoint[] } {
  const stationary = stationaryPoints(m.u, m.du, lo, hi);
  const fromLandscape: StationaryPoint[] = [];
  let singular: string | undefined;
  try {
    const domain: [number, number] = m.s === 1 ? [lo, hi] : [-hi, -lo];
    const l = landscape({ potential, domain });
    singular = l.warnings.find((w) => w.code === "SINGULARITY" || w.code === "UNDEFINED_REGION")?.message;
    for (const c of l.minima) fromLandscape.push({ x: m.s * c.x, kind: "min" });
    for (const c of l.maxima) fromLandscape.push({ x: m.s * c.x, kind: "max" });
    for (const c of l.degenerate) if (c.kind !== "minimum" && c.kind !== "maximum") fromLandscape.push({ x: m.s * c.x, kind: "other" });
  } catch {
    // the sampled search alone (e.g. U undefined somewhere in the landscape's view)
  }
  if (singular !== undefined) {
    throw new KramersError("NOT_FINITE", `the potential is not smooth and finite on [${Math.min(m.s * lo, m.s * hi)}, ${Math.max(m.s * lo, m.s * hi)}], which the exact quadrature needs: ${singular}`);
  }
  for (const p of fromLandscape) {
    if (p.x > lo && p.x < hi && !stationary.some((q) => Math.abs(q.x - p.x) <= 1e-9 * (1 + Math.abs(p.x)))) stationary.push(p);
  }
  stationary.sort((p, q) => p.x - q.x);
  const pts = [lo, hi, ...extra, ...stationary.map((p) => p.x)].filter((x) => x >= lo && x <= hi).sort((p, q) => p - q);
  const points = pts.filter((x, i) => i === 0 || x > pts[i - 1]!);
  return { points, stationary };
}
