/**
 * Bracketed root finding: Brent's method (inverse quadratic interpolation safeguarded by
 * bisection). Shaped like SciPy's brentq result: `{ root, iterations, converged }`.
 */

/** Result of {@link brentRoot}. */
export interface RootResult {
  /** The root estimate. */
  readonly root: number;
  /** Function evaluations used. */
  readonly iterations: number;
  /** Whether the bracket shrank below the tolerance (or an exact zero was hit); false for a bad bracket or a NaN value. */
  readonly converged: boolean;
}

/**
 * A root of `f` in [a, b] where f(a) and f(b) have opposite signs (or one is zero).
 *
 * @param f - continuous function
 * @param a - left end of the bracket
 * @param b - right end of the bracket
 * @param xtol - absolute tolerance in x (a relative 4ε|x| is added)
 * @param maxIter - iteration cap
 * @returns the root and convergence info; `converged: false` when f(a), f(b) have the same sign or
 *   f is NaN somewhere it was evaluated (then `root` is not a root)
 * @example
 * ```ts
 * brentRoot((x) => x * x - 2, 0, 2).root; // 1.4142135623730951
 * ```
 */
export function brentRoot(f: (x: number) => number, a: number, b: number, xtol = 1e-15, maxIter = 200, fa0?: number, fb0?: number): RootResult {
  let fa = fa0 ?? f(a);
  let fb = fb0 ?? f(b);
  // NaN compares false with everything: without these checks a NaN function "converges" anywhere
  if (Number.isNaN(fa) || Number.isNaN(fb)) return { root: Number.isNaN(fa) ? b : a, iterations: 0, converged: false };
  if (fa === 0) return { root: a, iterations: 0, converged: true };
  if (fb === 0) return { root: b, iterations: 0, converged: true };
  if (Math.sign(fa) === Math.sign(fb)) return { root: Math.abs(fa) < Math.abs(fb) ? a : b, iterations: 0, converged: false };
  let c = a, fc = fa, d = b - a, e = d;
  for (let it = 1; it <= maxIter; it++) {
    if (Math.sign(fb) === Math.sign(fc)) {
      c = a; fc = fa; d = b - a; e = d;
    }
    if (Math.abs(fc) < Math.abs(fb)) {
      a = b; b = c; c = a;
      fa = fb; fb = fc; fc = fa;
    }
    const tol = 2 * 2.220446049250313e-16 * Math.abs(b) + 0.5 * xtol;
    const m = 0.5 * (c - b);
    if (Math.abs(m) <= tol || fb === 0) return { root: b, iterations: it, converged: true };
    if (Math.abs(e) >= tol && Math.abs(fa) > Math.abs(fb)) {
      let p: number, q: number;
      const s = fb / fa;
      if (a === c) {
        p = 2 * m * s;
        q = 1 - s;
      } else {
        const qq = fa / fc, r = fb / fc;
        p = s * (2 * m * qq * (qq - r) - (b - a) * (r - 1));
        q = (qq - 1) * (r - 1) * (s - 1);
      }
      if (p > 0) q = -q;
      else p = -p;
      if (2 * p < Math.min(3 * m * q - Math.abs(tol * q), Math.abs(e * q))) {
        e = d;
        d = p / q;
      } else {
        d = m; e = m;
      }
    } else {
      d = m; e = m;
    }
    a = b; fa = fb;
    b += Math.abs(d) > tol ? d : m > 0 ? tol : -tol;
    fb = f(b);
    if (Number.isNaN(fb)) return { root: b, iterations: it, converged: false };
  }
  return { root: b, iterations: maxIter, converged: false };
}
