// turnover(): the exact Kramers-equation MFPT against underdamped Langevin simulation across the
// turnover, the turnover maximum, the high-friction limit against Kramers' full formula, the
// rate definitions, option checking and the CLI command.
import { describe, expect, it } from "vitest";
import { rate } from "../src/rates/rate.js";
import { turnoverCommand } from "../src/cli/commands/turnover.js";
import { KramersError } from "../src/errors.js";
import { simulate } from "../src/langevin/index.js";
import { kramersEquation, turnover } from "../src/turnover/index.js";
import { readFileSync } from "node:fs";

const reference = JSON.parse(readFileSync(new URL("./fixtures/kramers_low_friction.json", import.meta.url), "utf8")) as {
  cases: { gamma: number; mfpt: { value: number; uncertainty: number } }[];
};

describe("the exact MFPT", () => {
  it("matches underdamped Langevin simulation (BAOAB, Maxwellian start at the bottom) from γ = 0.01 to 10 within statistical error", async () => {
    // βΔU = 3 so that simulation is affordable; target: the barrier top (first passage to x ≥ 0),
    // where the half-range absorbing condition matters most (the Milne length v_th·m/γ ranges from
    // 0.03 to 29 here). 1000 walkers → standard error ≈ 3 % of the MFPT.
    const kT = 1 / 12;
    for (const [gamma, dt, seed] of [[0.01, 0.02, 11], [0.1, 0.02, 12], [1, 0.02, 13], [10, 0.01, 14]] as const) {
      const exact = await kramersEquation({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 0, gamma, domain: [-3, 3], compute: "mfpt", tolerance: 1e-3 });
      const sim = await simulate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 0, gamma, dynamics: "underdamped", particles: 1000, dt, seed, tmax: 1e5 });
      expect(sim.censored).toBe(0);
      // BAOAB's time-step bias on the MFPT is O(dt·ω) ≈ 1e-2 relative at most here, below 1 σ;
      // the comparison allows 3.5 σ of the combined statistical and solver errors
      const sigma = Math.hypot(sim.stderr, exact.mfptError);
      expect(Math.abs(exact.mfpt - sim.mfpt)).toBeLessThan(3.5 * sigma);
    }
  }, 180_000);

  it("converges at γ = 0.01 and βΔU = 8 with the default budget, matches underdamped Langevin there, and smaller budgets' error estimates cover their actual error", async () => {
    // The case at its lowest friction (Δ = γIβ/m = 0.43): the energy boundary layer needs
    // ≈ 800 Hermite modes on the finest grid. Target: the far minimum (first passage to x ≥ 1).
    const base = { potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, gamma: 0.01, domain: [-3, 3] as [number, number], compute: "mfpt" as const };
    // the offline reference (scripts/fixtures/kramers_low_friction.py: SciPy SuperLU, up to 3196
    // modes on grids 2× finer than the solver's finest; its uncertainty is < 1e-5)
    const ref = reference.cases.find((c) => c.gamma === 0.01)!.mfpt;
    const exact = await kramersEquation(base);
    expect(exact.converged).toBe(true);
    expect(exact.mfptError / exact.mfpt).toBeLessThanOrEqual(1e-4);
    expect(Math.abs(exact.mfpt - ref.value)).toBeLessThanOrEqual(exact.mfptError + ref.uncertainty);
    // independent: BAOAB with Maxwellian start at the bottom; 500 walkers → standard error ≈ 4.5 %;
    // time-step bias at dt·ω_a = 0.07 is far below that. 3.5 σ of the combined errors.
    const sim = await simulate({ potential: base.potential, kT: base.kT, from: -1, to: 1, gamma: 0.01, dynamics: "underdamped", particles: 500, dt: 0.05, seed: 31, tmax: 2e6 });
    expect(sim.censored).toBe(0);
    expect(Math.abs(exact.mfpt - sim.mfpt)).toBeLessThan(3.5 * Math.hypot(sim.stderr, exact.mfptError));
    // smaller budgets stop short and say so, with an estimate that bounds the actual error (measured:
    // N ≤ 400: estimate 1.8e-3, actual 1.3e-3; N ≤ 600: estimate 1.5e-4, actual 1.2e-4)
    for (const maxModes of [400, 600]) {
      const cheap = await kramersEquation({ ...base, maxModes });
      expect(cheap.converged).toBe(false);
      expect(cheap.warnings.some((w) => w.code === "NOT_CONVERGED")).toBe(true);
      expect(Math.abs(cheap.mfpt - ref.value)).toBeLessThan(cheap.mfptError + ref.uncertainty);
      expect(Math.abs(cheap.mfpt / ref.value - 1)).toBeGreaterThan(1e-4); // the cap matters here
    }
  }, 240_000);
});

