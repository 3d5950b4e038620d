// Two engines, one process: the Langevin ensemble's moments over time against the Fokker–Planck
// equation's P(x, t) for the same overdamped dynamics (independent algorithms: stochastic Euler–
// Maruyama walkers vs the Scharfetter–Gummel generator propagated by Crank–Nicolson).
import { describe, expect, it } from "vitest";
import { evolveDensity, simulate } from "../src/index.js";

describe("Langevin ensemble moments follow the Fokker–Planck P(x, t)", () => {
  it("⟨x⟩(t) and ⟨x²⟩(t) in the double well from x = −1 (βΔU = 1, hopping) agree within 4 standard errors", async () => {
    const potential = "x^4/4 - x^2/2", kT = 0.25, times = [0.5, 1, 2, 4, 8];
    // walls at ±3 (reflecting for FP, absorbing for the walkers): βU(±3) − βU(−1) ≈ 83, never reached
    const fp = await evolveDensity({ potential, kT, domain: [-3, 3], grid: 3000, initial: -1, times, dt: 0.001 });
    const sim = await simulate({ potential, kT, from: -1, to: [-3, 3], particles: 20000, dt: 0.001, tmax: 8, seed: 5, moments: { interval: 0.5 }, keepTimes: false });
    expect(sim.escaped).toBe(0);
    const h = fp.x[1]! - fp.x[0]!;
    const moment = (k: number, p: Float64Array) => p.reduce((s, pi, i) => s + fp.x[i]! ** k * pi * h, 0);
    for (let j = 0; j < times.length; j++) {
      const p = fp.densities[j]!;
      const f = Array.from(sim.moments!.t).findIndex((t) => Math.abs(t - times[j]!) < 1e-9);
      expect(f).toBeGreaterThan(0);
      const m1 = moment(1, p), m2 = moment(2, p), m4 = moment(4, p);
      const n = sim.moments!.count[f]!;
      const mean = sim.moments!.mean[f]!, second = sim.moments!.variance[f]! + mean * mean;
      // standard errors from the FP moments (the walkers are independent); the discretization
      // errors (FP: h² ≈ 4e-6, CN dt² ≈ 1e-6; EM: weak order dt = 1e-3 times O(1)) are below one
      // standard error (7e-3 for ⟨x⟩), so 4 SE is a statistical bound, not a fudge
      expect(Math.abs(mean - m1)).toBeLessThan(4 * Math.sqrt((m2 - m1 * m1) / n));
      expect(Math.abs(second - m2)).toBeLessThan(4 * Math.sqrt((m4 - m2 * m2) / n));
    }
    // the ensemble did relax across the barrier (so the comparison is not trivial)
    expect(moment(1, fp.densities[4]!)).toBeGreaterThan(-0.3);
  });
});
