// Langer's N-D rate: exact reduction to the 1-D Kramers formulas for separable potentials (also
// rotated, and in 3-D), the O(kT/ΔU) approach to the exact MFPT of a coupled 2-D potential
// (finite-volume backward equation solved here through the multifrontal LDLᵀ), validity warnings
// and errors.
import { describe, expect, it } from "vitest";
import { latticeDissection } from "../src/linalg/nested-dissection.js";
import * as mf from "../src/kernels-js/multifrontal.js";
import { expressionND, muellerBrown } from "../src/potential/nd.js";
import { langerRate } from "../src/rates/langer.js";
import { rate } from "../src/rates/rate.js";

describe("langerRate reduces to Kramers in one dimension", () => {
  const kT = 1 / 32;
  for (const gamma of [0.05, 0.7, 20]) {
    it(`separable x⁴/4 − x²/2 + 2y² (γ = ${gamma}): full, overdamped and TST rates equal the 1-D formulas (to rounding), also rotated by 30° and in 3-D`, () => {
      const oneD = rate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: 1, gamma }).rates;
      const c = Math.cos(Math.PI / 6), s = Math.sin(Math.PI / 6);
      const X = `(${c}*x + ${s}*y)`, Y = `(${-s}*x + ${c}*y)`;
      const cases = [
        langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT, from: [-1, 0.1], to: [1, -0.1], gamma }),
        // a non-diagonal Hessian everywhere
        langerRate({ potential: `${X}^4/4 - ${X}^2/2 + 2*${Y}^2`, kT, from: [-c, -s], to: [c, s], gamma }),
        // two transverse modes: their frequencies cancel in det H_a/|det H_b|
        langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2 + 0.5*z^2 + 0.1*(y - z)^2", kT, from: [-1, 0, 0], saddle: [0.05, 0.01, 0], gamma }),
      ];
      for (const r of cases) {
        expect(Math.abs(r.rates.full / oneD.kramersFull - 1)).toBeLessThan(1e-12);
        expect(Math.abs(r.rates.overdamped / oneD.kramersOverdamped - 1)).toBeLessThan(1e-12);
        expect(Math.abs(r.rates.tst / oneD.tst - 1)).toBeLessThan(1e-12);
        expect(r.reducedBarrier).toBeCloseTo(8, 12);
      }
    });
  }
});

/**
 * Exact overdamped MFPT of a 2-D potential from `start` to the line x = xAbs, by the backward
 * equation (kT/γ)e^{βU}∇·(e^{−βU}∇T) = −1 on a square grid: finite volumes with face weights
 * e^{−β(U_i + U_j)/2} (symmetric, second order), reflecting box edges, T = 0 at x ≥ xAbs; the SPD
 * system goes through the nested-dissection multifrontal LDLᵀ. Bilinear interpolation at `start`.
 */
function backwardMfpt2D(U: (x: number[]) => number, kT: number, gamma: number, box: [[number, number], [number, number]], h: number, start: [number, number], xAbs: number): number {
  const [[x0], [y0, y1]] = box;
  const nx = Math.round((xAbs - x0) / h), ny = Math.round((y1 - y0) / h) + 1;
  const beta = 1 / kT, D = kT / gamma, n = nx * ny;
  const u = new Float64Array((nx + 1) * ny);
  let umin = Infinity;
  for (let i = 0; i <= nx; i++) {
    for (let j = 0; j < ny; j++) {
      u[i * ny + j] = U([x0 + i * h, y0 + j * h]);
      umin = Math.min(umin, u[i * ny + j]!);
    }
  }
  const cols = new Int32Array(9 * n).fill(-1), vals = new Float64Array(9 * n), T = new Float64Array(n);
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const r = i * ny + j;
      let diag = 0;
      for (const [di, dj] of [[-1, 0], [1, 0], [0, -1], [0, 1]] as const) {
        const ii = i + di, jj = j + dj;
        if (ii < 0 || jj < 0 || jj >= ny) continue;
        const w = (D * Math.exp(-beta * ((u[r]! + u[ii * ny + jj]!) / 2 - umin))) / (h * h);
        diag += w;
        if (ii >= nx) continue;
        cols[9 * r + (di + 1) * 3 + dj + 1] = ii * ny + jj;
        vals[9 * r + (di + 1) * 3 + dj + 1] = -w;
      }
      cols[9 * r + 4] = r;
      vals[9 * r + 4] = diag;
      T[r] = Math.exp(-beta * (u[r]! - umin));
    }
  }
  const t = latticeDissection(nx, ny);
  const factor = new Float64Array(t.factorSize), work = new Float64Array(t.maxFront);
  expect(mf.mfFactor({ count: t.count, fronts: t.fronts, vars: t.vars, width: 9, cols, vals, pos: new Int32Array(n).fill(-1), front: new Float64Array(t.maxFront ** 2), stack: new Float64Array(t.stackPeak), tstack: new Int32Array(t.count), factor })).toBe(0);
  mf.mfForward(t.count, t.fronts, t.vars, factor, T, work);
  mf.mfBack(t.count, t.fronts, t.vars, factor, T, work);
  const fi = (start[0] - x0) / h, fj = (start[1] - y0) / h, i = Math.floor(fi), j = Math.floor(fj), a = fi - i, c = fj - j;
  const at = (ii: number, jj: number) => T[ii * ny + jj]!;
  return (1 - a) * (1 - c) * at(i, j) + a * (1 - c) * at(i + 1, j) + (1 - a) * c * at(i, j + 1) + a * c * at(i + 1, j + 1);
}

