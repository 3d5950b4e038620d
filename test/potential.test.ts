import { describe, expect, it } from "vitest";
import {
  KramersError, expression, polynomial, fromFunction, symmetricDoubleWell, tiltedDoubleWell, metastableCubic,
  tiltedWashboard, tripleWell, toPotential, loadWasm,
} from "../src/index.js";

describe("expression potentials", () => {
  it("evaluates U, U′, U″ of the seed's double well exactly", () => {
    const p = expression("x^4/4 - x^2/2");
    expect(p.kind).toBe("polynomial");
    expect(p.coefficients).toEqual([0, 0, -0.5, 0, 0.25]);
    for (const x of [-1.7, -1, 0, 0.3, 2]) {
      expect(p.U(x)).toBeCloseTo(x ** 4 / 4 - x ** 2 / 2, 14);
      expect(p.dU(x)).toBeCloseTo(x ** 3 - x, 14);
      expect(p.d2U(x)).toBeCloseTo(3 * x * x - 1, 14);
    }
  });

  it("differentiates transcendental expressions symbolically (checked against hand derivatives)", () => {
    const p = expression("-V0*cos(x) - F*x + exp(-x^2)*sin(2*x)", { parameters: { V0: 1.3, F: 0.2 } });
    expect(p.kind).toBe("expression");
    for (const x of [-2, -0.4, 0.1, 1.9]) {
      const g = Math.exp(-x * x);
      expect(p.dU(x)).toBeCloseTo(1.3 * Math.sin(x) - 0.2 + g * (-2 * x * Math.sin(2 * x) + 2 * Math.cos(2 * x)), 13);
      const d2 = 1.3 * Math.cos(x) + g * ((4 * x * x - 2) * Math.sin(2 * x) - 8 * x * Math.cos(2 * x) - 4 * Math.sin(2 * x));
      expect(p.d2U(x)).toBeCloseTo(d2, 12);
    }
  });

  it("if given a syntax error, throws PARSE_ERROR with the position", () => {
    const cases: Array<[string, number]> = [["x^4 + * x", 6], ["2x", 1], ["(x+1", 4], ["x + foo", 4], ["sin x", 4], ["x $ 2", 2], ["", 0]];
    for (const [src, pos] of cases) {
      try {
        expression(src);
        expect.unreachable(`no error for ${src}`);
      } catch (e) {
        expect(e).toBeInstanceOf(KramersError);
        expect((e as KramersError).code).toBe("PARSE_ERROR");
        expect((e as KramersError).details?.position).toBe(pos);
      }
    }
  });

  it("reads -x^2 as -(x^2) and 2^3^2 as 2^(3^2)", () => {
    expect(expression("-x^2").U(3)).toBe(-9);
    expect(expression("2^3^2 + 0*x").U(0)).toBe(512);
  });
});

describe("families", () => {
  it("the default symmetric double well is the seed's x^4/4 - x^2/2", () => {
    const p = symmetricDoubleWell();
    for (const x of [-1.5, -0.2, 0.7]) expect(p.U(x)).toBeCloseTo(x ** 4 / 4 - x ** 2 / 2, 14);
  });
  it("families have their stated extrema", () => {
    const t = tiltedDoubleWell({ barrierHeight: 2, wellPosition: 1.5, tilt: 0 });
    expect(t.dU(1.5)).toBeCloseTo(0, 13);
    expect(t.U(0) - t.U(1.5)).toBeCloseTo(2, 13);
    const c = metastableCubic({ barrierHeight: 3, barrierPosition: 2 });
    expect(c.dU(2)).toBeCloseTo(0, 13);
    expect(c.U(2) - c.U(0)).toBeCloseTo(3, 13);
    expect(c.d2U(0)).toBeCloseTo(6 * 3 / 4, 13);
    const w = tiltedWashboard({ amplitude: 1, force: 0.3 });
    expect(w.dU(Math.asin(0.3))).toBeCloseTo(0, 14);
    const tw = tripleWell();
    for (const x of [0, 1, 2, -1, -2]) expect(tw.dU(x)).toBeCloseTo(0, 13);
  });
  it("if given a negative barrier height, throws NOT_POSITIVE", () => {
    expect(() => symmetricDoubleWell({ barrierHeight: -1 })).toThrowError(/barrierHeight/);
  });
});

describe("function potentials", () => {
  it("state the error of their numerical derivatives, and the estimate bounds the actual error", () => {
    const p = fromFunction((x) => Math.sin(3 * x) + x ** 4 / 4);
    for (const x of [-1.3, 0.2, 0.9]) {
      const e = p.derivativeError!(x);
      const actual1 = Math.abs(p.dU(x) - (3 * Math.cos(3 * x) + x ** 3));
      const actual2 = Math.abs(p.d2U(x) - (-9 * Math.sin(3 * x) + 3 * x * x));
      // Ridders' estimate is conservative by construction (max of two successive differences); allow 10× slack
      expect(actual1).toBeLessThanOrEqual(10 * e.dU + 1e-15);
      expect(actual2).toBeLessThanOrEqual(10 * e.d2U + 1e-15);
      expect(e.dU).toBeLessThan(1e-8);
    }
    expect(expression("x^2").derivativeError).toBeUndefined();
  });

  it("numerical derivatives agree with the exact ones to 1e-9", () => {
    const p = fromFunction((x) => Math.log(Math.cosh(x)) - (0.5 * x * x) / 1.2);
    for (const x of [-1.1, 0.3, 2.2]) {
      expect(Math.abs(p.dU(x) - (Math.tanh(x) - x / 1.2))).toBeLessThan(1e-9);
      expect(Math.abs(p.d2U(x) - (1 / Math.cosh(x) ** 2 - 1 / 1.2))).toBeLessThan(1e-7);
    }
  });
});

describe("WASM evaluator", () => {
  it("evaluates polynomial, program and table descriptors like the JS closures", async () => {
    const wasm = await loadWasm();
    const pots = [
      polynomial([0.1, -0.3, -0.5, 0.2, 0.25]),
      expression("-1.3*cos(x) - 0.2*x + exp(-x^2)*sin(2*x) + sqrt(1+x^2) + abs(x)^3 + tanh(x)/cosh(x)"),
      toPotential((x: number) => x ** 4 / 4 - x ** 2 / 2),
    ];
    for (const p of pots) {
      const desc = p.descriptor([-3, 3]);
      const ptr = wasm.copyIn(desc);
      for (const x of [-2.5, -1, -0.01, 0.37, 1.8]) {
        // exact kinds: identical up to libm differences (1e-13); table: cubic Hermite with h≈7e-4 (error ~h^4·U⁽⁴⁾ < 1e-11)
        const tol = p.kind === "function" ? 1e-9 : 1e-12;
        for (const [order, f] of [[0, p.U], [1, p.dU], [2, p.d2U]] as const) {
          const w = wasm.exports.potentialDerivative(ptr, x, order);
          expect(Math.abs(w - f(x))).toBeLessThan(tol * Math.max(1, Math.abs(f(x))) * (order === 2 && p.kind === "function" ? 1e3 : 1));
        }
      }
      wasm.free(ptr);
    }
  });
});
