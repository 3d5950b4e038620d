// The library's standard figures as SVG strings: the potential with its landmarks, stationary
// densities, escape-time histograms with the exponential fit, and the Kramers turnover.
import { KramersError } from "../errors.js";
import { analyseLandscape } from "../landscape/landscape.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { toPotentialND, type PotentialNDInput } from "../potential/nd.js";
import type { BarrierND } from "../landscape/nd/barrier.js";
import { requireFinite, requireInteger, requireInterval, requireOneOf, requireOptions, requirePositive } from "../validate.js";
import { PALETTE, plotChart, type Layer } from "./chart.js";

/** A minimum or maximum as the plots need it (the landscape's `CriticalPoint` fits). */
export interface PlotCriticalPoint {
  /** Position. */
  readonly x: number;
  /** U(x). */
  readonly U: number;
  /** U″(x). */
  readonly curvature: number;
}

/** Size and title shared by every figure. */
export interface FigureOptions {
  /** Title above the plot. */
  readonly title?: string;
  /** Width in px. @default 560 */
  readonly width?: number;
  /** Height in px. @default 360 */
  readonly height?: number;
  /** Legend corner, or "none". @default "top-right" ("bottom-left" for the turnover) */
  readonly legend?: "top-right" | "top-left" | "bottom-right" | "bottom-left" | "none";
}

const FIGURE_KEYS = ["title", "width", "height", "legend"] as const;
const LEGEND_CORNERS = ["top-right", "top-left", "bottom-right", "bottom-left", "none"] as const;

function checkFigure(o: Record<string, unknown>, name: string): FigureOptions {
  return {
    ...(o.title !== undefined ? { title: String(o.title) } : {}),
    ...(o.width !== undefined ? { width: requirePositive(`${name}.width`, o.width) } : {}),
    ...(o.height !== undefined ? { height: requirePositive(`${name}.height`, o.height) } : {}),
    ...(o.legend !== undefined ? { legend: requireOneOf(`${name}.legend`, o.legend, LEGEND_CORNERS) } : {}),
  };
}

function linspace(a: number, b: number, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = a + ((b - a) * i) / (n - 1);
  return out;
}

/**
 * Minima and maxima of U on a grid: sign changes of U′ between samples, refined by bisection.
 * Only a fallback for drawing when the landscape analysis cannot run; extrema closer than a grid
 * step can be missed.
 */
function sampledExtrema(p: Potential1D, xs: Float64Array): { minima: PlotCriticalPoint[]; maxima: PlotCriticalPoint[] } {
  const minima: PlotCriticalPoint[] = [];
  const maxima: PlotCriticalPoint[] = [];
  let prev = p.dU(xs[0]!);
  for (let i = 1; i < xs.length; i++) {
    const cur = p.dU(xs[i]!);
    if (Number.isFinite(prev) && Number.isFinite(cur) && prev !== 0 && Math.sign(prev) !== Math.sign(cur)) {
      let a = xs[i - 1]!;
      let b = xs[i]!;
      let fa = prev;
      for (let k = 0; k < 60 && b - a > 1e-13 * (1 + Math.abs(a)); k++) {
        const c = 0.5 * (a + b);
        const fc = p.dU(c);
        if (fc === 0) {
          a = b = c;
          break;
        }
        if (Math.sign(fc) === Math.sign(fa)) {
          a = c;
          fa = fc;
        } else b = c;
      }
      const x = 0.5 * (a + b);
      const point = { x, U: p.U(x), curvature: p.d2U(x) };
      (prev < 0 ? minima : maxima).push(point);
    }
    if (cur !== 0) prev = cur;
  }
  return { minima, maxima };
}

function landmarks(p: Potential1D, domain: readonly [number, number], xs: Float64Array): { minima: readonly PlotCriticalPoint[]; maxima: readonly PlotCriticalPoint[] } {
  try {
    return analyseLandscape(p, domain);
  } catch {
    return sampledExtrema(p, xs);
  }
}

const g4 = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : String(Number(v.toPrecision(4))));

