// N-D potentials: exact derivatives of expressions against finite differences and closed forms,
// the numerical derivatives of function potentials, the Müller–Brown surface, input checking.
import { describe, expect, it } from "vitest";
import { KramersError } from "../src/errors.js";
import { expressionND, fromFunctionND, muellerBrown, toPotentialND } from "../src/potential/nd.js";
import { PUBLISHED } from "./fixtures/mueller-brown.js";

describe("expressionND", () => {
  it("gives the closed-form gradient and Hessian of a coupled quartic", () => {
    const p = expressionND("(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2");
    expect(p.dimension).toBe(2);
    expect(p.derivatives).toBe("exact");
    const [x, y] = [0.7, -0.4];
    const w = y - 0.3 * x * x;
    // ∂x = 4x(x² − 1) − 2.4x·w, ∂y = 4w; ∂xx = 12x² − 4 − 2.4w + 1.44x², ∂xy = −2.4x, ∂yy = 4
    const g = p.gradient([x, y]), H = p.hessian([x, y]);
    expect(g[0]).toBeCloseTo(4 * x * (x * x - 1) - 2.4 * x * w, 13);
    expect(g[1]).toBeCloseTo(4 * w, 13);
    expect(H[0]).toBeCloseTo(12 * x * x - 4 - 2.4 * w + 1.44 * x * x, 12);
    expect(H[1]).toBeCloseTo(-2.4 * x, 13);
    expect(H[2]).toBe(H[1]);
    expect(H[3]).toBeCloseTo(4, 13);
  });

  it("detects x, y, z, takes named variables and parameters, and refuses a 1-D expression", () => {
    expect(expressionND("x^2 + y^2 + z^2").dimension).toBe(3);
    const q = expressionND("a*(q1^2 - 1)^2 + q2^2", { variables: ["q1", "q2"], parameters: { a: 2 } });
    expect(q.U([0, 1])).toBe(3);
    expect(() => expressionND("x^4 - x^2")).toThrow(/use expression\(\)/);
    expect(() => expressionND("x + y", { variables: ["x"] })).toThrow(KramersError);
    expect(() => expressionND("x + y +")).toThrow(/PARSE|position/i);
  });
});

describe("fromFunctionND", () => {
  it("differentiates numerically to ≈ 1e-9 (gradient) and ≈ 1e-7 (Hessian) of the exact values", () => {
    const f = (x: Float64Array) => Math.cos(x[0]!) * Math.exp(0.5 * x[1]!) + x[0]! * x[1]! ** 2;
    const p = fromFunctionND(f, { dimension: 2 });
    expect(p.derivatives).toBe("numerical");
    const [x, y] = [0.3, -0.8];
    const g = p.gradient([x, y]), H = p.hessian([x, y]);
    const ex = Math.exp(0.5 * y);
    const gx = -Math.sin(x) * ex + y * y, gy = 0.5 * Math.cos(x) * ex + 2 * x * y;
    const hxx = -Math.cos(x) * ex, hxy = -0.5 * Math.sin(x) * ex + 2 * y, hyy = 0.25 * Math.cos(x) * ex + 2 * x;
    expect(Math.abs(g[0]! - gx)).toBeLessThan(1e-9);
    expect(Math.abs(g[1]! - gy)).toBeLessThan(1e-9);
    expect(Math.abs(H[0]! - hxx)).toBeLessThan(1e-7);
    expect(Math.abs(H[1]! - hxy)).toBeLessThan(1e-7);
    expect(H[2]).toBe(H[1]);
    expect(Math.abs(H[3]! - hyy)).toBeLessThan(1e-7);
  });

  it("uses exact derivatives when given, and checks its options", () => {
    const p = fromFunctionND((x) => x[0]! ** 2 + 3 * x[1]! ** 2, { dimension: 2, gradient: (x) => [2 * x[0]!, 6 * x[1]!], hessian: () => [2, 0, 0, 6] });
    expect(p.derivatives).toBe("exact");
    expect(Array.from(p.gradient([1, 1]))).toEqual([2, 6]);
    expect(() => fromFunctionND((x) => x[0]!, { dimension: 1 })).toThrow(KramersError);
    expect(() => fromFunctionND((x) => x[0]!, { dimension: 2, suggestedDomain: [[0, 1]] })).toThrow(/suggestedDomain/);
  });
});

