// A small private search for the critical points of U on an interval, used to place panel
// breakpoints (so that U is monotone on every panel of the exact quadratures). The full
// landscape analysis (degenerate points, barriers, frequencies) is src/landscape's job.

/** A zero of U′ with the sign change that classifies it. */
export interface StationaryPoint {
  readonly x: number;
  /** Minimum, maximum, or a degenerate point where U′ does not change sign. */
  readonly kind: "min" | "max" | "other";
}

/**
 * Zeros of `dU` on [lo, hi] where U′ changes sign, found on a uniform grid of `samples`
 * intervals (refined 32× where U and U′ disagree about the direction, which reveals a pair of
 * zeros between two grid points) and polished by bisection to full precision.
 *
 * @param U - the potential
 * @param dU - its derivative
 * @param lo - left end
 * @param hi - right end (> lo)
 * @param samples - grid intervals
 * @returns the stationary points in increasing order (interior only)
 */
export function stationaryPoints(
  U: (x: number) => number,
  dU: (x: number) => number,
  lo: number,
  hi: number,
  samples = 2048,
): StationaryPoint[] {
  const out: StationaryPoint[] = [];
  const h = (hi - lo) / samples;
  const scan = (a: number, b: number, n: number, allowRefine: boolean): void => {
    const step = (b - a) / n;
    let xPrev = a, dPrev = dU(a), uPrev = U(a);
    for (let i = 1; i <= n; i++) {
      const x = i === n ? b : a + i * step;
      const d = dU(x), u = U(x);
      if (dPrev !== 0 && d !== 0 && Math.sign(d) !== Math.sign(dPrev)) {
        out.push(bisect(dU, xPrev, x, dPrev));
      } else if (d === 0 && dPrev !== 0 && i < n) {
        // exact zero on the grid: classify with the next sample
        const dn = dU(Math.min(b, x + step));
        if (dn !== 0 && Math.sign(dn) !== Math.sign(dPrev)) out.push({ x, kind: dPrev < 0 ? "min" : "max" });
      } else if (allowRefine && Math.sign(d) === Math.sign(dPrev) && d !== 0) {
        // both slopes agree but U moved the other way by more than rounding: a hidden pair
        const du = u - uPrev;
        if (Math.sign(du) === -Math.sign(d) && Math.abs(du) > 1e-12 * (Math.abs(u) + Math.abs(uPrev) + 1)) {
          scan(xPrev, x, 64, false);
        }
      }
      xPrev = x; dPrev = d; uPrev = u;
    }
  };
  if (h > 0) scan(lo, hi, samples, true);
  out.sort((p, q) => p.x - q.x);
  return out.filter((p, i) => p.x > lo && p.x < hi && (i === 0 || p.x !== out[i - 1]!.x));
}

function bisect(dU: (x: number) => number, a: number, b: number, da: number): StationaryPoint {
  // U′ goes from sign(da) to −sign(da): a minimum if it goes − → +
  const kind = da < 0 ? "min" : "max";
  for (let i = 0; i < 200; i++) {
    const m = (a + b) / 2;
    if (!(m > a && m < b)) break;
    const dm = dU(m);
    if (dm === 0) return { x: m, kind };
    if (Math.sign(dm) === Math.sign(da)) a = m;
    else b = m;
  }
  return { x: (a + b) / 2, kind };
}
