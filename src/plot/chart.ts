// A small, dependency-free SVG chart: one pair of axes, and layers of lines, markers, bars, error
// bars and labels. Returns a self-contained SVG string (no DOM needed), so it works the same in
// Node scripts, the CLI, Web Workers and pages.
import { makeScale, type Scale } from "./scale.js";

/** Colour-blind-safe palette (Okabe–Ito), used in order by layers without a colour. */
export const PALETTE = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442"] as const;

/** A polyline through (x[i], y[i]); non-finite points break the line. */
export interface LineLayer {
  readonly type: "line";
  /** x values. */
  readonly x: ArrayLike<number>;
  /** y values (same length as x). */
  readonly y: ArrayLike<number>;
  /** Legend entry (omit to leave the layer out of the legend). */
  readonly label?: string;
  /** Stroke colour. @default the next colour of {@link PALETTE} */
  readonly color?: string;
  /** Stroke width in px. @default 2 */
  readonly width?: number;
  /** SVG dash pattern, e.g. "4 3". */
  readonly dash?: string;
  /** Fill the area between the line and the bottom of the plot with this opacity (0 = none). @default 0 */
  readonly fillOpacity?: number;
}

/** Points drawn as symbols, each with an optional text label and hover title. */
export interface MarkerLayer {
  readonly type: "markers";
  /** The points; `label` is drawn beside the marker, `title` shows on hover. */
  readonly points: readonly { readonly x: number; readonly y: number; readonly label?: string; readonly title?: string }[];
  /** Marker symbol. @default "circle" */
  readonly shape?: "circle" | "triangle-up" | "triangle-down" | "square" | "diamond";
  /** Marker radius in px. @default 4.5 */
  readonly size?: number;
  /** Legend entry. */
  readonly label?: string;
  /** Fill colour. @default the next colour of {@link PALETTE} */
  readonly color?: string;
  /** Where point labels go relative to the marker. @default "above" */
  readonly labelPosition?: "above" | "below";
}

/** Histogram bars: bin `i` spans [edges[i], edges[i+1]] with height heights[i]. */
export interface BarLayer {
  readonly type: "bars";
  /** Bin edges (one more than heights). */
  readonly edges: ArrayLike<number>;
  /** Bar heights. */
  readonly heights: ArrayLike<number>;
  /** Legend entry. */
  readonly label?: string;
  /** Fill colour. @default the next colour of {@link PALETTE} */
  readonly color?: string;
  /** Fill opacity. @default 0.45 */
  readonly opacity?: number;
}

/** Vertical error bars (e.g. confidence intervals) at x from lower to upper. */
export interface ErrorBarLayer {
  readonly type: "errorbars";
  /** Intervals [lower, upper] at x. */
  readonly points: readonly { readonly x: number; readonly lower: number; readonly upper: number }[];
  /** Stroke colour. @default "#333" */
  readonly color?: string;
}

/** A vertical or horizontal reference line across the plot, with an optional label. */
export interface RuleLayer {
  readonly type: "rule";
  /** Draw a vertical line at this x. */
  readonly x?: number;
  /** Draw a horizontal line at this y. */
  readonly y?: number;
  /** Text beside the line. */
  readonly label?: string;
  /** Stroke colour. @default "#777" */
  readonly color?: string;
  /** SVG dash pattern. @default "3 3" */
  readonly dash?: string;
}

/** A two-headed arrow between two data points with a label beside it (e.g. a barrier height ΔU). */
export interface ArrowLayer {
  readonly type: "arrow";
  /** Start point [x, y] in data units. */
  readonly from: readonly [number, number];
  /** End point [x, y] in data units. */
  readonly to: readonly [number, number];
  /** Text beside the middle of the arrow. */
  readonly label?: string;
  /** Stroke colour. @default "#444" */
  readonly color?: string;
}

/**
 * Values on a regular grid as coloured cells (a perceptually uniform, colour-blind-safe map from
 * low to high), with optional contour lines. Cell (i, j) is centred at x[0] + i·dx, y[0] + j·dy.
 */
