import { describe, expect, it } from "vitest";
import {
  KramersError, rate, arrheniusFactor, transitionStateRate, kramersOverdampedRate, kramersFullRate, energyDiffusionRate,
  melnikovPollakRate, depopulationFactor, barrierAction, eyringRate, tanhSinh, expression, metastableCubic,
  BOLTZMANN_J_PER_K, PLANCK_J_S, AVOGADRO_PER_MOL, tiltedWashboard,
} from "../src/index.js";
import actionFixture from "./fixtures/rates_action.json";
import upsilonFixture from "./fixtures/rates_upsilon.json";

const DW = "x^4/4 - x^2/2";
const DOMAIN: [number, number] = [-2, 2];
const rel = (a: number, b: number) => Math.abs(a / b - 1);
const code = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { return e instanceof KramersError ? e.code : `other: ${String(e)}`; }
  return undefined;
};

describe("the seed's double well U = x⁴/4 − x²/2", () => {
  it("gives the overdamped Kramers rate √2/(2π)·e^{−1/(4ε)} with ε = kT, γ = 1", () => {
    for (const eps of [0.01, 0.025, 0.05]) {
      const r = rate({ potential: DW, kT: eps, from: -1, domain: DOMAIN });
      // closed form; the only error is rounding in the located extrema (exact to ~1e-15)
      expect(rel(r.rates.kramersOverdamped, (Math.SQRT2 / (2 * Math.PI)) * Math.exp(-1 / (4 * eps)))).toBeLessThan(1e-13);
      expect(r.barrier.height).toBeCloseTo(0.25, 14);
      expect(r.well.curvature).toBeCloseTo(2, 13);
      expect(r.top.curvature).toBeCloseTo(-1, 13);
    }
  });

  it("doubling the noise multiplies the Arrhenius factor and the Kramers rates by e^{ΔU/(2kT0)} = e^{10} (kT0 = 1/80)", () => {
    const kT0 = 1 / 80;
    const a = rate({ potential: DW, kT: kT0, from: -1, domain: DOMAIN });
    const b = rate({ potential: DW, kT: 2 * kT0, from: -1, domain: DOMAIN });
    // e^{ΔU/kT0 − ΔU/(2kT0)} = e^{ΔU/(2kT0)} = e^{10}: exact up to rounding of exp (1e-13)
    for (const k of ["arrhenius", "tst", "kramersOverdamped", "kramersFull"] as const) {
      expect(rel(b.rates[k] / a.rates[k], Math.exp(10))).toBeLessThan(1e-12);
    }
  });

  it("computes the one-well action I(E_b = 0) = 4√m/3 (∫₀^√2 x√(2 − x²) dx = 2^{3/2}/3)", () => {
    for (const m of [1, 2.5, 0.1]) {
      const a = barrierAction({ potential: DW, well: -1, top: 0, mass: m, domain: DOMAIN });
      expect(rel(a.action, (4 * Math.sqrt(m)) / 3)).toBeLessThan(1e-12);
      expect(a.turningPoints[0]).toBeCloseTo(-Math.SQRT2, 13);
      expect(a.converged).toBe(true);
    }
  });
});

describe("full Kramers limits", () => {
  const base = { barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, barrierFrequency: 1 };
  it("tends to the overdamped rate as γ/m ≫ ω_b (relative gap ≈ (mω_b/γ)²)", () => {
    for (const gamma of [10, 100, 1e4]) {
      const full = kramersFullRate({ ...base, gamma }).value;
      const od = kramersOverdampedRate({ barrierHeight: 0.25, kT: 0.025, wellCurvature: 2, barrierCurvature: -1, gamma }).value;
      // √(x²/4+1) − x/2 = 1/x − 1/x³ + …, x = γ/(mω_b): gap 1/x² to leading order
      expect(Math.abs(1 - full / od - 1 / gamma ** 2)).toBeLessThan(3 / gamma ** 4);
    }
  });

  it("tends to TST as γ → 0 (relative gap ≈ γ/(2mω_b))", () => {
    const tst = transitionStateRate(base).value;
    for (const gamma of [1e-2, 1e-4, 1e-8]) {
      const full = kramersFullRate({ ...base, gamma }).value;
      expect(Math.abs(1 - full / tst - gamma / 2)).toBeLessThan(gamma * gamma);
    }
  });

  it("matches the formula written out directly at moderate friction, with mass", () => {
    const m = 2, gamma = 0.7, wa = Math.sqrt(2 / m), wb = Math.sqrt(1 / m);
    const direct = (wa / (2 * Math.PI * wb)) * (Math.sqrt(gamma ** 2 / (4 * m * m) + wb * wb) - gamma / (2 * m)) * Math.exp(-10);
    const r = rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma, mass: m });
    expect(rel(r.rates.kramersFull, direct)).toBeLessThan(1e-13);
    expect(rel(r.rates.tst, (wa / (2 * Math.PI)) * Math.exp(-10))).toBeLessThan(1e-13);
  });
});

