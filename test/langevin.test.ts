// simulate(): first-passage statistics against the exact quadrature, the bridge correction's
// removal of the dt bias, BAOAB's exact configurational sampling, CI coverage, reproducibility
// (JS twin, workers) and input checks. All runs use fixed seeds, so every assertion is
// deterministic; tolerances are statistical (stated per test) and were not tuned to the seed.
import { describe, expect, it } from "vitest";
import { KramersError } from "../src/errors.js";
import { mfpt } from "../src/exact/index.js";
import { simulate, type SimulateOptions, type SimulateResult } from "../src/langevin/index.js";
import { exactMfpt } from "./langevin-reference.js";

const doubleWell = (x: number) => x ** 4 / 4 - x ** 2 / 2;
const harmonic = (x: number) => (x * x) / 2;

function sameBits(a: SimulateResult, b: SimulateResult): void {
  expect(a.mfpt).toBe(b.mfpt);
  expect(a.stderr).toBe(b.stderr);
  expect(a.rate).toBe(b.rate);
  expect(a.escaped).toBe(b.escaped);
  expect(a.censored).toBe(b.censored);
  expect(Array.from(a.times!)).toEqual(Array.from(b.times!));
  expect(Array.from(a.histogram.counts)).toEqual(Array.from(b.histogram.counts));
}

describe("the exact reference quadrature", () => {
  it("is converged: halving the grid changes T by < 1e-8 relative", () => {
    const a = exactMfpt(doubleWell, 0.1, -1, 1, 1, 200_000);
    const b = exactMfpt(doubleWell, 0.1, -1, 1, 1, 100_000);
    expect(Math.abs(a - b) / a).toBeLessThan(1e-8);
  });
  it("agrees with the library's exact mfpt() (independent Chebyshev quadrature) to 1e-7", () => {
    for (const kT of [0.125, 0.0625]) {
      const ours = exactMfpt(doubleWell, kT, -1, 1);
      const lib = mfpt({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1 }).mfpt;
      expect(Math.abs(ours - lib) / lib).toBeLessThan(1e-7);
    }
    const ou = mfpt({ potential: "x^2/2", kT: 1, from: 0, to: 1 }).mfpt;
    expect(Math.abs(exactMfpt(harmonic, 1, 0, 1) - ou) / ou).toBeLessThan(1e-7);
  });
  it("reproduces free diffusion to an absorbing wall with a reflecting wall: T = (b² − a²)/(2D) from L = 0", () => {
    // flat U, reflecting at 0, start a = 0.5, absorb at b = 2, D = kT/γ = 0.5: T = (b² − a²)/(2D)
    const T = exactMfpt(() => 0, 0.5, 0.5, 2, 1, 200_000, 0);
    expect(T).toBeCloseTo((4 - 0.25) / (2 * 0.5), 6);
  });
});

