// simulate() in headless Chromium (the built dist/kramers.mjs): Web Workers from the generated
// source (Blob URL) give the same bits as one thread, and both give the same bits as Node.
import { afterAll, beforeAll, expect, it } from "vitest";
import { simulate, type SimulateOptions } from "../src/langevin/index.js";
import { describeBrowser, launchBrowser, serve, type BrowserSession, type StaticServer } from "./helpers/browser.js";

const options: SimulateOptions = { potential: "x^4/4 - x^2/2", kT: 0.1, from: -1, to: 0.5, particles: 9000, dt: 0.01, tmax: 300, seed: 5 };

describeBrowser("simulate() in a real browser", () => {
  let server: StaticServer;
  let browser: BrowserSession;
  beforeAll(async () => {
    server = await serve({ "/dist/": "dist" });
    browser = await launchBrowser();
    await browser.page.goto(`${server.origin}/dist/kramers.mjs`);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("runs on Web Workers with the same bits as one thread and as Node", async () => {
    // a source string: the test runner would rewrite a dynamic import() inside a function
    const inPage = (await browser.page.evaluate(`(async () => {
      const o = ${JSON.stringify(options)};
      const k = await import("/dist/kramers.mjs");
      const one = await k.simulate(o);
      const two = await k.simulate({ ...o, workers: 2 });
      return { one: { mfpt: one.mfpt, rate: one.rate, times: Array.from(one.times) }, two: { mfpt: two.mfpt, workers: two.workers, times: Array.from(two.times) } };
    })()`)) as { one: { mfpt: number; rate: number; times: number[] }; two: { mfpt: number; workers: number; times: number[] } };
    expect(inPage.two.workers).toBe(2);
    expect(inPage.two.times).toEqual(inPage.one.times);
    const node = await simulate(options);
    expect(inPage.one.mfpt).toBe(node.mfpt);
    expect(inPage.one.rate).toBe(node.rate);
    expect(inPage.one.times).toEqual(Array.from(node.times!));
    // (the page itself is a script URL: the only console error allowed is the missing favicon)
    expect(browser.errors.filter((e) => !e.includes("404"))).toEqual([]);
  });
});