describe("actions I(E_b) against mpmath (test/fixtures/rates_action.json)", () => {
  for (const c of actionFixture.cases) {
    it(`${c.potential}, well ${c.well.toFixed(3)}, top ${c.top.toFixed(3)}, m = ${c.mass}`, () => {
      const a = barrierAction({ potential: c.potential, well: c.well, top: c.top, mass: c.mass, domain: [-6, 6] });
      // tanh–sinh to 1e-12 relative plus the turning point from Brent (1e-15): 1e-11 relative
      expect(rel(a.action, c.action)).toBeLessThan(1e-11);
      const tp = a.turningPoints.find((x) => Math.abs(x - c.top) > 1e-9)!;
      expect(tp).toBeCloseTo(c.turningPoint, 11);
    });
  }

  it("the metastable cubic ΔU(3s² − 2s³) has I = 36ΔU/(5ω_a) (closed form)", () => {
    for (const [dU, xb] of [[1, 1], [0.3, 2]] as const) {
      const p = metastableCubic({ barrierHeight: dU, barrierPosition: xb });
      const wa = Math.sqrt((6 * dU) / (xb * xb));
      const a = barrierAction({ potential: p, well: 0, top: xb });
      expect(rel(a.action, (36 * dU) / (5 * wa))).toBeLessThan(1e-12);
    }
  });

  it("the harmonic-like limit: a shallow cubic's action approaches 2πΔU/ω_a·(36/(10π)) and, for the pendulum separatrix, 16√(V0 m)", () => {
    // pendulum −V0 cos x: separatrix action 16√(m V0) (∮ 2√(m V0)|cos(x/2)|·√2·√2 dx)
    for (const [V0, m] of [[1, 1], [2, 0.5]] as const) {
      const a = barrierAction({ potential: expression("-V0*cos(x)", { parameters: { V0 } }), well: 0, top: Math.PI, mass: m, domain: [-4, 4] });
      expect(rel(a.action, 16 * Math.sqrt(m * V0))).toBeLessThan(1e-12);
    }
  });
});

describe("Mel'nikov's depopulation factor Υ(Δ)", () => {
  it("matches mpmath's integral in the original y variable (test/fixtures/rates_upsilon.json)", () => {
    for (const c of upsilonFixture.cases) {
      // tanh–sinh in θ = atan y converges to ~1e-13; 1e-11 relative allowed
      expect(rel(depopulationFactor(c.delta), c.upsilon)).toBeLessThan(1e-11);
    }
  });

  it("tends to 1 for Δ → ∞ and to Δ for Δ → 0 (with a √Δ correction)", () => {
    expect(1 - depopulationFactor(50)).toBeLessThan(1e-5);
    expect(depopulationFactor(200)).toBeCloseTo(1, 15);
    for (const d of [1e-8, 1e-6, 1e-4]) expect(Math.abs(depopulationFactor(d) / d - 1)).toBeLessThan(Math.sqrt(d));
  });

  it("makes Mel'nikov–Pollak equal the energy-diffusion rate at small friction and full Kramers at large", () => {
    const at = (gamma: number) => rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma });
    const low = at(1e-6); // Δ = 5.3e-5
    expect(rel(low.rates.melnikovPollak, low.rates.energyDiffusion)).toBeLessThan(Math.sqrt(low.ingredients.delta));
    const high = at(5); // Δ = 267
    expect(rel(high.rates.melnikovPollak, high.rates.kramersFull)).toBeLessThan(1e-12);
  });

  it("shows the turnover: MP rises ∝ γ, peaks, then falls ∝ 1/γ", () => {
    const gs = Array.from({ length: 41 }, (_, i) => 10 ** (-5 + i * 0.2));
    const ks = gs.map((gamma) => rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma }).rates.melnikovPollak);
    const peak = ks.indexOf(Math.max(...ks));
    expect(peak).toBeGreaterThan(5);
    expect(peak).toBeLessThan(35);
    for (let i = 1; i <= peak; i++) expect(ks[i]!).toBeGreaterThan(ks[i - 1]!);
    for (let i = peak + 1; i < ks.length; i++) expect(ks[i]!).toBeLessThan(ks[i - 1]!);
    // log-slopes at the ends: +1 and −1 within 2 %
    expect(Math.log(ks[1]! / ks[0]!) / Math.log(gs[1]! / gs[0]!)).toBeCloseTo(1, 1);
    expect(Math.log(ks[40]! / ks[39]!) / Math.log(gs[40]! / gs[39]!)).toBeCloseTo(-1, 1);
  });

  it("gives the symmetric double-well form Υ(Δ)²/Υ(2Δ)·k_full only for mirror-image wells, → Δ/2·k_TST at small Δ", () => {
    const r = rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma: 1e-6 });
    const d = r.ingredients.delta;
    const expected = (depopulationFactor(d) ** 2 / depopulationFactor(2 * d)) * r.rates.kramersFull;
    expect(rel(r.rates.melnikovPollakDoubleWell!, expected)).toBeLessThan(1e-14);
    expect(rel(r.rates.melnikovPollakDoubleWell! / r.rates.tst, d / 2)).toBeLessThan(2 * Math.sqrt(d));
    const tilted = rate({ potential: "x^4/4 - x^2/2 + 0.05*x", kT: 0.025, from: -1, domain: DOMAIN });
    expect(tilted.rates.melnikovPollakDoubleWell).toBeUndefined();
    // a periodic chain of equal wells is not a double well
    expect(rate({ potential: tiltedWashboard({ force: 0 }), kT: 0.2, from: 0.1 }).rates.melnikovPollakDoubleWell).toBeUndefined();
    const one = melnikovPollakRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, barrierFrequency: 1, action: 4 / 3, gamma: 1e-6 });
    expect(rel(one.value, r.rates.melnikovPollak)).toBeLessThan(1e-14);
  });
});

