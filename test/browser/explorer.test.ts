// The explorer page in headless Chromium: it loads and draws every figure, a slider change updates
// the rate (checked against the Arrhenius law), the workers run (live ensemble frames, an escape
// ensemble with progress), the 2-D section analyses a saddle, and a screenshot is saved.
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { describeBrowser, launchBrowser, serve, type BrowserSession, type StaticServer } from "../helpers/browser.js";

/** A number as the page prints it (4 significant digits, maybe "9.482e-4"). */
const num = (s: string | null) => Number((s ?? "").trim());

describeBrowser("the explorer page in headless Chromium", () => {
  let server: StaticServer;
  let browser: BrowserSession;

  beforeAll(async () => {
    server = await serve({ "/": "examples/explorer", "/dist/": "dist" });
    browser = await launchBrowser();
    await browser.page.goto(`${server.origin}/`);
    await browser.page.waitForSelector("#fig-potential svg", { timeout: 60_000 });
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("loads and draws the potential with its minima and barrier, the density and the rates", async () => {
    const { page } = browser;
    // default preset: x⁴/4 − x²/2, two minima and one barrier top
    expect(await page.locator("#fig-potential svg title", { hasText: "minimum" }).count()).toBe(2);
    expect(await page.locator("#fig-potential svg title", { hasText: "maximum" }).count()).toBe(1);
    expect(await page.locator("#fig-density svg").count()).toBe(1);
    expect(num(await page.textContent("#headline-rate"))).toBeGreaterThan(0);
    expect(await page.locator("#rates tbody tr").count()).toBeGreaterThanOrEqual(3);
    await page.waitForSelector("#fig-turnover svg", { timeout: 60_000 });
    expect(browser.errors).toEqual([]);
  });

  it("updates the rate when the kT slider moves, as exp(−ΔU/kT) says", async () => {
    const { page } = browser;
    // the kT slider is logarithmic: kT = 10^value (read the exact value, not the 4-digit label)
    const sliderKT = async () => 10 ** Number(await page.locator("#kT").inputValue());
    const kT0 = await sliderKT();
    const k0 = num(await page.textContent("#rate-kramersFull"));
    const head0 = await page.textContent("#headline-rate");
    // move the (log) slider from log10(0.05) up to log10(0.08), as a user's drag would
    await page.locator("#kT").evaluate((el: HTMLInputElement) => {
      el.value = String(Math.log10(0.08));
      el.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await page.waitForFunction((h) => document.getElementById("headline-rate")!.textContent !== h, head0);
    const kT1 = await sliderKT();
    const k1 = num(await page.textContent("#rate-kramersFull"));
    expect(kT1).toBeCloseTo(0.08, 2); // the slider's 0.01 step in log10 kT
    expect(num(await page.textContent("#kT-value"))).toBeCloseTo(kT1, 4);
    // full Kramers' prefactor does not depend on kT, so k1/k0 = exp(−ΔU (1/kT1 − 1/kT0)) with ΔU = 1/4.
    // The page prints rates to 4 significant digits (≤ 5e-4 relative each): allow 2e-3.
    const expected = Math.exp(-0.25 * (1 / kT1 - 1 / kT0));
    expect(Math.abs(k1 / k0 / expected - 1)).toBeLessThan(2e-3);
    expect(num(await page.textContent("#headline-barrier"))).toBeCloseTo(0.25 / kT1, 2);
    // the view is in the URL, so it can be shared
    expect(new URL(page.url()).hash).toContain(`kT=${await page.locator("#kT").inputValue()}`);
    expect(browser.errors).toEqual([]);
  });

  it("animates a live ensemble from a worker and runs an escape ensemble with progress", async () => {
    const { page } = browser;
    const frames0 = Number(await page.locator("#fig-potential").getAttribute("data-frames"));
    await page.waitForFunction((f) => Number(document.getElementById("fig-potential")!.dataset.frames) > f + 5, frames0, { timeout: 30_000 });
    // a rebuilt figure redraws the last frame at once (the page keeps it), so the walkers never vanish
    await page.waitForFunction(() => document.querySelectorAll("#fig-potential svg g.walkers circle").length > 100, null, { timeout: 10_000 });

    await page.click("#run");
    // progress shows while the worker runs, and the page stays responsive meanwhile
    await page.waitForFunction(() => /ensemble/.test(document.getElementById("status")!.textContent ?? ""), null, { timeout: 60_000 });
    const t0 = Date.now();
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    expect(Date.now() - t0).toBeLessThan(1000);
    await page.waitForSelector("#fig-histogram svg", { timeout: 120_000 });
    await page.waitForFunction(() => /escaped/.test(document.getElementById("ensemble-summary")!.textContent ?? ""), null, { timeout: 10_000 });
    const simulated = num(await page.textContent("#rate-simulated"));
    const escaped = Number((await page.textContent("#ensemble-summary"))!.match(/(\d+) escaped/)![1]);
    expect(escaped).toBeGreaterThan(100);
    // when the package has simulate(), the page must use it (not its own fallback walkers)
    if ((await page.textContent("#build"))!.includes("simulate ✓")) expect(await page.textContent("#ensemble-summary")).toContain("simulate()");
    // The reference: the exact 1/MFPT of the same underdamped dynamics (Kramers equation, well bottom
    // with Maxwellian velocities → next well bottom), which the page computes in its worker.
    await page.waitForSelector("#rate-exactMfptRate", { timeout: 60_000 });
    const exact = num(await page.textContent("#rate-exactMfptRate"));
    // Rate MLE from `escaped` events: relative standard error 1/√escaped; allow 4σ plus 2 % for the
    // integrator's finite dt and the page's 4-digit rounding. The seed is fixed, so this is reproducible.
    expect(Math.abs(simulated / exact - 1)).toBeLessThan(4 / Math.sqrt(escaped) + 0.02);
    expect(await page.locator("#fig-turnover svg circle, #fig-turnover svg path[fill='#000']").count()).toBeGreaterThan(0);
    expect(browser.errors).toEqual([]);
  });

  it("analyses a 2-D landscape in the worker: saddle, path, Langer's rate against the exact 1/MFPT and λ₁/2", async () => {
    const { page } = browser;
    await page.click("#run2d");
    await page.waitForSelector("#fig-landscape2d svg", { timeout: 60_000 });
    expect(await page.locator("#fig-landscape2d svg title", { hasText: "transition state" }).count()).toBe(1);
    await page.waitForFunction(() => /\d/.test(document.getElementById("l2d-lambda")?.textContent ?? ""), null, { timeout: 120_000 });
    const langer = num(await page.textContent("#l2d-langer")), mfpt = num(await page.textContent("#l2d-mfpt")), lambda = num(await page.textContent("#l2d-lambda"));
    // the library's own tests: Langer is 4.7 % above the exact rate at ΔU/kT = 10, and λ₁/2 = 1/MFPT
    // to ≈ 1e-4 there; the page shows 4 digits and solves to 1e-3
    expect(langer / mfpt).toBeGreaterThan(1.03);
    expect(langer / mfpt).toBeLessThan(1.065);
    expect(Math.abs(lambda / mfpt - 1)).toBeLessThan(3e-3);
    expect(browser.errors).toEqual([]);
  });

  it("takes a screenshot of every figure", async () => {
    const dir = mkdtempSync(join(tmpdir(), "kramers-explorer-"));
    const file = join(dir, "explorer.png");
    await browser.page.screenshot({ path: file, fullPage: true });
    console.log(`explorer screenshot: ${file}`);
    // a blank or broken page compresses to a few kB; five figures with text are far more
    expect(statSync(file).size).toBeGreaterThan(60_000);
  });
});
