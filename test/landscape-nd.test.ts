// N-D landscapes: minima, transition states, minimum-energy paths and barriers, against the
// published Müller–Brown stationary points and closed forms of separable potentials.
import { describe, expect, it } from "vitest";
import { KramersError } from "../src/errors.js";
import { barrierND, localMinimum, minimumEnergyPath, saddlePoint } from "../src/landscape/nd/index.js";
import { expressionND, muellerBrown } from "../src/potential/nd.js";
import { PUBLISHED } from "./fixtures/mueller-brown.js";

const [A, B, C, S1, S2] = PUBLISHED;
const near = (x: Float64Array, ref: readonly number[], tol: number) => Math.hypot(x[0]! - ref[0]!, x[1]! - ref[1]!) < tol;

describe("barrierND on the Müller–Brown surface", () => {
  it("finds the published minima and transition states from A to B, with the intermediate minimum C", () => {
    const b = barrierND({ potential: muellerBrown(), from: [-0.5, 1.5], to: [0.6, 0] });
    // published to 3 decimals (x, y) and 2 (U): distance < 1e-3·√2, |ΔU| < 0.006
    expect(near(b.from.x, A, 1e-3)).toBe(true);
    expect(near(b.to.x, B, 1e-3)).toBe(true);
    expect(b.saddles).toHaveLength(2);
    expect(near(b.saddles[0]!.x, S1, 1e-3)).toBe(true);
    expect(near(b.saddles[1]!.x, S2, 1e-3)).toBe(true);
    expect(b.intermediateMinima).toHaveLength(1);
    expect(near(b.intermediateMinima[0]!.x, C, 1e-3)).toBe(true);
    for (const [s, ref] of [[b.from, A], [b.to, B], [b.saddles[0]!, S1], [b.saddles[1]!, S2], [b.intermediateMinima[0]!, C]] as const) expect(Math.abs(s.U - ref[2])).toBeLessThan(0.006);
    // stationary to rounding, with the right signature
    for (const s of [b.from, b.to, b.intermediateMinima[0]!]) expect(s.index).toBe(0);
    for (const s of b.saddles) expect(s.index).toBe(1);
    for (const s of [b.from, b.to, ...b.saddles, ...b.intermediateMinima]) expect(s.gradientNorm).toBeLessThan(1e-6);
    // the exit from A is S1 (into C), the passage's top is S1 too
    expect(b.saddle).toBe(b.saddles[0]);
    expect(Math.abs(b.barrierHeight - (S1[2] - A[2]))).toBeLessThan(0.012);
    expect(Math.abs(b.reverseBarrierHeight - (S1[2] - C[2]))).toBeLessThan(0.012);
    expect(b.overallBarrierHeight).toBe(b.barrierHeight);
    expect(b.warnings.map((w) => w.code)).toContain("INTERMEDIATE_MINIMUM");
    expect(b.path.converged).toBe(true);
    // the path's highest image lies just below the transition state (images do not sit on it)
    const top = Math.max(...b.path.energies);
    expect(top).toBeLessThanOrEqual(b.saddles[0]!.U + 1e-9);
    expect(top).toBeGreaterThan(b.saddles[0]!.U - 1);
  });

  it("leaves B over S2, the lower saddle", () => {
    const b = barrierND({ potential: muellerBrown(), from: [0.6, 0], to: [-0.5, 1.5] });
    expect(near(b.saddle.x, S2, 1e-3)).toBe(true);
    expect(Math.abs(b.barrierHeight - (S2[2] - B[2]))).toBeLessThan(0.012);
    // the whole passage B → A climbs to S1
    expect(Math.abs(b.overallBarrierHeight - (S1[2] - B[2]))).toBeLessThan(0.012);
  });

  it("refuses two points of one basin", () => {
    expect(() => barrierND({ potential: muellerBrown(), from: [-0.5, 1.5], to: [-0.6, 1.4] })).toThrow(expect.objectContaining({ code: "NO_BARRIER" }));
  });
});

describe("stationary points and paths", () => {
  it("P-RFO reaches S1 from a nearby point without a direction (lowest mode), and Newton reaches A", () => {
    const p = muellerBrown();
    const s = saddlePoint(p, [-0.78, 0.6]);
    expect(near(s.x, S1, 1e-3)).toBe(true);
    expect(s.index).toBe(1);
    const m = localMinimum(p, [-0.4, 1.2]);
    expect(near(m.x, A, 1e-3)).toBe(true);
  });

  it("follows the valley of a separable potential: the path is the x axis and its energies are the 1-D profile", () => {
    const p = expressionND("x^4/4 - x^2/2 + 2*y^2");
    const path = minimumEnergyPath(p, [-1, 0], [1, 0], 21);
    for (let i = 0; i < path.images; i++) {
      const x = path.points[2 * i]!, y = path.points[2 * i + 1]!;
      expect(Math.abs(y)).toBeLessThan(1e-12);
      expect(path.energies[i]).toBeCloseTo(x ** 4 / 4 - x ** 2 / 2, 14);
      // equal arc length: images at x = −1 + 2i/20
      expect(x).toBeCloseTo(-1 + (2 * i) / 20, 9);
    }
  });

  it("says when there is no minimum or no saddle to reach", () => {
    expect(() => localMinimum(expressionND("-(x^2 + y^2)"), [0.1, 0.2])).toThrow(KramersError);
    expect(() => saddlePoint(expressionND("x^2 + y^2"), [0.3, 0.2], undefined, 50)).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
    expect(() => localMinimum(expressionND("x^2 + y^2"), [0.3])).toThrow(/2 coordinates/);
    expect(() => localMinimum(expressionND("log(x) + y^2"), [-1, 0])).toThrow(expect.objectContaining({ code: "NOT_FINITE" }));
  });
});