describe("turnover", () => {
  it("has a maximum in friction for the quartic double well at βΔU = 8, below TST everywhere", async () => {
    const gammas = [0.1, 0.2, 0.4, 0.8, 1.6, 3.2];
    const t = await turnover({ potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, gammas, domain: [-3, 3], compute: "rate", tolerance: 1e-3 });
    expect(t.gammaAtMaximum).not.toBeNull();
    expect(t.gammaAtMaximum!).toBeGreaterThan(0.1);
    expect(t.gammaAtMaximum!).toBeLessThan(0.8);
    const rates = t.rows.map((r) => r.exactRate);
    const peak = Math.max(...rates);
    expect(rates[0]!).toBeLessThan(peak);
    expect(rates[rates.length - 1]!).toBeLessThan(peak);
    expect(t.rateAtMaximum!).toBeGreaterThanOrEqual(peak * 0.999);
    // TST is a strict upper bound of the true rate (no recrossings, thermal well): an independent check
    for (const r of t.rows) expect(r.exactRate).toBeLessThan(r.tst);
    // the high-friction side falls like 1/γ: from 1.6 to 3.2 the rate roughly halves
    const fall = rates[5]! / rates[4]!;
    expect(fall).toBeGreaterThan(0.45);
    expect(fall).toBeLessThan(0.65);
    for (const r of t.rows) expect(r.convergence.rate!.converged).toBe(true);
    expect(t.converged).toBe(true);
  }, 120_000);

  it("locates the friction of the maximum beyond the table's resolution: a coarse list and a dense local scan agree", async () => {
    const base = { potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, domain: [-3, 3] as [number, number], compute: "rate" as const };
    const coarse = await turnover({ ...base, gammas: [0.1, 0.3, 1, 3, 10] });
    // independent estimate: 9 exact rates (tolerance 1e-6) spaced 1 % in ln γ around the answer,
    // least-squares parabola in (ln γ, ln k) — a different sampling and a different fit
    const g0 = coarse.gammaAtMaximum!;
    const us = Array.from({ length: 9 }, (_, k) => Math.log(g0) + 0.01 * (k - 4));
    const dense = await turnover({ ...base, gammas: us.map(Math.exp), tolerance: 1e-6 });
    const ys = dense.rows.map((r) => Math.log(r.exactRate));
    // fit y = c0 + c1 t + c2 t², t = u − u0 (normal equations of the 3-parameter fit)
    const t = us.map((u) => u - Math.log(g0));
    const S = (f: (i: number) => number) => t.reduce((acc, _, i) => acc + f(i), 0);
    const A = [[S(() => 1), S((i) => t[i]!), S((i) => t[i]! ** 2)], [S((i) => t[i]!), S((i) => t[i]! ** 2), S((i) => t[i]! ** 3)], [S((i) => t[i]! ** 2), S((i) => t[i]! ** 3), S((i) => t[i]! ** 4)]];
    const rhs = [S((i) => ys[i]!), S((i) => t[i]! * ys[i]!), S((i) => t[i]! ** 2 * ys[i]!)];
    // Cramer's rule for c1 and c2
    const det3 = (m: number[][]) => m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) - m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) + m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
    const D = det3(A);
    const withCol = (c: number) => A.map((row, i) => row.map((v, j) => (j === c ? rhs[i]! : v)));
    const c1 = det3(withCol(1)) / D, c2 = det3(withCol(2)) / D;
    expect(c2).toBeLessThan(0);
    const vertex = Math.exp(Math.log(g0) - c1 / (2 * c2));
    // the rate is flat at its maximum (c2 ≈ −0.22): a rate error of 1e-6 moves the vertex by ≲ 2e-3
    expect(Math.abs(vertex / g0 - 1)).toBeLessThan(2e-3);
    // and the rate at the located maximum exceeds every tabulated rate
    expect(coarse.rows.map((r) => r.exactRate).every((k) => k < coarse.rateAtMaximum!)).toBe(true);
  }, 60_000);

  it("approaches Kramers' full formula at high friction as the barrier grows (finite-barrier deviation ∝ 1/βΔU)", async () => {
    const devs: number[] = [];
    for (const bdu of [8, 16]) {
      const t = await turnover({ potential: "x^4/4 - x^2/2", kT: 0.25 / bdu, from: -1, to: 1, gammas: [5], domain: [-3, 3], compute: "rate", tolerance: 1e-5 });
      const row = t.rows[0]!;
      const dev = row.exactRate / row.kramersFull - 1;
      // Kramers' formula is the βΔU → ∞ limit; the quartic's anharmonicity lowers the exact rate by
      // ≈ 0.4/βΔU (measured: 5 % at βΔU = 8): bound |dev| by 0.6/βΔU and require it to shrink
      expect(Math.abs(dev)).toBeLessThan(0.6 / bdu);
      devs.push(Math.abs(dev));
    }
    // halving 1/βΔU should roughly halve the deviation
    expect(devs[1]! / devs[0]!).toBeGreaterThan(0.35);
    expect(devs[1]! / devs[0]!).toBeLessThan(0.65);
  }, 120_000);

  it("says which definition of rate each column is, and 1/MFPT exceeds the λ₁-based rate at low friction", async () => {
    const t = await turnover({ potential: "x^4/4 - x^2/2", kT: 1 / 16, from: -1, to: 1, gammas: [0.05, 5], domain: [-3, 3], tolerance: 1e-3 });
    const defs = Object.values(t.rateDefinitions);
    expect(new Set(defs).size).toBe(defs.length);
    expect(t.rateDefinitions.exactRate).toMatch(/λ₁/);
    expect(t.rateDefinitions.exactMfpt).toMatch(/first-passage/);
    const [low, high] = t.rows as [typeof t.rows[0], typeof t.rows[0]];
    // at low friction a particle that reaches the far bottom with E > E_b may still recross, which
    // 1/MFPT does not count but λ₁ does: 1/MFPT is larger (SCIENCE.md: up to 2×)
    expect(low.exactMfptRate / low.exactRate).toBeGreaterThan(1.05);
    expect(low.exactMfptRate / low.exactRate).toBeLessThan(2);
    // at high friction the two agree up to the time spent relaxing in the wells and sliding down,
    // not small at this low barrier (βΔU = 4: 3.2 % measured; 3e-4 at βΔU = 8, see kramers-equation.test.ts)
    expect(Math.abs(high.exactMfptRate / high.exactRate - 1)).toBeLessThan(0.05);
    expect(Math.abs(high.exactMfptRate / high.exactRate - 1)).toBeLessThan(Math.abs(low.exactMfptRate / low.exactRate - 1) / 2);
    // the symmetric double-well Mel'nikov column is present for mirror-image wells
    expect(low.melnikovPollakDoubleWell).not.toBeNull();
  }, 120_000);

  it("pairs each Mel'nikov–Pollak form with the exact quantity it estimates in a symmetric double well: one-well ≈ 1/MFPT to the other bottom, double-well ≈ λ₁/2", async () => {
    // At low friction a particle that first reaches the other bottom with E > E_b has not settled:
    // it recrosses, and ends on either side with probability ≈ 1/2 as γ → 0. So 1/MFPT (the first
    // arrival, SCIENCE.md's "the rate") is the one-well escape rate Υ(Δ)·k_full, and the population
    // transfer λ₁/2 is the double-well form Υ(Δ)²/Υ(2Δ)·k_full (→ half of it as Δ → 0). Measured at
    // βΔU = 8: one-well/(1/MFPT) = 1.11, 1.05; double-well/(λ₁/2) = 1.15, 1.07 at γ = 0.03, 0.1, and
    // the crossed pairs are off by 0.79 / 0.93 and 1.60 / 1.22. rate() recommends the one-well form.
    const t = await turnover({ potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, gammas: [0.03, 0.1], domain: [-3, 3] });
    for (const row of t.rows) {
      const oneWell = row.melnikovPollak / row.exactMfptRate, doubleWell = row.melnikovPollakDoubleWell! / row.exactRate;
      const crossed = [row.melnikovPollakDoubleWell! / row.exactMfptRate, row.melnikovPollak / row.exactRate];
      for (const c of crossed) expect(Math.abs(Math.log(c))).toBeGreaterThan(Math.abs(Math.log(oneWell)));
      for (const c of crossed) expect(Math.abs(Math.log(c))).toBeGreaterThan(Math.abs(Math.log(doubleWell)));
      // both within the finite-barrier error of the asymptotic formulas at βΔU = 8 (≲ 20 %)
      expect(Math.abs(oneWell - 1)).toBeLessThan(0.2);
      expect(Math.abs(doubleWell - 1)).toBeLessThan(0.2);
    }
    const r = rate({ potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, gamma: 0.03, domain: [-3, 3] });
    expect(r.recommended).toBe("melnikovPollak");
  }, 60_000);

  it("rejects bad friction lists with the option named", async () => {
    const ok = { potential: "x^4/4 - x^2/2", kT: 0.1, from: -1, to: 1, domain: [-3, 3] as [number, number] };
    await expect(turnover({ ...ok, gammas: [] })).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(turnover({ ...ok, gammas: [1, -2] })).rejects.toMatchObject({ code: "NOT_POSITIVE", details: { option: "gammas[1]" } });
    await expect(turnover({ ...ok, gammas: [Number.NaN] })).rejects.toBeInstanceOf(KramersError);
    await expect(turnover({ ...ok, gammas: [1], gamma: 1 } as never)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    // a target in the start's own well names `to` (it said "toward", an option turnover does not have)
    await expect(turnover({ ...ok, from: 0.5, gammas: [1] })).rejects.toMatchObject({ code: "INVALID_ARGUMENT", details: { option: "to" } });
  });
});

describe("kramers turnover (CLI)", () => {
  it("prints the rows, every rate column and the friction at the maximum", async () => {
    const out = await turnoverCommand.run({ potential: "x^4/4 - x^2/2", kT: 1 / 16, from: -1, to: 1, gammas: [0.2, 0.5, 1, 3], tolerance: 1e-3 });
    const json = out.json as { rows: Record<string, number>[]; gammaAtMaximum: number | null };
    expect(json.rows).toHaveLength(4);
    for (const r of json.rows) {
      for (const key of ["gamma", "tst", "energyDiffusion", "melnikovPollak", "kramersFull", "kramersOverdamped", "exactRate", "exactMfpt"]) {
        expect(Number.isFinite(r[key])).toBe(true);
      }
    }
    expect(json.gammaAtMaximum).not.toBeNull();
    expect(out.text.join("\n")).toMatch(/friction at the maximum/);
  }, 120_000);
});
