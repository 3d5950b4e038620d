// The SVG layer, read back the way a person reads a plot: from tick labels and pixel positions.
import { describe, expect, it } from "vitest";
import { KramersError } from "../src/errors.js";
import { linearTicks, logTicks, makeScale, niceStep, plotChart, plotDensity, plotHistogram, plotPotential, plotTurnover } from "../src/plot/index.js";

/** Tags balance and every attribute is quoted: a cheap well-formedness check without a DOM. */
function expectWellFormed(svg: string): void {
  expect(svg.startsWith("<svg")).toBe(true);
  expect(svg).not.toMatch(/NaN|undefined|Infinity/);
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)([^>]*?)(\/?)>/g)) {
    const [, close, name, attrs, self] = m;
    expect(attrs!.replace(/\s[\w:-]+="[^"]*"/g, "").trim(), `attributes of <${name}>`).toBe("");
    if (self) continue;
    if (close) expect(stack.pop()).toBe(name);
    else stack.push(name!);
  }
  expect(stack).toEqual([]);
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, "&").replace(/−/g, "-");

/** The inverse of an axis, from two tick labels and their pixel positions. */
function axisFromTicks(svg: string, axis: "x" | "y", log = false): (px: number) => number {
  const re = axis === "x" ? /<line x1="([-\d.]+)" x2="[-\d.]+" y1="[-\d.]+" y2="[-\d.]+" stroke="#333"\/><text x="[-\d.]+" y="[-\d.]+" text-anchor="middle">([^<]+)<\/text>/g : /<line x1="[-\d.]+" x2="[-\d.]+" y1="([-\d.]+)" y2="[-\d.]+" stroke="#333"\/><text x="[-\d.]+" y="[-\d.]+" text-anchor="end">([^<]+)<\/text>/g;
  const ticks = [...svg.matchAll(re)].map((m) => ({ px: Number(m[1]), v: Number(unescape(m[2]!)) }));
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  const a = ticks[0]!;
  const b = ticks.at(-1)!;
  const f = log ? Math.log10 : (v: number) => v;
  return (px) => {
    const t = f(a.v) + ((px - a.px) / (b.px - a.px)) * (f(b.v) - f(a.v));
    return log ? 10 ** t : t;
  };
}

/** Pixel points of the first `<path>` stroked with `color` (a polyline "M..L..L.."). */
function polyline(svg: string, color: string): [number, number][] {
  const m = svg.match(new RegExp(`<path d="(M[^"]+)" fill="none" stroke="${color}"`));
  expect(m, `a line in ${color}`).not.toBeNull();
  return [...m![1]!.matchAll(/[ML]([-\d.]+),([-\d.]+)/g)].map((p) => [Number(p[1]), Number(p[2])]);
}

describe("scales and ticks", () => {
  it("chooses 1-2-5 steps near span/count", () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(1, 4)).toBe(0.2);
    expect(niceStep(0.037, 6)).toBeCloseTo(0.005, 15);
    expect(niceStep(730, 6)).toBe(100);
  });

  it("puts linear ticks on multiples of the step inside the interval, without float noise", () => {
    const { ticks, step } = linearTicks(-0.73, 1.21, 6);
    expect(step).toBe(0.5);
    expect(ticks).toEqual([-0.5, 0, 0.5, 1]);
    expect(linearTicks(0.1, 0.7, 6).ticks).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  });

  it("puts log ticks on decades, with 1-2-5 sub-ticks on short axes", () => {
    expect(logTicks(1e-5, 1e3)).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000]);
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
  });

  it("maps the niced domain onto the pixel range, and non-positive values to NaN on a log axis", () => {
    const s = makeScale({ domain: [0.13, 0.91], range: [0, 100] });
    // span 0.78 / 6 ticks → step 0.1 → [0.1, 1]
    expect(s.domain).toEqual([0.1, 1]);
    expect(s(0.55)).toBeCloseTo(50, 12);
    const l = makeScale({ domain: [0.003, 70], range: [100, 0], log: true });
    expect(l.domain).toEqual([0.001, 100]);
    expect(l(1)).toBeCloseTo(40, 12);
    expect(l(0)).toBeNaN();
  });
});

