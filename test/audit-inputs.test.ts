// Audit of bad and awkward input through the public API: each case here failed (a silent wrong
// number, an error naming the wrong option, or a refusal of valid input) before the fix it tests.
import { describe, expect, it } from "vitest";
import { KramersError, rate, mfpt, spectrum, stationaryDensity, tiltedWashboard, harmonic, checkUnitLabels } from "../src/index.js";

const caught = (f: () => unknown): KramersError => {
  try {
    f();
  } catch (e) {
    if (e instanceof KramersError) return e;
    throw e;
  }
  throw new Error("expected a KramersError");
};
const caughtAsync = async (f: () => Promise<unknown>): Promise<KramersError> => {
  try {
    await f();
  } catch (e) {
    if (e instanceof KramersError) return e;
    throw e;
  }
  throw new Error("expected a KramersError");
};

describe("Fokker–Planck functions refuse a potential that is undefined on part of the domain", () => {
  it("if U = log(x) on [-1, 6] (NaN for x < 0), spectrum throws NOT_FINITE instead of returning the eigenvalues of a cut domain", async () => {
    // before: eigenvalues 0, 0.137, 0.548, … (free diffusion on the part x > 0) and no warning
    const e = await caughtAsync(() => spectrum({ potential: "log(x)", kT: 0.5, domain: [-1, 6] }));
    expect(e.code).toBe("NOT_FINITE");
    expect(e.message).toMatch(/log\(x\)/);
    expect(e.message).toMatch(/x = -/);
  });
  it("if a function potential is NaN on a sub-interval, stationaryDensity throws NOT_FINITE", async () => {
    const f = (x: number) => (x > 0.2 && x < 0.35 ? NaN : x * x);
    const e = await caughtAsync(() => stationaryDensity({ potential: f, kT: 0.5, domain: [-2, 2], grid: 512 }));
    expect(e.code).toBe("NOT_FINITE");
  });
  it("a defined potential on the same domain still works (the check does not reject valid input)", async () => {
    const s = await spectrum({ potential: "log(x + 2)", kT: 0.5, domain: [-1, 6], count: 2, grid: 256 });
    expect(s.eigenvalues[0]).toBe(0);
    expect(s.eigenvalues[1]).toBeGreaterThan(0);
  });
  it("if tol ≥ 1 (no digit asked for), spectrum throws INVALID_ARGUMENT naming tol", async () => {
    const e = await caughtAsync(() => spectrum({ potential: "x^2", kT: 0.5, domain: [-6, 6], tol: 2 }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.details?.option).toBe("tol");
  });
});

describe("rate(): the potential's suggested domain is a default, not a limit", () => {
  it("a start in another period of a washboard family gives the same barrier as the expression string", () => {
    // before: BAD_DOMAIN "from = 20 lies outside the domain [-π, 3π]" although the caller passed no domain
    const fam = rate({ potential: tiltedWashboard({ force: 0.3 }), kT: 0.1, from: 20 });
    const str = rate({ potential: "-V0*cos(x) - F*x".replace("V0", "1").replace("F", "0.3"), kT: 0.1, from: 20 });
    // ΔU = 2√(1 − F²) − F(π − 2 asin F), exact; located to ~1e-15
    const F = 0.3;
    const dU = 2 * Math.sqrt(1 - F * F) - F * (Math.PI - 2 * Math.asin(F));
    expect(Math.abs(fam.barrier.height - dU)).toBeLessThan(1e-13);
    expect(Math.abs(fam.well.x - (Math.asin(F) + 6 * Math.PI))).toBeLessThan(1e-12);
    expect(fam.rates.kramersFull).toBeCloseTo(str.rates.kramersFull, 15);
  });
  it("a start far from a harmonic family's suggested domain is searched for and reports the real problem (no barrier)", () => {
    expect(caught(() => rate({ potential: harmonic(), kT: 0.1, from: 10 })).code).toBe("NO_BARRIER");
  });
  it("a given domain is still a limit: a start outside it is BAD_DOMAIN", () => {
    expect(caught(() => rate({ potential: tiltedWashboard({ force: 0.3 }), kT: 0.1, from: 20, domain: [-3, 9] })).code).toBe("BAD_DOMAIN");
  });
});

describe("rate(): errors about the target name the option `to`", () => {
  it("if to is the bottom of the start's own well, the error names to and from", () => {
    // before: 'toward = 1 is the minimum itself' (no option of rate() is called toward)
    const e = caught(() => rate({ potential: "x^4/4 - x^2/2", kT: 0.1, from: 0.5, to: 1 }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toMatch(/^to = 1 /);
    expect(e.details?.option).toBe("to");
  });
  it("if to lies in the start's well, NO_BARRIER names to", () => {
    const e = caught(() => rate({ potential: "x^4/4 - x^2/2", kT: 0.1, from: -1, to: -0.5 }));
    expect(e.code).toBe("NO_BARRIER");
    expect(e.message).toMatch(/^to = -0.5 /);
    expect(e.details?.option).toBe("to");
  });
});

describe("rate(): a rate that underflows to 0 says so", () => {
  it("at βΔU = 2500 the rates are 0 with an UNDERFLOW warning carrying ln k", () => {
    // before: every rate 0 and no warning besides the friction regimes
    const r = rate({ potential: "x^4/4 - x^2/2", kT: 1e-4, from: -1, domain: [-2, 2] });
    expect(r.rates.kramersFull).toBe(0);
    const w = r.warnings.find((x) => x.code === "UNDERFLOW");
    expect(w).toBeDefined();
    // ln k_full = ln(ω_a/(2π)·(√(1/4 + 1) − 1/2)) − 2500 for ω_a = √2, ω_b = 1, γ = m = 1 (closed form)
    const lnK = Math.log((Math.SQRT2 / (2 * Math.PI)) * (Math.sqrt(1.25) - 0.5)) - 2500;
    expect(w!.message).toContain(lnK.toPrecision(8));
  });
  it("no UNDERFLOW warning when the rates are representable", () => {
    const r = rate({ potential: "x^4/4 - x^2/2", kT: 0.001, from: -1, domain: [-2, 2] }); // βΔU = 250
    expect(r.rates.kramersFull).toBeGreaterThan(0);
    expect(r.warnings.some((x) => x.code === "UNDERFLOW")).toBe(false);
  });
});

describe("unit labels reject typos", () => {
  it("an unknown key in units throws INVALID_ARGUMENT naming it", () => {
    // before: { energy: "eV", tme: "ps" } silently gave time "reduced"
    const e = caught(() => rate({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, units: { energy: "eV", tme: "ps" } as never }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toContain('"tme"');
    expect(caught(() => mfpt({ potential: "x^2", kT: 1, from: 0, to: 1, units: { Energy: "eV" } as never })).code).toBe("INVALID_ARGUMENT");
  });
  it("a result's own units (with its derived `rate` label) can be passed on", () => {
    const r = rate({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, units: { energy: "kJ/mol", time: "ps" } });
    expect(checkUnitLabels(r.units)).toEqual({ energy: "kJ/mol", time: "ps" });
  });
});
