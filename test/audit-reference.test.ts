// Audit against independent mpmath values (scripts/fixtures/audit_reference.py → test/fixtures/audit_reference.json):
// every rate formula on potentials beyond the quartic double well (tilted, asymmetric, metastable
// cubic, washboard, triple well, parameters, fromFunction, families) with γ ≠ 1 and m ≠ 1, the exact
// MFPT and splitting probabilities on the same potentials, thermal energies in every unit and Eyring rates.
import { describe, expect, it } from "vitest";
import {
  rate, mfpt, splittingProbability, thermalEnergy, eyringRate, expression, fromFunction, tiltedDoubleWell, asymmetricDoubleWell,
  metastableCubic, tiltedWashboard, tripleWell, symmetricDoubleWell, harmonic, type Potential1D, type EnergyUnit, type RateValues,
} from "../src/index.js";
import ref from "./fixtures/audit_reference.json";

const rel = (a: number, b: number) => Math.abs(a / b - 1);
const byName = <T extends { name: string }>(list: T[], name: string): T => {
  const c = list.find((x) => x.name === name);
  if (!c) throw new Error(`fixture case ${name} missing`);
  return c;
};

const roughFn = (x: number) => x ** 4 / 4 - x ** 2 / 2 + 0.05 * Math.sin(3 * x);
/** How the library is asked for each fixture case (potential object or string, from, to, domain). */
const RATE_CALLS: Record<string, { potential: string | Potential1D | ((x: number) => number); from: number; to?: number; domain?: [number, number] }[]> = {
  "tilted double well, left -> right": [{ potential: "x^4/4 - x^2/2 + 0.1*x", from: -1, to: 1 }],
  "tilted double well family, right -> left": [{ potential: tiltedDoubleWell(), from: 1 }, { potential: "x^4/4 - x^2/2 + 0.1*x", from: 0.9, to: -1 }],
  "asymmetric double well family, right -> left": [{ potential: asymmetricDoubleWell(), from: 1, to: -1 }],
  "metastable cubic family": [{ potential: metastableCubic(), from: 0 }, { potential: "3*x^2 - 2*x^3", from: 0.2 }],
  "metastable cubic, x_b = -2": [{ potential: metastableCubic({ barrierPosition: -2 }), from: 0 }],
  "tilted washboard F = 0.3, low friction": [{ potential: tiltedWashboard({ force: 0.3 }), from: 0.3 }],
  "triple well, 0 -> 2": [{ potential: tripleWell(), from: 0, to: 2 }],
  "triple well, 2 -> 0, m = 1.5": [{ potential: tripleWell(), from: 2, to: 0 }],
  "expression with parameters a x^4 - b x^2": [{ potential: expression("a*x^4 - b*x^2", { parameters: { a: 0.5, b: 2 } }), from: -1 }],
  "symmetric double well family, dU = 2, x0 = 1.5": [{ potential: symmetricDoubleWell({ barrierHeight: 2, wellPosition: 1.5 }), from: -1.5, to: 1.5 }],
  "rough double well (expression and fromFunction)": [
    { potential: "x^4/4 - x^2/2 + 0.05*sin(3*x)", from: -1, domain: [-2, 2] },
    { potential: roughFn, from: -1, domain: [-2, 2] },
  ],
  "Lorentzian bump in a harmonic well": [{ potential: "1/(1+x^2) + 0.1*x^2", from: 1.5, to: -1.5 }],
};

describe("rate() on many potentials agrees with rates built from mpmath ingredients", () => {
  for (const c of ref.rates) {
    const calls = RATE_CALLS[c.name];
    it(`${c.name} (kT = ${c.kT}, γ = ${c.gamma}, m = ${c.mass})`, () => {
      expect(calls).toBeDefined();
      for (const call of calls!) {
        const r = rate({ ...call, kT: c.kT, gamma: c.gamma, mass: c.mass });
        const fn = typeof call.potential === "function";
        // Exact derivatives: critical points to ~1e-15 (U′ roots by Brent), so every ingredient and
        // rate is good to rounding × the condition of exp(−βΔU) (βΔU ≤ 45 → ~1e-13). Function
        // potentials: Ridders derivatives (~1e-10 relative, the documented accuracy) and curvatures
        // from a second numerical derivative (~1e-8), so the prefactors carry ~1e-8.
        const tol = fn ? 1e-7 : 1e-10;
        const x = (v: number, want: string) => expect(Math.abs(v - Number(want))).toBeLessThan(fn ? 1e-8 : 1e-11);
        x(r.well.x, c.well);
        x(r.top.x, c.top);
        expect(rel(r.barrier.height, Number(c.barrierHeight))).toBeLessThan(fn ? 1e-9 : 1e-12);
        expect(rel(r.ingredients.wellCurvature, Number(c.wellCurvature))).toBeLessThan(tol);
        expect(rel(r.ingredients.barrierCurvature, Number(c.barrierCurvature))).toBeLessThan(tol);
        expect(rel(r.well.frequency, Number(c.wellFrequency))).toBeLessThan(tol);
        expect(rel(r.top.frequency, Number(c.barrierFrequency))).toBeLessThan(tol);
        // the action by tanh–sinh at 1e-12 relative (its stated tolerance)
        expect(rel(r.ingredients.action, Number(c.action))).toBeLessThan(fn ? 1e-9 : 1e-11);
        expect(rel(r.ingredients.delta, Number(c.delta))).toBeLessThan(fn ? 1e-9 : 1e-11);
        // Υ by tanh–sinh at 1e-13 (depopulationFactor's tolerance) in the exponent
        expect(rel(r.ingredients.upsilon, Number(c.upsilon))).toBeLessThan(fn ? 1e-9 : 1e-11);
        for (const [k, v] of Object.entries(c.rates)) {
          const got = r.rates[k as keyof RateValues];
          expect(got, k).toBeDefined();
          // βΔU up to 45: the rounding of ΔU (1e-16·|U|) becomes 45e-16 relative in exp(−βΔU)
          expect(rel(got!, Number(v)), `${k}: ${got} vs ${v}`).toBeLessThan(tol);
        }
        if (!("melnikovPollakDoubleWell" in c.rates)) expect(r.rates.melnikovPollakDoubleWell).toBeUndefined();
      }
    });
  }
});

