// The 2-D Fokker–Planck solvers. gridMfpt2D (backward equation): against the exact 1-D quadrature
// for a separable potential (the first passage in x does not see y), invariance under relabelling
// the axes, WASM against the JS twin, input checking. gridSpectrum2D (λ₁): the OU closed form, the
// 1-D spectrum of a separable potential up to βΔU = 30, and 1/MFPT for a coupled double well.
import { describe, expect, it } from "vitest";
import { mfpt } from "../src/exact/index.js";
import { gridMfpt2D, gridSpectrum2D } from "../src/fokker-planck/nd/index.js";
import { spectrum } from "../src/fokker-planck/index.js";

const kT = 1 / 24; // βΔU = 6
const base = { potential: "x^4/4 - x^2/2 + 2*y^2", kT, from: [-1, 0], target: { axis: 0 as const, at: 1 }, domain: [[-2.3, 1.5], [-1.2, 1.2]] };

describe("gridMfpt2D", () => {
  it("equals the 1-D quadrature MFPT of a separable potential within its error estimate (measured 3.4e-7 at tolerance 1e-4, 4.8e-8 at 1e-6)", async () => {
    const ref = mfpt({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1 }).mfpt;
    for (const tolerance of [1e-4, 1e-6]) {
      const r = await gridMfpt2D({ ...base, tolerance });
      expect(r.converged).toBe(true);
      expect(r.mfptError / r.mfpt).toBeLessThanOrEqual(tolerance);
      // the walls are ≥ 30 kT up, so the box changes T by ≲ e^{−30}: only the grid error is left
      expect(Math.abs(r.mfpt - ref)).toBeLessThanOrEqual(r.mfptError);
      expect(r.warnings).toEqual([]);
      // second order: successive differences shrink ≈ 4× per halving
      const q = r.levels.map((l) => l.mfpt);
      expect((q[1]! - q[0]!) / (q[2]! - q[1]!)).toBeGreaterThan(3.5);
      expect((q[1]! - q[0]!) / (q[2]! - q[1]!)).toBeLessThan(4.5);
    }
  });

  it("gives the same value with the axes swapped and the target below (relabelling), and in the JS twin", async () => {
    const a = await gridMfpt2D(base);
    const b = await gridMfpt2D({ ...base, potential: "y^4/4 - y^2/2 + 2*x^2", from: [0, 1], target: { axis: 1, at: -1, side: "below" }, domain: [[-1.2, 1.2], [-1.5, 2.3]] });
    expect(b.mfpt).toBe(a.mfpt);
    const j = await gridMfpt2D({ ...base, engine: "js" });
    // same operations; Math.exp may differ in the last ulp between the engines
    expect(Math.abs(j.mfpt / a.mfpt - 1)).toBeLessThan(1e-10);
  });

  it("warns when the reflecting walls are low, and refuses bad input", async () => {
    const near = await gridMfpt2D({ ...base, domain: [[-1.6, 1.5], [-0.4, 0.4]], tolerance: 1e-3 });
    expect(near.warnings.map((w) => w.code)).toContain("DOMAIN_EDGE");
    await expect(gridMfpt2D({ ...base, potential: "x^2 + y^2 + z^2" })).rejects.toThrow(/2-D potential/);
    await expect(gridMfpt2D({ ...base, from: [1.2, 0] })).rejects.toThrow(/already in the target/);
    await expect(gridMfpt2D({ ...base, target: { axis: 0, at: 3 } })).rejects.toThrow(expect.objectContaining({ code: "BAD_DOMAIN" }));
    await expect(gridMfpt2D({ ...base, target: { axis: 2 as 0, at: 1 } })).rejects.toThrow(/axis/);
    await expect(gridMfpt2D({ ...base, kT: 0 })).rejects.toThrow(expect.objectContaining({ code: "NOT_POSITIVE" }));
    await expect(gridMfpt2D({ ...base, maxMemoryMB: 0.01 })).rejects.toThrow(/maxMemoryMB/);
  });
});

describe("gridSpectrum2D", () => {
  it("gives the closed-form λ₁ of a 2-D Ornstein–Uhlenbeck process (min of the curvatures/γ = 1) within its error estimate", async () => {
    const r = await gridSpectrum2D({ potential: "x^2/2 + 2*y^2", kT: 0.5, domain: [[-5, 5], [-3, 3]] });
    expect(r.converged).toBe(true);
    // measured: 1.6e-7 off, estimate 2.4e-6
    expect(Math.abs(r.lambda1 - 1)).toBeLessThanOrEqual(r.lambda1Error);
  });

  it("equals the 1-D spectrum's λ₁ for a separable double well, with its relative accuracy at βΔU = 30 (λ₁ ≈ 4e-14)", async () => {
    // the y mode (curvature 4) relaxes far faster, so λ₁ is the x part's; the 1-D engine is accurate to 1e-8
    for (const kT of [1 / 16, 1 / 120]) {
      const r = await gridSpectrum2D({ potential: "x^4/4 - x^2/2 + 2*y^2", kT, domain: [[-2.2, 2.2], [-1, 1]] });
      const oneD = (await spectrum({ potential: "x^4/4 - x^2/2", kT, domain: [-2.2, 2.2], count: 2 })).eigenvalues[1]!;
      expect(r.converged).toBe(true);
      expect(Math.abs(r.lambda1 - oneD)).toBeLessThanOrEqual(r.lambda1Error + 1e-8 * oneD);
    }
  });

  it("gives λ₁/2 = 1/MFPT to the other minimum of a coupled symmetric double well, to O(e^{−βΔU}) (two different solvers)", async () => {
    const p = "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2";
    const s = await gridSpectrum2D({ potential: p, kT: 0.1, domain: [[-1.9, 1.9], [-1, 1.6]] });
    const t = await gridMfpt2D({ potential: p, kT: 0.1, from: [-1, 0.3], target: { axis: 0, at: 1 }, domain: [[-1.9, 1.2], [-1, 1.6]] });
    // measured 1.1e-4 apart at βΔU = 10 (e^{−10} = 4.5e-5; the two rates differ at that order); errors ≤ 1e-4 each
    expect(Math.abs((s.lambda1 / 2) * t.mfpt - 1)).toBeLessThan(5e-4);
    // the JS twin agrees
    const j = await gridSpectrum2D({ potential: p, kT: 0.1, domain: [[-1.9, 1.9], [-1, 1.6]], engine: "js" });
    expect(Math.abs(j.lambda1 / s.lambda1 - 1)).toBeLessThan(1e-9);
  });
});
