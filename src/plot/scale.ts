// Axis scales: data value → pixel, with "nice" tick positions (1-2-5 steps) and log axes.

/** A map from data values to pixels along one axis, with its ticks. */
export interface Scale {
  /** Pixel position of a data value (NaN when the value cannot be shown, e.g. ≤ 0 on a log axis). */
  (value: number): number;
  /** The (niced) data interval shown. */
  readonly domain: readonly [number, number];
  /** The pixel interval it maps to. */
  readonly range: readonly [number, number];
  /** Whether the axis is logarithmic (base 10). */
  readonly log: boolean;
  /** Tick positions in data units, inside the domain. */
  readonly ticks: readonly number[];
  /** Label for a tick value. */
  format(value: number): string;
}

/** Round away float noise such as 0.30000000000000004. */
function clean(v: number): number {
  return v === 0 ? 0 : Number(v.toPrecision(12));
}

/**
 * The 1-2-5 step closest to `span / count`: the step a person would choose for about `count` intervals.
 * @param span - the length of the interval (> 0)
 * @param count - the wished number of intervals
 * @returns 1, 2 or 5 times a power of ten
 * @example
 * ```ts
 * niceStep(10, 5); // 2
 * niceStep(0.037, 6); // 0.005
 * ```
 */
export function niceStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const norm = raw / mag;
  return (norm < 1.5 ? 1 : norm < 3 ? 2 : norm < 7 ? 5 : 10) * mag;
}

/**
 * Ticks on a linear axis: multiples of a 1-2-5 step inside [lo, hi], about `count` of them.
 * @param lo - left end of the axis
 * @param hi - right end of the axis
 * @param count - about how many intervals
 * @returns the tick values and the step between them
 * @example
 * ```ts
 * linearTicks(-0.73, 1.21); // { ticks: [-0.5, 0, 0.5, 1], step: 0.5 }
 * ```
 */
export function linearTicks(lo: number, hi: number, count = 6): { ticks: number[]; step: number } {
  if (!(hi > lo)) return { ticks: [lo], step: 1 };
  const step = niceStep(hi - lo, count);
  const i0 = Math.ceil(lo / step - 1e-9);
  const i1 = Math.floor(hi / step + 1e-9);
  const ticks: number[] = [];
  for (let i = i0; i <= i1; i++) ticks.push(clean(i * step));
  return { ticks, step };
}

/**
 * Widen [lo, hi] to the enclosing multiples of the tick step (so the axis starts and ends on a tick).
 * @param lo - left end
 * @param hi - right end
 * @param count - about how many intervals
 * @returns the widened interval
 * @example
 * ```ts
 * niceInterval(0.13, 0.91); // [0.1, 1]
 * ```
 */
export function niceInterval(lo: number, hi: number, count = 6): [number, number] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [0, 1];
  if (hi === lo) {
    const d = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    return niceInterval(lo - d, hi + d, count);
  }
  const step = niceStep(hi - lo, count);
  return [clean(Math.floor(lo / step + 1e-9) * step), clean(Math.ceil(hi / step - 1e-9) * step)];
}

/**
 * A number for a tick label given the step between ticks (enough decimals to tell ticks apart).
 * @param v - the tick value
 * @param step - the step between ticks
 * @returns the label, with a true minus sign
 * @example
 * ```ts
 * formatTick(-0.5, 0.5); // "−0.5"
 * ```
 */
export function formatTick(v: number, step: number): string {
  if (v === 0) return "0";
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-4) return v.toExponential(Math.max(0, Math.min(6, -Math.floor(Math.log10(step / a)) ))).replace("e+", "e");
  const decimals = Math.max(0, Math.min(12, -Math.floor(Math.log10(step) + 1e-9)));
  return v.toFixed(decimals).replace("-", "−");
}

/**
 * Decade ticks 10^k for a log axis; 1-2-5 sub-ticks when the axis spans less than ~3 decades, every
 * n-th decade (n = 2, 5, 10 …) when it spans many.
 * @param lo - left end (> 0)
 * @param hi - right end (> lo)
 * @returns the tick values
 * @example
 * ```ts
 * logTicks(1, 100); // [1, 2, 5, 10, 20, 50, 100]
 * ```
 */
