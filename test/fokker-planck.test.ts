import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { evolveDensity, KramersError, spectrum, stationaryCurrent, stationaryDensity, tiltedWashboard } from "../src/index.js";

interface DiscreteCase { name: string; potential: string; kT: number; domain: [number, number]; cells: number; boundary: "reflecting" | "absorbing"; eigenvalues: number[] }
interface ContinuumCase { name: string; potential: string; kT: number; domain: [number, number]; boundary: "reflecting" | "absorbing"; lambda1: number; uncertainty: number }
const fixture = JSON.parse(readFileSync(new URL("./fixtures/fp_reference.json", import.meta.url), "utf8")) as { discrete: DiscreteCase[]; continuum: ContinuumCase[] };

const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

/** Own reference: T(a→b) = (γ/kT)∫_a^b dy e^{βU(y)} ∫_L^y e^{−βU(z)} dz, trapezoid at M and 2M cells + Richardson. */
function mfpt(U: (x: number) => number, kT: number, L: number, a: number, b: number): number {
  const once = (M: number) => {
    const beta = 1 / kT;
    const h = (b - L) / M;
    const Ua = U(a); // exponents relative to the start well keep e^{±βU} in range
    let inner = 0;
    let prevIn = Math.exp(-beta * (U(L) - Ua));
    let outer = 0;
    let prevOut = 0;
    for (let i = 1; i <= M; i++) {
      const y = L + i * h;
      const e = Math.exp(-beta * (U(y) - Ua));
      inner += 0.5 * h * (prevIn + e);
      prevIn = e;
      const g = y >= a - 1e-12 ? Math.exp(beta * (U(y) - Ua)) * inner : 0;
      if (y > a + 1e-12) outer += 0.5 * h * (prevOut + g);
      prevOut = g;
    }
    return outer / kT;
  };
  const t1 = once(200_000);
  const t2 = once(400_000);
  return t2 + (t2 - t1) / 3;
}

describe("spectrum: the discrete eigenvalues have full relative accuracy", () => {
  // Reference: the same SG matrix assembled in mpmath at 60 digits, Sturm bisection (fixture script).
  // Tolerance 1e-11: βU is evaluated in double precision at the cell centres (relative error ~1e-16·|βU|,
  // |βU| ≤ 320 here), which moves λ by at most a few 1e-14 relative; the algorithm itself gives ~1e-15.
  for (const c of fixture.discrete) {
    for (const engine of ["wasm", "js"] as const) {
      it(`matches 60-digit Sturm bisection for ${c.name} (${engine})`, async () => {
        const count = c.boundary === "reflecting" ? c.eigenvalues.length + 1 : c.eigenvalues.length;
        const r = await spectrum({ potential: c.potential, kT: c.kT, domain: c.domain, grid: c.cells, boundary: c.boundary, count, engine });
        const got = c.boundary === "reflecting" ? r.eigenvalues.slice(1) : r.eigenvalues;
        if (c.boundary === "reflecting") expect(r.eigenvalues[0]).toBe(0);
        got.forEach((v, j) => expect(rel(v, c.eigenvalues[j]!)).toBeLessThan(1e-11));
      });
    }
  }

  it("λ1 at βΔU = 40 is 1.9e-18 and still agrees to 1e-11 (a dense symmetric solver gives noise of size eps·‖A‖ ≈ 1e-11 here)", async () => {
    const c = fixture.discrete.find((d) => d.name === "double well βΔU=40")!;
    const r = await spectrum({ potential: c.potential, kT: c.kT, domain: c.domain, grid: c.cells, count: 2 });
    expect(r.eigenvalues[1]!).toBeLessThan(1e-17);
    expect(rel(r.eigenvalues[1]!, c.eigenvalues[0]!)).toBeLessThan(1e-11);
  });
});

describe("spectrum: Richardson-refined λ1 matches the continuum operator", () => {
  // Reference: shooting on the continuous eigenproblem (DOP853, rtol 1e-13; spread to rtol 1e-12 ≤ 4e-13).
  // Tolerance 1e-8 relative (the target) with tol = 1e-10 requested.
  for (const c of fixture.continuum) {
    it(`λ1 to 1e-8 for ${c.name}`, async () => {
      const r = await spectrum({ potential: c.potential, kT: c.kT, domain: c.domain, boundary: c.boundary, count: 2, tol: 1e-10 });
      const lambda1 = c.boundary === "reflecting" ? r.eigenvalues[1]! : r.eigenvalues[0]!;
      expect(r.converged).toBe(true);
      expect(rel(lambda1, c.lambda1)).toBeLessThan(1e-8);
      // the error estimate is honest: the actual error is below it (plus the reference's own uncertainty)
      expect(rel(lambda1, c.lambda1)).toBeLessThan(r.errorEstimate * 10 + 1e-12);
    });
  }
});