describe("energy diffusion", () => {
  it("equals Δ·k_TST with Δ = γIβ/m and warns outside Δ ≪ 1", () => {
    const small = energyDiffusionRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, action: 4 / 3, gamma: 1e-4 });
    const delta = (1e-4 * 4) / 3 / 0.025;
    expect(rel(small.value, (delta * Math.SQRT2) / (2 * Math.PI) * Math.exp(-10))).toBeLessThan(1e-14);
    expect(small.warnings).toEqual([]);
    const big = energyDiffusionRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, action: 4 / 3, gamma: 1 });
    expect(big.warnings.map((w) => w.code)).toContain("FRICTION_REGIME");
  });
});

describe("overdamped Kramers against the exact overdamped MFPT (independent double quadrature)", () => {
  // T(a→b) = (γ/kT)∫_a^b dy e^{βU(y)} ∫_L^y dz e^{−βU(z)}, reflecting wall L = −3, by the trapezoid rule
  // with the exponents combined (e^{β(U(y) − U(z))}) so nothing overflows.
  function mfpt(kT: number): number {
    const U = (x: number) => x ** 4 / 4 - x ** 2 / 2;
    const Umin = -0.25, L = -3, a = -1, b = 1, n = 8000, h = (b - L) / n;
    const ys = Array.from({ length: n + 1 }, (_, i) => L + i * h);
    // inner(y) = ∫_L^y e^{−β(U − Umin)} dz ≤ (y − L); outer integrand e^{β(U(y) − Umin)}·inner(y)
    const inner = [0];
    for (let i = 1; i <= n; i++) inner.push(inner[i - 1]! + 0.5 * h * (Math.exp(-(U(ys[i - 1]!) - Umin) / kT) + Math.exp(-(U(ys[i]!) - Umin) / kT)));
    let outer = 0;
    const ia = Math.round((a - L) / h), ib = n;
    for (let i = ia; i <= ib; i++) outer += (i === ia || i === ib ? 0.5 : 1) * h * Math.exp((U(ys[i]!) - Umin) / kT) * inner[i]!;
    return outer / kT; // γ = 1
  }
  it("agrees to within ~1/βΔU-size corrections, improving as the barrier grows", () => {
    const gaps = [0.025, 0.0125].map((kT) => {
      const k = rate({ potential: DW, kT, from: -1, domain: DOMAIN, gamma: 1 }).rates.kramersOverdamped;
      return Math.abs(k * mfpt(kT) - 1);
    });
    // measured k·T − 1: 0.043 at βΔU = 10, 0.020 at 20 (0.0097 at 40): the O(kT/ΔU) correction, halving with kT
    expect(gaps[0]!).toBeLessThan(0.06);
    expect(gaps[1]!).toBeLessThan(0.03);
    expect(gaps[1]! / gaps[0]!).toBeGreaterThan(0.35);
    expect(gaps[1]! / gaps[0]!).toBeLessThan(0.65);
  });
});