describe("langerRate against the exact MFPT of a coupled 2-D potential", () => {
  it("approaches 1/MFPT(well → other well) as O(kT/ΔU): k·T − 1 = 4.7 % at βΔU = 10 and 2.2 % at βΔU = 20", () => {
    // U = (x² − 1)² + 2(y − 0.3x²)²: a curved valley (the Hessian is not diagonal along the path),
    // minima (±1, 0.3), saddle (0, 0), ΔU = 1. The MFPT from the left minimum to the line x = 1
    // through the right one: crossing the saddle, then an O(1) slide, so 1/T = k(1 + O(e^{−βΔU})).
    // Grid: h = 0.02 and 0.01, Richardson (the h² difference is 1.4e-3 and 2.9e-3 relative, so the
    // extrapolated T is good to ≲ 1e-4); the box's edges are ≥ 30 kT above the minimum.
    const p = expressionND("(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2");
    const dev: number[] = [];
    for (const kT of [0.1, 0.05]) {
      const L = langerRate({ potential: p, kT, from: [-1, 0.3], to: [1, 0.3], gamma: 1 });
      expect(L.saddle.x[0]).toBeCloseTo(0, 12);
      const box: [[number, number], [number, number]] = [[-1.9, 1], [-1.0, 1.6]];
      const coarse = backwardMfpt2D((x) => p.U(x), kT, 1, box, 0.02, [-1, 0.3], 1);
      const fine = backwardMfpt2D((x) => p.U(x), kT, 1, box, 0.01, [-1, 0.3], 1);
      const T = fine + (fine - coarse) / 3;
      dev.push(L.rates.overdamped * T - 1);
    }
    // Langer overestimates (anharmonic well and saddle) by an amount ∝ kT/ΔU: halving kT halves it
    expect(dev[0]!).toBeGreaterThan(0.03);
    expect(dev[0]!).toBeLessThan(0.065);
    expect(dev[1]!).toBeGreaterThan(0.01);
    expect(dev[1]!).toBeLessThan(0.033);
    expect(dev[1]! / dev[0]!).toBeGreaterThan(0.35);
    expect(dev[1]! / dev[0]!).toBeLessThan(0.65);
  }, 60_000);
});

describe("langerRate validity and errors", () => {
  it("warns about a low barrier, energy-diffusion friction and an overdamped formula out of range", () => {
    const low = langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT: 0.1, from: [-1, 0], to: [1, 0], gamma: 10 });
    expect(low.warnings.map((w) => w.code)).toContain("LOW_BARRIER");
    const slow = langerRate({ potential: "x^4/4 - x^2/2 + 2*y^2", kT: 1 / 32, from: [-1, 0], to: [1, 0], gamma: 0.005 });
    const codes = slow.warnings.map((w) => w.code);
    expect(codes).toContain("FRICTION_REGIME");
    expect(codes).toContain("OVERDAMPED_INVALID");
    expect(slow.ingredients.upsilon).toBeLessThan(0.9);
    const mb = langerRate({ potential: muellerBrown(), kT: 10, from: [-0.5, 1.5], to: [0.6, 0], gamma: 50 });
    expect(mb.warnings.map((w) => w.code)).toContain("INTERMEDIATE_MINIMUM");
  });

  it("refuses what it cannot do, naming the problem", () => {
    const base = { potential: "x^4/4 - x^2/2 + 2*y^2", kT: 0.05, from: [-1, 0] };
    expect(() => langerRate(base)).toThrow(/give `to`/);
    expect(() => langerRate({ ...base, kT: -1, to: [1, 0] })).toThrow(expect.objectContaining({ code: "NOT_POSITIVE" }));
    // a flat direction: no harmonic prefactor
    expect(() => langerRate({ ...base, potential: "x^4/4 - x^2/2 + y^4", to: [1, 0] })).toThrow(/flat/);
    // no transition state to reach
    expect(() => langerRate({ ...base, potential: "x^2 + y^2", from: [0.1, 0], saddle: [0.5, 0.5] })).toThrow(expect.objectContaining({ code: "NOT_CONVERGED" }));
  });
});