export interface HeatmapLayer {
  readonly type: "heatmap";
  /** Centres of the first and last columns. */
  readonly x: readonly [number, number];
  /** Centres of the first and last rows. */
  readonly y: readonly [number, number];
  /** Columns (along x) and rows (along y). */
  readonly nx: number;
  readonly ny: number;
  /** Values, index i·ny + j (i along x); non-finite cells are left blank. */
  readonly values: ArrayLike<number>;
  /** Values mapped to the ends of the colour map (clipped beyond). @default the values' extent */
  readonly range?: readonly [number, number];
  /** Contour levels (marching squares). */
  readonly contours?: readonly number[];
}

/** Anything a chart can draw. */
export type Layer = LineLayer | MarkerLayer | BarLayer | ErrorBarLayer | RuleLayer | ArrowLayer | HeatmapLayer;

/** Viridis at five stops, interpolated linearly (low → high). */
const VIRIDIS = [[68, 1, 84], [59, 82, 139], [33, 145, 140], [94, 201, 98], [253, 231, 37]] as const;

function colorAt(t: number): string {
  const u = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const k = Math.min(VIRIDIS.length - 2, Math.floor(u)), f = u - k;
  const c = VIRIDIS[k]!.map((a, i) => Math.round(a + f * (VIRIDIS[k + 1]![i]! - a)));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

/** Contour segments of the level through the grid (marching squares), in data coordinates. */
function contourSegments(l: HeatmapLayer, level: number): [number, number, number, number][] {
  const dx = l.nx > 1 ? (l.x[1] - l.x[0]) / (l.nx - 1) : 0, dy = l.ny > 1 ? (l.y[1] - l.y[0]) / (l.ny - 1) : 0;
  const v = (i: number, j: number) => l.values[i * l.ny + j]!;
  const out: [number, number, number, number][] = [];
  for (let i = 0; i + 1 < l.nx; i++) {
    for (let j = 0; j + 1 < l.ny; j++) {
      // corners counter-clockwise: (i, j), (i+1, j), (i+1, j+1), (i, j+1)
      const c = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1)];
      if (!c.every(Number.isFinite)) continue;
      const pts: [number, number][] = [];
      const corner = [[i, j], [i + 1, j], [i + 1, j + 1], [i, j + 1]];
      for (let e = 0; e < 4; e++) {
        const a = c[e]! - level, b = c[(e + 1) % 4]! - level;
        if ((a < 0) === (b < 0)) continue;
        const f = a / (a - b);
        const [ia, ja] = corner[e]!, [ib, jb] = corner[(e + 1) % 4]!;
        pts.push([l.x[0] + (ia! + f * (ib! - ia!)) * dx, l.y[0] + (ja! + f * (jb! - ja!)) * dy]);
      }
      for (let k = 0; k + 1 < pts.length; k += 2) out.push([pts[k]![0], pts[k]![1], pts[k + 1]![0], pts[k + 1]![1]]);
    }
  }
  return out;
}

/** One axis of a chart. */
export interface AxisOptions {
  /** Axis title, e.g. "x" or "U(x)". */
  readonly label?: string;
  /** Data interval to show; default: the extent of the data (niced). */
  readonly domain?: readonly [number, number];
  /** Base-10 log axis. @default false */
  readonly log?: boolean;
  /** Widen the domain to tick values. @default true */
  readonly nice?: boolean;
}

/** Options of {@link plotChart}. */
export interface ChartOptions {
  /** What to draw, bottom to top. */
  readonly layers: readonly Layer[];
  /** The horizontal axis. */
  readonly x?: AxisOptions;
  /** The vertical axis. */
  readonly y?: AxisOptions;
  /** Title above the plot. */
  readonly title?: string;
  /** Width in px. @default 560 */
  readonly width?: number;
  /** Height in px. @default 360 */
  readonly height?: number;
  /** Legend corner (none when no layer has a label). @default "top-right" */
  readonly legend?: "top-right" | "top-left" | "bottom-right" | "bottom-left" | "none";
  /** Prefix for element ids (clip path), unique per SVG when several are inlined in one page. */
  readonly id?: string;
}

/**
 * Escape text for SVG content and attribute values.
 * @param s - any text
 * @returns the text with &, <, >, " and ' escaped
 * @example
 * ```ts
 * escapeXml("a<b"); // "a&lt;b"
 * ```
 */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

const r2 = (v: number) => Math.round(v * 100) / 100;

let idCounter = 0;