describe("Eyring", () => {
  it("gives κ k_BT/h e^{−ΔG‡/RT} in 1/s (80 kJ/mol at 298.15 K, computed with R = k_B N_A)", () => {
    const R = BOLTZMANN_J_PER_K * AVOGADRO_PER_MOL;
    const expected = ((BOLTZMANN_J_PER_K * 298.15) / PLANCK_J_S) * Math.exp(-80_000 / (R * 298.15));
    const e = eyringRate({ activationFreeEnergy: 80, temperature: 298.15 });
    expect(rel(e.value, expected)).toBeLessThan(1e-12);
    expect(e.value).toBeCloseTo(0.05996, 4);
    expect(e.units).toBe("1/s");
    const half = eyringRate({ activationFreeEnergy: 80 / 4.184, temperature: 298.15, energyUnit: "kcal/mol", transmission: 0.5 });
    expect(rel(half.value, expected / 2)).toBeLessThan(1e-12);
  });
});

describe("rate(): choices, warnings and errors", () => {
  it("warns LOW_BARRIER when βΔU < 5 and not when βΔU ≥ 5", () => {
    expect(rate({ potential: DW, kT: 0.06, from: -1, domain: DOMAIN }).warnings.map((w) => w.code)).toContain("LOW_BARRIER");
    expect(rate({ potential: DW, kT: 0.05, from: -1, domain: DOMAIN }).warnings.map((w) => w.code)).not.toContain("LOW_BARRIER");
    expect(arrheniusFactor({ barrierHeight: 1, kT: 0.5 }).warnings[0]!.code).toBe("LOW_BARRIER");
  });

  it("snaps `from` to the minimum and by default escapes over the lower barrier", () => {
    const tw = "x^6/6 - 5*x^4/4 + 2*x^2 + 0.05*x";
    const r = rate({ potential: tw, kT: 0.1, from: 0.3, domain: [-3, 3] });
    expect(r.barrier.direction).toBe(-1); // U(−1) = 11/12 − 0.05 < U(1) = 11/12 + 0.05
    expect(r.top.x).toBeLessThan(0);
    const right = rate({ potential: tw, kT: 0.1, from: 0.3, to: 2, domain: [-3, 3] });
    expect(right.barrier.direction).toBe(1);
    expect(right.barrier.height).toBeGreaterThan(r.barrier.height);
  });

  it("handles an open well (metastable cubic) with no minimum beyond the barrier", () => {
    const r = rate({ potential: metastableCubic(), kT: 0.1, from: 0.2 });
    expect(r.barrier.to).toBeUndefined();
    expect(r.ingredients.action).toBeCloseTo(36 / (5 * Math.sqrt(6)), 12);
    expect(r.rates.melnikovPollakDoubleWell).toBeUndefined();
  });

  it("accepts a plain function potential (numerical derivatives) and agrees with the expression to ~1e-7", () => {
    const f = rate({ potential: (x: number) => x ** 4 / 4 - x ** 2 / 2, kT: 0.025, from: -1, domain: DOMAIN, gamma: 0.3 });
    const e = rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma: 0.3 });
    // Ridders derivatives (~1e-9) and sampled root isolation: rates agree to 1e-7 relative
    for (const k of ["tst", "kramersFull", "energyDiffusion", "melnikovPollak"] as const) expect(rel(f.rates[k], e.rates[k])).toBeLessThan(1e-7);
  });

  it("escapes down the tilted washboard over ΔU = 2√(1−F²) − F(π − 2 arcsin F) and carries unit labels", () => {
    const F = 0.3;
    const r = rate({ potential: tiltedWashboard({ force: F }), kT: 0.1, from: 0.2, units: { energy: "kBT0", time: "ps" } });
    expect(r.barrier.direction).toBe(1);
    expect(r.barrier.height).toBeCloseTo(2 * Math.sqrt(1 - F * F) - F * (Math.PI - 2 * Math.asin(F)), 12);
    expect(r.units.rate).toBe("1/ps");
    expect(r.details.kramersFull.units).toBe("1/ps");
    // U″ = cos x: ω_a = ω_b = (1 − F²)^{1/4}
    expect(r.ingredients.wellFrequency).toBeCloseTo((1 - F * F) ** 0.25, 12);
    expect(r.ingredients.barrierFrequency).toBeCloseTo((1 - F * F) ** 0.25, 12);
  });

  it("reports the regime: overdamped at large γ, energy diffusion at tiny γ", () => {
    expect(rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma: 20 }).regime).toMatch(/overdamped/);
    expect(rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma: 1e-6 }).regime).toMatch(/energy diffusion/);
    expect(rate({ potential: DW, kT: 0.025, from: -1, domain: DOMAIN, gamma: 0.01 }).regime).toMatch(/turnover/);
  });

  it("if from is at the barrier top, throws NOT_IN_WELL", () => {
    expect(code(() => rate({ potential: DW, kT: 0.1, from: 0, domain: DOMAIN }))).toBe("NOT_IN_WELL");
  });

  it("if there is no barrier, throws NO_BARRIER", () => {
    expect(code(() => rate({ potential: "x^2", kT: 0.1, from: 0.5, domain: [-3, 3] }))).toBe("NO_BARRIER");
    expect(code(() => rate({ potential: DW, kT: 0.1, from: -1, to: -1.5, domain: DOMAIN }))).toBe("NO_BARRIER");
  });

  it("if kT, γ or m is not positive or not finite, throws NOT_POSITIVE / NOT_FINITE naming it", () => {
    expect(code(() => rate({ potential: DW, kT: 0, from: -1, domain: DOMAIN }))).toBe("NOT_POSITIVE");
    expect(code(() => rate({ potential: DW, kT: 0.1, from: -1, domain: DOMAIN, gamma: -1 }))).toBe("NOT_POSITIVE");
    expect(code(() => rate({ potential: DW, kT: 0.1, from: -1, domain: DOMAIN, mass: 0 }))).toBe("NOT_POSITIVE");
    expect(code(() => rate({ potential: DW, kT: NaN, from: -1, domain: DOMAIN }))).toBe("NOT_FINITE");
    expect(code(() => rate({ potential: DW, kT: 0.1, from: Infinity, domain: DOMAIN }))).toBe("NOT_FINITE");
    // without a domain one is searched for (test/domain.test.ts); a reversed one is still an error
    expect(code(() => rate({ potential: DW, kT: 0.1, from: -1, domain: [2, -2] }))).toBe("BAD_DOMAIN");
    expect(code(() => rate({ potential: DW, kT: 0.1, from: 5, domain: DOMAIN }))).toBe("BAD_DOMAIN");
    expect(code(() => rate({ potential: "x^4 - 2*x^2 + 0*x", kT: 0.1, from: -1, domain: DOMAIN, gama: 1 } as never))).toBe("INVALID_ARGUMENT");
    try { rate({ potential: DW, kT: -2, from: -1, domain: DOMAIN }); } catch (e) { expect((e as Error).message).toMatch(/kT/); }
  });

  it("if the well is degenerate (x⁴-like), refuses the harmonic formulas", () => {
    expect(code(() => rate({ potential: "x^4 - x^6/6 + 0*x", kT: 0.05, from: 0.1, domain: [-3, 3] }))).toBe("INVALID_ARGUMENT");
  });
});