describe("spectrum: closed forms and exact relations", () => {
  it("gives the Ornstein–Uhlenbeck eigenvalues nκ/γ for a harmonic well", async () => {
    // κ = 2, γ = 1.5, kT = 0.5: σ = 0.5, walls at ±6 = 12σ shift λ by ~e^{-72}; tolerance 1e-8 (the tol asked)
    const r = await spectrum({ potential: "x^2", kT: 0.5, gamma: 1.5, domain: [-6, 6], count: 5 });
    expect(r.eigenvalues[0]).toBe(0);
    for (let n = 1; n < 5; n++) expect(rel(r.eigenvalues[n]!, (n * 2) / 1.5)).toBeLessThan(1e-8);
    expect(r.rates.kind).toBe("none");
    expect(r.warnings.map((w) => w.code)).toContain("NO_BARRIER");
  });

  it("λ1 = 2/T(bottom → other bottom) for the symmetric double well, to 1e-8 at βΔU ≥ 20", async () => {
    // The relation holds up to corrections ~e^{-βΔU}·O(1): measured λ1·T/2 − 1 = 1.3e-2 (βΔU 5), 1.1e-4 (10),
    // 6e-9 (20), ≤ 1e-12 (30, 40). The MFPT quadrature above is converged to ~1e-12.
    const U = (x: number) => x ** 4 / 4 - x ** 2 / 2;
    for (const bdu of [20, 30, 40]) {
      const kT = 0.25 / bdu;
      const r = await spectrum({ potential: "x^4/4 - x^2/2", kT, domain: [-2, 2], count: 2, tol: 1e-10 });
      const T = mfpt(U, kT, -2, -1, 1);
      expect(Math.abs((r.eigenvalues[1]! * T) / 2 - 1)).toBeLessThan(1e-8);
      expect(r.rates.kind).toBe("two-state");
      // the slowest mode is odd, ≈ ±1 in the wells (Σπf² = 1), one sign change at the barrier
      const mode = r.slowestMode!;
      const at = (x: number) => mode.eigenfunction[Math.round((x - mode.x[0]!) / r.grid.h)]!;
      expect(Math.abs(Math.abs(at(-1)) - 1)).toBeLessThan(1e-6);
      expect(at(-1) * at(1)).toBeLessThan(0);
      expect(Math.abs(at(-1) + at(1))).toBeLessThan(1e-6);
      if (r.rates.kind === "two-state") {
        expect(rel(r.rates.symmetricRate!, 1 / T)).toBeLessThan(1e-8);
        expect(Math.abs(r.rates.barrierX)).toBeLessThan(1e-3);
      }
    }
    // and at βΔU = 5 the relation is only asymptotic: the test can see the difference
    const r5 = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.05, domain: [-2, 2], count: 2 });
    expect(Math.abs((r5.eigenvalues[1]! * mfpt(U, 0.05, -2, -1, 1)) / 2 - 1)).toBeGreaterThan(1e-3);
  });

  it("splits λ1 of an asymmetric double well into k₊ + k₋ by the populations; each ≈ 1/MFPT", async () => {
    const U = (x: number) => x ** 4 / 4 - x ** 2 / 2 + 0.05 * x;
    const kT = 0.012; // barriers ≈ 17 and 25 kT
    const r = await spectrum({ potential: "x^4/4 - x^2/2 + 0.05*x", kT, domain: [-2, 2], count: 3, tol: 1e-10 });
    if (r.rates.kind !== "two-state") throw new Error("expected a two-state reduction");
    const { rateForward, rateBackward, populations, wellX } = r.rates;
    expect(rel(rateForward + rateBackward, r.eigenvalues[1]!)).toBeLessThan(1e-14);
    expect(rel(rateForward * populations[0], rateBackward * populations[1])).toBeLessThan(1e-12);
    // 1/MFPT from the deep left well to the right well; the relation holds to ~e^{-βΔU_small} ≈ 1e-7
    const Tf = mfpt(U, kT, -2, wellX[0], wellX[1]);
    expect(rel(rateForward, 1 / Tf)).toBeLessThan(1e-5);
    expect(r.rates.reducedBarriers[0]).toBeGreaterThan(r.rates.reducedBarriers[1]);
  });

  it("with absorbing walls gives the escape rate ≈ 1/MFPT(bottom → wall) and a normalised quasi-stationary density", async () => {
    const U = (x: number) => 3 * x ** 2 - 2 * x ** 3;
    const kT = 1 / 25;
    const r = await spectrum({ potential: "3*x^2 - 2*x^3", kT, domain: [-1, 1.5], boundary: "absorbing", count: 2, tol: 1e-10 });
    if (r.rates.kind !== "escape") throw new Error("expected an escape rate");
    expect(r.rates.escapeRate).toBe(r.eigenvalues[0]);
    // MFPT from the well bottom (x = 0) to the right wall with a reflecting wall at −1 (the left wall at
    // U = 5 ≫ the barrier 1 absorbs a fraction ~e^{-100}); relation exact up to O(e^{-βΔU}) ≈ 1e-11 and the
    // QSD-vs-point-start difference O(λ1/λ2) ≈ 1e-10
    const T = mfpt(U, kT, -1, 0, 1.5);
    expect(rel(r.eigenvalues[0]!, 1 / T)).toBeLessThan(1e-8);
    const qsd = r.rates.quasiStationaryDensity;
    const h = r.grid.h;
    expect(qsd.reduce((s, v) => s + v * h, 0)).toBeCloseTo(1, 12);
    expect(Math.min(...qsd)).toBeGreaterThanOrEqual(-1e-15);
  });
});

