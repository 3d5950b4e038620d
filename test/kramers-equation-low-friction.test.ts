// The Kramers-equation solver at low friction (γ = 0.01 … 0.0207, βΔU = 8: the three lowest points
// of the 20-point turnover curve) against an offline reference: the same discretization
// assembled independently in SciPy (whole operator, no face elimination) and solved with SuperLU at
// budgets the library cannot reach — mode-converged on nested grids up to 4× finer than the solver's
// finest, then Romberg in h (scripts/fixtures/kramers_low_friction.py).
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { expression } from "../src/potential/index.js";
import { wasmBackend } from "../src/turnover/engine.js";
import { kramersEquation } from "../src/turnover/index.js";
import { loadWasm } from "../src/wasm/loader.js";

interface Study {
  K: number[];
  N: number[];
  values: number[];
  modeConverged: number[];
  romberg: number[][];
  value: number;
  uncertainty: number;
}
const reference = JSON.parse(readFileSync(new URL("./fixtures/kramers_low_friction.json", import.meta.url), "utf8")) as {
  kT: number;
  edges: [number, number];
  cases: { gamma: number; lambda1: Study; mfpt: Study }[];
};
const base = { potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, domain: [-3, 3] as [number, number] };

describe("the offline low-friction reference", () => {
  it("is the library's discretization: single solves agree with the SciPy/SuperLU values on the same grids", async () => {
    // Same operator, different assembly code and a different linear solver (sparse LU of all
    // unknowns vs the face-eliminated band LDLᵀ): they differ by rounding only. The reduced solve's
    // rounding bound at βΔU = 8, γ = 0.01 is 1e-13·e⁸·ω_a/γ = 4e-8 (engine.ts, reducedRoundoff); allow 1e-7.
    // Both factorizations of the node system (band LDLᵀ and the nested-dissection multifrontal LDLᵀ).
    const be = wasmBackend(await loadWasm(), expression(base.potential), base.domain);
    const c = reference.cases[0]!;
    const [y0, y1] = reference.edges;
    const phys = { beta: 32, vth: Math.sqrt(1 / 32), frictionRate: c.gamma, uRef: -0.25 };
    const shift = Math.min(0.02 * c.gamma, 10 * (Math.SQRT2 / Math.PI) * Math.exp(-8));
    for (const nodeSolver of ["band", "dissection"] as const) {
      for (const i of [0, 2]) {
        const K = c.lambda1.K[i]!, M = c.lambda1.N[i]! / 2;
        const r = be.eigen({ x0: y0, dx: (y1 - y0) / K / 2, P: 2 * K + 1, M, nodeSolver }, phys, true, shift, 0, 500, 1e-13);
        expect(Math.abs(r.lambda / c.lambda1.values[i]! - 1)).toBeLessThan(1e-7);
      }
      // the MFPT grid: nodes at −1 and at the target +1, the outer wall at the thermal edge
      const K = c.mfpt.K[2]!, M = c.mfpt.N[2]! / 2;
      const hh = 2 / K, J = Math.ceil((-1 - y0) / hh);
      const m = be.mfpt({ x0: -1 - J * hh, dx: hh / 2, P: 2 * (J + K) + 1, M, nodeSolver }, { ...phys, frictionRate: c.gamma }, 2 * J, 2 * J + K);
      expect(Math.abs(m.bottom / c.mfpt.values[2]! - 1)).toBeLessThan(1e-7);
    }
  });

  it("is converged far below the tolerance: mode changes, the Romberg corrections and the stated uncertainty", () => {
    for (const c of reference.cases) {
      for (const s of [c.lambda1, c.mfpt]) {
        // the two finest Romberg (h⁴) values agree to the stated uncertainty, which is well below 1e-4
        // (2e-5 at γ = 0.01, where the h² series becomes clean only on the finest grids)
        expect(s.uncertainty / s.value).toBeLessThan(3e-5);
        const h4 = s.romberg[2]!;
        expect(Math.abs(h4[h4.length - 1]! - h4[h4.length - 2]!)).toBeLessThanOrEqual(s.uncertainty);
        // the h² series is clean on the finest grids: the ratio of successive differences → 4
        const q = s.modeConverged;
        const n = q.length;
        const ratio = (q[n - 2]! - q[n - 3]!) / (q[n - 1]! - q[n - 2]!);
        expect(Math.abs(ratio - 4)).toBeLessThan(0.2);
      }
    }
  });
});

describe("kramersEquation at low friction (default budget)", () => {
  it("reports error estimates that bound its actual error against the reference, both columns", async () => {
    for (const c of reference.cases) {
      const r = await kramersEquation({ ...base, gamma: c.gamma });
      const actualRate = Math.abs(r.lambda1 - c.lambda1.value);
      const actualMfpt = Math.abs(r.mfpt - c.mfpt.value);
      expect(actualRate).toBeLessThanOrEqual(r.rateConvergence!.errorEstimate + c.lambda1.uncertainty);
      expect(actualMfpt).toBeLessThanOrEqual(r.mfptError + c.mfpt.uncertainty);
      // a converged flag means the actual error meets the tolerance (1e-4)
      if (r.rateConvergence!.converged) expect(actualRate).toBeLessThanOrEqual(1e-4 * c.lambda1.value + c.lambda1.uncertainty);
      if (r.mfptConvergence!.converged) expect(actualMfpt).toBeLessThanOrEqual(1e-4 * c.mfpt.value + c.mfpt.uncertainty);
      // what the default budget (maxModes 1000, 256 MB) reaches: both columns to 1e-4 at all three
      // frictions (γ = 0.01: N = 986 for both, estimates 2.9e-5 / 2.3e-5, actual 1.2e-5 / 1.3e-5) —
      // the nested-dissection factorization needs ≈ 1/16 of the band's flops and ≈ 1/8 of its memory there
      expect(r.rateConvergence!.converged).toBe(true);
      expect(r.mfptConvergence!.converged).toBe(true);
      expect(r.converged).toBe(true);
    }
  }, 240_000);
});