/** Options of {@link plotPotential}. */
export interface PlotPotentialOptions extends FigureOptions {
  /** The potential: an expression string, a potential object, or a function U(x). */
  readonly potential: PotentialInput;
  /** x-interval to draw. @default the potential's `suggestedDomain`, else [-2, 2] */
  readonly domain?: readonly [number, number];
  /** Number of sample points of the curve. @default 400 */
  readonly samples?: number;
  /** Thermal energy; when given, barrier labels also show βΔU and a bar of height kT is drawn. */
  readonly kT?: number;
  /** Minima and maxima to mark (e.g. from `landscape(...)`). @default `landscape({ potential, domain })` */
  readonly landscape?: { readonly minima: readonly PlotCriticalPoint[]; readonly maxima: readonly PlotCriticalPoint[] };
  /** Draw the harmonic approximation U(x₀) + U″(x₀)(x − x₀)²/2 at each extremum. @default true */
  readonly curvature?: boolean;
  /** Draw ΔU arrows from each minimum to the neighbouring barrier tops. @default true */
  readonly barriers?: boolean;
  /** y-interval to show. @default the range of U on the domain */
  readonly yDomain?: readonly [number, number];
  /** Positions to mark with a labelled vertical line, e.g. the start and target of an MFPT. */
  readonly marks?: readonly { readonly x: number; readonly label?: string }[];
}

/**
 * U(x) with its minima (circles), barrier tops (triangles), curvatures (dashed osculating
 * parabolas U(x₀) + U″(x₀)(x−x₀)²/2) and barrier heights ΔU (arrows), as an SVG string.
 *
 * @param options - the potential, domain and what to mark
 * @returns an SVG document as a string
 * @example
 * ```ts
 * import { writeFileSync } from "node:fs";
 * writeFileSync("well.svg", plotPotential({ potential: "x^4/4 - x^2/2", domain: [-1.8, 1.8], kT: 0.05 }));
 * ```
 */
