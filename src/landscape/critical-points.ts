/**
 * Every root of U′ in a domain.
 *
 * Expression and polynomial potentials: branch-and-bound with interval arithmetic on the
 * symbolic trees of U′ and U″. A box whose U′ enclosure excludes 0 has no critical point; a box
 * whose U″ enclosure excludes 0 has U′ monotone, hence at most one root, which a sign test at the
 * box ends decides and Brent's method finds. Boxes where neither test succeeds are halved; boxes
 * that reach the resolution floor with both enclosures containing 0 are degenerate clusters
 * (U′ and U″ both vanish: x⁴, x³, flat segments), classified by the sign of U′ on either side.
 * No simple root can be missed, however close two roots are (down to the resolution floor).
 *
 * Function potentials (no trees): dense sampling of U′ and Brent on each sign change, plus a
 * search for near-zero local minima of |U′| (touching roots). Heuristic, and said so.
 */
import type { Expr } from "../potential/expression/ast.js";
import type { Potential1D } from "../potential/types.js";
import { differentiate } from "../potential/expression/derivative.js";
import { contains, evalCentered, evalInterval } from "./interval.js";
import { brentRoot } from "./roots.js";
import type { CriticalKind } from "./types.js";

/** A raw root of U′ before energies and frequencies are attached. */
export interface RawCritical {
  readonly x: number;
  readonly kind: CriticalKind;
  readonly degenerate: boolean;
  /** For clusters/flat segments: the x-range they occupy. */
  readonly range?: readonly [number, number];
  /** A kink: U continuous, U′ jumping across zero (e.g. −|x − 1|); U″ is not defined there. */
  readonly kink?: boolean;
}

/** What the isolation found. */
export interface IsolationResult {
  readonly points: RawCritical[];
  /** False if the box budget ran out (some region unresolved). */
  readonly complete: boolean;
  readonly method: "interval" | "sampling";
  /** Points where U′ is unbounded or undefined (poles): found by the interval search, not critical points. */
  readonly singular?: number[];
  /** Sub-ranges where U is undefined (NaN), skipped by the search. */
  readonly undefinedRanges?: [number, number][];
}

/** Boxes examined at most (each costs two tree evaluations). */
const MAX_BOXES = 400_000;
/** Relative resolution floor: boxes narrower than this × domain scale are not split further. */
const REL_RESOLUTION = 1e-11;
/** |U″| below this × (typical |U″| on the domain) makes a simple root degenerate. */
export const REL_DEGENERATE_CURVATURE = 1e-9;

/**
 * Typical |U″| near x: the largest over a window of ±1e-3 of the domain around it. A global scale
 * would call every minimum of x⁴/4 − x²/2 on [−1e6, 1e6] (U″ = 2 against 3e12 at the edges), or
 * the wells beside a sharp spike like 1/(x² + 1e-6), degenerate.
 */
function localCurvatureScale(p: Potential1D, x: number, L: number, R: number): number {
  const half = 1e-3 * (R - L);
  let s = 0;
  for (let i = -4; i <= 4; i++) {
    const v = Math.abs(p.d2U(Math.min(R, Math.max(L, x + (half * i) / 4))));
    if (Number.isFinite(v)) s = Math.max(s, v);
  }
  return s;
}

function slopeScale(p: Potential1D, L: number, R: number): number {
  let s = 0;
  const n = 64;
  for (let i = 0; i <= n; i++) {
    const v = Math.abs(p.dU(L + ((R - L) * i) / n));
    if (Number.isFinite(v)) s = Math.max(s, v);
  }
  return s > 0 ? s : 1;
}

function classifyBySigns(sl: number, sr: number): CriticalKind {
  if (sl < 0 && sr > 0) return "minimum";
  if (sl > 0 && sr < 0) return "maximum";
  if (sl === 0 && sr === 0) return "flat";
  return "inflection";
}

/**
 * Sign of U′ just outside [a, b], stepping outward until it is non-zero (or giving up). With the
 * tree of U′, a sign only counts once the interval enclosure of U′ at that point excludes 0, so
 * rounding noise next to an ill-conditioned root cannot flip the classification.
 */
