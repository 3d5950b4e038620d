// Audit of bad and awkward input through the public API: each case here failed (a silent wrong
// number, an error naming the wrong option, or a refusal of valid input) before the fix it tests.
import { describe, expect, it } from "vitest";
import {
  KramersError, rate, mfpt, spectrum, stationaryDensity, tiltedWashboard, harmonic, checkUnitLabels, barrierAction, kramersFullRate, arrheniusFactor,
  transitionStateRate, kramersOverdampedRate, energyDiffusionRate, melnikovPollakRate, brentRoot, tanhSinh, searchDomain, expression, landscape, polynomial,
  symmetricDoubleWell, fromFunction, splittingProbability, simulate,
} from "../src/index.js";

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

describe("formula functions and numerical helpers: no silent wrong numbers", () => {
  it("barrierAction refuses a `top` that is not the barrier top (before: the action of another orbit, silently)", () => {
    const e = caught(() => barrierAction({ potential: "x^4/4 - x^2/2", well: -1, top: 0.5, domain: [-2, 2] }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.details?.option).toBe("top");
    expect(e.message).toMatch(/first maximum .* x = 0/);
  });
  it("barrierAction snaps a start inside the well and a top within rounding: I = 4/3 for x⁴/4 − x²/2", () => {
    // closed form 4√m/3; tanh–sinh to 1e-12
    const r = barrierAction({ potential: "x^4/4 - x^2/2", well: -0.8, top: 1e-12, domain: [-2, 2] });
    expect(Math.abs(r.action - 4 / 3)).toBeLessThan(1e-12);
  });
  it("a typo in a formula's options throws; an ingredients object shared by all formulas does not", () => {
    // before: { barierHeight } read as undefined → "barrierHeight must be a number" (fine), but
    // { gama: 10 } was silently ignored and γ = 1 used
    const e = caught(() => kramersFullRate({ barrierHeight: 1, kT: 0.1, wellFrequency: 1, barrierFrequency: 1, gama: 10 } as never));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toContain('"gama"');
    const shared = { barrierHeight: 1, kT: 0.1, wellFrequency: 1, barrierFrequency: 1, wellCurvature: 1, barrierCurvature: -1, action: 2, gamma: 0.5, mass: 1 };
    for (const f of [arrheniusFactor, transitionStateRate, kramersOverdampedRate, kramersFullRate, energyDiffusionRate, melnikovPollakRate]) {
      expect(f(shared as never).value).toBeGreaterThan(0);
    }
    expect(caught(() => arrheniusFactor(null as never)).code).toBe("INVALID_ARGUMENT");
  });
  it("melnikovPollakRate rejects an unknown geometry (before: any string meant the double-well form)", () => {
    const e = caught(() => melnikovPollakRate({ barrierHeight: 1, kT: 0.1, wellFrequency: 1, barrierFrequency: 1, action: 1, geometry: "double" as never }));
    expect(e.details?.option).toBe("geometry");
  });
  it("brentRoot on a NaN function reports converged: false (before: converged: true at 8.9e-16)", () => {
    expect(brentRoot(() => NaN, 0, 1).converged).toBe(false);
    expect(brentRoot((x) => (x > 0.3 ? NaN : x - 0.5), 0, 1).converged).toBe(false);
    expect(brentRoot((x) => x * x - 2, 0, 2).converged).toBe(true);
  });
  it("tanhSinh throws NOT_FINITE for a non-finite integrand or bound (before: value NaN)", () => {
    expect(caught(() => tanhSinh((x) => Math.sqrt(x), -1, 1)).code).toBe("NOT_FINITE");
    expect(caught(() => tanhSinh((x) => Math.exp(-x), 0, Infinity)).code).toBe("NOT_FINITE");
  });
  it("searchDomain names a NaN start (before: 'no barrier found around from = NaN up to [NaN, NaN]')", () => {
    expect(caught(() => searchDomain(expression("x^4/4 - x^2/2"), NaN)).code).toBe("NOT_FINITE");
  });
});

describe("landscape: kinks are extrema, jumps in U′ without a sign change are not", () => {
  it("the kink maximum of −|x − 1| is reported (before: dropped, only a SINGULARITY warning)", () => {
    const l = landscape({ potential: "-abs(x-1)", domain: [-1, 3] });
    expect(l.maxima).toHaveLength(1);
    // the kink is at the representable point 1; Brent lands on it exactly or within 1e-12
    expect(Math.abs(l.maxima[0]!.x - 1)).toBeLessThan(1e-12);
    expect(l.maxima[0]!.degenerate).toBe(true);
    expect(l.maxima[0]!.curvature).toBe(-Infinity);
    expect(l.warnings.find((w) => w.code === "DEGENERATE_POINT")!.message).toMatch(/kink/);
  });
  it("|x| − 2|x − 1|: one kink maximum at 1 and no critical point at 0, where U′ jumps from 1 to 3", () => {
    // before: a degenerate "inflection" at x ≈ −2e-11 (U′ = 1 there) and the maximum at 1 missing
    const l = landscape({ potential: "abs(x) - 2*abs(x-1)", domain: [-3, 3] });
    expect(l.minima).toHaveLength(0);
    expect(l.maxima.map((m) => Math.round(m.x * 1e9) / 1e9)).toEqual([1]);
    expect(l.degenerate.every((d) => Math.abs(d.x - 1) < 1e-9)).toBe(true);
  });
  it("the kink minimum of |x| has infinite (not zero) curvature, and a smooth degenerate point keeps U″ = 0", () => {
    const k = landscape({ potential: "abs(x)", domain: [-1, 2] }).minima[0]!;
    expect(Math.abs(k.x)).toBeLessThan(1e-12);
    expect(k.curvature).toBe(Infinity);
    const q = landscape({ potential: "x^4", domain: [-1, 2] }).minima[0]!;
    expect(Math.abs(q.curvature)).toBeLessThan(1e-50); // 12x² at the located root (|x| ~ 1e-31), not ±∞
    expect(q.degenerate).toBe(true);
  });
});

describe("polynomials written in shifted form reach the WASM core without cancellation", () => {
  it("the spectrum of (x − 1000)⁴/4 − (x − 1000)²/2 equals that of x⁴/4 − x²/2 (before: 2e-6 off with NOT_CONVERGED)", async () => {
    const base = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.05, domain: [-2, 2], count: 2 });
    for (const c of [100, 1000]) {
      const s = await spectrum({ potential: `(x - ${c})^4/4 - (x - ${c})^2/2`, kT: 0.05, domain: [c - 2, c + 2], count: 2 });
      // the same grid problem up to the rounding of x (|x| ~ 1e3 → 1e-13 in x): 1e-11 relative
      expect(Math.abs(s.eigenvalues[1]! / base.eigenvalues[1]! - 1)).toBeLessThan(1e-11);
      expect(s.converged).toBe(true);
    }
  });
  it("coefficients given by the caller keep the Horner fast path; an unshifted expression keeps it too", () => {
    expect(polynomial([0, 0, -0.5, 0, 0.25]).descriptor([-2, 2])[0]).toBe(0);
    expect(expression("x^4/4 - x^2/2").descriptor([-2, 2])[0]).toBe(0);
    // the shifted form falls back to the program (kind 1)
    expect(expression("(x - 1000)^4/4 - (x - 1000)^2/2").descriptor([998, 1002])[0]).toBe(1);
  });
});