export function plotPotential(options: PlotPotentialOptions): string {
  const o = requireOptions("plotPotential options", options, ["potential", "domain", "samples", "kT", "landscape", "curvature", "barriers", "yDomain", "marks", ...FIGURE_KEYS]);
  const p = toPotential(o.potential);
  const domain = o.domain !== undefined ? requireInterval("domain", o.domain) : (p.suggestedDomain ?? [-2, 2]);
  const n = o.samples !== undefined ? requireInteger("samples", o.samples, 3) : 400;
  const kT = o.kT !== undefined ? requirePositive("kT", o.kT) : undefined;
  const yDomain = o.yDomain !== undefined ? requireInterval("yDomain", o.yDomain) : undefined;
  const xs = linspace(domain[0], domain[1], n);
  const us = new Float64Array(n);
  for (let i = 0; i < n; i++) us[i] = p.U(xs[i]!);
  const { minima, maxima } = (o.landscape as PlotPotentialOptions["landscape"]) ?? landmarks(p, domain, xs);
  const layers: Layer[] = [{ type: "line", x: xs, y: us, label: `U(x) = ${p.label.length > 40 ? p.label.slice(0, 39) + "…" : p.label}`, color: PALETTE[0] }];
  // y-range from the curve, so the osculating parabolas don't stretch the axis
  let ulo = Infinity;
  let uhi = -Infinity;
  for (const u of us) if (Number.isFinite(u)) [ulo, uhi] = [Math.min(ulo, u), Math.max(uhi, u)];
  if (!(uhi >= ulo)) throw new KramersError("NOT_FINITE", `U is not finite anywhere on the domain [${domain[0]}, ${domain[1]}]`, { option: "potential" });
  const pad = 0.06 * (uhi - ulo || 1);
  const yRange: [number, number] = yDomain ?? [ulo - pad, uhi + pad];
  if ((o.curvature ?? true) !== false) {
    const half = 0.12 * (domain[1] - domain[0]);
    for (const c of [...minima, ...maxima]) {
      const px = linspace(c.x - half, c.x + half, 41);
      const py = Array.from(px, (x) => c.U + 0.5 * c.curvature * (x - c.x) ** 2);
      layers.push({ type: "line", x: px, y: py, color: "#888", width: 1.2, dash: "4 3" });
    }
    layers.push({ type: "line", x: [NaN], y: [NaN], color: "#888", width: 1.2, dash: "4 3", label: "harmonic U″ at extrema" });
  }
  if ((o.barriers ?? true) !== false) {
    for (const m of minima) {
      for (const top of [maxima.filter((b) => b.x < m.x).at(-1), maxima.find((b) => b.x > m.x)]) {
        if (!top) continue;
        const dU = top.U - m.U;
        const xArrow = m.x + 0.18 * (top.x - m.x);
        layers.push({ type: "arrow", from: [xArrow, m.U], to: [xArrow, top.U], label: `ΔU=${g4(dU)}${kT ? ` (${g4(dU / kT)} kT)` : ""}`, color: "#555" });
      }
    }
  }
  layers.push({
    type: "markers", shape: "circle", color: PALETTE[2], label: "minima", labelPosition: "below",
    points: minima.map((c) => ({ x: c.x, y: c.U, label: `x=${g4(c.x)}, U″=${g4(c.curvature)}`, title: `minimum x=${c.x} U=${c.U} U″=${c.curvature}` })),
  });
  layers.push({
    type: "markers", shape: "triangle-up", color: PALETTE[1], label: "barrier tops",
    points: maxima.map((c) => ({ x: c.x, y: c.U, label: `x=${g4(c.x)}, U″=${g4(c.curvature)}`, title: `maximum x=${c.x} U=${c.U} U″=${c.curvature}` })),
  });
  const marks = (o.marks as PlotPotentialOptions["marks"]) ?? [];
  if (!Array.isArray(marks)) throw new KramersError("INVALID_ARGUMENT", "marks must be an array of { x, label? }", { option: "marks" });
  marks.forEach((mk, i) => layers.push({ type: "rule", x: requireFinite(`marks[${i}].x`, mk?.x), color: PALETTE[4], ...(mk.label !== undefined ? { label: String(mk.label) } : {}) }));
  if (kT !== undefined && kT < yRange[1] - yRange[0]) {
    const xk = domain[0] + 0.04 * (domain[1] - domain[0]);
    const y0 = minima.length ? Math.min(...minima.map((m) => m.U)) : ulo;
    layers.push({ type: "arrow", from: [xk, y0], to: [xk, y0 + kT], label: `kT=${g4(kT)}`, color: PALETTE[3] });
  }
  return plotChart({ ...checkFigure(o, "plotPotential"), layers, x: { label: "x", domain }, y: { label: "U(x)", domain: yRange, nice: !yDomain } });
}

/** A curve given by samples, e.g. a density from `spectrum` or a histogram of walker positions. */
export interface PlotSeries {
  /** x values. */
  readonly x: ArrayLike<number>;
  /** Density values at x. */
  readonly y: ArrayLike<number>;
  /** Legend entry. */
  readonly label?: string;
  /** Stroke colour. @default the next palette colour */
  readonly color?: string;
  /** SVG dash pattern. @default "6 3" */
  readonly dash?: string;
}

/** Options of {@link plotDensity}. */
export interface PlotDensityOptions extends FigureOptions {
  /** Potential for the Boltzmann density exp(−U/kT)/Z (drawn when `potential` and `kT` are given). */
  readonly potential?: PotentialInput;
  /** Thermal energy of the Boltzmann density. */
  readonly kT?: number;
  /** x-interval (and the normalisation interval of the Boltzmann density). @default the potential's `suggestedDomain`, the series' extent, or [-2, 2] */
  readonly domain?: readonly [number, number];
  /** Samples of the Boltzmann density. @default 400 */
  readonly samples?: number;
  /** More curves to compare with (e.g. the Fokker–Planck stationary density, a histogram). */
  readonly series?: readonly PlotSeries[];
  /** Log y-axis (shows the tails and the barrier region). @default false */
  readonly logY?: boolean;
}

/**
 * The stationary density p(x) = exp(−U(x)/kT)/Z normalised on the domain (the exponent is
 * shifted by min U, so it never overflows), optionally with other densities to compare.
 *
 * @param options - potential and kT, and/or series to draw
 * @returns an SVG document as a string
 * @example
 * ```ts
 * const svg = plotDensity({ potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2], logY: true });
 * ```
 */
