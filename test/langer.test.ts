// Langer's N-D rate: exact reduction to the 1-D Kramers formulas for separable potentials (also
// rotated, and in 3-D), the O(kT/ΔU) approach to the exact MFPT of a coupled 2-D potential
// (the 2-D backward equation, gridMfpt2D), validity warnings
// and errors.
import { describe, expect, it } from "vitest";
import { gridMfpt2D } from "../src/fokker-planck/nd/index.js";
import { expressionND, fromFunctionND, muellerBrown } from "../src/potential/nd.js";
import { langerRate } from "../src/rates/langer.js";
import { rate } from "../src/rates/rate.js";

describe("langerRate reduces to Kramers in one dimension", () => {
  const kT = 1 / 32;
  for (const gamma of [0.05, 0.7, 20]) {
    it(`separable x⁴/4 − x²/2 + 2y² (γ = ${gamma}): full, overdamped and TST rates equal the 1-D formulas (to rounding), also rotated by 30° and in 3-D`, () => {
      const oneD = rate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1, gamma }).rates;
      const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
      const X = `(${c}*x + ${s}*y)`, Y = `(${-s}*x + ${c}*y)`;
      const cases = [
        langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT, from: [-1, 0.1], to: [1, -0.1], gamma }),
        // a non-diagonal Hessian everywhere
        langerRate({ potential: `${X}^4/4 - ${X}^2/2 + 2*${Y}^2`, kT, from: [-c, -s], to: [c, s], gamma }),
        // two transverse modes: their frequencies cancel in det H_a/|det H_b|
        langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2 + 0.5*z^2 + 0.1*(y - z)^2", kT, from: [-1, 0, 0], saddle: [0.05, 0.01, 0], gamma }),
      ];
      for (const r of cases) {
        expect(Math.abs(r.rates.full / oneD.kramersFull - 1)).toBeLessThan(1e-12);
        expect(Math.abs(r.rates.overdamped / oneD.kramersOverdamped - 1)).toBeLessThan(1e-12);
        expect(Math.abs(r.rates.tst / oneD.tst - 1)).toBeLessThan(1e-12);
        expect(r.reducedBarrier).toBeCloseTo(8, 12);
      }
    });
  }
});

describe("langerRate with a mass, in 3-D, and with numerical derivatives", () => {
  it("scales with the mass as Kramers' formulas do, finds a coupled 3-D saddle, and gives the same rates from Ridders-differentiated JS functions", () => {
    const kT = 1 / 32;
    const r = langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT, from: [-1, 0], to: [1, 0], gamma: 0.7, mass: 3 });
    const oneD = rate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1, gamma: 0.7, mass: 3 }).rates;
    expect(Math.abs(r.rates.full / oneD.kramersFull - 1)).toBeLessThan(1e-12);
    expect(Math.abs(r.rates.tst / oneD.tst - 1)).toBeLessThan(1e-12);
    // 3-D with couplings: minima (±1, ±0.5, 0.1), saddle at the origin (by symmetry), ΔU = 1
    const three = langerRate({ potential: "(x^2-1)^2 + (y - 0.5*x)^2 + 2*(z - 0.2*x*y)^2", kT: 0.1, from: [-1, -0.5, 0.1], to: [1, 0.5, 0.1] });
    expect(Math.hypot(...three.saddle.x)).toBeLessThan(1e-12);
    expect(three.barrierHeight).toBeCloseTo(1, 12);
    // Ridders' Hessians (≈ 1e-8) change the rates by far less than their asymptotic error
    const f = fromFunctionND((x) => (x[0]! ** 2 - 1) ** 2 + 2 * (x[1]! - 0.3 * x[0]! ** 2) ** 2, { dimension: 2 });
    const numerical = langerRate({ potential: f, kT: 0.1, from: [-1, 0.3], to: [1, 0.3], gamma: 2 });
    const exact = langerRate({ potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.1, from: [-1, 0.3], to: [1, 0.3], gamma: 2 });
    expect(Math.abs(numerical.rates.full / exact.rates.full - 1)).toBeLessThan(1e-7);
  });
});