describe("muellerBrown and toPotentialND", () => {
  it("is the published surface: U at its stationary points (Müller & Brown 1979)", () => {
    // the commonly tabulated stationary points, 3 decimals in x and y, 2 in U. At a stationary
    // point the coordinate rounding (≤ 5e-4) changes U by ≲ max|λ(H)|·δ² ≈ 2e-3·… < 1e-3
    const p = muellerBrown();
    for (const [x, y, U] of PUBLISHED) expect(Math.abs(p.U([x, y]) - U)).toBeLessThan(0.006);
  });

  it("resolves strings and objects, and names what is wrong otherwise", () => {
    expect(toPotentialND("x^2 + y^2").dimension).toBe(2);
    expect(() => toPotentialND({ dimension: 1, U: () => 0 })).toThrow(/1-D potential/);
    expect(() => toPotentialND(42)).toThrow(/expression string/);
  });
});

describe("N-D descriptors for the WASM core", () => {
  it("expands polynomials into monomials exactly, and refuses what is not one", async () => {
    const { monomials, differentiateMonomials } = await import("../src/potential/expression/monomials.js");
    const { parseExpression } = await import("../src/potential/expression/parse.js");
    const tree = parseExpression("(x - y)^3", { variables: ["x", "y"] });
    const terms = monomials(tree, 2)!.map((t) => [t.coefficient, ...t.exponents].join(" ")).sort();
    expect(terms).toEqual(["-1 0 3", "-3 2 1", "1 3 0", "3 1 2"]);
    // ∂/∂y (x − y)³ = −3x² + 6xy − 3y²
    expect(differentiateMonomials(monomials(tree, 2)!, 1).map((t) => [t.coefficient, ...t.exponents].join(" ")).sort()).toEqual(["-3 0 2", "-3 2 0", "6 1 1"]);
    expect(monomials(parseExpression("exp(x) + y", { variables: ["x", "y"] }), 2)).toBeNull();
    expect(monomials(parseExpression("x^0.5 + y", { variables: ["x", "y"] }), 2)).toBeNull();
  });

  it("evaluates U and ∇U in WASM as the JS closures do (monomials for polynomials, programs otherwise), to rounding", async () => {
    const { loadWasm } = await import("../src/wasm/loader.js");
    const wasm = await loadWasm();
    const e = wasm.exports;
    const near = [[0.3, -0.7, 0.2], [-1.1, 0.4, 1.5], [0.6, 0.03, -0.2]];
    const cases = [
      { p: expressionND("(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2"), kind: 4, points: near },
      { p: expressionND("x^4/4 - x^2/2 + 2*y^2 + z^2 - 0.1*x*y*z"), kind: 4, points: near },
      { p: muellerBrown(), kind: 3, points: near },
      // a shifted quartic: expanded coefficients ~1e12 would cancel, so it stays a program
      { p: expressionND("(x - 1000)^4/4 - (x - 1000)^2/2 + y^2"), kind: 3, points: [[1000.5, 0.2], [999.1, -0.3]] },
    ];
    for (const { p, kind, points } of cases) {
      const desc = p.descriptor!();
      expect(desc[0]).toBe(kind);
      const d = wasm.copyIn(desc), x = e.allocF64(p.dimension) >>> 0, g = e.allocF64(p.dimension) >>> 0;
      for (const pt of points) {
        const point = pt.slice(0, p.dimension);
        wasm.f64(x, p.dimension).set(point);
        const u = e.potentialND(d, x);
        e.gradientND(d, x, g);
        const ref = p.U(point), grad = p.gradient(point);
        const scale = Math.max(1, Math.abs(ref));
        // two evaluation orders of the same polynomial (or two exp implementations): rounding only, ≤ 1e-12 relative
        expect(Math.abs(u - ref)).toBeLessThan(1e-12 * scale);
        const gw = wasm.f64(g, p.dimension);
        for (let i = 0; i < p.dimension; i++) expect(Math.abs(gw[i]! - grad[i]!)).toBeLessThan(1e-11 * Math.max(1, Math.abs(grad[i]!)));
      }
      for (const q of [g, x, d]) e.free(q);
    }
  });
});