describe("spectrum: engines, options and errors", () => {
  it("WASM and the JS twin agree to 1e-13 on eigenvalues and rates", async () => {
    for (const boundary of ["reflecting", "absorbing"] as const) {
      const o = { potential: "x^4/4 - x^2/2 + 0.1*x", kT: 0.03, domain: [-2, 2] as [number, number], grid: 3000, boundary, count: 4 };
      const a = await spectrum({ ...o, engine: "wasm" });
      const b = await spectrum({ ...o, engine: "js" });
      a.eigenvalues.forEach((v, j) => expect(Math.abs(v - b.eigenvalues[j]!)).toBeLessThanOrEqual(1e-13 * Math.abs(v)));
    }
  });

  it("with a fixed grid reports the fine-grid eigenvalues and a Richardson error estimate", async () => {
    const c = fixture.continuum.find((d) => d.name === "double well βΔU=10")!;
    const r = await spectrum({ potential: c.potential, kT: c.kT, domain: c.domain, grid: 2000, count: 2 });
    expect(r.grid.cells).toBe(2000);
    const actual = rel(r.eigenvalues[1]!, c.lambda1);
    // h² error: the estimate |λ_N − λ_{N/4}|/15 is within a factor 2 of the true error
    expect(r.errorEstimate).toBeGreaterThan(actual / 2);
    expect(r.errorEstimate).toBeLessThan(actual * 2);
  });

  it("refuses a pole at once, naming where, while a steep but smooth step (width 1e-3) still refines", async () => {
    // (before, the refinement went to 2M cells and failed there without saying where)
    const err = await spectrum({ potential: "1/x", kT: 0.5, domain: [-1, 6] }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "GRID_TOO_COARSE" });
    expect(Math.abs((err as KramersError).details!.x as number)).toBeLessThan(7 / 4096); // within a cell of the pole
    const r = await spectrum({ potential: "x^4/4 - x^2/2 + 0.2*tanh((x - 0.3)/1e-3)", kT: 0.05, domain: [-2, 2], count: 2 });
    expect(r.converged).toBe(true);
  });
  it("says why nothing was computed for count = 1 with reflecting walls", async () => {
    const r = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2], count: 1 });
    expect(r.eigenvalues).toEqual([0]);
    expect(r.warnings.map((w) => w.code)).toEqual(["NOTHING_COMPUTED"]);
  });
  it("throws GRID_TOO_COARSE when cells are far wider than kT, and warns when they are merely coarse", async () => {
    await expect(spectrum({ potential: "x^4/4 - x^2/2", kT: 0.001, domain: [-2, 2], grid: 50 })).rejects.toMatchObject({ code: "GRID_TOO_COARSE" });
    const r = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.01, domain: [-2, 2], grid: 200, count: 2 });
    expect(r.warnings.map((w) => w.code)).toContain("GRID_TOO_COARSE");
  });

  it("rejects kT ≤ 0, γ ≤ 0, a reversed domain, unknown options and a periodic domain that is not whole periods", async () => {
    const base = { potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2] as [number, number] };
    await expect(spectrum({ ...base, kT: 0 })).rejects.toMatchObject({ code: "NOT_POSITIVE" });
    await expect(spectrum({ ...base, gamma: -1 })).rejects.toMatchObject({ code: "NOT_POSITIVE" });
    await expect(spectrum({ ...base, domain: [2, -2] })).rejects.toMatchObject({ code: "BAD_DOMAIN" });
    await expect(spectrum({ ...base, kT: NaN })).rejects.toMatchObject({ code: "NOT_FINITE" });
    await expect(spectrum({ ...base, boundary: "sticky" as never })).rejects.toBeInstanceOf(KramersError);
    await expect(spectrum({ ...base, cout: 3 } as never)).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(spectrum({ potential: tiltedWashboard({ force: 0.2 }), kT: 0.1, domain: [0, 5], boundary: "periodic" })).rejects.toMatchObject({ code: "BAD_DOMAIN" });
  });

  it("warns NOT_CONVERGED when maxCells stops the refinement before tol", async () => {
    const r = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.02, domain: [-2, 2], count: 2, tol: 1e-17, maxCells: 4096 });
    expect(r.converged).toBe(false);
    expect(r.warnings.map((w) => w.code)).toContain("NOT_CONVERGED");
    expect(Number.isFinite(r.errorEstimate)).toBe(true);
  });
});