describe("simulate: MFPT and rate against the exact quadrature", () => {
  // Double well x⁴/4 − x²/2 (ΔU = 1/4), bottom → other bottom, at βΔU = 2, 3, 4.
  // dt = 0.01 (dt·U''/γ = 0.02); tmax = 20·T so censoring is e^{-20}-negligible.
  // Assertion: exact T inside the 95% CI widened by 1.5 (one fixed seed per barrier; the
  // widening covers the remaining O(dt) discretization bias, measured < 1% here).
  for (const reducedBarrier of [2, 3, 4]) {
    it(`agrees within its CI at βΔU = ${reducedBarrier}`, async () => {
      const kT = 0.25 / reducedBarrier;
      const exact = exactMfpt(doubleWell, kT, -1, 1);
      const r = await simulate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1, particles: 2000, dt: 0.01, tmax: 20 * exact, seed: 100 + reducedBarrier });
      expect(r.censored).toBe(0);
      expect(r.escaped).toBe(2000);
      expect(Math.abs(r.mfpt - exact)).toBeLessThan(1.5 * 1.96 * r.stderr);
      expect(r.rateCI[0] / 1.05).toBeLessThan(1 / exact);
      expect(r.rateCI[1] * 1.05).toBeGreaterThan(1 / exact);
    });
  }

  it("gives a censoring-aware rate: with tmax ≈ 1.5 T (a quarter censored) the rate CI still holds 1/T while the naive MFPT is biased low", async () => {
    const kT = 0.25 / 4;
    const exact = exactMfpt(doubleWell, kT, -1, 1);
    const r = await simulate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1, particles: 2000, dt: 0.01, tmax: 1.5 * exact, seed: 8 });
    expect(r.censored).toBeGreaterThan(300);
    expect(r.warnings.map((w) => w.code)).toContain("CENSORED");
    expect(r.mfptCI[1]).toBeLessThan(exact);
    expect(r.rateCI[0]).toBeLessThan(1 / exact);
    expect(r.rateCI[1]).toBeGreaterThan(1 / exact);
  });

  it("finds exponential escape over a high barrier (KS p > 0.01) and flags non-exponential escape to a nearby threshold", async () => {
    const kT = 0.25 / 5;
    const exact = exactMfpt(doubleWell, kT, -1, 1);
    const high = await simulate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1, particles: 1000, dt: 0.02, tmax: 20 * exact, seed: 4 });
    expect(high.ksTest!.pValue).toBeGreaterThan(0.01);
    const near = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 5000, dt: 0.01, tmax: 100, seed: 4 });
    expect(near.ksTest!.pValue).toBeLessThan(1e-6);
    expect(near.warnings.map((w) => w.code)).toContain("NOT_EXPONENTIAL");
  });

  it("handles thresholds below the start and two-sided intervals", async () => {
    // mirror image of the OU problem: 0 → −1 has the same exact MFPT as 0 → 1
    const exact = exactMfpt(harmonic, 1, 0, 1);
    const down = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: -1, particles: 20000, dt: 0.005, tmax: 100, seed: 6 });
    expect(down.escapedLower).toBe(20000);
    expect(Math.abs(down.mfpt - exact)).toBeLessThan(1.96 * 1.5 * down.stderr);
    // two-sided [−1, 1] by symmetry splits evenly (binomial, 5 sd) and ends sooner than one-sided
    const both = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: [-1, 1], particles: 20000, dt: 0.005, tmax: 100, seed: 6 });
    expect(Math.abs(both.escapedUpper - 10000)).toBeLessThan(5 * Math.sqrt(5000));
    expect(both.mfpt).toBeLessThan(0.8 * exact);
  });
});

describe("simulate: the Brownian-bridge correction removes the dt bias", () => {
  // OU process (U = x²/2, kT = γ = 1) from 0 to the threshold 1: exact T = 2.0934066… (also
  // √(2π)∫₀¹ e^{y²/2}Φ(y)dy by SciPy quad). Without the correction a discrete walk misses
  // excursions above 1 between steps and overshoots T by an amount ∝ √dt (Siegmund's corrected
  // diffusion: the boundary is effectively shifted by 0.5826·√(2D dt)). With it the bias is
  // O(dt) — measured offline with 4·10^5 walkers: −0.020, −0.0115, −0.0058 at dt = 0.02, 0.01,
  // 0.005 (se 0.004), i.e. ≈ −1.0·dt, from Euler–Maruyama's drift. Same seed for both variants
  // (common random numbers). 40000 walkers: se ≈ 0.012.
  const exact = exactMfpt(harmonic, 1, 0, 1);
  const dts = [0.02, 0.01, 0.005];
  it("shrinks the bias to O(dt), inside the CI at dt ≤ 0.01, while the uncorrected bias is many standard errors and ∝ √dt", async () => {
    const biasNo: number[] = [];
    for (const dt of dts) {
      const common: SimulateOptions = { potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 40000, dt, tmax: 100, seed: 21, keepTimes: false };
      const withBridge = await simulate(common);
      const without = await simulate({ ...common, bridge: false });
      const bias = withBridge.mfpt - exact;
      const uncorrected = without.mfpt - exact;
      if (dt <= 0.01) expect(Math.abs(bias)).toBeLessThan(1.96 * 1.5 * withBridge.stderr);
      expect(uncorrected).toBeGreaterThan(8 * without.stderr);
      expect(Math.abs(bias)).toBeLessThan(0.2 * uncorrected);
      biasNo.push(uncorrected);
    }
    // √dt scaling: halving dt divides the uncorrected bias by √2 (within 25%)
    for (let i = 1; i < dts.length; i++) {
      const ratio = biasNo[i - 1]! / biasNo[i]!;
      expect(ratio).toBeGreaterThan(Math.SQRT2 * 0.75);
      expect(ratio).toBeLessThan(Math.SQRT2 * 1.25);
    }
  });
});