describe("potential constructors reject typos and malformed options", () => {
  it("a typo in a family's options throws (before: { height: 2 } silently gave the default barrier 0.25)", () => {
    const e = caught(() => symmetricDoubleWell({ height: 2 } as never));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toContain('"height"');
    expect(caught(() => tiltedWashboard({ F: 0.3 } as never)).code).toBe("INVALID_ARGUMENT");
  });
  it("expression(): non-object parameters, a bad variable name and unknown keys are named", () => {
    expect(caught(() => expression("a*x", { parameters: 3 as never })).details?.option).toBe("parameters");
    expect(caught(() => expression("x^2", { variable: "2x" })).details?.option).toBe("variable");
    expect(caught(() => expression("x^2", { parameter: { a: 1 } } as never)).message).toContain('"parameter"');
  });
  it("fromFunction(): a non-function dU is INVALID_ARGUMENT (before: a raw TypeError deep inside rate())", () => {
    expect(caught(() => fromFunction((x) => x * x, { dU: 3 as never })).details?.option).toBe("dU");
    expect(caught(() => fromFunction((x) => x * x, { scale: NaN })).code).toBe("NOT_FINITE");
    expect(caught(() => fromFunction((x) => x * x, { suggestedDomain: [2, -2] })).code).toBe("BAD_DOMAIN");
  });
  it("a hand-made potential object without derivatives is INVALID_ARGUMENT (before: TypeError 'potential.dU is not a function')", () => {
    const e = caught(() => rate({ potential: { dimension: 1, U: (x: number) => x ** 4 / 4 - x * x / 2 } as never, kT: 0.05, from: -1, domain: [-2, 2] }));
    expect(e.code).toBe("INVALID_ARGUMENT");
    expect(e.message).toContain("dU");
  });
});