export function logTicks(lo: number, hi: number): number[] {
  const k0 = Math.floor(Math.log10(lo) + 1e-9);
  const k1 = Math.ceil(Math.log10(hi) - 1e-9);
  const decades = k1 - k0;
  const mults = decades <= 1 ? [1, 2, 3, 5] : decades <= 3 ? [1, 2, 5] : [1];
  // many decades: every 2nd, 5th, 10th… decade, on multiples of that stride (1e-20, 1e-10, 1)
  const stride = mults.length === 1 && decades > 8 ? niceStep(decades, 8) : 1;
  const ticks: number[] = [];
  for (let k = Math.ceil(k0 / stride - 1e-9) * stride; k <= k1; k += stride) {
    for (const m of mults) {
      const v = clean(m * 10 ** k);
      if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) ticks.push(v);
    }
  }
  return ticks;
}

/**
 * Label of a log tick: 10^k as plain text for moderate k, else "1e-7".
 * @param v - the tick value (> 0)
 * @returns the label
 * @example
 * ```ts
 * formatLogTick(1e-7); // "1e-7"
 * ```
 */
export function formatLogTick(v: number): string {
  const k = Math.log10(v);
  if (Math.abs(k - Math.round(k)) < 1e-9) {
    const e = Math.round(k);
    if (e >= -3 && e <= 4) return String(clean(10 ** e));
    return `1e${e}`;
  }
  return Math.abs(k) <= 4 ? String(v) : v.toExponential(0).replace("e+", "e");
}

/** Options of {@link makeScale}. */
export interface ScaleOptions {
  /** Data interval before niceing. */
  readonly domain: readonly [number, number];
  /** Pixel interval (may be reversed, e.g. [bottom, top] for y). */
  readonly range: readonly [number, number];
  /** Base-10 logarithmic axis. @default false */
  readonly log?: boolean;
  /** Widen the domain to nice tick values. @default true */
  readonly nice?: boolean;
  /** About how many ticks. @default 6 */
  readonly ticks?: number;
}

/**
 * Build a linear or log scale with nice ticks.
 * @param options - data interval, pixel interval, log or not
 * @returns the scale (a function value → pixel, with its domain and ticks)
 * @example
 * ```ts
 * const y = makeScale({ domain: [0.003, 70], range: [300, 0], log: true });
 * y.domain; // [0.001, 100]
 * y(1);     // 120
 * ```
 */
export function makeScale(options: ScaleOptions): Scale {
  const { range } = options;
  const log = options.log ?? false;
  const count = options.ticks ?? 6;
  let [lo, hi] = options.domain;
  if (log) {
    if (!(lo > 0) || !Number.isFinite(lo)) lo = hi > 0 ? hi / 10 : 1;
    if (!(hi > lo) || !Number.isFinite(hi)) hi = lo * 10;
    if (options.nice ?? true) {
      const span = Math.log10(hi) - Math.log10(lo);
      // round to whole decades when the axis spans several, else to 1-2-5 values
      if (span >= 1.5) {
        lo = 10 ** Math.floor(Math.log10(lo) + 1e-9);
        hi = 10 ** Math.ceil(Math.log10(hi) - 1e-9);
      }
    }
    const l0 = Math.log10(lo);
    const l1 = Math.log10(hi);
    const f = ((v: number) => (v > 0 ? range[0] + ((Math.log10(v) - l0) / (l1 - l0)) * (range[1] - range[0]) : NaN)) as Scale;
    const ticks = logTicks(lo, hi);
    return Object.assign(f, { domain: [lo, hi] as const, range, log: true, ticks, format: formatLogTick });
  }
  if (options.nice ?? true) [lo, hi] = niceInterval(lo, hi, count);
  else if (!(hi > lo)) [lo, hi] = niceInterval(lo, hi, count);
  const { ticks, step } = linearTicks(lo, hi, count);
  const f = ((v: number) => range[0] + ((v - lo) / (hi - lo)) * (range[1] - range[0])) as Scale;
  return Object.assign(f, { domain: [lo, hi] as const, range, log: false, ticks, format: (v: number) => formatTick(v, step) });
}
