// Units: kT at 300 K in every energy unit against published CODATA 2018 values (independent of the
// SI constants the module multiplies), conversion round trips, unit labels, and errors.
import { describe, expect, it } from "vitest";
import {
  KramersError, thermalEnergy, convertEnergy, temperatureFromThermalEnergy, checkUnitLabels, ENERGY_UNITS, REDUCED_UNITS,
  BOLTZMANN_J_PER_K, AVOGADRO_PER_MOL, mfpt,
} from "../src/index.js";

const rel = (x: number, ref: number) => Math.abs(x / ref - 1);

describe("thermalEnergy at 300 K against CODATA 2018", () => {
  // Published values (CODATA 2018, https://physics.nist.gov/cuu/Constants): k = 1.380649e-23 J/K (exact),
  // k = 8.617333262e-5 eV/K, R = N_A k = 8.314462618 J/(mol K); the printed digits are truncations
  // of exact numbers, so 1e-9 relative is the tolerance the printed digits allow.
  it("in J: 4.141947e-21", () => {
    expect(rel(thermalEnergy(300, "J"), 300 * 1.380649e-23)).toBeLessThan(1e-15);
    expect(rel(thermalEnergy(300), 4.141947e-21)).toBeLessThan(1e-15);
  });
  it("in eV: 300 × 8.617333262e-5 = 0.02585199979 eV", () => {
    expect(rel(thermalEnergy(300, "eV"), 300 * 8.617333262e-5)).toBeLessThan(1e-9);
  });
  it("in kJ/mol: 300 × R = 2.494338785 kJ/mol", () => {
    expect(rel(thermalEnergy(300, "kJ/mol"), (300 * 8.314462618) / 1000)).toBeLessThan(1e-9);
  });
  it("in kcal/mol: 300 × R / 4184 = 0.5961612775 kcal/mol (thermochemical calorie)", () => {
    expect(rel(thermalEnergy(300, "kcal/mol"), (300 * 8.314462618) / 4184)).toBeLessThan(1e-9);
    expect(thermalEnergy(300, "kcal/mol")).toBeCloseTo(0.59616, 5);
  });
  it("in zJ and pN·nm (both 1e-21 J): 4.141947", () => {
    expect(thermalEnergy(300, "zJ")).toBeCloseTo(4.141947, 12);
    expect(thermalEnergy(300, "pN nm")).toBeCloseTo(4.141947, 12);
  });
  it("scales linearly with T and inverts with temperatureFromThermalEnergy", () => {
    for (const unit of ENERGY_UNITS) {
      expect(rel(thermalEnergy(600, unit), 2 * thermalEnergy(300, unit))).toBeLessThan(1e-15);
      for (const T of [1e-3, 4.2, 298.15, 1e4]) {
        expect(rel(temperatureFromThermalEnergy(thermalEnergy(T, unit), unit), T)).toBeLessThan(4e-16);
      }
    }
  });
  it("the molar units multiply by the Avogadro constant", () => {
    expect(rel(thermalEnergy(300, "kJ/mol"), (BOLTZMANN_J_PER_K * 300 * AVOGADRO_PER_MOL) / 1000)).toBeLessThan(1e-15);
  });
});

describe("convertEnergy", () => {
  it("known factors: 1 kcal/mol = 4.184 kJ/mol, 1 eV = 96.48533212 kJ/mol (CODATA F/1000)", () => {
    expect(convertEnergy(1, "kcal/mol", "kJ/mol")).toBeCloseTo(4.184, 14);
    // Faraday constant F = 96485.33212 C/mol (CODATA 2018, truncated)
    expect(rel(convertEnergy(1, "eV", "kJ/mol"), 96.48533212)).toBeLessThan(1e-10);
    expect(rel(convertEnergy(1, "eV", "J"), 1.602176634e-19)).toBeLessThan(1e-16);
  });
  it("round-trips between every pair of units", () => {
    for (const a of ENERGY_UNITS) {
      for (const b of ENERGY_UNITS) {
        for (const v of [-3.5, 1e-7, 1, 12345.678]) {
          expect(rel(convertEnergy(convertEnergy(v, a, b), b, a), v)).toBeLessThan(4e-16);
        }
        // transitivity through a third unit
        expect(rel(convertEnergy(convertEnergy(2, a, "eV"), "eV", b), convertEnergy(2, a, b))).toBeLessThan(4e-16);
      }
    }
    expect(convertEnergy(0, "J", "eV")).toBe(0);
  });
});

describe("unit errors", () => {
  const code = (f: () => unknown): string => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(KramersError);
      return (e as KramersError).code;
    }
    return "none";
  };
  it("if given an unknown unit, throws INVALID_ARGUMENT naming it", () => {
    expect(code(() => thermalEnergy(300, "kJ" as never))).toBe("INVALID_ARGUMENT");
    expect(code(() => convertEnergy(1, "eV", "Hartree" as never))).toBe("INVALID_ARGUMENT");
    expect(code(() => convertEnergy(1, "ev" as never, "J"))).toBe("INVALID_ARGUMENT");
    expect(() => thermalEnergy(300, "kJ" as never)).toThrow(/unit.*"kJ"/);
  });
  it("if the temperature is not positive or not finite, throws NOT_POSITIVE / NOT_FINITE", () => {
    expect(code(() => thermalEnergy(0))).toBe("NOT_POSITIVE");
    expect(code(() => thermalEnergy(-5, "eV"))).toBe("NOT_POSITIVE");
    expect(code(() => thermalEnergy(NaN))).toBe("NOT_FINITE");
    expect(code(() => thermalEnergy(Infinity))).toBe("NOT_FINITE");
    expect(code(() => temperatureFromThermalEnergy(0, "eV"))).toBe("NOT_POSITIVE");
    expect(code(() => convertEnergy(NaN, "eV", "J"))).toBe("NOT_FINITE");
  });
});

describe("unit labels on results", () => {
  it("default to reduced units and are carried through mfpt()", () => {
    expect(checkUnitLabels(undefined)).toEqual(REDUCED_UNITS);
    const kT = thermalEnergy(300, "kJ/mol");
    // a 10 kJ/mol harmonic barrier in kJ/mol and ps: the label travels, the numbers are the caller's
    const r = mfpt({ potential: "20*x^2", kT, from: 0, to: Math.sqrt(0.5), units: { energy: "kJ/mol", time: "ps" } });
    expect(r.units).toEqual({ energy: "kJ/mol", time: "ps" });
    expect(r.reducedBarrier).toBeUndefined();
    expect(code2(() => checkUnitLabels({ energy: 3 }))).toBe("INVALID_ARGUMENT");
    expect(code2(() => checkUnitLabels("ps"))).toBe("INVALID_ARGUMENT");
  });
});

function code2(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return e instanceof KramersError ? e.code : "other";
  }
  return "none";
}