describe("plotChart", () => {
  it("draws a line where the axes say it is", () => {
    const xs = [0, 0.5, 1, 1.5, 2];
    const svg = plotChart({ layers: [{ type: "line", x: xs, y: xs.map((x) => x * x), color: "#123456" }], x: { label: "x" }, y: { label: "y" } });
    expectWellFormed(svg);
    const ix = axisFromTicks(svg, "x");
    const iy = axisFromTicks(svg, "y");
    const pts = polyline(svg, "#123456");
    expect(pts).toHaveLength(5);
    // pixel coordinates are rounded to 0.01 px; the axes span ~500 px for ~2-4 units
    pts.forEach(([px, py], i) => {
      expect(ix(px)).toBeCloseTo(xs[i]!, 3);
      expect(iy(py)).toBeCloseTo(xs[i]! ** 2, 3);
    });
  });

  it("breaks lines at non-finite points instead of writing NaN", () => {
    const svg = plotChart({ layers: [{ type: "line", x: [0, 1, 2, 3], y: [1, NaN, 2, 3], color: "#abcdef" }] });
    expectWellFormed(svg);
    expect(svg.match(/<path d="(M[^"]+)" fill="none" stroke="#abcdef"/)![1]!.match(/M/g)).toHaveLength(2);
  });

  it("escapes text", () => {
    const svg = plotChart({ title: "a<b & \"c\"", layers: [{ type: "line", x: [0, 1], y: [0, 1], label: "<x>" }] });
    expectWellFormed(svg);
    expect(svg).toContain("a&lt;b &amp; &quot;c&quot;");
  });
});

describe("plotPotential", () => {
  it("marks the minima at ±1 (U″ = 2) and the barrier at 0 (U″ = −1) of x⁴/4 − x²/2", () => {
    const svg = plotPotential({ potential: "x^4/4 - x^2/2", domain: [-2, 2], kT: 0.05 });
    expectWellFormed(svg);
    const minima = [...svg.matchAll(/<title>minimum x=(\S+) U=(\S+) U″=(\S+)<\/title>/g)].map((m) => m.slice(1).map(Number));
    const maxima = [...svg.matchAll(/<title>maximum x=(\S+) U=(\S+) U″=(\S+)<\/title>/g)].map((m) => m.slice(1).map(Number));
    expect(minima).toHaveLength(2);
    expect(maxima).toHaveLength(1);
    // bisection on U′ to ~1e-13 relative; closed forms x = ±1, U = −1/4, U″ = 3x² − 1
    expect(minima[0]![0]).toBeCloseTo(-1, 10);
    expect(minima[1]![0]).toBeCloseTo(1, 10);
    expect(minima[0]![1]).toBeCloseTo(-0.25, 12);
    expect(minima[0]![2]).toBeCloseTo(2, 9);
    expect(maxima[0]![0]).toBeCloseTo(0, 10);
    expect(maxima[0]![2]).toBeCloseTo(-1, 9);
    // ΔU = 1/4 = 5 kT, labelled on both sides
    expect(svg.match(/ΔU=0\.25 \(5 kT\)/g)).toHaveLength(2);
  });

  it("draws U(x) at the right height", () => {
    const svg = plotPotential({ potential: "x^4/4 - x^2/2", domain: [-2, 2], samples: 81, curvature: false, barriers: false });
    const ix = axisFromTicks(svg, "x");
    const iy = axisFromTicks(svg, "y");
    const pts = polyline(svg, "#0072B2");
    expect(pts).toHaveLength(81);
    // 0.01 px rounding over ~2.5 units / 290 px → ~1e-4 in U
    for (const [px, py] of pts) {
      const x = ix(px);
      expect(iy(py)).toBeCloseTo(x ** 4 / 4 - x ** 2 / 2, 3);
    }
  });

  it("uses the minima and maxima it is given (e.g. from landscape)", () => {
    const svg = plotPotential({ potential: "x^2", domain: [-1, 1], landscape: { minima: [{ x: 0.5, U: 0.25, curvature: 2 }], maxima: [] } });
    expect(svg).toContain("<title>minimum x=0.5 U=0.25 U″=2</title>");
  });

  it("rejects bad options with a KramersError naming the option", () => {
    expect(() => plotPotential({ potential: "x^2", domain: [1, -1] })).toThrow(/domain/);
    expect(() => plotPotential({ potential: "x^2", kT: -1 })).toThrow(KramersError);
    expect(() => plotPotential({ potential: "x^2", colour: "red" } as never)).toThrow(/unknown option "colour"/);
    expect(() => plotPotential({ potential: "x^(" })).toThrow(KramersError);
  });
});

