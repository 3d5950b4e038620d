// Piecewise Chebyshev representation of a positive integrand given by its logarithm, and of its
// running integral (a small "chebfun" in log scale): every panel holds the degree-32 interpolant
// of e^{log f − s} (s = the largest log f on the panel) at Chebyshev points and the exact
// antiderivative of that interpolant; panel integrals and running sums are kept as logarithms.
// So e^{±βU} never overflows or underflows, and the running integral is accurate *relative to its
// own size* everywhere, even 300 orders of magnitude below the total. Panels split until (a) the
// last Chebyshev coefficients are below `relTol` × the panel's largest value and (b), when
// asked, log f varies by at most `maxExponentRange` on the panel.
import { KramersError } from "../errors.js";

/** Degree of the per-panel interpolant (33 Chebyshev points of the second kind). */
export const CHEB_DEGREE = 32;
const N = CHEB_DEGREE;

/** Chebyshev points cos(πj/N), j = 0…N (from +1 down to −1). */
const NODES = Float64Array.from({ length: N + 1 }, (_, j) => Math.cos((Math.PI * j) / N));
/** cos(π j k / N) table for the discrete cosine transform. */
const COS = (() => {
  const t = new Float64Array((N + 1) * (N + 1));
  for (let j = 0; j <= N; j++) for (let k = 0; k <= N; k++) t[j * (N + 1) + k] = Math.cos((Math.PI * ((j * k) % (2 * N))) / N);
  return t;
})();

/** Gauss–Legendre rule with 17 points (exact to degree 33 ≥ the interpolant's 32), by Newton on P_17. */
const GL = (() => {
  const n = 17;
  const x = new Float64Array(n), w = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let z = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    for (let it = 0; it < 100; it++) {
      let p0 = 1, p1 = z;
      for (let k = 2; k <= n; k++) [p0, p1] = [p1, ((2 * k - 1) * z * p1 - (k - 1) * p0) / k];
      const dp = (n * (z * p1 - p0)) / (z * z - 1);
      const dz = p1 / dp;
      z -= dz;
      if (Math.abs(dz) < 1e-16) {
        x[i] = z;
        w[i] = 2 / ((1 - z * z) * dp * dp);
        break;
      }
    }
  }
  return { x, w };
})();

/** The interpolant through (NODES[j], values[j]) at t, by the barycentric formula for Chebyshev points. */
function barycentric(values: Float64Array, t: number): number {
  let num = 0, den = 0;
  for (let j = 0; j <= N; j++) {
    const d = t - NODES[j]!;
    if (d === 0) return values[j]!;
    const w = (j % 2 === 0 ? 1 : -1) * (j === 0 || j === N ? 0.5 : 1) / d;
    num += w * values[j]!;
    den += w;
  }
  return num / den;
}

/** ∫_{t0}^{t1} of the interpolant by 17-point Gauss–Legendre (exact for its degree; relative accuracy for small pieces). */
function integrateInterpolant(values: Float64Array, t0: number, t1: number): number {
  const h = (t1 - t0) / 2, c = (t1 + t0) / 2;
  let s = 0;
  for (let i = 0; i < GL.x.length; i++) s += GL.w[i]! * barycentric(values, c + h * GL.x[i]!);
  return Math.max(0, s * h);
}

/** ln(e^a + e^b) without overflow. */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b;
  if (b === -Infinity) return a;
  const m = Math.max(a, b);
  return m + Math.log1p(Math.exp(-Math.abs(a - b)));
}

/** One accepted panel [l, r]. */
interface Panel {
  readonly l: number;
  readonly r: number;
  /** log-scale shift s: the interpolant is of e^{log f − s}. */
  readonly shift: number;
  /** Chebyshev coefficients of the antiderivative on t ∈ [−1, 1] (degree N+1), zero at t = −1, already × (r−l)/2. */
  readonly anti: Float64Array;
  /** ∫_l^r of the scaled interpolant (the panel's integral is e^{shift} × this). */
  readonly integral: number;
  /** Scaled integrand values at the Chebyshev points (for accurate small pieces). */
  readonly values: Float64Array;
  /** Estimated absolute error of `integral` (same scale). */
  readonly error: number;
  /** Whether this panel met the accuracy criteria (false: refinement limit hit). */
  readonly resolved: boolean;
}

