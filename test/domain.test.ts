// rate() without a domain: the interval is grown around `from` until it holds the well and barriers.
import { describe, expect, it } from "vitest";
import { KramersError, expression, rate, searchDomain } from "../src/index.js";

describe("searchDomain", () => {
  it("holds the seed double well's left well, its barrier and the far turning point", () => {
    const p = expression("x^4/4 - x^2/2");
    const [L, R] = searchDomain(p, -1);
    // the orbit at the barrier energy U = 0 turns at x = −√2; the barrier is at 0
    expect(L).toBeLessThan(-Math.SQRT2);
    expect(R).toBeGreaterThan(0);
  });

  it("finds a far-away well (minimum at 100, barrier at 103)", () => {
    // y = x − 100: U = y²/2 − y³/9, U′ = y − y²/3 = 0 at y = 0 (well) and y = 3 (top); ΔU = 9/2 − 27/9 = 3/2
    const p = expression("(x-100)^2/2 - (x-100)^3/9");
    const r = rate({ potential: p, kT: 1, from: 100.5 });
    expect(r.well.x).toBeCloseTo(100, 10);
    expect(r.top.x).toBeCloseTo(103, 10);
    expect(r.barrier.height).toBeCloseTo(1.5, 10);
  });

  it("gives rate() the same numbers as an explicit generous domain", () => {
    const auto = rate({ potential: "x^4/4 - x^2/2 + 0.05*x", kT: 0.03, from: 1 });
    const explicit = rate({ potential: "x^4/4 - x^2/2 + 0.05*x", kT: 0.03, from: 1, domain: [-3, 3] });
    // same well, same barrier, same action integral: identical up to root-polishing rounding
    for (const k of ["tst", "kramersOverdamped", "kramersFull", "energyDiffusion", "melnikovPollak"] as const) {
      expect(auto.rates[k] / explicit.rates[k] - 1).toBeLessThan(1e-10);
    }
  });

  it("if from sits on the barrier top, throws NOT_IN_WELL (not NO_BARRIER)", () => {
    try {
      rate({ potential: "x^4/4 - x^2/2", kT: 0.05, from: 0 });
      expect.unreachable();
    } catch (e) {
      expect((e as KramersError).code).toBe("NOT_IN_WELL");
    }
  });

  it("if the well has no barrier anywhere, throws NO_BARRIER", () => {
    try {
      rate({ potential: "x^2", kT: 1, from: 0.3 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(KramersError);
      expect((e as KramersError).code).toBe("NO_BARRIER");
    }
  });
});