describe("Fokker–Planck maxCells is a cap the refinement can honour", () => {
  it("maxCells below the 128-cell starting grid is INVALID_ARGUMENT (before: maxCells 64 ran a 128-cell grid)", async () => {
    const e = await caughtAsync(() => spectrum({ potential: "x^4/4 - x^2/2", kT: 0.01, domain: [-2, 2], maxCells: 64 }));
    expect(e.details?.option).toBe("maxCells");
  });
});

describe("a large constant offset in U is reported, not silently absorbed", () => {
  it("mfpt with U + 1e14 warns PRECISION_LOSS and its errorEstimate covers the actual error", () => {
    // before: 3 % off with no warning (errorEstimate alone said 3.6)
    const exact = 729.6706919423226; // mpmath (test/fixtures/mfpt_mpmath.json, βΔU = 5)
    for (const off of ["1e10", "1e14"]) {
      const r = mfpt({ potential: `x^4/4 - x^2/2 + ${off}`, kT: 0.05, from: -1, to: 1 });
      expect(r.warnings.some((w) => w.code === "PRECISION_LOSS")).toBe(true);
      expect(Math.abs(r.mfpt / exact - 1)).toBeLessThan(r.errorEstimate);
    }
    expect(mfpt({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, to: 1 }).warnings).toEqual([]);
  });
  it("rate with U + 1e10 warns PRECISION_LOSS; without the offset it does not", () => {
    const w = (p: string) => rate({ potential: p, kT: 0.05, from: -1, domain: [-2, 2] }).warnings.map((x) => x.code);
    expect(w("x^4/4 - x^2/2 + 1e10")).toContain("PRECISION_LOSS");
    expect(w("x^4/4 - x^2/2")).not.toContain("PRECISION_LOSS");
  });
});

describe("splittingProbability with a large offset in U", () => {
  it("warns PRECISION_LOSS with U + 1e14 (before: 0.8 % off, no warning)", () => {
    const ref = splittingProbability({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -0.2, absorbing: [-1, 1] });
    const s = splittingProbability({ potential: "x^4/4 - x^2/2 + 1e14", kT: 0.05, from: -0.2, absorbing: [-1, 1] });
    expect(s.warnings.some((w) => w.code === "PRECISION_LOSS")).toBe(true);
    expect(Math.abs(s.upper / ref.upper - 1)).toBeLessThan(s.errorEstimate);
    expect(ref.warnings).toEqual([]);
  });
});

describe("expression parsing", () => {
  it("reads the typographic minus U+2212 as a minus (before: PARSE_ERROR 'unexpected character')", () => {
    expect(expression("x^4/4 \u2212 x^2/2").U(1)).toBe(-0.25);
  });
  it("an unclosed parenthesis names where it was opened, once", () => {
    const e = caught(() => expression("(x^2"));
    expect(e.message).toMatch(/^missing "\)" to close the "\(" opened at position 1 at position 5/);
  });
  it("a 200 000-character expression is refused for its depth with PARSE_ERROR (the old tokenizer copied the rest of the string per token)", () => {
    const e = caught(() => expression("x" + "+x".repeat(100_000)));
    expect(e.code).toBe("PARSE_ERROR");
    expect(e.message).toMatch(/too deep/);
  });
});