describe("plotDensity", () => {
  it("draws exp(−U/kT)/Z: for U = x²/2, kT = 1 the peak is 1/√(2π)", () => {
    const svg = plotDensity({ potential: "x^2/2", kT: 1, domain: [-8, 8], samples: 401 });
    expectWellFormed(svg);
    const iy = axisFromTicks(svg, "y");
    const peak = Math.min(...polyline(svg, "#0072B2").map(([, py]) => py));
    // trapezoid normalisation on 401 points is exact to ~1e-6 for a Gaussian; pixels to ~1e-4
    expect(iy(peak)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 3);
  });

  it("does not overflow at low kT (βΔU = 1e4)", () => {
    const svg = plotDensity({ potential: "x^4/4 - x^2/2", kT: 2.5e-5, domain: [-2, 2], logY: true });
    expectWellFormed(svg);
  });

  it("needs kT with a potential", () => {
    expect(() => plotDensity({ potential: "x^2" })).toThrow(/kT/);
    expect(() => plotDensity({})).toThrow(KramersError);
  });
});

describe("plotHistogram", () => {
  // exponential samples by inversion of a fixed LCG (seeded, so the test is deterministic)
  let s = 12345;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const times = Array.from({ length: 4000 }, () => -Math.log(rnd()) / 0.5);

  it("normalises bars to a density (total area 1) and fits k = 1/mean", () => {
    const svg = plotHistogram({ samples: times, bins: 20 });
    expectWellFormed(svg);
    const ix = axisFromTicks(svg, "x");
    const iy = axisFromTicks(svg, "y");
    const bars = [...svg.match(/<path d="([^"]+)" fill="#0072B2" fill-opacity/)![1]!.matchAll(/M([-\d.]+),([-\d.]+)V([-\d.]+)H([-\d.]+)/g)];
    expect(bars).toHaveLength(20);
    const area = bars.reduce((a, m) => a + (ix(Number(m[4])) - ix(Number(m[1]))) * (iy(Number(m[3])) - iy(Number(m[2]))), 0);
    expect(area).toBeCloseTo(1, 3);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const k = Number(svg.match(/fit k=([\d.e-]+)/)![1]);
    expect(k).toBeCloseTo(1 / mean, 3);
    // and the fit is within its own 95 % interval of the true rate 0.5 (1.96/√4000 ≈ 3 %)
    expect(Math.abs(k - 0.5)).toBeLessThan(0.5 * 1.96 / Math.sqrt(4000));
  });

  it("rejects empty samples", () => {
    expect(() => plotHistogram({ samples: [] })).toThrow(/no finite values/);
  });
});