describe("densities", () => {
  it("the stationary density is the normalised Boltzmann density", async () => {
    const kT = 0.1;
    const r = await stationaryDensity({ potential: "x^4/4 - x^2/2", kT, domain: [-2, 2], grid: 4000 });
    const h = 4 / 4000;
    let Z = 0;
    for (const x of r.x) Z += Math.exp(-(x ** 4 / 4 - x ** 2 / 2) / kT) * h;
    r.x.forEach((x, i) => expect(rel(r.density[i]!, Math.exp(-(x ** 4 / 4 - x ** 2 / 2) / kT) / Z)).toBeLessThan(1e-12));
    expect(r.current).toBe(0);
  });

  it("evolveDensity conserves mass to 1e-12 with reflecting walls and relaxes to equilibrium at rate λ1", async () => {
    const o = { potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2] as [number, number], grid: 2000 };
    const times = [0, 5, 20, 40];
    const r = await evolveDensity({ ...o, initial: -1, times, dt: 0.01 });
    for (const s of r.survival) expect(Math.abs(s - 1)).toBeLessThan(1e-12);
    const eq = await stationaryDensity(o);
    const sp = await spectrum({ ...o, count: 3 });
    // distance to equilibrium decays as e^{-λ1 t} once faster modes are gone (λ2/λ1 ≈ 30 here);
    // Crank–Nicolson with dt = 0.01 changes the decay factor by O((λ1 dt)²) ≈ 1e-9
    const dist = r.densities.map((d) => d.reduce((s, v, i) => s + (v - eq.density[i]!) * Math.sign(r.x[i]!), 0));
    const measured = Math.log(dist[2]! / dist[3]!) / 20;
    expect(rel(measured, sp.eigenvalues[1]!)).toBeLessThan(1e-6);
  });

  it("propagates an Ornstein–Uhlenbeck Gaussian with the exact mean x₀e^{−κt/γ} and variance", async () => {
    // U = κx²/2, κ = 1, γ = 2, kT = 0.5; initial N(1, 0.01). Exact: mean e^{−κt/γ}, var 0.01e^{−2κt/γ} + (kT/κ)(1 − e^{−2κt/γ}).
    // Errors: SG/cell-centre O(h²) with h = 0.003 and Crank–Nicolson O(dt²) with dt = 0.005 → ≲ 1e-5; tolerance 1e-4.
    const kappa = 1, gamma = 2, kT = 0.5;
    const times = [0.5, 2, 5];
    const r = await evolveDensity({ potential: "x^2/2", kT, gamma, domain: [-6, 6], grid: 4000, times, dt: 0.005, initial: (x: number) => Math.exp(-((x - 1) ** 2) / 0.02) });
    const h = 12 / 4000;
    times.forEach((t, k) => {
      const d = r.densities[k]!;
      let mean = 0, second = 0;
      d.forEach((v, i) => {
        mean += v * r.x[i]! * h;
        second += v * r.x[i]! ** 2 * h;
      });
      const decay = Math.exp((-kappa * t) / gamma);
      expect(Math.abs(mean - decay)).toBeLessThan(1e-4);
      const variance = second - mean * mean;
      expect(Math.abs(variance - (0.01 * decay * decay + (kT / kappa) * (1 - decay * decay)))).toBeLessThan(1e-4);
    });
  });

  it("with absorbing walls, survival decays at the escape rate and S(t) − S(t′) equals the integrated FPT density", async () => {
    const o = { potential: "3*x^2 - 2*x^3", kT: 0.2, domain: [-1, 1.5] as [number, number], grid: 2000, boundary: "absorbing" as const };
    const times = Array.from({ length: 201 }, (_, i) => i * 0.5);
    const r = await evolveDensity({ ...o, initial: 0, times, dt: 0.005 });
    const sp = await spectrum({ ...o, count: 2 });
    const lambda1 = sp.eigenvalues[0]!;
    const decay = Math.log(r.survival[100]! / r.survival[200]!) / 50;
    expect(rel(decay, lambda1)).toBeLessThan(1e-6);
    // trapezoid of the FPT density over [50, 100] vs the survival drop (rule error O(Δt²λ²) ≈ 1e-4 relative)
    let integral = 0;
    for (let i = 100; i < 200; i++) integral += 0.25 * (r.firstPassageDensity[i]! + r.firstPassageDensity[i + 1]!);
    expect(rel(integral, r.survival[100]! - r.survival[200]!)).toBeLessThan(1e-3);
  });

  it("WASM and the JS twin propagate identically (1e-12)", async () => {
    const o = { potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2] as [number, number], grid: 500, initial: (x: number) => Math.exp(-((x - 0.5) ** 2) / 0.01), times: [0.5, 3] };
    const a = await evolveDensity({ ...o, engine: "wasm" });
    const b = await evolveDensity({ ...o, engine: "js" });
    a.densities[1]!.forEach((v, i) => expect(Math.abs(v - b.densities[1]![i]!)).toBeLessThan(1e-12 * (1 + Math.abs(v))));
  });
});