describe("rate(): singular points between the well and its barrier", () => {
  it("a log singularity inside the well's orbit is NOT_FINITE (before: ordinary rates, no warning)", () => {
    const e = caught(() => rate({ potential: "x^4/4 - x^2/2 + 1e-12*log((x+1.3)^2 - 0.0001)", kT: 0.05, from: -1, domain: [-2, 2] }));
    expect(e.code).toBe("NOT_FINITE");
    expect(e.message).toMatch(/x ≈ -1\.3/);
  });
  it("a pole 0.001/(x + 1.3) inside the orbit is NOT_FINITE, although U is finite next to it", () => {
    const e = caught(() => rate({ potential: "x^4/4 - x^2/2 + 0.001/(x+1.3)", kT: 0.05, from: -1, domain: [-2, 2] }));
    expect(e.code).toBe("NOT_FINITE");
    expect(e.message).toMatch(/x ≈ -1\.3/);
  });
  it("a kink inside the orbit gives the rates with a SINGULARITY warning", () => {
    const r = rate({ potential: "x^4/4 - x^2/2 + 0.01*abs(x+1.3)", kT: 0.05, from: -1, domain: [-2, 2] });
    expect(r.rates.kramersFull).toBeGreaterThan(0);
    expect(r.warnings.some((w) => w.code === "SINGULARITY")).toBe(true);
  });
  it("the landscape lists singularities and undefined regions as data, not only in warnings", () => {
    const l = landscape({ potential: "x^2 + 1e-12*log((x-0.5)^2 - 0.0001)", domain: [-2, 2] });
    expect(l.undefinedRegions.length).toBeGreaterThan(0);
    expect(l.undefinedRegions.some(([a, b]) => a < 0.5 && b > 0.49)).toBe(true);
    expect(landscape({ potential: "x^2", domain: [-2, 2] }).singularities).toEqual([]);
  });
});

describe("spectrum count is bounded by what the grid has", () => {
  it("count 200 with automatic refinement is INVALID_ARGUMENT (before: a raw TypeError from the Romberg table)", async () => {
    const e = await caughtAsync(() => spectrum({ potential: "x^2", kT: 1, domain: [-3, 3], count: 200 }));
    expect(e.details?.option).toBe("count");
  });
  it("count above a fixed grid's size is INVALID_ARGUMENT (before: 8 eigenvalues returned for count 20, silently)", async () => {
    const e = await caughtAsync(() => spectrum({ potential: "x^2", kT: 1, domain: [-3, 3], grid: 8, count: 20 }));
    expect(e.details?.option).toBe("count");
  });
  it("count 128 still works and gives OU eigenvalues nκ/γ", async () => {
    const s = await spectrum({ potential: "x^2/2", kT: 0.01, domain: [-1, 1], count: 128, grid: 4096 });
    expect(s.eigenvalues).toHaveLength(128);
    // λ_5 = 5 for κ = γ = 1; walls at 10 thermal widths, grid h = 1/2048: h² error ~1e-6·n²
    expect(Math.abs(s.eigenvalues[5]! - 5)).toBeLessThan(1e-3);
  });
});