export function plotDensity(options: PlotDensityOptions): string {
  const o = requireOptions("plotDensity options", options, ["potential", "kT", "domain", "samples", "series", "logY", ...FIGURE_KEYS]);
  const series = (o.series as readonly PlotSeries[] | undefined) ?? [];
  if (!Array.isArray(series)) throw new KramersError("INVALID_ARGUMENT", "series must be an array of { x, y, label? }", { option: "series" });
  const p = o.potential !== undefined ? toPotential(o.potential) : undefined;
  if (p && o.kT === undefined) throw new KramersError("INVALID_ARGUMENT", "plotDensity needs kT with potential", { option: "kT" });
  if (!p && series.length === 0) throw new KramersError("INVALID_ARGUMENT", "plotDensity needs a potential and kT, or series", { option: "potential" });
  let domain = o.domain !== undefined ? requireInterval("domain", o.domain) : p?.suggestedDomain;
  const layers: Layer[] = [];
  if (p) {
    const kT = requirePositive("kT", o.kT);
    domain ??= [-2, 2];
    const n = o.samples !== undefined ? requireInteger("samples", o.samples, 3) : 400;
    const xs = linspace(domain[0], domain[1], n);
    const us = Array.from(xs, (x) => p.U(x));
    const umin = Math.min(...us.filter(Number.isFinite));
    const w = us.map((u) => Math.exp(-(u - umin) / kT));
    let z = 0;
    for (let i = 1; i < n; i++) z += 0.5 * (w[i]! + w[i - 1]!) * (xs[i]! - xs[i - 1]!);
    layers.push({ type: "line", x: xs, y: w.map((v) => v / z), label: `exp(−U/kT)/Z, kT=${g4(kT)}`, fillOpacity: 0.12, color: PALETTE[0] });
  }
  series.forEach((s, i) => {
    if (!s || typeof s !== "object" || s.x === undefined || s.y === undefined) throw new KramersError("INVALID_ARGUMENT", `series[${i}] must be { x, y, label? }`, { option: "series" });
    layers.push({ type: "line", x: s.x, y: s.y, color: s.color ?? PALETTE[(i + 1) % PALETTE.length], dash: s.dash ?? "6 3", ...(s.label ? { label: s.label } : {}) });
  });
  // linear axis: start at 0 and leave headroom above the peaks for the legend
  let peak = 0;
  for (const l of layers) if (l.type === "line") for (let i = 0; i < l.y.length; i++) if (Number.isFinite(l.y[i]!) && l.y[i]! > peak) peak = l.y[i]!;
  const y = o.logY === true ? { label: "p(x)", log: true } : { label: "p(x)", ...(peak > 0 ? { domain: [0, 1.3 * peak] as const, nice: true } : {}) };
  return plotChart({ ...checkFigure(o, "plotDensity"), layers, x: { label: "x", ...(domain ? { domain } : {}) }, y });
}

/** Options of {@link plotHistogram}. */
export interface PlotHistogramOptions extends FigureOptions {
  /** The samples, e.g. escape times. */
  readonly samples: ArrayLike<number>;
  /** Number of bins. @default ⌈2·n^(1/3)⌉ (Rice rule), at most 80 */
  readonly bins?: number;
  /** Overlay the exponential density k·exp(−k t): "fit" (k = 1/mean, the maximum-likelihood fit), a number (a predicted rate), or false. @default "fit" */
  readonly rate?: number | "fit" | false;
  /** A second rate to overlay, e.g. the Kramers prediction beside the fit. */
  readonly predictedRate?: number;
  /** Log y-axis: an exponential becomes a straight line. @default false */
  readonly logY?: boolean;
  /** x-axis title. @default "escape time t" */
  readonly xLabel?: string;
}

/**
 * A density-normalised histogram of escape times with the exponential k·exp(−k t) overlaid:
 * escape over a high barrier is a Poisson process, so the histogram should follow it.
 * The fitted k = 1/mean has a 95 % interval k·(1 ± 1.96/√n), shown in the legend.
 *
 * @param options - samples, bins and which rate(s) to overlay
 * @returns an SVG document as a string
 * @example
 * ```ts
 * const svg = plotHistogram({ samples: escapeTimes, predictedRate: 0.0123, logY: true });
 * ```
 */
