/**
 * Interval arithmetic on expression trees: an enclosure [lo, hi] of every value an expression
 * takes for x in an interval. Each operation is padded outward by a few ulps (and each
 * transcendental function by more, since `Math.*` is only faithful to ~1 ulp), so the enclosure
 * is rigorous for all practical purposes; anything undefined (0 in a denominator, log of a
 * negative, NaN) widens to the whole real line, which is always a valid (if useless) enclosure.
 *
 * Root isolation in {@link ./critical-points.ts} uses it: if the enclosure of U′ over a box
 * excludes 0 the box has no critical point; if the enclosure of U″ excludes 0 it has at most one.
 */
import type { Expr } from "../potential/expression/ast.js";

/** A closed interval [lo, hi] (lo ≤ hi; ±Infinity allowed). */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** The whole real line. */
export const ENTIRE: Interval = Object.freeze({ lo: -Infinity, hi: Infinity });

const EPS = 2.220446049250313e-16;
const TINY = 1e-300;

/** Move a lower bound down by `ulps` relative units (and a denormal-safe absolute floor). */
function down(v: number, ulps = 2): number {
  if (v === -Infinity || v === Infinity) return v;
  return v - (Math.abs(v) * ulps * EPS + TINY);
}

/** Move an upper bound up. */
function up(v: number, ulps = 2): number {
  if (v === -Infinity || v === Infinity) return v;
  return v + (Math.abs(v) * ulps * EPS + TINY);
}

/** An interval from bounds, padded outward; NaN bounds give `ENTIRE` (the whole real line). */
export function interval(lo: number, hi: number, ulps = 2): Interval {
  if (Number.isNaN(lo) || Number.isNaN(hi)) return ENTIRE;
  return { lo: down(Math.min(lo, hi), ulps), hi: up(Math.max(lo, hi), ulps) };
}

/** Whether `v` lies in the interval. */
export function contains(a: Interval, v: number): boolean {
  return a.lo <= v && v <= a.hi;
}

function mulI(a: Interval, b: Interval): Interval {
  const ps = [a.lo * b.lo, a.lo * b.hi, a.hi * b.lo, a.hi * b.hi].map((p) => (Number.isNaN(p) ? 0 : p)); // 0·∞ → 0 in the limit sense of bounds
  return interval(Math.min(...ps), Math.max(...ps));
}

function divI(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return ENTIRE;
  return mulI(a, interval(1 / b.hi, 1 / b.lo));
}

function integerPowI(a: Interval, n: number): Interval {
  if (n === 0) return { lo: 1, hi: 1 };
  if (n < 0) return divI({ lo: 1, hi: 1 }, integerPowI(a, -n));
  const pl = Math.pow(a.lo, n), ph = Math.pow(a.hi, n);
  const ulps = 2 + n; // Math.pow on integers is accurate to ~1 ulp; be generous for repeated rounding
  if (n % 2 === 1) return interval(pl, ph, ulps);
  if (a.lo >= 0) return interval(pl, ph, ulps);
  if (a.hi <= 0) return interval(ph, pl, ulps);
  return { lo: 0, hi: up(Math.max(pl, ph), ulps) };
}

function powI(a: Interval, b: Interval): Interval {
  if (b.lo === b.hi && Number.isInteger(b.lo) && Math.abs(b.lo) <= 1024) return integerPowI(a, b.lo);
  // real exponent: defined for a > 0 (a ≥ 0 for positive exponents); a^b = exp(b log a)
  if (a.lo < 0) return ENTIRE;
  if (a.lo === 0 && b.lo <= 0) return ENTIRE;
  return expI(mulI(b, logI(a)));
}

function monotone(a: Interval, f: (v: number) => number, ulps = 4): Interval {
  return interval(f(a.lo), f(a.hi), ulps);
}

function expI(a: Interval): Interval {
  return { lo: Math.max(0, down(Math.exp(a.lo), 4)), hi: up(Math.exp(a.hi), 4) };
}

function logI(a: Interval): Interval {
  if (a.hi <= 0) return ENTIRE;
  return { lo: a.lo <= 0 ? -Infinity : down(Math.log(a.lo), 4), hi: up(Math.log(a.hi), 4) };
}

/** sin over an interval: endpoints plus any interior extremum at π/2 + kπ. */
function sinI(a: Interval, shift = 0): Interval {
  // cos(x) = sin(x + π/2); the shift keeps one implementation.
  const lo = a.lo + shift, hi = a.hi + shift;
  if (!Number.isFinite(lo) || !Number.isFinite(hi) || hi - lo >= 2 * Math.PI) return { lo: -1, hi: 1 };
  const f = shift === 0 ? Math.sin : Math.cos;
  let mn = Math.min(f(a.lo), f(a.hi)), mx = Math.max(f(a.lo), f(a.hi));
  // maxima at π/2 + 2πk, minima at −π/2 + 2πk (in the shifted variable)
  const kMax = Math.ceil((lo - Math.PI / 2) / (2 * Math.PI));
  if (Math.PI / 2 + 2 * Math.PI * kMax <= hi + 1e-12) mx = 1;
  const kMin = Math.ceil((lo + Math.PI / 2) / (2 * Math.PI));
  if (-Math.PI / 2 + 2 * Math.PI * kMin <= hi + 1e-12) mn = -1;
  return { lo: Math.max(-1, down(mn, 4) - 1e-15), hi: Math.min(1, up(mx, 4) + 1e-15) };
}