/** How to refine. */
export interface CumulativeOptions {
  /** Tail Chebyshev coefficients must be ≤ relTol × (largest |value| on the panel). */
  readonly relTol: number;
  /** If given, the largest allowed range of log f on a panel. */
  readonly maxExponentRange?: number;
  /** Refinement depth limit per initial interval. @default 48 */
  readonly maxDepth?: number;
  /** Panel budget: beyond it the remaining panels are accepted unresolved (converged = false). @default 20000 */
  readonly maxPanels?: number;
  /** What is integrated, for error messages. */
  readonly what: string;
}

/**
 * The running integral C(y) = ∫_{x0}^{y} f of a non-negative integrand f on [x0, xn],
 * represented piecewise and returned in log scale. Build it with {@link buildCumulative}.
 */
export class CumulativeIntegral {
  /** Left ends of the panels (for binary search). */
  private readonly lefts: Float64Array;
  /** ln Σ of the integrals of panels before panel k. */
  private readonly logBefore: Float64Array;
  /** ln Σ of the integrals of panels after panel k. */
  private readonly logAfter: Float64Array;

  constructor(private readonly panels: readonly Panel[]) {
    const n = panels.length;
    this.lefts = Float64Array.from(panels, (p) => p.l);
    this.logBefore = new Float64Array(n);
    this.logAfter = new Float64Array(n);
    let acc = -Infinity;
    for (let k = 0; k < n; k++) {
      this.logBefore[k] = acc;
      acc = logAddExp(acc, panelLog(panels[k]!));
    }
    acc = -Infinity;
    for (let k = n - 1; k >= 0; k--) {
      this.logAfter[k] = acc;
      acc = logAddExp(acc, panelLog(panels[k]!));
    }
  }

  /** Left end of the represented interval. */
  get start(): number { return this.panels[0]!.l; }
  /** Right end of the represented interval. */
  get end(): number { return this.panels[this.panels.length - 1]!.r; }
  /** Number of panels. */
  get panelCount(): number { return this.panels.length; }
  /** Whether every panel met the accuracy criteria. */
  get converged(): boolean { return this.panels.every((p) => p.resolved); }
  /** The panel edges (to reuse the partition for a related integrand). */
  edges(): number[] { return [...this.panels.map((p) => p.l), this.end]; }
  /** ln ∫ over the whole interval. */
  get logTotal(): number {
    const k = this.panels.length - 1;
    return logAddExp(this.logBefore[k]!, panelLog(this.panels[k]!));
  }

  private locate(y: number): number {
    let lo = 0, hi = this.panels.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lefts[mid]! <= y) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /**
   * Scaled ∫_l^y on panel k (clamped to [0, integral]: a running integral of f ≥ 0). The
   * antiderivative series is accurate to ~1e-16 of the panel integral; a piece smaller than 1/8
   * of it is integrated directly (Gauss–Legendre on the interpolant) for relative accuracy.
   */
  private partial(k: number, y: number): number {
    const p = this.panels[k]!;
    if (y <= p.l) return 0;
    if (y >= p.r) return p.integral;
    const t = ((y - p.l) - (p.r - y)) / (p.r - p.l);
    const v = Math.min(p.integral, Math.max(0, clenshaw(p.anti, t)));
    if (v < 0.125 * p.integral) return ((p.r - p.l) / 2) * integrateInterpolant(p.values, -1, t);
    return v;
  }