export function plotHistogram(options: PlotHistogramOptions): string {
  const o = requireOptions("plotHistogram options", options, ["samples", "bins", "rate", "predictedRate", "logY", "xLabel", ...FIGURE_KEYS]);
  const raw = o.samples as ArrayLike<number>;
  if (!raw || typeof raw !== "object" || typeof raw.length !== "number") throw new KramersError("INVALID_ARGUMENT", "samples must be an array of numbers", { option: "samples" });
  const samples = Array.from(raw).filter((v) => Number.isFinite(v));
  if (samples.length === 0) throw new KramersError("INVALID_ARGUMENT", "samples has no finite values", { option: "samples" });
  const n = samples.length;
  const bins = o.bins !== undefined ? requireInteger("bins", o.bins, 1) : Math.min(80, Math.max(1, Math.ceil(2 * Math.cbrt(n))));
  const lo = Math.min(0, ...samples);
  const hi = Math.max(...samples);
  const width = (hi - lo || 1) / bins;
  const counts = new Float64Array(bins);
  for (const v of samples) counts[Math.min(bins - 1, Math.floor((v - lo) / width))]!++;
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
  const heights = Array.from(counts, (c) => c / (n * width));
  const layers: Layer[] = [{ type: "bars", edges, heights, label: `histogram (n=${n})`, color: PALETTE[0] }];
  const rateOpt = o.rate ?? "fit";
  const curve = (k: number, label: string, color: string, dash?: string) => {
    const ts = linspace(lo, hi, 200);
    layers.push({ type: "line", x: ts, y: Array.from(ts, (t) => k * Math.exp(-k * t)), label, color, ...(dash ? { dash } : {}) });
  };
  if (rateOpt === "fit") {
    const mean = samples.reduce((a, b) => a + b, 0) / n;
    if (mean > 0) {
      const k = 1 / mean;
      curve(k, `fit k=${g4(k)} ± ${g4((1.96 * k) / Math.sqrt(n))}`, PALETTE[1]);
    }
  } else if (rateOpt !== false) curve(requirePositive("rate", rateOpt), `k=${g4(rateOpt as number)}`, PALETTE[1]);
  if (o.predictedRate !== undefined) {
    const k = requirePositive("predictedRate", o.predictedRate);
    curve(k, `predicted k=${g4(k)}`, PALETTE[2], "6 3");
  }
  return plotChart({ ...checkFigure(o, "plotHistogram"), layers, x: { label: o.xLabel !== undefined ? String(o.xLabel) : "escape time t" }, y: { label: "probability density", log: o.logY === true } });
}

/** One measured point of a turnover plot, with an optional confidence interval. */
export interface TurnoverPoint {
  /** Friction γ (> 0). */
  readonly gamma: number;
  /** Measured rate. */
  readonly rate: number;
  /** Lower end of its confidence interval. */
  readonly lower?: number;
  /** Upper end of its confidence interval. */
  readonly upper?: number;
}

/** Options of {@link plotTurnover}. */
export interface PlotTurnoverOptions extends FigureOptions {
  /** Friction values γ of the curves. */
  readonly gamma?: ArrayLike<number>;
  /** Rate curves over `gamma` (e.g. energy-diffusion, full Kramers, Mel'nikov–Pollak). */
  readonly curves?: readonly { readonly label: string; readonly rate: ArrayLike<number>; readonly dash?: string }[];
  /** Measured rates (e.g. from Langevin simulation) with confidence intervals. */
  readonly points?: readonly TurnoverPoint[];
  /** Label of the measured points. @default "simulation" */
  readonly pointsLabel?: string;
  /** y-axis title. @default "rate k" */
  readonly yLabel?: string;
  /** y-interval to show (the limiting laws diverge at the ends; clip them to the interesting range). @default the data's range */
  readonly yDomain?: readonly [number, number];
}