describe("quadrature", () => {
  it("integrates √ endpoint singularities: ∫₀¹ √(x(1−x)) dx = π/8 and ∫₀¹ log x dx = −1", () => {
    expect(tanhSinh((x) => Math.sqrt(x * (1 - x)), 0, 1).value).toBeCloseTo(Math.PI / 8, 14);
    expect(tanhSinh((x) => Math.log(x), 0, 1).value).toBeCloseTo(-1, 14);
  });
});

describe("energy diffusion against the exact low-friction rate (SciPy fixture, test/fixtures/rates_energy_diffusion.json)", () => {
  it("approaches the γ → 0 rate of the energy-diffusion equation with a gap ∝ kT/ΔU", async () => {
    const fx = (await import("./fixtures/rates_energy_diffusion.json")).default;
    const gaps = fx.cases.map((c: { kT: number; ratePerFriction: number }) => {
      const r = rate({ potential: DW, kT: c.kT, from: -1, domain: DOMAIN, gamma: 1e-9 });
      return r.rates.energyDiffusion / 1e-9 / c.ratePerFriction - 1;
    });
    // measured gaps 0.44, 0.21, 0.095, 0.048 at βΔU = 5, 10, 20, 40: ≈ 1.9/(βΔU), halving with kT
    gaps.forEach((g: number, i: number) => expect(g * fx.cases[i]!.reducedBarrier).toBeGreaterThan(1.5));
    gaps.forEach((g: number, i: number) => expect(g * fx.cases[i]!.reducedBarrier).toBeLessThan(2.3));
    expect(gaps[3]!).toBeLessThan(0.06);
  });
});