describe("tilted periodic potentials", () => {
  /** Stratonovich: ⟨ẋ⟩ = L·D(1 − e^{−βFL}) / ∫_0^L dx e^{−βU(x)} ∫_x^{x+L} e^{βU(y)} dy, by our own quadrature. */
  function stratonovich(V0: number, F: number, kT: number): number {
    const L = 2 * Math.PI;
    const U = (x: number) => -V0 * Math.cos(x) - F * x;
    const beta = 1 / kT;
    const M = 20000; // Simpson on a grid of 2L; the outer integrand is periodic (trapezoid converges fast)
    const h = (2 * L) / M;
    const ref = Math.max(...Array.from({ length: 101 }, (_, i) => beta * U((2 * L * i) / 100)));
    const e = Float64Array.from({ length: M + 1 }, (_, i) => Math.exp(beta * U(i * h) - ref));
    // cumulative Simpson on pairs of cells, accumulated from the end where e^{βU} is small (F > 0: from the
    // right) so that the window ∫_x^{x+L} = cum difference does not cancel
    const cum = new Float64Array(M + 1);
    const fromRight = F > 0;
    const E = (i: number) => e[fromRight ? M - i : i]!;
    for (let i = 2; i <= M; i += 2) {
      cum[i] = cum[i - 2]! + (h / 3) * (E(i - 2) + 4 * E(i - 1) + E(i));
      cum[i - 1] = cum[i - 2]! + (h / 12) * (5 * E(i - 2) + 8 * E(i - 1) - E(i));
    }
    const C = (i: number) => cum[fromRight ? M - i : i]!;
    const half = M / 2;
    let outer = 0;
    for (let i = 0; i < half; i++) outer += Math.exp(-beta * U(i * h) + ref) * Math.abs(C(i + half) - C(i)) * h;
    const D = kT;
    return (L * D * -Math.expm1(-beta * F * L)) / outer;
  }

  for (const [F, kT] of [[0.5, 0.3], [0.2, 0.1], [1.5, 0.5], [-0.4, 0.25]] as const) {
    it(`the mean velocity matches Stratonovich's formula to 1e-8 (F = ${F}, kT = ${kT})`, async () => {
      const r = await stationaryCurrent({ potential: tiltedWashboard({ force: F }), kT, domain: [0, 2 * Math.PI], tol: 1e-10 });
      expect(r.converged).toBe(true);
      expect(rel(r.meanVelocity, stratonovich(1, F, kT))).toBeLessThan(1e-8);
      expect(Math.sign(r.current)).toBe(Math.sign(F));
    });
  }

  it("an untilted periodic potential has zero current and the Boltzmann density; spectrum() returns the current", async () => {
    const r = await stationaryCurrent({ potential: tiltedWashboard({ force: 0 }), kT: 0.3, domain: [0, 2 * Math.PI] });
    expect(r.current).toBe(0);
    const s = await spectrum({ potential: tiltedWashboard({ force: 0.5 }), kT: 0.3, domain: [0, 2 * Math.PI], boundary: "periodic" });
    expect(s.eigenvalues).toEqual([0]);
    expect(s.current!.meanVelocity).toBeGreaterThan(0);
    expect(s.warnings.map((w) => w.code)).toContain("PERIODIC_SPECTRUM");
  });

  it("periodic evolution conserves mass and tends to the steady density (WASM = JS)", async () => {
    const o = { potential: tiltedWashboard({ force: 0.5 }), kT: 0.3, domain: [0, 2 * Math.PI] as [number, number], grid: 600, boundary: "periodic" as const };
    const a = await evolveDensity({ ...o, initial: 1, times: [60], dt: 0.02 });
    const b = await evolveDensity({ ...o, initial: 1, times: [60], dt: 0.02, engine: "js" });
    expect(Math.abs(a.survival[0]! - 1)).toBeLessThan(1e-12);
    const st = await stationaryDensity(o);
    a.densities[0]!.forEach((v, i) => {
      expect(Math.abs(v - st.density[i]!)).toBeLessThan(1e-8);
      expect(Math.abs(v - b.densities[0]![i]!)).toBeLessThan(1e-12);
    });
  });
});

