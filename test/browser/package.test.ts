// The built package in a real browser: a page on 127.0.0.1 imports /dist/kramers.mjs from a plain
// <script type="module"> (no bundler, no import map, no fetch of a .wasm file), loads the WASM core,
// builds a potential, finds its landscape and computes an MFPT; the numbers must match Node's.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, ROOT, serve, type BrowserSession, type StaticServer } from "../helpers/browser.js";
// @ts-expect-error: plain .mjs shared with the page
import { compute } from "./pages/compute.mjs";

interface Computed {
  error?: string;
  exports: string[];
  wasmValues: number[];
  minima: number[][];
  maxima: number[][];
  mfpt?: number;
  mfptRate?: number;
}

describeBrowser("the built package in headless Chromium", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  let inBrowser: Computed;
  let inNode: Computed;

  beforeAll(async () => {
    expect(existsSync(join(ROOT, "dist/kramers.mjs")), "dist/kramers.mjs (npm test builds it)").toBe(true);
    server = await serve({ "/": "test/browser/pages", "/dist/": "dist" });
    browser = await launchBrowser();
    await browser.page.goto(`${server.origin}/package.html`);
    await browser.page.waitForSelector("body[data-done]", { timeout: 60_000 });
    inBrowser = (await browser.page.evaluate("window.kramersResult")) as Computed;
    const k = await import(join(ROOT, "dist/kramers.mjs"));
    inNode = (await compute(k)) as Computed;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("imports the bundle and runs without errors", () => {
    expect(inBrowser.error, inBrowser.error).toBeUndefined();
    expect(browser.errors).toEqual([]);
    expect(inBrowser.exports).toEqual(inNode.exports);
  });

  it("evaluates U, U′, U″ in WASM bit-for-bit as Node does", () => {
    // the same .wasm with IEEE arithmetic and WASM's own Math: results must be identical
    expect(inBrowser.wasmValues).toEqual(inNode.wasmValues);
    // and they are right: U′(1) = 1 − 1 + 0.05, U″(0.4) = 3·0.16 − 1
    expect(inBrowser.wasmValues[5 * 3 + 1]).toBeCloseTo(0.05, 14);
    expect(inBrowser.wasmValues[4 * 3 + 2]).toBeCloseTo(-0.52, 14);
  });

  it("finds the same landscape", () => {
    expect(inBrowser.minima).toHaveLength(2);
    expect(inBrowser.maxima).toHaveLength(1);
    // JS engines may differ in the last ulp of Math.pow & co.; 1e-12 relative is far below any physics
    inBrowser.minima.flat().forEach((v, i) => expect(v).toBeCloseTo(inNode.minima.flat()[i]!, 12));
    inBrowser.maxima.flat().forEach((v, i) => expect(v).toBeCloseTo(inNode.maxima.flat()[i]!, 12));
  });

  it("computes the same MFPT as Node", () => {
    expect(inNode.mfpt, "mfpt is exported by the package").toBeTypeOf("number");
    expect(inBrowser.mfpt).toBeTypeOf("number");
    expect(Number.isFinite(inBrowser.mfpt!) && inBrowser.mfpt! > 0).toBe(true);
    // same quadrature, same inputs: agreement to 1e-12 relative (engine-level Math differences only)
    expect(Math.abs(inBrowser.mfpt! / inNode.mfpt! - 1)).toBeLessThan(1e-12);
  });

  it("gets an MFPT that an independent trapezoid double integral confirms", () => {
    // T = (γ/kT) ∫_a^b dy e^{β(U(y)−U_a)} ∫_L^y dz e^{−β(U(z)−U_a)} with γ = 1 and L = a − 2 (the
    // neglected e^{−β(U−U_a)} beyond L is below e^{−200}). Exponents are shifted by U_a, so nothing
    // overflows. Trapezoid rule on a grid with nodes at a and b; its O(h²) error at h = 1e-4 is ~1e-8.
    const U = (x: number) => x ** 4 / 4 - x ** 2 / 2 + 0.05 * x;
    const kT = 0.05;
    const [a, b] = [inBrowser.minima[0]![0]!, inBrowser.minima[1]![0]!];
    const Ua = U(a);
    const N = 20_000;
    const h = (b - a) / N;
    const m = Math.ceil(2 / h);
    let inner = 0;
    let outer = 0;
    let prevW = Math.exp(-(U(a - m * h) - Ua) / kT);
    let prevF = 0;
    for (let i = 1; i <= m + N; i++) {
      const y = a + (i - m) * h;
      const w = Math.exp(-(U(y) - Ua) / kT);
      inner += 0.5 * h * (w + prevW);
      prevW = w;
      const f = Math.exp((U(y) - Ua) / kT) * inner;
      if (i > m) outer += 0.5 * h * (f + prevF);
      prevF = f;
    }
    const T = outer / kT;
    expect(Math.abs(T / inBrowser.mfpt! - 1)).toBeLessThan(1e-8); // observed: 2e-11
  });
});