describe("plotTurnover", () => {
  it("draws log–log axes on decades and drops non-positive rates", () => {
    const gamma = Array.from({ length: 30 }, (_, i) => 10 ** (-2 + (4 * i) / 29));
    const svg = plotTurnover({ gamma, curves: [{ label: "k ∝ γ", rate: gamma.map((g) => (g < 0.02 ? 0 : 0.1 * g)) }], points: [{ gamma: 1, rate: 0.1, lower: 0.08, upper: 0.12 }] });
    expectWellFormed(svg);
    const ix = axisFromTicks(svg, "x", true);
    const iy = axisFromTicks(svg, "y", true);
    const pts = polyline(svg, "#0072B2");
    expect(pts).toHaveLength(gamma.filter((g) => g >= 0.02).length);
    for (const [px, py] of pts) expect(iy(py) / (0.1 * ix(px))).toBeCloseTo(1, 2);
  });

  it("needs gamma for curves, and curves of the same length", () => {
    expect(() => plotTurnover({ curves: [{ label: "a", rate: [1] }] })).toThrow(/gamma/);
    expect(() => plotTurnover({ gamma: [1, 2], curves: [{ label: "a", rate: [1] }] })).toThrow(/1 values but gamma has 2/);
  });
});

describe("log ticks over many decades", () => {
  it("labels every n-th decade on multiples of n", () => {
    expect(logTicks(1e-78, 1)).toEqual([1e-70, 1e-60, 1e-50, 1e-40, 1e-30, 1e-20, 1e-10, 1]);
    expect(logTicks(1e-12, 1e2)).toEqual([1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1, 100]);
  });
});

describe("plotPotential marks", () => {
  it("draws a labelled vertical line at each mark, where the x-axis says", () => {
    const svg = plotPotential({ potential: "x^4/4 - x^2/2", domain: [-2, 2], marks: [{ x: -1, label: "from" }, { x: 0.5, label: "to" }] });
    const ix = axisFromTicks(svg, "x");
    const rules = [...svg.matchAll(/<path d="M([-\d.]+),[-\d.]+V[-\d.]+" stroke="#E69F00"/g)].map((m) => ix(Number(m[1])));
    expect(rules).toHaveLength(2);
    expect(rules[0]).toBeCloseTo(-1, 3);
    expect(rules[1]).toBeCloseTo(0.5, 3);
    expect(svg).toContain(">from</text>");
    expect(() => plotPotential({ potential: "x^2", marks: [{ x: NaN }] })).toThrow(/marks\[0\]\.x/);
  });
});

describe("plotLandscape2D", () => {
  it("draws U as coloured cells with contours, and the path, minima and transition states of a barrier analysis at their coordinates", async () => {
    const { plotLandscape2D } = await import("../src/plot/index.js");
    const { barrierND } = await import("../src/landscape/nd/index.js");
    const { muellerBrown } = await import("../src/potential/nd.js");
    const b = barrierND({ potential: muellerBrown(), from: [-0.5, 1.5], to: [0.6, 0] });
    const svg = plotLandscape2D({ potential: muellerBrown(), barrier: b, kT: 15, samples: 40, width: 400, height: 300 });
    // 40 × 40 finite cells, a contour path, the legend's three entries
    expect(svg.match(/<rect x=/g)!.length).toBeGreaterThanOrEqual(1600);
    expect(svg).toContain('class="contours"');
    for (const label of ["minimum-energy path", "minima", "transition states"]) expect(svg).toContain(label);
    // the hover titles carry the stationary points (3 minima, 2 saddles) with U in kT above the lowest minimum
    expect(svg.match(/<title>minimum \(/g)).toHaveLength(3);
    expect(svg.match(/<title>transition state \(/g)).toHaveLength(2);
    expect(svg).toMatch(/transition state \(-0\.8220, 0\.6243\), U = -40\.66 \(7\.1 kT\)/);
    // the colour map runs low (dark purple) to high (yellow, where U is clipped 12 kT above the lowest minimum)
    expect(svg).toContain("rgb(253,231,37)");
    const colors = [...svg.matchAll(/fill="rgb\((\d+),(\d+),(\d+)\)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(colors.some(([r, g]) => r! < 75 && g! < 40)).toBe(true);
    expect(() => plotLandscape2D({ potential: "x^2 + y^2 + z^2", domain: [[-1, 1], [-1, 1]] })).toThrow(/2-D/);
    expect(() => plotLandscape2D({ potential: "x^2 + y^2" })).toThrow(expect.objectContaining({ code: "BAD_DOMAIN" }));
  });
});