describe("simulate: Leimkuhler–Matthews and first passage", () => {
  it("overestimates the MFPT even with the bridge (smoothed positions), and says so, where Euler–Maruyama does not", async () => {
    // OU 0 → 1, dt = 0.01, 40000 walkers (se ≈ 0.012): measured LM bias ≈ +0.076, EM ≈ −0.01
    const exact = exactMfpt(harmonic, 1, 0, 1);
    const common: SimulateOptions = { potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 40000, dt: 0.01, tmax: 100, seed: 23, keepTimes: false };
    const lm = await simulate({ ...common, integrator: "leimkuhler-matthews" });
    const em = await simulate(common);
    expect(lm.mfpt - exact).toBeGreaterThan(3 * lm.stderr);
    expect(Math.abs(em.mfpt - exact)).toBeLessThan(1.96 * 1.5 * em.stderr);
    expect(lm.warnings.map((w) => w.code)).toContain("INTEGRATOR_FIRST_PASSAGE");
    expect(em.warnings.map((w) => w.code)).not.toContain("INTEGRATOR_FIRST_PASSAGE");
  });
});

describe("simulate: underdamped integrators", () => {
  // Harmonic U = ω²x²/2 with m = 1, γ = 1, kT = 0.7: the configurational variance is kT/ω².
  // BAOAB samples it exactly at any stable dt (Leimkuhler & Matthews 2013); OBABO does not:
  // its variance is kT/(ω²(1 − ω²dt²/4)). 20000 walkers, variance averaged over 5 frames spaced
  // 10 time units apart (≥ 5 relaxation times, so nearly independent): relative standard error
  // √(2/(5·20000)) = 0.45%; tolerance 2% (4.5 se).
  for (const dt of [0.5, 1.0, 1.5]) {
    it(`BAOAB gives ⟨x²⟩ = kT/ω² at ω·dt = ${dt}; OBABO is off by 1/(1 − ω²dt²/4)`, async () => {
      const run = (integrator: "baoab" | "obabo") =>
        simulate({ potential: "x^2/2", kT: 0.7, from: 0, to: [-1e6, 1e6], particles: 20000, dt, tmax: 60, dynamics: "underdamped", integrator, moments: { interval: 10 }, seed: 2 });
      const meanVar = (r: SimulateResult) => {
        const v = Array.from(r.moments!.variance).slice(2);
        return v.reduce((s, x) => s + x, 0) / v.length;
      };
      expect(Math.abs(meanVar(await run("baoab")) / 0.7 - 1)).toBeLessThan(0.02);
      const ob = meanVar(await run("obabo")) / (0.7 / (1 - (dt * dt) / 4));
      expect(Math.abs(ob - 1)).toBeLessThan(0.02);
    });
  }

  it("starts walkers with Maxwellian velocities: ⟨x²⟩ grows like (kT/m)t² at first", async () => {
    // ballistic start: x(t) ≈ v0 t for t ≪ m/γ, ω⁻¹ → Var x ≈ (kT/m) t² (to O(t³)); t = 0.05
    const r = await simulate({ potential: "x^2/2", kT: 2, from: 0, to: [-1e6, 1e6], particles: 40000, dt: 0.001, tmax: 0.05, dynamics: "underdamped", moments: { interval: 0.05 }, seed: 9 });
    const v = r.moments!.variance[1]!;
    // relative se √(2/40000) = 0.7%; O(t) corrections ≈ γt/m·(2/3)… ≈ 3%: tolerance 6%
    expect(Math.abs(v / (2 * 0.05 ** 2) - 1)).toBeLessThan(0.06);
  });
});

describe("simulate: confidence intervals cover the exact value about 95% of the time", () => {
  it("MFPT CI coverage over 200 seeds is within binomial limits of 95%", async () => {
    // OU 0 → 2.5 (βΔU = 3.1) with the bridge (bias ≪ CI width at dt = 0.01 with 300 walkers per
    // run). Binomial(200, 0.95): sd 1.54%; accept 90%–99% (≈ 3 sd). The escape times are nearly
    // exponential here (CV ≈ 0.98), which the rate CI (exact Poisson/gamma interval for
    // exponential times) assumes; for times with CV > 1 (e.g. OU 0 → 1, CV ≈ 1.15) it is too
    // narrow and covers only ≈ 90 %.
    const exact = exactMfpt(harmonic, 1, 0, 2.5);
    let covered = 0, rateCovered = 0;
    const runs = 200;
    for (let s = 0; s < runs; s++) {
      const r = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 2.5, particles: 300, dt: 0.01, tmax: 1000, seed: 1000 + s, keepTimes: false, bins: 10 });
      if (r.mfptCI[0] <= exact && exact <= r.mfptCI[1]) covered++;
      if (r.rateCI[0] <= 1 / exact && 1 / exact <= r.rateCI[1]) rateCovered++;
    }
    expect(covered / runs).toBeGreaterThan(0.9);
    expect(covered / runs).toBeLessThan(0.99);
    expect(rateCovered / runs).toBeGreaterThan(0.9);
    expect(rateCovered / runs).toBeLessThan(0.99);
  });
});