function tanI(a: Interval): Interval {
  if (!(a.hi - a.lo < Math.PI)) return ENTIRE;
  // a pole at π/2 + kπ inside → entire
  const k = Math.ceil((a.lo - Math.PI / 2) / Math.PI);
  if (Math.PI / 2 + k * Math.PI <= a.hi) return ENTIRE;
  return monotone(a, Math.tan, 8);
}

function callI(fn: string, a: Interval): Interval {
  switch (fn) {
    case "exp": return expI(a);
    case "log": return logI(a);
    case "sqrt":
      if (a.hi < 0) return ENTIRE;
      return { lo: Math.max(0, down(Math.sqrt(Math.max(0, a.lo)), 4)), hi: up(Math.sqrt(a.hi), 4) };
    case "sin": return sinI(a);
    case "cos": return sinI(a, Math.PI / 2);
    case "tan": return tanI(a);
    case "tanh": { const r = monotone(a, Math.tanh); return { lo: Math.max(-1, r.lo), hi: Math.min(1, r.hi) }; }
    case "sinh": return monotone(a, Math.sinh);
    case "atan": return monotone(a, Math.atan);
    case "cbrt": return monotone(a, Math.cbrt);
    case "cosh": {
      const m = Math.max(Math.cosh(a.lo), Math.cosh(a.hi));
      const mn = a.lo <= 0 && a.hi >= 0 ? 1 : Math.min(Math.cosh(a.lo), Math.cosh(a.hi));
      return { lo: Math.max(1, down(mn, 4)), hi: up(m, 4) };
    }
    case "abs": {
      if (a.lo >= 0) return a;
      if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo };
      return { lo: 0, hi: Math.max(-a.lo, a.hi) };
    }
    case "asin":
      if (a.lo < -1 || a.hi > 1) return ENTIRE;
      return monotone(a, Math.asin);
    case "acos":
      if (a.lo < -1 || a.hi > 1) return ENTIRE;
      return interval(Math.acos(a.hi), Math.acos(a.lo), 4);
    default:
      return ENTIRE;
  }
}

/**
 * An enclosure of the values of `e` for the coordinate in `x` (variable index 0).
 *
 * @param e - expression tree in one variable
 * @param x - the coordinate interval
 * @returns an interval containing e(ξ) for every ξ in x (possibly the whole real line)
 * @example
 * ```ts
 * evalInterval(parseExpression("x^2 - 1"), { lo: -1, hi: 2 }); // ⊇ [-1, 3]
 * ```
 */
export function evalInterval(e: Expr, x: Interval): Interval {
  const r = evalRaw(e, x);
  return Number.isNaN(r.lo) || Number.isNaN(r.hi) ? ENTIRE : r;
}

function evalRaw(e: Expr, x: Interval): Interval {
  switch (e.type) {
    case "num": return { lo: e.value, hi: e.value };
    case "var": return x;
    case "neg": { const a = evalRaw(e.arg, x); return { lo: -a.hi, hi: -a.lo }; }
    case "call": return callI(e.fn, evalRaw(e.arg, x));
    case "bin": {
      const a = evalRaw(e.left, x);
      // square of the same subexpression: x^2 is tight via integerPowI
      const b = evalRaw(e.right, x);
      switch (e.op) {
        case "+": return interval(a.lo + b.lo, a.hi + b.hi, 1);
        case "-": return interval(a.lo - b.hi, a.hi - b.lo, 1);
        case "*": return mulI(a, b);
        case "/": return divI(a, b);
        case "^": return powI(a, b);
      }
    }
  }
  return ENTIRE;
}

/** Sum and product of intervals (padded), for the centred forms below. */
function addI(a: Interval, b: Interval): Interval {
  return interval(a.lo + b.lo, a.hi + b.hi, 1);
}

/**
 * A tighter enclosure of `e` over `x` by the mean-value (centred) form
 * e(x) ⊂ e(m) + e′(X)·(X − m), intersected with the natural enclosure. Its overestimation shrinks
 * quadratically with the width of `x` (the natural form only linearly), which is what resolves
 * clustered roots of high-degree polynomials whose Horner form suffers from cancellation.
 *
 * @param e - expression tree
 * @param de - its derivative tree
 * @param x - the coordinate interval
 */
export function evalCentered(e: Expr, de: Expr, x: Interval): Interval {
  const natural = evalInterval(e, x);
  const m = 0.5 * (x.lo + x.hi);
  const atM = evalInterval(e, { lo: m, hi: m });
  const slope = evalInterval(de, x);
  const mv = addI(atM, mulI(slope, { lo: x.lo - m, hi: x.hi - m }));
  const lo = Math.max(natural.lo, mv.lo), hi = Math.min(natural.hi, mv.hi);
  // both are valid enclosures, so they intersect; guard against NaN anyway
  return lo <= hi ? { lo, hi } : natural;
}