/**
 * The Kramers turnover on log–log axes: rate against friction γ, rising ∝ γ (energy diffusion),
 * peaking, then falling ∝ 1/γ (spatial diffusion); theory curves plus simulated points.
 *
 * @param options - γ grid, curves and points
 * @returns an SVG document as a string
 * @example
 * ```ts
 * const svg = plotTurnover({ gamma, curves: [{ label: "Mel'nikov–Pollak", rate: mp }], points });
 * ```
 */
export function plotTurnover(options: PlotTurnoverOptions): string {
  const o = requireOptions("plotTurnover options", options, ["gamma", "curves", "points", "pointsLabel", "yLabel", "yDomain", ...FIGURE_KEYS]);
  const curves = (o.curves as PlotTurnoverOptions["curves"]) ?? [];
  const points = (o.points as readonly TurnoverPoint[] | undefined) ?? [];
  if (curves.length === 0 && points.length === 0) throw new KramersError("INVALID_ARGUMENT", "plotTurnover needs curves (with gamma) or points", { option: "curves" });
  const gamma = o.gamma as ArrayLike<number> | undefined;
  if (curves.length && (!gamma || typeof gamma.length !== "number")) throw new KramersError("INVALID_ARGUMENT", "plotTurnover: curves need gamma", { option: "gamma" });
  const layers: Layer[] = [];
  curves.forEach((c, i) => {
    if (c.rate.length !== gamma!.length) throw new KramersError("INVALID_ARGUMENT", `curves[${i}].rate has ${c.rate.length} values but gamma has ${gamma!.length}`, { option: "curves" });
    layers.push({ type: "line", x: gamma!, y: c.rate, label: c.label, color: PALETTE[i % PALETTE.length], ...(c.dash ? { dash: c.dash } : {}) });
  });
  if (points.length) {
    points.forEach((pt, i) => {
      requirePositive(`points[${i}].gamma`, pt.gamma);
      requireFinite(`points[${i}].rate`, pt.rate);
    });
    const withCi = points.filter((pt) => pt.lower !== undefined && pt.upper !== undefined);
    if (withCi.length) layers.push({ type: "errorbars", points: withCi.map((pt) => ({ x: pt.gamma, lower: pt.lower!, upper: pt.upper! })) });
    layers.push({ type: "markers", shape: "circle", color: "#000", label: o.pointsLabel !== undefined ? String(o.pointsLabel) : "simulation", points: points.map((pt) => ({ x: pt.gamma, y: pt.rate, title: `γ=${pt.gamma} k=${pt.rate}` })) });
  }
  const yDomain = o.yDomain !== undefined ? requireInterval("yDomain", o.yDomain) : undefined;
  if (yDomain && !(yDomain[0] > 0)) throw new KramersError("NOT_POSITIVE", `yDomain must be positive on a log axis, got [${yDomain[0]}, ${yDomain[1]}]`, { option: "yDomain" });
  return plotChart({ legend: "bottom-left", ...checkFigure(o, "plotTurnover"), layers, x: { label: "friction γ", log: true }, y: { label: o.yLabel !== undefined ? String(o.yLabel) : "rate k", log: true, ...(yDomain ? { domain: yDomain, nice: true } : {}) } });
}

/** Options of {@link plotLandscape2D}. */
export interface PlotLandscape2DOptions extends FigureOptions {
  /** A 2-D potential or an expression in x and y. */
  readonly potential: PotentialNDInput;
  /** The box [[x0, x1], [y0, y1]]. @default the potential's `suggestedDomain` */
  readonly domain?: readonly (readonly [number, number])[];
  /** Cells per axis. @default 100 */
  readonly samples?: number;
  /** A barrier analysis (barrierND) to draw: its minimum-energy path, minima and transition states. */
  readonly barrier?: BarrierND;
  /** Thermal energy: contours every kT (at most 40), and the colour map spans up to 12 kT above the lowest minimum. */
  readonly kT?: number;
  /** Colour range of U. @default from kT, else the 2nd to 80th percentile of U on the grid */
  readonly range?: readonly [number, number];
}