describe("simulate: reproducibility", () => {
  const base: SimulateOptions = { potential: "x^4/4 - x^2/2", kT: 0.1, from: -1, to: 0.5, particles: 9000, dt: 0.01, tmax: 500, seed: 77, moments: { interval: 1 }, record: { interval: 0.5, walkers: 3 } };
  for (const integrator of ["euler-maruyama", "leimkuhler-matthews"] as const) {
    it(`the JS twin gives the same bits as WASM (${integrator})`, async () => {
      const w = await simulate({ ...base, integrator, particles: 3000 });
      const j = await simulate({ ...base, integrator, particles: 3000, engine: "js" });
      sameBits(w, j);
      expect(Array.from(w.moments!.mean)).toEqual(Array.from(j.moments!.mean));
      expect(Array.from(w.trajectories!.x[2]!)).toEqual(Array.from(j.trajectories!.x[2]!));
    });
  }
  for (const integrator of ["baoab", "obabo"] as const) {
    it(`the JS twin gives the same bits as WASM (${integrator})`, async () => {
      const o: SimulateOptions = { ...base, dynamics: "underdamped", integrator, particles: 3000, dt: 0.05 };
      sameBits(await simulate(o), await simulate({ ...o, engine: "js" }));
    });
  }
  it("the JS twin agrees to rounding for a non-polynomial potential (expression evaluated differently)", async () => {
    const o: SimulateOptions = { potential: "x^4/4 - x^2/2 + 0.01*sin(3*x)", kT: 0.1, from: -1, to: 0.5, particles: 2000, dt: 0.01, tmax: 500, seed: 3 };
    const w = await simulate(o);
    const j = await simulate({ ...o, engine: "js" });
    // a rounding difference can move a walker across the threshold one step earlier or later
    // (rare); the statistics must agree far inside their standard error
    expect(Math.abs(w.mfpt - j.mfpt)).toBeLessThan(0.01 * w.stderr);
    let same = 0;
    for (let i = 0; i < 2000; i++) if (w.times![i] === j.times![i]) same++;
    expect(same).toBeGreaterThan(1990);
  });
  it("2 and 3 workers give the same bits as one thread", async () => {
    const one = await simulate(base);
    for (const workers of [2, 3]) {
      const many = await simulate({ ...base, workers });
      expect(many.workers).toBe(workers);
      sameBits(one, many);
      expect(Array.from(many.moments!.variance)).toEqual(Array.from(one.moments!.variance));
      expect(Array.from(many.trajectories!.x[1]!)).toEqual(Array.from(one.trajectories!.x[1]!));
    }
  });
  it("a different seed gives different numbers", async () => {
    const a = await simulate({ ...base, particles: 500 });
    const b = await simulate({ ...base, particles: 500, seed: 78 });
    expect(a.mfpt).not.toBe(b.mfpt);
  });
});

describe("simulate: streaming outputs", () => {
  it("survival, histogram, moments and trajectories are consistent with the escape times", async () => {
    const r = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 5000, dt: 0.01, tmax: 20, seed: 12, bins: 40, moments: { interval: 0.5 }, record: { interval: 0.1, walkers: 4 } });
    const counts = Array.from(r.histogram.counts);
    expect(counts.reduce((s, c) => s + c, 0)).toBe(r.escaped);
    // S(t) equals the fraction of recorded times > t at every edge
    for (let b = 0; b < r.survival.t.length; b += 7) {
      const t = r.survival.t[b]!;
      let alive = 0;
      for (const x of r.times!) if (!(x <= t + 1e-12)) alive++;
      expect(r.survival.S[b]).toBeCloseTo(alive / 5000, 12);
    }
    // moments count running walkers: equals N·S at frame times
    const f = 4; // t = 2
    let alive = 0;
    for (const x of r.times!) if (!(x <= 2 + 1e-12)) alive++; // censored walkers have NaN times
    expect(r.moments!.count[f]).toBe(alive);
    expect(r.moments!.t[f]).toBeCloseTo(2, 12);
    // a recorded walker is NaN after its absorption and < 1 before
    const x0 = r.trajectories!.x[0]!;
    const tHit = r.times![0]!;
    for (let k = 0; k < x0.length; k++) {
      const t = r.trajectories!.t[k]!;
      if (t < tHit - 1e-9) expect(x0[k]).toBeLessThan(1);
      else expect(Number.isNaN(x0[k]!)).toBe(true);
    }
  });
  it("can drop per-walker times for huge ensembles (binned KS test)", async () => {
    const r = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 10000, dt: 0.02, tmax: 30, seed: 1, keepTimes: false });
    expect(r.times).toBeUndefined();
    expect(r.ksTest!.method).toBe("binned");
  });
  it("reports progress up to completion", async () => {
    const seen: number[] = [];
    await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 10000, dt: 0.01, tmax: 30, onProgress: (p) => seen.push(p.fraction) });
    expect(seen.at(-1)).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });
});

