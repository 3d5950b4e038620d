// The 2-D backward-equation MFPT (gridMfpt2D): against the exact 1-D quadrature for a separable
// potential (the first passage in x does not see y), invariance under relabelling the axes, the
// WASM kernels against their JS twins, and input checking.
import { describe, expect, it } from "vitest";
import { mfpt } from "../src/exact/index.js";
import { gridMfpt2D } from "../src/fokker-planck/nd/index.js";

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
  });
});