function extent(layers: readonly Layer[], axis: "x" | "y", log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  const add = (v: number) => {
    if (Number.isFinite(v) && (!log || v > 0)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  };
  for (const l of layers) {
    switch (l.type) {
      case "line": {
        const a = axis === "x" ? l.x : l.y;
        for (let i = 0; i < a.length; i++) add(a[i]!);
        break;
      }
      case "heatmap": {
        const [a, b] = axis === "x" ? l.x : l.y;
        const cells = axis === "x" ? l.nx : l.ny;
        const half = cells > 1 ? (b - a) / (cells - 1) / 2 : 0;
        add(a - half);
        add(b + half);
        break;
      }
      case "markers":
        for (const p of l.points) add(p[axis]);
        break;
      case "bars":
        if (axis === "x") for (let i = 0; i < l.edges.length; i++) add(l.edges[i]!);
        else {
          for (let i = 0; i < l.heights.length; i++) add(l.heights[i]!);
          if (!log) add(0);
        }
        break;
      case "errorbars":
        for (const p of l.points) {
          if (axis === "x") add(p.x);
          else {
            add(p.lower);
            add(p.upper);
          }
        }
        break;
      case "rule":
        if (axis === "x" && l.x !== undefined) add(l.x);
        if (axis === "y" && l.y !== undefined) add(l.y);
        break;
      case "arrow":
        add(l.from[axis === "x" ? 0 : 1]);
        add(l.to[axis === "x" ? 0 : 1]);
        break;
    }
  }
  return lo <= hi ? [lo, hi] : log ? [1, 10] : [0, 1];
}

function markerPath(shape: MarkerLayer["shape"], x: number, y: number, s: number): string {
  switch (shape) {
    case "triangle-up":
      return `M${r2(x)},${r2(y - s * 1.2)}L${r2(x + s * 1.1)},${r2(y + s * 0.7)}L${r2(x - s * 1.1)},${r2(y + s * 0.7)}Z`;
    case "triangle-down":
      return `M${r2(x)},${r2(y + s * 1.2)}L${r2(x + s * 1.1)},${r2(y - s * 0.7)}L${r2(x - s * 1.1)},${r2(y - s * 0.7)}Z`;
    case "square":
      return `M${r2(x - s)},${r2(y - s)}h${r2(2 * s)}v${r2(2 * s)}h${r2(-2 * s)}Z`;
    case "diamond":
      return `M${r2(x)},${r2(y - s * 1.3)}L${r2(x + s)},${r2(y)}L${r2(x)},${r2(y + s * 1.3)}L${r2(x - s)},${r2(y)}Z`;
    default:
      return `M${r2(x - s)},${r2(y)}a${s},${s} 0 1,0 ${r2(2 * s)},0a${s},${s} 0 1,0 ${r2(-2 * s)},0`;
  }
}

/** Path data for a polyline, broken at points that cannot be drawn. */
function linePath(xs: ArrayLike<number>, ys: ArrayLike<number>, sx: Scale, sy: Scale): string {
  let d = "";
  let pen = false;
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const px = sx(xs[i]!);
    const py = sy(ys[i]!);
    if (!Number.isFinite(px) || !Number.isFinite(py)) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${r2(px)},${r2(py)}`;
    pen = true;
  }
  return d;
}

/**
 * Render a chart to a self-contained SVG string: axes with nice ticks (linear or log), grid,
 * layers, legend, title. The building block of {@link plotPotential} and the other figures.
 *
 * @param options - layers, axes, size and title
 * @returns an `<svg>` element as a string
 * @example
 * ```ts
 * const svg = plotChart({ layers: [{ type: "line", x: [0, 1, 2], y: [0, 1, 4], label: "x²" }], x: { label: "x" } });
 * ```
 */
export function plotChart(options: ChartOptions): string {
  const width = options.width ?? 560;
  const height = options.height ?? 360;
  const layers = options.layers;
  const id = options.id ?? `kp${++idCounter}`;
  const m = { top: options.title ? 34 : 14, right: 18, bottom: 46, left: 64 };
  const [x0, x1] = [m.left, width - m.right];
  const [y0, y1] = [height - m.bottom, m.top];
  const xLog = options.x?.log ?? false;
  const yLog = options.y?.log ?? false;
  const sx = makeScale({ domain: options.x?.domain ?? extent(layers, "x", xLog), range: [m.left, width - m.right], log: xLog, nice: options.x?.nice ?? !options.x?.domain, ticks: Math.max(3, Math.round((width - m.left - m.right) / 80)) });
  const sy = makeScale({ domain: options.y?.domain ?? extent(layers, "y", yLog), range: [height - m.bottom, m.top], log: yLog, nice: options.y?.nice ?? !options.y?.domain, ticks: Math.max(3, Math.round((height - m.top - m.bottom) / 50)) });
  const out: string[] = [];
  // data-* attributes describe the axes, so a page can overlay live marks (see examples/explorer)
  const axisData = `data-x-domain="${sx.domain.join(" ")}" data-y-domain="${sy.domain.join(" ")}" data-x-log="${xLog}" data-y-log="${yLog}" data-plot-area="${x0} ${y1} ${x1 - x0} ${y0 - y1}"`;
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="12" ${axisData}>`);
  out.push(`<rect width="${width}" height="${height}" fill="#fff"/>`);
  out.push(`<clipPath id="${id}-clip"><rect x="${x0}" y="${y1}" width="${x1 - x0}" height="${y0 - y1}"/></clipPath>`);
  if (options.title) out.push(`<text x="${r2((x0 + x1) / 2)}" y="20" text-anchor="middle" font-size="14" font-weight="600">${escapeXml(options.title)}</text>`);
  // grid and ticks
  const grid: string[] = [];
  const ticks: string[] = [];
  for (const t of sx.ticks) {
    const px = r2(sx(t));
    grid.push(`M${px},${y0}V${y1}`);
    ticks.push(`<line x1="${px}" x2="${px}" y1="${y0}" y2="${y0 + 5}" stroke="#333"/><text x="${px}" y="${y0 + 18}" text-anchor="middle">${escapeXml(sx.format(t))}</text>`);
  }
  for (const t of sy.ticks) {
    const py = r2(sy(t));
    grid.push(`M${x0},${py}H${x1}`);
    ticks.push(`<line x1="${x0 - 5}" x2="${x0}" y1="${py}" y2="${py}" stroke="#333"/><text x="${x0 - 8}" y="${py + 4}" text-anchor="end">${escapeXml(sy.format(t))}</text>`);
  }
  out.push(`<path d="${grid.join("")}" stroke="#e6e6e6" fill="none"/>`);
  out.push(`<g class="axes">${ticks.join("")}<path d="M${x0},${y1}V${y0}H${x1}" stroke="#333" fill="none"/></g>`);
  if (options.x?.label) out.push(`<text x="${r2((x0 + x1) / 2)}" y="${height - 8}" text-anchor="middle" font-size="13">${escapeXml(options.x.label)}</text>`);
  if (options.y?.label) out.push(`<text transform="translate(15 ${r2((y0 + y1) / 2)}) rotate(-90)" text-anchor="middle" font-size="13">${escapeXml(options.y.label)}</text>`);

  // layers, clipped to the plot area
  const body: string[] = [];
  const labels: string[] = [];
  const legend: { label: string; color: string; kind: "line" | "marker" | "bar"; dash?: string; shape?: MarkerLayer["shape"] }[] = [];
  let colorIndex = 0;
  const nextColor = () => PALETTE[colorIndex++ % PALETTE.length]!;
  for (const l of layers) {
    switch (l.type) {
      case "heatmap": {
        let lo = l.range?.[0] ?? Infinity, hi = l.range?.[1] ?? -Infinity;
        if (!l.range) for (let q = 0; q < l.values.length; q++) if (Number.isFinite(l.values[q]!)) [lo, hi] = [Math.min(lo, l.values[q]!), Math.max(hi, l.values[q]!)];
        const dx = l.nx > 1 ? (l.x[1] - l.x[0]) / (l.nx - 1) : 1, dy = l.ny > 1 ? (l.y[1] - l.y[0]) / (l.ny - 1) : 1;
        const cells: string[] = [];
        for (let i = 0; i < l.nx; i++) {
          for (let j = 0; j < l.ny; j++) {
            const val = l.values[i * l.ny + j]!;
            if (!Number.isFinite(val)) continue;
            const cx = l.x[0] + i * dx, cy = l.y[0] + j * dy;
            const a = sx(cx - dx / 2), b = sx(cx + dx / 2), c = sy(cy + dy / 2), d = sy(cy - dy / 2);
            cells.push(`<rect x="${r2(a)}" y="${r2(c)}" width="${r2(b - a + 0.5)}" height="${r2(d - c + 0.5)}" fill="${colorAt(hi > lo ? (val - lo) / (hi - lo) : 0)}"/>`);
          }
        }
        body.push(`<g class="heatmap">${cells.join("")}</g>`);
        if (l.contours?.length) {
          let d = "";
          for (const level of l.contours) for (const [ax, ay, bx, by] of contourSegments(l, level)) d += `M${r2(sx(ax))},${r2(sy(ay))}L${r2(sx(bx))},${r2(sy(by))}`;
          body.push(`<path class="contours" d="${d}" stroke="#fff" stroke-opacity="0.55" stroke-width="0.8" fill="none"/>`);
        }
        break;
      }
      case "bars": {
        const color = l.color ?? nextColor();
        const base = yLog ? y0 : sy(0);
        let d = "";
        for (let i = 0; i < l.heights.length && i + 1 < l.edges.length; i++) {
          const a = sx(l.edges[i]!);
          const b = sx(l.edges[i + 1]!);
          const h = sy(l.heights[i]!);
          if (![a, b, h].every(Number.isFinite)) continue;
          d += `M${r2(a)},${r2(base)}V${r2(h)}H${r2(b)}V${r2(base)}Z`;
        }
        body.push(`<path d="${d}" fill="${color}" fill-opacity="${l.opacity ?? 0.45}" stroke="${color}" stroke-width="0.8"/>`);
        if (l.label) legend.push({ label: l.label, color, kind: "bar" });
        break;
      }
      case "line": {
        const color = l.color ?? nextColor();
        const d = linePath(l.x, l.y, sx, sy);
        if (l.fillOpacity && d) {
          const first = d.match(/^M([-\d.]+)/)?.[1];
          const lastX = d.match(/([-\d.]+),[-\d.]+$/)?.[1];
          body.push(`<path d="${d}L${lastX},${y0}L${first},${y0}Z" fill="${color}" fill-opacity="${l.fillOpacity}" stroke="none"/>`);
        }
        body.push(`<path d="${d}" fill="none" stroke="${color}" stroke-width="${l.width ?? 2}" stroke-linejoin="round"${l.dash ? ` stroke-dasharray="${l.dash}"` : ""}/>`);
        if (l.label) legend.push({ label: l.label, color, kind: "line", ...(l.dash ? { dash: l.dash } : {}) });
        break;
      }
      case "markers": {
        const color = l.color ?? nextColor();
        const s = l.size ?? 4.5;
        for (const p of l.points) {
          const px = sx(p.x);
          const py = sy(p.y);
          if (!Number.isFinite(px) || !Number.isFinite(py)) continue;
          body.push(`<path d="${markerPath(l.shape, px, py, s)}" fill="${color}" stroke="#fff" stroke-width="1">${p.title ? `<title>${escapeXml(p.title)}</title>` : ""}</path>`);
          if (p.label) {
            const dy = (l.labelPosition ?? "above") === "above" ? -s - 6 : s + 14;
            labels.push(`<text x="${r2(px)}" y="${r2(py + dy)}" text-anchor="middle" font-size="11" fill="${color}" paint-order="stroke" stroke="#fff" stroke-width="3">${escapeXml(p.label)}</text>`);
          }
        }
        if (l.label) legend.push({ label: l.label, color, kind: "marker", shape: l.shape });
        break;
      }
      case "errorbars": {
        const color = l.color ?? "#333";
        let d = "";
        for (const p of l.points) {
          const px = sx(p.x);
          const a = sy(p.lower);
          const b = sy(p.upper);
          if (![px, a, b].every(Number.isFinite)) continue;
          d += `M${r2(px)},${r2(a)}V${r2(b)}M${r2(px - 3)},${r2(a)}h6M${r2(px - 3)},${r2(b)}h6`;
        }
        body.push(`<path d="${d}" stroke="${color}" stroke-width="1.2" fill="none"/>`);
        break;
      }
      case "rule": {
        const color = l.color ?? "#777";
        const dash = l.dash ?? "3 3";
        if (l.x !== undefined && Number.isFinite(sx(l.x))) {
          const px = r2(sx(l.x));
          body.push(`<path d="M${px},${y0}V${y1}" stroke="${color}" stroke-dasharray="${dash}"/>`);
          if (l.label) labels.push(`<text x="${px + 4}" y="${y1 + 12}" font-size="11" fill="${color}">${escapeXml(l.label)}</text>`);
        }
        if (l.y !== undefined && Number.isFinite(sy(l.y))) {
          const py = r2(sy(l.y));
          body.push(`<path d="M${x0},${py}H${x1}" stroke="${color}" stroke-dasharray="${dash}"/>`);
          if (l.label) labels.push(`<text x="${x1 - 4}" y="${py - 4}" text-anchor="end" font-size="11" fill="${color}">${escapeXml(l.label)}</text>`);
        }
        break;
      }
      case "arrow": {
        const color = l.color ?? "#444";
        const ax = sx(l.from[0]);
        const ay = sy(l.from[1]);
        const bx = sx(l.to[0]);
        const by = sy(l.to[1]);
        if (![ax, ay, bx, by].every(Number.isFinite)) break;
        const len = Math.hypot(bx - ax, by - ay) || 1;
        const ux = (bx - ax) / len;
        const uy = (by - ay) / len;
        const head = (x: number, y: number, dir: number) => {
          const hx = x - dir * ux * 7;
          const hy = y - dir * uy * 7;
          return `M${r2(hx - uy * 3.5)},${r2(hy + ux * 3.5)}L${r2(x)},${r2(y)}L${r2(hx + uy * 3.5)},${r2(hy - ux * 3.5)}`;
        };
        // short arrows get end ticks instead of heads, which would overlap
        const ends = len >= 18 ? `${head(bx, by, 1)}${head(ax, ay, -1)}` : `M${r2(ax - uy * 4)},${r2(ay + ux * 4)}l${r2(uy * 8)},${r2(-ux * 8)}M${r2(bx - uy * 4)},${r2(by + ux * 4)}l${r2(uy * 8)},${r2(-ux * 8)}`;
        body.push(`<path d="M${r2(ax)},${r2(ay)}L${r2(bx)},${r2(by)}${ends}" stroke="${color}" stroke-width="1.3" fill="none"/>`);
        if (l.label) labels.push(`<text x="${r2((ax + bx) / 2 + 6)}" y="${r2((ay + by) / 2 + 4)}" font-size="11" fill="${color}" paint-order="stroke" stroke="#fff" stroke-width="3">${escapeXml(l.label)}</text>`);
        break;
      }
    }
  }
  out.push(`<g clip-path="url(#${id}-clip)">${body.join("")}</g>`);
  out.push(`<g class="labels">${labels.join("")}</g>`);

  const corner = options.legend ?? "top-right";
  if (legend.length && corner !== "none") {
    const w = 26 + Math.max(...legend.map((e) => e.label.length)) * 6.6;
    const h = legend.length * 17 + 6;
    const lx = corner.endsWith("right") ? x1 - w - 6 : x0 + 6;
    const ly = corner.startsWith("top") ? y1 + 6 : y0 - h - 6;
    const items = legend.map((e, i) => {
      const cy = ly + 12 + i * 17;
      const sym =
        e.kind === "line"
          ? `<path d="M${lx + 6},${cy - 4}h16" stroke="${e.color}" stroke-width="2"${e.dash ? ` stroke-dasharray="${e.dash}"` : ""}/>`
          : e.kind === "bar"
            ? `<rect x="${lx + 7}" y="${cy - 9}" width="14" height="10" fill="${e.color}" fill-opacity="0.45" stroke="${e.color}"/>`
            : `<path d="${markerPath(e.shape, lx + 14, cy - 4, 4)}" fill="${e.color}"/>`;
      return `${sym}<text x="${lx + 26}" y="${cy}">${escapeXml(e.label)}</text>`;
    });
    out.push(`<g class="legend"><rect x="${r2(lx)}" y="${r2(ly)}" width="${r2(w)}" height="${h}" fill="#fff" fill-opacity="0.88" stroke="#ccc" rx="3"/>${items.join("")}</g>`);
  }
  out.push("</svg>");
  return out.join("");
}
