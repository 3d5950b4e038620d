// landscape(): the critical points of a 1-D potential in a domain, with energies, curvatures,
// frequencies, barriers between neighbouring minima and the behaviour at the domain edges.
import { KramersError } from "../errors.js";
import { toPotential } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { Warnings } from "../result.js";
import { requireInterval, requireOptions, requirePositive } from "../validate.js";
import { isolateCriticalPoints } from "./critical-points.js";
import type { Barrier, CriticalPoint, DomainEdge, LandscapeOptions, LandscapeResult } from "./types.js";

/** Checked, defaulted {@link LandscapeOptions}. */
export interface CheckedLandscapeOptions {
  readonly potential: Potential1D;
  readonly domain: readonly [number, number];
  readonly mass: number;
}

/** The domain to analyse: the caller's, else the potential's suggestion, else BAD_DOMAIN. */
export function resolveDomain(potential: Potential1D, domain: unknown, option = "domain"): [number, number] {
  if (domain !== undefined) return requireInterval(option, domain);
  if (potential.suggestedDomain) return requireInterval(`${option} (the potential's suggestedDomain)`, [...potential.suggestedDomain]);
  throw new KramersError(
    "BAD_DOMAIN",
    `${option} is required for potential ${JSON.stringify(potential.label)} (it has no suggested domain): pass domain: [left, right] (CLI: --domain L,R)`,
    { option },
  );
}

/** Fill defaults and validate the options of {@link landscape}. */
export function checkLandscapeOptions(options: unknown): CheckedLandscapeOptions {
  const o = requireOptions("landscape options", options, ["potential", "domain", "mass"]);
  const potential = toPotential(o.potential);
  const domain = resolveDomain(potential, o.domain);
  const mass = o.mass === undefined ? 1 : requirePositive("mass", o.mass);
  return { potential, domain, mass };
}

/** Attach U, U″ and ω to a position. */
export function criticalPoint(p: Potential1D, x: number, mass: number, kind: CriticalPoint["kind"], degenerate: boolean, kink = false): CriticalPoint {
  let curvature = p.d2U(x);
  // a kink extremum (U′ jumps across zero) is infinitely stiff in the harmonic sense: ±∞, not NaN or 0
  if (kink && (kind === "minimum" || kind === "maximum")) curvature = kind === "minimum" ? Infinity : -Infinity;
  return Object.freeze({ x, U: p.U(x), curvature, frequency: Math.sqrt(Math.abs(curvature) / mass), kind, degenerate });
}

/** Barriers between neighbouring minima: the highest maximum between each consecutive pair. */
export function barriersBetween(minima: readonly CriticalPoint[], maxima: readonly CriticalPoint[]): Barrier[] {
  const out: Barrier[] = [];
  for (let i = 0; i + 1 < minima.length; i++) {
    const a = minima[i]!, b = minima[i + 1]!;
    let top: CriticalPoint | undefined;
    for (const m of maxima) if (m.x > a.x && m.x < b.x && (!top || m.U > top.U)) top = m;
    if (!top) continue; // two minima with no maximum between them (a degenerate flat/inflection region)
    out.push(Object.freeze({ from: a.x, to: b.x, top: top.x, forward: top.U - a.U, backward: top.U - b.U }));
  }
  return out;
}

