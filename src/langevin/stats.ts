// Statistics of first-passage ensembles: the special functions behind the confidence intervals
// and tests (regularized incomplete gamma, its inverse, the Kolmogorov distribution), and the
// estimators themselves (MFPT with CI, censoring-aware exponential rate MLE with CI, KS test).

/** z such that P(|N(0,1)| < z) = 0.95. */
export const Z95 = 1.959963984540054;

/** ln Γ(x), x > 0 (Lanczos, g = 7, |rel. error| < 1e-14). */
export function logGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  x -= 1;
  let a = c[0]!;
  const t = x + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (x + i);
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularized lower incomplete gamma P(a, x) (series below a + 1, continued fraction above). */
export function gammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a, term = sum;
    for (let n = 1; n < 1_000_000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return Math.min(1, sum * Math.exp(lead));
  }
  // Lentz continued fraction for Q(a, x)
  const tiny = 1e-300;
  let b = x + 1 - a, c = 1 / tiny, d = 1 / b, h = d;
  for (let i = 1; i < 1_000_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.max(0, 1 - Math.exp(lead) * h);
}

/** x with P(a, x) = p, for 0 < p < 1 (bisection on a bracket; relative accuracy ~1e-13). */
export function gammaQuantile(p: number, a: number): number {
  let lo = 0, hi = Math.max(1, a);
  while (gammaP(a, hi) < p) hi *= 2;
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (gammaP(a, mid) < p) lo = mid;
    else hi = mid;
    if (hi - lo <= 1e-14 * hi) break;
  }
  return 0.5 * (lo + hi);
}

/** Kolmogorov survival function Q(λ) = 2 Σ (−1)^{j−1} exp(−2 j² λ²). */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let j = 1; j <= 100; j++) {
    const term = Math.exp(-2 * j * j * lambda * lambda);
    sum += (j % 2 === 1 ? 1 : -1) * term;
    if (term < 1e-18) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/** Mean with a normal-theory 95% CI. */
export interface MeanEstimate {
  readonly mean: number;
  readonly stderr: number;
  readonly ci: [number, number];
}

/** Mean and standard error of n values from Σt and Σt² (NaN when n < 2). */
export function meanEstimate(n: number, sum: number, sumSq: number): MeanEstimate {
  if (n === 0) return { mean: NaN, stderr: NaN, ci: [NaN, NaN] };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (sumSq - n * mean * mean) / (n - 1)) : NaN;
  const stderr = Math.sqrt(variance / n);
  return { mean, stderr, ci: [mean - Z95 * stderr, mean + Z95 * stderr] };
}

/**
 * Rate of exponential escape from `events` absorptions over total time on test `exposure`
 * (Σ escape times + censored·tmax): the MLE events/exposure with the exact Poisson-process
 * 95% interval [χ²_{2d}(0.025)/(2T), χ²_{2d+2}(0.975)/(2T)].
 */
export function exponentialRate(events: number, exposure: number): { rate: number; ci: [number, number] } {
  if (!(exposure > 0)) return { rate: NaN, ci: [NaN, NaN] };
  const rate = events / exposure;
  const lo = events > 0 ? gammaQuantile(0.025, events) / exposure : 0;
  const hi = gammaQuantile(0.975, events + 1) / exposure;
  return { rate, ci: [lo, hi] };
}

/** A Kolmogorov–Smirnov test of exponential escape. */
export interface ExponentialKsTest {
  /** sup_t |F_N(t) − (1 − e^{−k t})| over [0, tmax]. */
  readonly statistic: number;
  /** Asymptotic p-value (conservative: the rate is estimated from the same data). */
  readonly pValue: number;
  /** Walkers in the empirical CDF (censored ones count, as survivors). */
  readonly n: number;
  /** "exact" from every escape time, or "binned" from the histogram (ensembles not keeping times). */
  readonly method: "exact" | "binned";
}

/** KS test of F(t) = 1 − e^{−rate·t} against sorted escape times (n walkers in all, censored included). */
export function ksExponential(sortedTimes: ArrayLike<number>, n: number, rate: number): ExponentialKsTest {
  let d = 0;
  for (let i = 0; i < sortedTimes.length; i++) {
    const f = 1 - Math.exp(-rate * sortedTimes[i]!);
    d = Math.max(d, Math.abs((i + 1) / n - f), Math.abs(i / n - f));
  }
  const sn = Math.sqrt(n);
  return { statistic: d, pValue: kolmogorovQ((sn + 0.12 + 0.11 / sn) * d), n, method: "exact" };
}

/** KS statistic from a histogram (cumulative counts at bin right edges). */
export function ksExponentialBinned(edges: ArrayLike<number>, counts: ArrayLike<number>, n: number, rate: number): ExponentialKsTest {
  let d = 0, cum = 0;
  for (let b = 0; b < counts.length; b++) {
    const before = cum / n;
    cum += counts[b]!;
    const f = 1 - Math.exp(-rate * edges[b + 1]!);
    const f0 = 1 - Math.exp(-rate * edges[b]!);
    d = Math.max(d, Math.abs(cum / n - f), Math.abs(before - f0));
  }
  const sn = Math.sqrt(n);
  return { statistic: d, pValue: kolmogorovQ((sn + 0.12 + 0.11 / sn) * d), n, method: "binned" };
}

/** The first-passage statistics every ensemble result carries (simulate, simulateND). Times in the caller's time unit. */
export interface FirstPassageStatistics {
  /** Mean first-passage time over absorbed walkers (biased low if some were censored: see warnings). */
  readonly mfpt: number;
  /** Standard error of the MFPT. */
  readonly stderr: number;
  /** 95% CI of the MFPT (normal theory). */
  readonly mfptCI: [number, number];
  /** Escape rate: maximum-likelihood exponential rate with censoring (escapes / total time on test). */
  readonly rate: number;
  /** Exact 95% CI of the rate (Poisson process / χ² interval). */
  readonly rateCI: [number, number];
  /** What `rate` is. */
  readonly rateDefinition: string;
  /** Walkers absorbed, and censored at tmax, of `particles`. */
  readonly escaped: number;
  readonly censored: number;
  readonly particles: number;
  /** KS test of exponential escape (null when fewer than 2 walkers escaped). */
  readonly ksTest: ExponentialKsTest | null;
}