function outsideSign(p: Potential1D, x: number, dir: -1 | 1, step: number, L: number, R: number, dUTree?: Expr): number {
  let h = step;
  for (let k = 0; k < 80; k++) {
    const y = Math.min(R, Math.max(L, x + dir * h));
    let s: number;
    if (dUTree) {
      const e = evalInterval(dUTree, { lo: y, hi: y });
      s = e.lo > 0 ? 1 : e.hi < 0 ? -1 : 0;
    } else s = Math.sign(p.dU(y));
    if (s !== 0 && !Number.isNaN(s)) return s;
    if (y === L || y === R) return 0;
    h *= 2;
  }
  return 0;
}

/**
 * Whether U is finite and continuous across a singular point x of U′ (a kink or cusp such as |x − c|)
 * rather than a pole or a step: U(x − h), U(x), U(x + h) finite and within 1e-6·(1 + |U(x)|) of each
 * other. `h` should be tiny against the domain (1e-9 of it).
 */
export function continuousAt(p: Potential1D, x: number, h: number): boolean {
  const [ul, u0, ur] = [p.U(x - h), p.U(x), p.U(x + h)];
  const tol = 1e-6 * (1 + Math.abs(u0));
  return [ul, u0, ur].every(Number.isFinite) && Math.abs(ur - u0) <= tol && Math.abs(ul - u0) <= tol;
}