/** The landscape of an already-checked potential and domain (shared by landscape(), rate(), findWell()). */
export function analyseLandscape(potential: Potential1D, domain: readonly [number, number], mass = 1): LandscapeResult {
  const [L, R] = domain;
  const warnings = new Warnings();
  for (const [name, x] of [["left", L], ["right", R]] as const) {
    if (!Number.isFinite(potential.U(x)) || !Number.isFinite(potential.dU(x))) {
      throw new KramersError("NOT_FINITE", `potential ${JSON.stringify(potential.label)} is not finite at the ${name} domain edge x = ${x}; choose a domain where U is defined`, { option: "domain", x });
    }
  }
  const iso = isolateCriticalPoints(potential, L, R);
  if (!iso.complete) warnings.add("INCOMPLETE", "root isolation ran out of its box budget; some region of the domain is reported as a degenerate cluster instead of being resolved");
  if (iso.method === "sampling") {
    warnings.add("HEURISTIC_ROOTS", "the potential is a plain function (no expression tree), so critical points were found by dense sampling of U′ (4000 intervals) and refinement: roots closer together than the sampling step may be missed; pass an expression for rigorous root isolation");
  }
  for (const [a, b] of iso.undefinedRanges ?? []) {
    warnings.add("UNDEFINED_REGION", `U is undefined (NaN) on about [${a.toPrecision(6)}, ${b.toPrecision(6)}]: that part of the domain was skipped`);
  }
  for (const x of iso.singular ?? []) {
    warnings.add("SINGULARITY", `U′ is discontinuous or unbounded near x ≈ ${x.toPrecision(8)} (a kink, cusp or pole): a kink where U′ changes sign is reported as a degenerate minimum/maximum, anything else is not a critical point; harmonic formulas do not apply there`);
  }
  const minima: CriticalPoint[] = [], maxima: CriticalPoint[] = [], degenerate: CriticalPoint[] = [];
  for (const r of iso.points) {
    const cp = criticalPoint(potential, r.x, mass, r.kind, r.degenerate, r.kink === true);
    if (cp.kind === "minimum") minima.push(cp);
    if (cp.kind === "maximum") maxima.push(cp);
    if (r.degenerate) {
      degenerate.push(cp);
      warnings.add(
        "DEGENERATE_POINT",
        r.kink
          ? `kink ${cp.kind} at x ≈ ${cp.x.toPrecision(8)}: U′ jumps across zero, so U″ (reported as ${cp.curvature}) is not defined and harmonic frequencies and the Kramers prefactors do not apply to it`
          : `degenerate critical point (${cp.kind}) at x ≈ ${cp.x.toPrecision(8)}: U″ ≈ 0 there, so harmonic frequencies and the Kramers prefactors do not apply to it`,
      );
    }
  }
  const edge = (x: number, side: -1 | 1): DomainEdge => {
    const slope = potential.dU(x);
    return Object.freeze({ x, U: potential.U(x), slope, open: side * slope < 0 });
  };
  const edges = { left: edge(L, -1), right: edge(R, 1) };
  if (edges.left.open) warnings.add("OPEN_EDGE", `U keeps decreasing beyond the left edge x = ${L} (U′ = ${edges.left.slope.toPrecision(4)} > 0): the landscape may continue outside the domain (open well or escape to −∞)`);
  if (edges.right.open) warnings.add("OPEN_EDGE", `U keeps decreasing beyond the right edge x = ${R} (U′ = ${edges.right.slope.toPrecision(4)} < 0): the landscape may continue outside the domain (open well or escape to −∞)`);
  return {
    minima,
    maxima,
    degenerate,
    barriers: barriersBetween(minima, maxima),
    domain: [L, R],
    edges,
    method: iso.method,
    singularities: [...(iso.singular ?? [])].sort((a, b) => a - b),
    undefinedRegions: iso.undefinedRanges ?? [],
    warnings: warnings.list,
  };
}

/**
 * The energy landscape of a 1-D potential: every minimum and maximum in a domain with its
 * energy, curvature U″ and frequency √(|U″|/m), degenerate points (U″ ≈ 0) flagged, and the
 * barrier heights between neighbouring minima in both directions.
 *
 * For expression and polynomial potentials the roots of U′ are isolated rigorously by interval
 * arithmetic on the symbolic derivative (no root is missed, however close); for plain functions by
 * dense sampling (a HEURISTIC_ROOTS warning says so). Domain edges are never critical points; an
 * edge where U keeps decreasing outward is reported in `edges` with an OPEN_EDGE warning.
 *
 * @param options - potential, domain (default: the potential's suggestedDomain), mass
 * @returns minima, maxima, degenerate points, barriers, edges, method, warnings
 * @throws KramersError BAD_DOMAIN if no domain is given and the potential suggests none
 * @example
 * ```ts
 * const l = landscape({ potential: "x^4/4 - x^2/2", domain: [-2, 2] });
 * l.minima.map((m) => m.x);  // [-1, 1]
 * l.maxima[0];               // { x: 0, U: 0, curvature: -1, frequency: 1, kind: "maximum", … }
 * l.barriers[0];             // { from: -1, to: 1, top: 0, forward: 0.25, backward: 0.25 }
 * ```
 */
export function landscape(options: LandscapeOptions): LandscapeResult {
  const o = checkLandscapeOptions(options);
  return analyseLandscape(o.potential, o.domain, o.mass);
}
