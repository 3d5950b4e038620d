// Audit of the Fokker–Planck results against independent answers: the Ornstein–Uhlenbeck spectrum
// (closed form), the two-state rates against the exact MFPT (a second algorithm), and the
// stationary current of a tilted washboard against Stratonovich's closed form.
import { describe, expect, it } from "vitest";
import { spectrum, mfpt, rate, landscape, stationaryCurrent, tiltedWashboard } from "../src/index.js";

const rel = (a: number, b: number) => Math.abs(a / b - 1);

describe("Fokker–Planck results against independent answers", () => {
  it("Ornstein–Uhlenbeck U = κx²/2: λ_n = nκ/γ (γ placement and no 2π), for κ = 2, γ = 3", async () => {
    const s = await spectrum({ potential: "x^2", kT: 0.5, domain: [-6, 6], gamma: 3, count: 4 });
    // walls at 6 = 6√(κ/kT)·… thermal widths: their effect is e^{-72}; tol 1e-8 (default)
    s.eigenvalues.forEach((v, n) => expect(Math.abs(v - (n * 2) / 3)).toBeLessThan(1e-8 * Math.max(1, n)));
  });

  it("tilted double well: two-state rates λ1·p equal 1/MFPT(bottom → other bottom) up to e^{−βΔU_min}", async () => {
    const U = "x^4/4 - x^2/2 + 0.1*x", kT = 0.015, domain: [number, number] = [-2.2, 2.2];
    const s = await spectrum({ potential: U, kT, domain, count: 3, tol: 1e-10 });
    if (s.rates.kind !== "two-state") throw new Error("expected two-state rates");
    const [a, b] = landscape({ potential: U, domain }).minima.map((m) => m.x);
    const forward = mfpt({ potential: U, kT, from: a!, to: b!, reflect: domain[0] });
    const backward = mfpt({ potential: U, kT, from: b!, to: a!, reflect: domain[1] });
    // βΔU_min = 10.5 here: the two exact definitions of "the rate" differ by O(e^{−10.5}) = 3e-5
    expect(s.rates.reducedBarriers[1]).toBeGreaterThan(10);
    expect(rel(s.rates.rateForward, 1 / forward.mfpt)).toBeLessThan(1e-4);
    expect(rel(s.rates.rateBackward, 1 / backward.mfpt)).toBeLessThan(1e-4);
    // λ1 = k₊ + k₋ (SCIENCE.md)
    expect(rel(s.eigenvalues[1]!, 1 / forward.mfpt + 1 / backward.mfpt)).toBeLessThan(1e-4);
  });

  it("tilted washboard: the stationary current equals Stratonovich's D(1 − e^{−βFL}) / ∫₀^L e^{−βU(x)} ∫_x^{x+L} e^{βU(y)} dy dx", async () => {
    const F = 0.3, kT = 0.2, L = 2 * Math.PI;
    const c = await stationaryCurrent({ potential: tiltedWashboard({ force: F }), kT, domain: [0, L], tol: 1e-10 });
    // reference: midpoint rule in both variables, Richardson-extrapolated (the inner integrand is
    // not periodic, so the rule is O(h²): n = 500 and 1000 give ~1e-13 after extrapolation)
    const Uf = (x: number) => -Math.cos(x) - F * x;
    const D = kT, beta = 1 / kT;
    const integral = (n: number) => {
      let I = 0;
      const h = L / n;
      for (let i = 0; i < n; i++) {
        const x = (i + 0.5) * h;
        let inner = 0;
        for (let j = 0; j < n; j++) inner += Math.exp(beta * (Uf(x + (j + 0.5) * h) - Uf(x)));
        I += inner * h * h;
      }
      return I;
    };
    const I = (4 * integral(1000) - integral(500)) / 3;
    const J = (D * (1 - Math.exp(-beta * F * L))) / I;
    expect(rel(c.current, J)).toBeLessThan(1e-9);
  });
});

describe("conventions: overdamped Kramers converges to the exact 1/MFPT like kT/ΔU (2π, γ and curvatures in place)", () => {
  const cases = [
    ["x^4/4 - x^2/2 + 0.1*x", -1, 1],
    ["x^4/4 - x^2/2 + 0.1*x", 1, -1],
    ["3*x^2 - 2*x^3", 0, 1.5],
    ["-cos(x) - 0.3*x", 0.3, 6.6],
  ] as const;
  for (const [U, from, to] of cases) {
    it(`${U}, ${from} → ${to}, γ = 3`, () => {
      const err = [0.01, 0.005].map((kT) => {
        const r = rate({ potential: U, kT, from, to, gamma: 3 });
        const m = mfpt({ potential: U, kT, from: r.well.x, to, gamma: 3 });
        return r.rates.kramersOverdamped * m.mfpt - 1;
      });
      // a wrong 2π, γ or curvature would leave an O(1) error; the asymptotic one is c·kT/ΔU,
      // so halving kT halves it (measured ratios 2.01–2.08)
      expect(Math.abs(err[1]!)).toBeLessThan(0.011);
      expect(err[0]! / err[1]!).toBeGreaterThan(1.9);
      expect(err[0]! / err[1]!).toBeLessThan(2.2);
    });
  }
});