describe("kernels: WASM vs JS twin, one shift vs four in lockstep", () => {
  it("fpTwisted4 reproduces fpTwisted lane by lane exactly, and WASM agrees with JS to 1e-13", async () => {
    const { expression, loadWasm } = await import("../src/index.js");
    const { jsGenerator, wasmGenerator } = await import("../src/fokker-planck/backend.js");
    const wasm = await loadWasm();
    const pot = expression("x^4/4 - x^2/2 + 0.1*x");
    const kT = 0.03;
    const grid = { cells: 5000, left: -2, right: 2, h: 4 / 5000 };
    for (const boundary of ["reflecting", "absorbing"] as const) {
      const gw = wasmGenerator(wasm, pot, grid, 1 / kT, kT, boundary);
      const gj = jsGenerator(pot, grid, 1 / kT, kT, boundary);
      const shifts = [1e-6, 0.3, 1.1, 2.5];
      const w4 = gw.twisted4(shifts);
      const j4 = gj.twisted4(shifts);
      shifts.forEach((s, l) => {
        const w1 = gw.twisted(s);
        const j1 = gj.twisted(s);
        expect(w4[l]!.correction).toBe(w1.correction);
        expect(w4[l]!.negcount).toBe(w1.negcount);
        expect(j4[l]!.correction).toBe(j1.correction);
        expect(Math.abs(w1.correction - j1.correction)).toBeLessThanOrEqual(1e-13 * Math.abs(j1.correction));
        expect(gw.negcount(s)).toBe(w1.negcount);
        expect(gj.negcount(s)).toBe(j1.negcount);
        expect(gw.negcount4(shifts)[l]).toBe(w1.negcount);
        expect(gj.negcount4(shifts)[l]).toBe(j1.negcount);
      });
      gw.dispose();
    }
  });
});