  /** Scaled ∫_y^r on panel k, with relative accuracy also when it is small. */
  private partialRight(k: number, y: number): number {
    const p = this.panels[k]!;
    if (y <= p.l) return p.integral;
    if (y >= p.r) return 0;
    const t = ((y - p.l) - (p.r - y)) / (p.r - p.l);
    const v = p.integral - Math.min(p.integral, Math.max(0, clenshaw(p.anti, t)));
    if (v < 0.125 * p.integral) return ((p.r - p.l) / 2) * integrateInterpolant(p.values, t, 1);
    return v;
  }

  /** ln C(y) = ln ∫_{start}^{y} f (−∞ at the start). */
  logAt(y: number): number {
    if (y <= this.start) return -Infinity;
    const k = this.locate(y);
    const p = this.panels[k]!;
    return logAddExp(this.logBefore[k]!, p.shift + Math.log(this.partial(k, y)));
  }

  /** ln ∫_{y}^{end} f, summed from the right (accurate where it is small). */
  logRest(y: number): number {
    if (y >= this.end) return -Infinity;
    if (y <= this.start) return this.logTotal;
    const k = this.locate(y);
    const p = this.panels[k]!;
    return logAddExp(this.logAfter[k]!, p.shift + Math.log(this.partialRight(k, y)));
  }

  /**
   * Estimated relative error of any running integral over panels ending after `from`: the
   * largest per-panel relative error (a sum of positive terms is as accurate as its worst term).
   */
  relativeError(from = this.start): number {
    let worst = 0;
    for (const p of this.panels) {
      if (p.r > from && p.integral > 0) worst = Math.max(worst, p.error / p.integral);
    }
    return worst;
  }
}

function panelLog(p: Panel): number {
  return p.integral > 0 ? p.shift + Math.log(p.integral) : -Infinity;
}

/** Σ b_k T_k(t) by Clenshaw's recurrence. */
function clenshaw(b: Float64Array, t: number): number {
  let b1 = 0, b2 = 0;
  const t2 = 2 * t;
  for (let k = b.length - 1; k >= 1; k--) {
    const v = t2 * b1 - b2 + b[k]!;
    b2 = b1;
    b1 = v;
  }
  return t * b1 - b2 + b[0]!;
}

/**
 * Build the running integral of the non-negative integrand e^{logf} on the interval spanned by
 * `breakpoints` (sorted, ≥ 2 points), splitting adaptively; breakpoints stay panel edges.
 *
 * @param logf - ln of the integrand (finite or −∞; never NaN or +∞)
 * @param breakpoints - sorted points; put the critical points of the potential here so that U is monotone on each panel
 * @param options - accuracy criteria
 * @param counter - incremented by the number of integrand evaluations
 * @throws KramersError NOT_FINITE if logf is NaN or +∞ somewhere
 */