/** Isolate the roots of U′ in (L, R) using the interval trees. */
function isolateInterval(p: Potential1D, trees: { dU: Expr; d2U: Expr }, L: number, R: number): IsolationResult {
  const d3U = differentiate(trees.d2U);
  const scale = Math.max(R - L, Math.abs(L), Math.abs(R));
  const wMin = REL_RESOLUTION * scale;
  // U′ identically zero on a box (a flat segment, e.g. a constant piece): its enclosure is [0, 0] up to padding
  const flatTol = 1e-290;
  const sScale = slopeScale(p, L, R);
  const simple: number[] = [];
  const undefinedBoxes: [number, number][] = [];
  const clusters: [number, number, boolean][] = []; // [a, b, flat]
  let boxes = 0;
  let complete = true;
  // depth-first, left child first, so roots come out in increasing x
  const stack: [number, number, number, number][] = [[L, R, p.dU(L), p.dU(R)]];
  while (stack.length > 0) {
    const [a, b, fa, fb] = stack.pop()!;
    if (++boxes > MAX_BOXES) {
      complete = false;
      clusters.push([a, b, false]);
      continue;
    }
    const box = { lo: a, hi: b };
    if (b - a < 1e-3 * (R - L)) {
      // U undefined across the whole box (sqrt or log of a negative): nothing to find there
      const m = 0.5 * (a + b);
      if ([a, m, b].every((x) => Number.isNaN(p.U(x)) || Number.isNaN(p.dU(x)))) {
        undefinedBoxes.push([a, b]);
        continue;
      }
    }
    const d1 = evalCentered(trees.dU, trees.d2U, box);
    if (!contains(d1, 0)) continue;
    const d2 = evalCentered(trees.d2U, d3U, box);
    if (!contains(d2, 0) && Number.isFinite(fa) && Number.isFinite(fb)) {
      // U′ strictly monotone on [a, b]: one root iff the end signs differ
      if (fa === 0) simple.push(a);
      else if (fb === 0) simple.push(b);
      else if (Math.sign(fa) !== Math.sign(fb)) simple.push(brentRoot(p.dU, a, b, 0, 200, fa, fb).root);
      continue;
    }
    if (d1.lo >= -flatTol && d1.hi <= flatTol && b - a > wMin) {
      clusters.push([a, b, true]);
      continue;
    }
    if (b - a <= wMin) {
      clusters.push([a, b, false]);
      continue;
    }
    const m = 0.5 * (a + b);
    const fm = p.dU(m);
    stack.push([m, b, fm, fb]);
    stack.push([a, m, fa, fm]);
  }
  // merge touching clusters
  const merged: [number, number, boolean][] = [];
  for (const c of clusters) {
    const last = merged[merged.length - 1];
    if (last && c[0] <= last[1] + wMin) {
      last[1] = Math.max(last[1], c[1]);
      last[2] = last[2] && c[2];
    } else merged.push([c[0], c[1], c[2]]);
  }
  const points: RawCritical[] = [];
  const singular: number[] = [];
  const endTol = 4 * wMin;
  let prev = -Infinity;
  for (const x of simple) {
    if (x - prev <= wMin) continue; // a root on a shared box edge is reported by both boxes
    prev = x;
    if (x - L <= endTol || R - x <= endTol) continue; // domain edges are not critical points
    if (merged.some(([a, b]) => x >= a - wMin && x <= b + wMin)) continue;
    const c = p.d2U(x);
    const degenerate = !(Math.abs(c) > REL_DEGENERATE_CURVATURE * localCurvatureScale(p, x, L, R));
    let kind: CriticalKind = c > 0 ? "minimum" : "maximum";
    if (degenerate) kind = classifyBySigns(outsideSign(p, x, -1, wMin, L, R, trees.dU), outsideSign(p, x, 1, wMin, L, R, trees.dU));
    points.push({ x, kind, degenerate });
  }
  for (const [a, b, flat] of merged) {
    if (b - L <= endTol || R - a <= endTol) continue;
    const sl = outsideSign(p, a, -1, wMin, L, R, trees.dU), sr = outsideSign(p, b, 1, wMin, L, R, trees.dU);
    let x = 0.5 * (a + b);
    if (!flat && sl !== 0 && sr !== 0 && sl !== sr) {
      const fa = p.dU(a), fb = p.dU(b);
      if (Math.sign(fa) !== Math.sign(fb)) x = brentRoot(p.dU, a, b, 0, 200, fa, fb).root;
    }
    if (!flat) {
      // a pole (1/x) or kink also defeats the interval tests: there |U′| is large, not a zero
      const delta = 1e-6 * (R - L);
      const v = Math.abs(p.dU(x));
      if (!(v <= Math.abs(p.dU(x - delta)) && v <= Math.abs(p.dU(x + delta))) || !Number.isFinite(p.U(x))) {
        singular.push(x);
        // a kink (U continuous, U′ jumping from − to + or + to −) is still a non-smooth minimum (maximum);
        // a pole (U unbounded or undefined) is not
        const u0 = p.U(x), jump = Math.max(Math.abs(p.U(x - delta) - u0), Math.abs(p.U(x + delta) - u0));
        const continuous = Number.isFinite(u0) && jump <= 1e3 * delta * sScale;
        if (continuous && sl !== 0 && sr !== 0 && sl !== sr) points.push({ x, kind: classifyBySigns(sl, sr), degenerate: true, range: [a, b], kink: true });
        continue;
      }
      // U′ jumps without changing sign (e.g. |x| − 2|x − 1| at 0, where U′ goes from 1 to 3): not a
      // critical point at all, even where |U′| happens to be smallest at the cluster's centre
      if (sl !== 0 && sl === sr && !(Math.abs(p.dU(x)) <= 1e-6 * sScale)) {
        singular.push(x);
        continue;
      }
      // U′ changes sign across the cluster but is not small at its centre (|x| near 0): a kink
      if (sl !== 0 && sr !== 0 && sl !== sr && !(Math.abs(p.dU(x)) <= 1e-6 * sScale)) {
        points.push({ x, kind: classifyBySigns(sl, sr), degenerate: true, range: [a, b], kink: true });
        continue;
      }
    }
    points.push({ x, kind: flat ? "flat" : classifyBySigns(sl, sr), degenerate: true, range: [a, b] });
  }
  const defined = points.filter((q) => {
    // a kink has no U″ (the symbolic derivative of |x| is x/|x|, NaN at 0) but is a genuine extremum
    if (Number.isFinite(p.U(q.x)) && (q.kink || Number.isFinite(p.d2U(q.x)))) return true;
    singular.push(q.x); // U′ = 0 where U itself is undefined (e.g. log of a negative)
    return false;
  });
  defined.sort((u, v) => u.x - v.x);
  const undefinedRanges: [number, number][] = [];
  for (const [a, b] of undefinedBoxes) {
    const last = undefinedRanges[undefinedRanges.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else undefinedRanges.push([a, b]);
  }
  return { points: defined, complete, method: "interval", singular, undefinedRanges };
}

/** Heuristic isolation for function potentials: sampling plus refinement. */
function isolateSampling(p: Potential1D, L: number, R: number, samples = 4000): IsolationResult {
  const h = (R - L) / samples;
  const xs: number[] = [], fs: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const x = i === samples ? R : L + i * h;
    xs.push(x);
    fs.push(p.dU(x));
  }
  const sScale = slopeScale(p, L, R);
  const points: RawCritical[] = [];
  const push = (x: number, touching: boolean) => {
    if (x - L <= h * 1e-6 || R - x <= h * 1e-6) return;
    if (points.some((q) => Math.abs(q.x - x) < h * 1e-3)) return;
    const c = p.d2U(x);
    const degenerate = touching || !(Math.abs(c) > 1e-6 * localCurvatureScale(p, x, L, R));
    let kind: CriticalKind = c > 0 ? "minimum" : "maximum";
    if (degenerate) kind = classifyBySigns(outsideSign(p, x, -1, h / 8, L, R), outsideSign(p, x, 1, h / 8, L, R));
    points.push({ x, kind, degenerate });
  };
  for (let i = 0; i < samples; i++) {
    const fa = fs[i]!, fb = fs[i + 1]!;
    // a NaN slope (U undefined within the derivative's stencil) is not a sign change
    if (Number.isNaN(fa) || Number.isNaN(fb)) continue;
    if (fa === 0) push(xs[i]!, false);
    else if (fb !== 0 && Math.sign(fa) !== Math.sign(fb)) {
      const r = brentRoot(p.dU, xs[i]!, xs[i + 1]!, 0, 200, fa, fb);
      if (r.converged) push(r.root, false);
    }
  }
  // touching roots: local minima of |U′| that are tiny but without a sign change
  for (let i = 1; i < samples; i++) {
    const a = Math.abs(fs[i - 1]!), b = Math.abs(fs[i]!), c = Math.abs(fs[i + 1]!);
    if (b <= a && b <= c && b < 1e-6 * sScale && Math.sign(fs[i - 1]!) === Math.sign(fs[i + 1]!)) push(xs[i]!, true);
  }
  points.sort((u, v) => u.x - v.x);
  // U itself at the samples: runs of NaN are undefined regions, ±∞ are singular points (the
  // interval path finds these rigorously; here they would otherwise pass as critical points or not at all)
  const undefinedRanges: [number, number][] = [];
  const singular: number[] = [];
  for (let i = 0; i <= samples; i++) {
    const u = p.U(xs[i]!);
    if (Number.isNaN(u)) {
      const a = Math.max(L, xs[i]! - h), b = Math.min(R, xs[i]! + h);
      const last = undefinedRanges[undefinedRanges.length - 1];
      if (last && a <= last[1]) last[1] = b;
      else undefinedRanges.push([a, b]);
    } else if (!Number.isFinite(u)) singular.push(xs[i]!);
  }
  const defined = points.filter((q) => {
    if (Number.isFinite(p.U(q.x)) && !undefinedRanges.some(([a, b]) => q.x >= a && q.x <= b)) return true;
    singular.push(q.x);
    return false;
  });
  return { points: defined, complete: true, method: "sampling", singular: singular.sort((a, b) => a - b), undefinedRanges };
}

/** All roots of U′ strictly inside (L, R), classified. */
export function isolateCriticalPoints(p: Potential1D, L: number, R: number): IsolationResult {
  if (p.trees) return isolateInterval(p, p.trees, L, R);
  return isolateSampling(p, L, R);
}