describe("simulate: cancellation and bad input", () => {
  const ok: SimulateOptions = { potential: "x^4/4 - x^2/2", kT: 0.1, from: -1, to: 1, particles: 100, dt: 0.01, tmax: 10 };
  const code = async (o: unknown) => {
    try {
      await simulate(o as SimulateOptions);
    } catch (e) {
      expect(e).toBeInstanceOf(KramersError);
      return (e as KramersError).code;
    }
    return "no error";
  };
  it("rejects with ABORTED when the signal is already aborted or fires during the run (1 thread and workers)", async () => {
    expect(await code({ ...ok, signal: AbortSignal.abort() })).toBe("ABORTED");
    const long: SimulateOptions = { potential: "x^4/4 - x^2/2", kT: 0.02, from: -1, to: 1, particles: 20000, dt: 0.01, tmax: 1e5 };
    expect(await code({ ...long, signal: AbortSignal.timeout(200) })).toBe("ABORTED");
    expect(await code({ ...long, workers: 2, signal: AbortSignal.timeout(200) })).toBe("ABORTED");
  });
  it("refuses walkers that run off to a non-finite position instead of counting them as censored (both engines, workers)", async () => {
    // U = x³ is unbounded below and sqrt(x) undefined for x < 0: the walkers' x becomes ±∞/NaN
    const runaway: SimulateOptions = { potential: "x^3", kT: 0.1, from: 0, to: 5, particles: 50, dt: 0.01, tmax: 50 };
    expect(await code(runaway)).toBe("NOT_FINITE");
    expect(await code({ ...runaway, engine: "js" })).toBe("NOT_FINITE");
    expect(await code({ ...runaway, particles: 9000, workers: 2 })).toBe("NOT_FINITE");
    expect(await code({ ...runaway, dynamics: "underdamped" })).toBe("NOT_FINITE");
    expect(await code({ potential: "sqrt(x)", kT: 0.1, from: 1, to: 2, particles: 10, dt: 0.01, tmax: 50 })).toBe("NOT_FINITE");
    // the same potential with a lower boundary is fine: walkers are absorbed there
    expect((await simulate({ ...runaway, to: [-1, 5] })).escapedLower).toBe(50);
  });
  it("refuses tmax shorter than one step", async () => {
    expect(await code({ ...ok, dt: 0.1, tmax: 0.05 })).toBe("INVALID_ARGUMENT");
  });
  it("names the bad option", async () => {
    expect(await code({ ...ok, kT: 0 })).toBe("NOT_POSITIVE");
    expect(await code({ ...ok, kT: NaN })).toBe("NOT_FINITE");
    expect(await code({ ...ok, gamma: -1 })).toBe("NOT_POSITIVE");
    expect(await code({ ...ok, dt: 0 })).toBe("NOT_POSITIVE");
    expect(await code({ ...ok, to: -1 })).toBe("BAD_DOMAIN");
    expect(await code({ ...ok, to: [0, 1] })).toBe("BAD_DOMAIN");
    expect(await code({ ...ok, particles: 1.5 })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, integrator: "baoab" })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, dynamics: "brownian" })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, engine: "gpu" })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, particle: 10 })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, seed: -1 })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, tmax: 1e12 })).toBe("INVALID_ARGUMENT");
    expect(await code({ ...ok, potential: 42 })).toBe("INVALID_ARGUMENT");
    // no default dt at a barrier top (U'' < 0)
    expect(await code({ ...ok, from: 0, to: 1, dt: undefined })).toBe("INVALID_ARGUMENT");
    try {
      await simulate({ ...ok, kT: -2 });
    } catch (e) {
      expect((e as Error).message).toMatch(/kT/);
    }
  });
});