/**
 * A 2-D potential as a colour map with contours, and, from a barrierND analysis, its
 * minimum-energy path, minima (circles) and transition states (triangles), as an SVG string.
 *
 * @param options - the potential, box, barrier, kT and figure options
 * @returns an SVG document as a string
 * @example
 * ```ts
 * const b = barrierND({ potential: muellerBrown(), from: [-0.5, 1.5], to: [0.6, 0] });
 * writeFileSync("mb.svg", plotLandscape2D({ potential: muellerBrown(), barrier: b, kT: 15 }));
 * ```
 */
export function plotLandscape2D(options: PlotLandscape2DOptions): string {
  const o = requireOptions("plotLandscape2D options", options, ["potential", "domain", "samples", "barrier", "kT", "range", ...FIGURE_KEYS]);
  const p = toPotentialND(o.potential);
  if (p.dimension !== 2) throw new KramersError("INVALID_ARGUMENT", `plotLandscape2D draws 2-D potentials, got dimension ${p.dimension}`, { option: "potential" });
  const box = (o.domain ?? p.suggestedDomain) as readonly (readonly [number, number])[] | undefined;
  if (!box || box.length !== 2) throw new KramersError("BAD_DOMAIN", "plotLandscape2D needs a domain [[x0, x1], [y0, y1]] (the potential suggests none)", { option: "domain" });
  const [bx, by] = [requireInterval("domain[0]", box[0]), requireInterval("domain[1]", box[1])];
  const n = o.samples !== undefined ? requireInteger("samples", o.samples, 4) : 100;
  const kT = o.kT !== undefined ? requirePositive("kT", o.kT) : undefined;
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) values[i * n + j] = p.U([bx[0] + ((bx[1] - bx[0]) * i) / (n - 1), by[0] + ((by[1] - by[0]) * j) / (n - 1)]);
  const finite = Array.from(values).filter(Number.isFinite).sort((a, b) => a - b);
  if (finite.length === 0) throw new KramersError("NOT_FINITE", "U is not finite anywhere in the domain", { option: "potential" });
  const b = o.barrier as BarrierND | undefined;
  const lowest = b ? Math.min(b.from.U, b.to.U, ...b.intermediateMinima.map((m) => m.U)) : finite[0]!;
  const range: [number, number] = o.range !== undefined ? requireInterval("range", o.range) : kT !== undefined ? [lowest, lowest + 12 * kT] : [finite[Math.floor(0.02 * (finite.length - 1))]!, finite[Math.floor(0.8 * (finite.length - 1))]!];
  const step = kT !== undefined ? Math.max(kT, (range[1] - range[0]) / 40) : (range[1] - range[0]) / 12;
  const contours: number[] = [];
  for (let c = range[0] + step; c < range[1]; c += step) contours.push(c);
  const layers: Layer[] = [{ type: "heatmap", x: bx, y: by, nx: n, ny: n, values, range, contours }];
  if (b) {
    const N = b.path.images;
    layers.push({ type: "line", x: Array.from({ length: N }, (_, i) => b.path.points[2 * i]!), y: Array.from({ length: N }, (_, i) => b.path.points[2 * i + 1]!), color: "#E69F00", width: 2, label: "minimum-energy path" });
    const fmtU = (u: number) => (kT !== undefined ? `U = ${u.toPrecision(4)} (${((u - lowest) / kT).toFixed(1)} kT)` : `U = ${u.toPrecision(4)}`);
    layers.push({ type: "markers", points: [b.from, ...b.intermediateMinima, b.to].map((m) => ({ x: m.x[0]!, y: m.x[1]!, title: `minimum (${m.x[0]!.toPrecision(4)}, ${m.x[1]!.toPrecision(4)}), ${fmtU(m.U)}` })), color: "#56B4E9", label: "minima" });
    layers.push({ type: "markers", shape: "triangle-up", points: b.saddles.map((s) => ({ x: s.x[0]!, y: s.x[1]!, title: `transition state (${s.x[0]!.toPrecision(4)}, ${s.x[1]!.toPrecision(4)}), ${fmtU(s.U)}` })), color: "#D55E00", label: "transition states" });
  }
  return plotChart({ layers, x: { label: p.variables[0] ?? "x", domain: [bx[0], bx[1]], nice: false }, y: { label: p.variables[1] ?? "y", domain: [by[0], by[1]], nice: false }, ...checkFigure(o, "plotLandscape2D") });
}