describe("mfpt() on many potentials agrees with nested mpmath quadrature", () => {
  const calls: Record<string, Potential1D | string> = {
    "metastable cubic 0 -> 1.5, wall at -1": metastableCubic(),
    "metastable cubic 0 -> 1.5, no wall": "3*x^2 - 2*x^3",
    "triple well 0 -> 2": tripleWell(),
    "asymmetric double well right -> left, gamma 3": asymmetricDoubleWell(),
    "washboard one period, wall at -2": tiltedWashboard({ force: 0.3 }),
    "parameters a = 0.5, b = 2": expression("a*x^4 - b*x^2", { parameters: { a: 0.5, b: 2 } }),
    "tilted double well (fromFunction)": fromFunction((x) => x ** 4 / 4 - x ** 2 / 2 + 0.1 * x),
    "harmonic family k = 3, c = 0.5": harmonic({ stiffness: 3, center: 0.5 }),
    "Lorentzian bump 1.47 -> -1.47": "1/(1+x^2) + 0.1*x^2",
    // before: NOT_FINITE "not smooth" (any jump of U′ was refused); a kink is now a panel edge
    "kinked double well 0.05|x - 0.3|": "x^4/4 - x^2/2 + 0.05*abs(x - 0.3)",
  };
  for (const c of ref.mfpt) {
    it(c.name, () => {
      const potential = calls[c.name];
      expect(potential).toBeDefined();
      const r = mfpt({ potential: potential!, kT: c.kT, from: c.from, to: c.to, gamma: c.gamma, ...(c.reflect !== null ? { reflect: c.reflect } : {}) });
      // The library's stated accuracy is ~1e-12 relative (tolerance 1e-12 per panel, errorEstimate
      // ~1e-13); mpmath's nested quadrature is good to ≥ 20 digits. The function potential is
      // evaluated exactly (U itself needs no derivative in the quadrature), so the same bound holds.
      expect(rel(r.mfpt, Number(c.mfpt))).toBeLessThan(1e-11);
      expect(r.errorEstimate).toBeLessThan(1e-10);
      expect(r.converged).toBe(true);
      // γ enters only as T ∝ γ
      expect(r.diffusion).toBeCloseTo(c.kT / c.gamma, 15);
    });
  }
});

describe("splittingProbability() agrees with mpmath on asymmetric landscapes", () => {
  const calls: Record<string, Potential1D> = { "triple well": tripleWell(), washboard: tiltedWashboard({ force: 0.3 }), "asymmetric double well": asymmetricDoubleWell() };
  for (const c of ref.splitting) {
    it(c.name, () => {
      for (const p of c.points) {
        const r = splittingProbability({ potential: calls[c.name]!, kT: c.kT, from: p.from, absorbing: c.absorbing as [number, number] });
        // each probability from its own side, 1e-12 per panel: relative 1e-10 even for the small one
        expect(rel(r.upper, Number(p.upper))).toBeLessThan(1e-10);
        expect(rel(r.lower, Number(p.lower))).toBeLessThan(1e-10);
      }
    });
  }
});

describe("units and Eyring rates agree with the exact 2019 SI constants", () => {
  it("thermalEnergy(T, unit) in every unit", () => {
    // a product and a quotient of exact constants: rounding only (4 ulp)
    for (const c of ref.units) expect(rel(thermalEnergy(c.temperature, c.unit as EnergyUnit), Number(c.kT))).toBeLessThan(1e-15);
  });
  it("eyringRate in kJ/mol, kcal/mol, eV and J with a transmission coefficient", () => {
    // exp amplifies the rounding of ΔG/kT (≤ 35) by ≤ 35: 1e-14
    for (const c of ref.eyring) {
      const r = eyringRate({ activationFreeEnergy: c.activationFreeEnergy, temperature: c.temperature, energyUnit: c.energyUnit as EnergyUnit, transmission: c.transmission });
      expect(rel(r.value, Number(c.rate))).toBeLessThan(1e-13);
      expect(r.units).toBe("1/s");
    }
  });
});
