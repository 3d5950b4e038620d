// N-D Langevin first passage (simulateND) against exact answers: the 2-D backward equation
// (gridMfpt2D) for a coupled potential, the Kramers equation for the underdamped dynamics of a
// separable one (the reaction coordinate's motion is exactly 1-D), engine agreement, seeds, errors.
import { describe, expect, it } from "vitest";
import { mfpt } from "../src/exact/index.js";
import { gridMfpt2D } from "../src/fokker-planck/nd/index.js";
import { simulateND } from "../src/langevin/simulate-nd.js";
import { fromFunctionND } from "../src/potential/nd.js";
import { kramersEquation } from "../src/turnover/index.js";

const coupled = "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2";

describe("simulateND, overdamped", () => {
  it("matches the exact MFPT of a coupled 2-D potential (backward equation) within 3.5 σ", async () => {
    // βΔU = 2: fast escape, 1000 walkers → σ ≈ 3 %; the bridge test leaves an O(dt) bias,
    // ≈ 0.1 % at dt·λ_max = 0.02, far below σ
    const exact = await gridMfpt2D({ potential: coupled, kT: 0.5, from: [-1, 0.3], target: { axis: 0, at: 1 }, domain: [[-2.8, 1.2], [-2.5, 3]] });
    expect(exact.warnings).toEqual([]);
    const sim = await simulateND({ potential: coupled, kT: 0.5, from: [-1, 0.3], target: { normal: [1, 0], offset: 1 }, dt: 0.002, tmax: 1000, particles: 1000, seed: 11 });
    expect(sim.censored).toBe(0);
    expect(Math.abs(sim.mfpt - exact.mfpt)).toBeLessThan(3.5 * Math.hypot(sim.stderr, exact.mfptError));
    // the exponential-MLE rate's exact CI covers 1/T (no censoring: rate = 1/mean)
    expect(sim.rate).toBeCloseTo(1 / sim.mfpt, 12);
  }, 60_000);

  it("equals the 1-D quadrature MFPT for a separable potential along any normal direction, in both engines to the bit", async () => {
    const ref = mfpt({ potential: "x^4/4 - x^2/2", kT: 1 / 8, from: -1, to: 1 }).mfpt;
    const base = { potential: "x^4/4 - x^2/2 + 2*y^2", kT: 1 / 8, from: [-1, 0], target: { normal: [2, 0], offset: 2 }, dt: 0.005, tmax: 2000, particles: 1000, seed: 3 };
    const w = await simulateND(base);
    expect(Math.abs(w.mfpt - ref)).toBeLessThan(3.5 * w.stderr);
    // a polynomial: the WASM program and the JS closures give the same forces, hence the same walk
    const j = await simulateND({ ...base, engine: "js", keepTimes: true });
    expect(j.mfpt).toBe(w.mfpt);
    expect(j.walkerSteps).toBe(w.walkerSteps);
    // same seed, same numbers; another seed, other numbers
    expect((await simulateND(base)).mfpt).toBe(w.mfpt);
    expect((await simulateND({ ...base, seed: 4 })).mfpt).not.toBe(w.mfpt);
  }, 60_000);
});

describe("simulateND, underdamped (BAOAB)", () => {
  it("matches the exact underdamped MFPT (Kramers equation) of the reaction coordinate of a separable potential within 3.5 σ", async () => {
    // The x motion of U = x⁴/4 − x²/2 + 2y² is the 1-D Langevin dynamics in x⁴/4 − x²/2, whose MFPT
    // from the bottom with Maxwellian velocities to x ≥ 1 the Kramers equation gives exactly.
    // 4000 walkers: σ ≈ 1.4 %; BAOAB's step bias at dt = 0.01 is ≲ 0.1 %.
    const exact = await kramersEquation({ potential: "x^4/4 - x^2/2", kT: 1 / 8, from: -1, to: 1, gamma: 1, domain: [-3, 3], compute: "mfpt" });
    const sim = await simulateND({ potential: "x^4/4 - x^2/2 + 2*y^2", kT: 1 / 8, from: [-1, 0], target: { normal: [1, 0], offset: 1 }, dt: 0.01, tmax: 3000, particles: 4000, seed: 2026, dynamics: "underdamped", gamma: 1 });
    expect(sim.censored).toBe(0);
    expect(Math.abs(sim.mfpt - exact.mfpt)).toBeLessThan(3.5 * Math.hypot(sim.stderr, exact.mfptError));
  }, 120_000);
});

describe("simulateND on workers", () => {
  it("gives the same numbers with 1 and 3 threads (chunks combined in order), WASM and JS", async () => {
    // 9000 walkers = 3 chunks of 4096; a fast escape keeps it short
    const base = { potential: "x^2/2 + y^2/2 + 0.1*x*y", kT: 1, from: [0, 0], target: { normal: [1, 1], offset: 1 }, dt: 0.01, tmax: 50, particles: 9000, seed: 8, keepTimes: true };
    const one = await simulateND(base);
    const three = await simulateND({ ...base, workers: 3 });
    expect(three.workers).toBe(3);
    expect(three.mfpt).toBe(one.mfpt);
    expect(three.rate).toBe(one.rate);
    expect(Array.from(three.times!)).toEqual(Array.from(one.times!));
    const js = await simulateND({ ...base, engine: "js" });
    expect(js.mfpt).toBe(one.mfpt);
  }, 60_000);
});

describe("simulateND input", () => {
  it("runs JS-function potentials in the JS engine and says so; refuses bad input", async () => {
    const p = fromFunctionND((x) => x[0]! ** 4 / 4 - x[0]! ** 2 / 2 + 2 * x[1]! ** 2, { dimension: 2, gradient: (x) => [x[0]! ** 3 - x[0]!, 4 * x[1]!] });
    const r = await simulateND({ potential: p, kT: 0.25, from: [-1, 0], target: { normal: [1, 0], offset: 1 }, dt: 0.01, tmax: 200, particles: 50, seed: 1 });
    expect(r.engine).toBe("js");
    expect(r.warnings.map((w) => w.code)).toContain("ENGINE_JS");
    const base = { potential: "x^2 + y^2", kT: 1, from: [0, 0], target: { normal: [1, 0], offset: 1 }, dt: 0.01, tmax: 10 };
    await expect(simulateND({ ...base, from: [2, 0] })).rejects.toThrow(/already in the target/);
    await expect(simulateND({ ...base, target: { normal: [0, 0], offset: 1 } })).rejects.toThrow(/non-zero/);
    await expect(simulateND({ ...base, target: { normal: [1], offset: 1 } })).rejects.toThrow(/normal/);
    await expect(simulateND({ ...base, tmax: 0.001 })).rejects.toThrow(/shorter than one step/);
    await expect(simulateND({ ...base, dt: 1e-12, tmax: 1e4 })).rejects.toThrow(/2\^32/);
    // progress ends at 1; an aborted run says so
    const seen: number[] = [];
    await simulateND({ ...base, particles: 20, seed: 2, onProgress: (q) => seen.push(q.fraction) });
    expect(seen[seen.length - 1]).toBe(1);
    const ctl = new AbortController();
    ctl.abort();
    await expect(simulateND({ ...base, tmax: 1e4, signal: ctl.signal })).rejects.toThrow(expect.objectContaining({ code: "ABORTED" }));
        // unbounded below: walkers run away to infinity
    await expect(simulateND({ ...base, potential: "-(x^4 + y^4)", target: { normal: [1, 0], offset: 1e300 }, dt: 0.1, tmax: 1000, particles: 10 })).rejects.toThrow(expect.objectContaining({ code: "NOT_FINITE" }));
  }, 60_000);
});