describe("langerRate against the exact MFPT of a coupled 2-D potential", () => {
  it("approaches 1/MFPT(well → other well) as O(kT/ΔU): k·T − 1 = 4.7 % at βΔU = 10 and 2.2 % at βΔU = 20", async () => {
    // U = (x² − 1)² + 2(y − 0.3x²)²: a curved valley (the Hessian is not diagonal along the path),
    // minima (±1, 0.3), saddle (0, 0), ΔU = 1. The exact MFPT from the left minimum to the line
    // x = 1 through the right one (gridMfpt2D: backward equation, checked against the 1-D
    // quadrature in fokker-planck-nd.test.ts) to 1e-4: crossing the saddle, then an O(1) slide,
    // so 1/T = k(1 + O(e^{−βΔU})) and what is left is Langer's own asymptotic error.
    const p = expressionND("(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2");
    const dev: number[] = [];
    for (const kT of [0.1, 0.05]) {
      const L = langerRate({ potential: p, kT, from: [-1, 0.3], to: [1, 0.3], gamma: 1 });
      expect(L.saddle.x[0]).toBeCloseTo(0, 12);
      const T = await gridMfpt2D({ potential: p, kT, from: [-1, 0.3], target: { axis: 0, at: 1 }, domain: [[-1.9, 1.2], [-1.0, 1.6]] });
      expect(T.converged).toBe(true);
      dev.push(L.rates.overdamped * T.mfpt - 1);
    }
    // Langer overestimates (anharmonic well and saddle) by an amount ∝ kT/ΔU: halving kT halves it
    expect(dev[0]!).toBeGreaterThan(0.03);
    expect(dev[0]!).toBeLessThan(0.065);
    expect(dev[1]!).toBeGreaterThan(0.01);
    expect(dev[1]!).toBeLessThan(0.033);
    expect(dev[1]! / dev[0]!).toBeGreaterThan(0.35);
    expect(dev[1]! / dev[0]!).toBeLessThan(0.65);
  }, 60_000);
});

describe("langerRate validity and errors", () => {
  it("warns about a low barrier, energy-diffusion friction and an overdamped formula out of range", () => {
    const low = langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT: 0.1, from: [-1, 0], to: [1, 0], gamma: 10 });
    expect(low.warnings.map((w) => w.code)).toContain("LOW_BARRIER");
    const slow = langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT: 1 / 32, from: [-1, 0], to: [1, 0], gamma: 0.005 });
    const codes = slow.warnings.map((w) => w.code);
    expect(codes).toContain("FRICTION_REGIME");
    expect(codes).toContain("OVERDAMPED_INVALID");
    expect(slow.ingredients.upsilon).toBeLessThan(0.9);
    const mb = langerRate({ potential: muellerBrown(), kT: 10, from: [-0.5, 1.5], to: [0.6, 0], gamma: 50 });
    expect(mb.warnings.map((w) => w.code)).toContain("INTERMEDIATE_MINIMUM");
  });

  it("refuses what it cannot do, naming the problem", () => {
    const base = { potential: "x^4/4 - x^2/2 + 2*y^2", kT: 0.05, from: [-1, 0] };
    expect(() => langerRate(base)).toThrow(/give `to`/);
    expect(() => langerRate({ ...base, kT: -1, to: [1, 0] })).toThrow(expect.objectContaining({ code: "NOT_POSITIVE" }));
    // a flat direction: no harmonic prefactor
    expect(() => langerRate({ ...base, potential: "x^4/4 - x^2/2 + y^4", to: [1, 0] })).toThrow(/flat/);
    // no transition state to reach
    expect(() => langerRate({ ...base, potential: "x^2 + y^2", from: [0.1, 0], saddle: [0.5, 0.5] })).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
  });
});