describe("landscape: degeneracy is judged against the curvature near the point, not across the domain", () => {
  it("the wells of x⁴/4 − x²/2 on [−1e6, 1e6] are ordinary minima (before: all three points 'degenerate', so rate() refused)", () => {
    const l = landscape({ potential: "x^4/4 - x^2/2", domain: [-1e6, 1e6] });
    expect(l.degenerate).toHaveLength(0);
    expect(l.minima.map((m) => m.curvature)).toEqual([expect.closeTo(2, 12), expect.closeTo(2, 12)]);
    const r = rate({ potential: "x^4/4 - x^2/2", kT: 0.025, from: -1, domain: [-1e6, 1e6] });
    // √2/(2π)·e^{−10}, closed form
    expect(Math.abs(r.rates.kramersOverdamped / ((Math.SQRT2 / (2 * Math.PI)) * Math.exp(-10)) - 1)).toBeLessThan(1e-12);
  });
  it("the wells beside a sharp spike 1/(x² + 1e-6) are ordinary minima; x⁴ at 0 stays degenerate", () => {
    const l = landscape({ potential: "x^2 + 1/(x^2 + 1e-6)", domain: [-1, 1] });
    expect(l.minima).toHaveLength(2);
    expect(l.degenerate).toHaveLength(0);
    expect(landscape({ potential: "x^4 - 0*x", domain: [-1, 1] }).minima[0]!.degenerate).toBe(true);
  });
});

describe("rate() passes on the landscape's doubts", () => {
  it("a function potential's rate carries HEURISTIC_ROOTS (the well and barrier were found by sampling)", () => {
    const r = rate({ potential: (x: number) => x ** 4 / 4 - x ** 2 / 2, kT: 0.05, from: -1, domain: [-2, 2] });
    expect(r.warnings.some((w) => w.code === "HEURISTIC_ROOTS")).toBe(true);
    expect(rate({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, domain: [-2, 2] }).warnings.some((w) => w.code === "HEURISTIC_ROOTS")).toBe(false);
  });
});

describe("a well bottom on the domain edge", () => {
  it("is BAD_DOMAIN naming the domain (before: NOT_IN_WELL 'on a flat part of U that is not a minimum')", () => {
    const e = caught(() => rate({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, domain: [-1, 2] }));
    expect(e.code).toBe("BAD_DOMAIN");
    expect(e.message).toMatch(/edge of the domain \[-1, 2\]/);
  });
});

describe("function potentials undefined on part of the domain", () => {
  const gapFn = (x: number) => (x > -1.35 && x < -1.3 ? NaN : x ** 4 / 4 - x * x / 2);
  it("landscape reports the undefined region and no spurious minima around it (before: 8 minima at its edges)", () => {
    const l = landscape({ potential: gapFn, domain: [-2, 2] });
    expect(l.minima.map((m) => Math.round(m.x * 1e6) / 1e6)).toEqual([-1, 1]);
    expect(l.undefinedRegions).toHaveLength(1);
    expect(l.warnings.some((w) => w.code === "UNDEFINED_REGION")).toBe(true);
  });
  it("rate() names the undefined region on the well's orbit", () => {
    const e = caught(() => rate({ potential: gapFn, kT: 0.05, from: -1, domain: [-2, 2] }));
    expect(e.code).toBe("NOT_FINITE");
    expect(e.message).toMatch(/undefined \(NaN\) near x ≈ -1\.3/);
  });
});

describe("U′ is not finite where U is undefined", () => {
  it("d/dx log(x + 1.2) is NaN for x < −1.2 (before: −1/(x+1.2) there, so Langevin walkers that jumped past the singularity were pushed on and 'escaped')", async () => {
    const p = expression("log(x + 1.2)");
    expect(p.U(-1.3)).toBeNaN();
    expect(p.dU(-1.3)).toBeNaN();
    expect(p.d2U(-1.3)).toBeNaN();
    // for x > −1.2 the derivative is the exact 1/(x + 1.2), to the 2ε of the (√a)² form
    for (const x of [-1.1, 0, 3.7]) expect(Math.abs(p.dU(x) * (x + 1.2) - 1)).toBeLessThan(4 * Number.EPSILON);
    // before: rate 0.0035, MFPT 81 "from −1 to 1" with no warning; now the simulation refuses
    const e = await caughtAsync(() => simulate({ potential: "log(x+1.2)", kT: 0.1, from: -1, to: 1, particles: 50, dt: 0.01, seed: 1 }));
    expect(e.code).toBe("NOT_FINITE");
  });
});