export function buildCumulative(
  logf: (x: number) => number,
  breakpoints: readonly number[],
  options: CumulativeOptions,
  counter: { evaluations: number },
): CumulativeIntegral {
  const maxDepth = options.maxDepth ?? 48;
  const maxPanels = options.maxPanels ?? 20000;
  const panels: Panel[] = [];
  const logs = new Float64Array(N + 1);
  const values = new Float64Array(N + 1);
  const coeffs = new Float64Array(N + 1);

  const accept = (l: number, r: number, shift: number, resolved: boolean): void => {
    // antiderivative coefficients: ∫T0 = T1, ∫T1 = T2/4, ∫Tk = T_{k+1}/(2(k+1)) − T_{k−1}/(2(k−1))
    const half = (r - l) / 2;
    const anti = new Float64Array(N + 2);
    anti[1] = coeffs[0]! - coeffs[2]! / 2;
    for (let k = 2; k <= N + 1; k++) {
      const cm = coeffs[k - 1]!;
      const cp = k + 1 <= N ? coeffs[k + 1]! : 0;
      anti[k] = (cm - cp) / (2 * k);
    }
    let s = 0;
    for (let k = 1; k <= N + 1; k++) s += (k % 2 === 0 ? 1 : -1) * anti[k]!;
    anti[0] = -s;
    for (let k = 0; k <= N + 1; k++) anti[k]! *= half;
    let integral = 0;
    for (let k = 0; k <= N + 1; k++) integral += anti[k]!;
    // error: the discarded tail bounds the interpolation error; plus rounding of the sum
    let tail = 0;
    for (let k = N - 3; k <= N; k++) tail = Math.max(tail, Math.abs(coeffs[k]!));
    const error = 2 * half * tail + 4e-16 * Math.abs(integral);
    panels.push({ l, r, shift, anti, values: Float64Array.from(values), integral: Math.max(integral, 0), error, resolved });
  };

  const refine = (l: number, r: number, depth: number): void => {
    const mid = (l + r) / 2, half = (r - l) / 2;
    let lmax = -Infinity, lmin = Infinity;
    for (let j = 0; j <= N; j++) {
      // endpoints exactly, so breakpoints are honoured
      const x = j === 0 ? r : j === N ? l : mid + half * NODES[j]!;
      const v = logf(x);
      if (Number.isNaN(v) || v === Infinity) {
        throw new KramersError("NOT_FINITE", `${options.what} is not finite at x = ${x}; the potential must be finite on the integration interval`, { x });
      }
      logs[j] = v;
      if (v > lmax) lmax = v;
      if (v < lmin) lmin = v;
    }
    counter.evaluations += N + 1;
    if (lmax === -Infinity) {
      // identically zero here (e.g. a running integral that has not started)
      coeffs.fill(0);
      values.fill(0);
      return accept(l, r, 0, true);
    }
    for (let j = 0; j <= N; j++) values[j] = Math.exp(logs[j]! - lmax);
    // coefficients c_k = (2/N) Σ'' f_j cos(πjk/N), halved at k = 0 and k = N
    for (let k = 0; k <= N; k++) {
      let s = 0.5 * (values[0]! + (k % 2 === 0 ? values[N]! : -values[N]!));
      for (let j = 1; j < N; j++) s += values[j]! * COS[j * (N + 1) + k]!;
      coeffs[k] = ((k === 0 || k === N ? 1 : 2) * s) / N;
    }
    let tail = 0;
    for (let k = N - 3; k <= N; k++) tail = Math.max(tail, Math.abs(coeffs[k]!));
    // noise floor: the nodes are rounded to doubles, so each value carries ≈ |df/dt|·ulp(x)/half of
    // noise; on panels only a few thousand ulps wide this exceeds relTol and splitting cannot help
    let slope = 0;
    for (let j = 0; j < N; j++) slope = Math.max(slope, Math.abs(values[j + 1]! - values[j]!) / (NODES[j]! - NODES[j + 1]!));
    const floor = (8 * Number.EPSILON * Math.max(Math.abs(l), Math.abs(r)) * slope) / half;
    let ok = tail <= Math.max(options.relTol, floor); // relative to the panel maximum, which is 1 after scaling
    if (ok && options.maxExponentRange !== undefined) ok = lmax - lmin <= options.maxExponentRange;
    if (ok) return accept(l, r, lmax, true);
    // past the panel budget, accept what is left as unresolved (converged = false) instead of failing
    if (depth >= maxDepth || panels.length >= maxPanels || !(mid > l && mid < r) || half <= 4e-16 * Math.max(Math.abs(l), Math.abs(r))) {
      return accept(l, r, lmax, false);
    }
    // the coefficient buffers are shared: each child recomputes them
    refine(l, mid, depth + 1);
    refine(mid, r, depth + 1);
  };

  for (let i = 0; i + 1 < breakpoints.length; i++) {
    const l = breakpoints[i]!, r = breakpoints[i + 1]!;
    if (r > l) refine(l, r, 0);
  }
  if (panels.length === 0) throw new KramersError("BAD_DOMAIN", `integrating ${options.what}: empty interval`);
  return new CumulativeIntegral(panels);
}
