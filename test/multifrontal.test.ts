// The nested-dissection elimination tree (src/linalg/nested-dissection.ts) and the multifrontal
// LDLᵀ that runs along it (assembly/multifrontal.ts, twin src/kernels-js/multifrontal.ts), on
// generic 9-point lattice matrices, against dense LU with partial pivoting.
import { describe, expect, it } from "vitest";
import { solveLinear } from "../src/linalg/dense.js";
import { latticeDissection } from "../src/linalg/nested-dissection.js";
import * as jsmf from "../src/kernels-js/multifrontal.js";
import { loadWasm } from "../src/wasm/loader.js";

/** A symmetric 9-point matrix on the nx × ny lattice in the 9-slot ELL layout: random couplings, strictly diagonally dominant (so LDLᵀ without pivoting is stable). */
function latticeMatrix(nx: number, ny: number, seed: number): { cols: Int32Array; vals: Float64Array } {
  const n = nx * ny;
  const cols = new Int32Array(9 * n), vals = new Float64Array(9 * n);
  let s = seed >>> 0;
  const rand = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) - 0.5;
  for (let k = 0; k < nx; k++) {
    for (let j = 0; j < ny; j++) {
      const row = k * ny + j;
      for (let q = 0; q < 9; q++) {
        const kk = k + Math.floor(q / 3) - 1, jj = j + (q % 3) - 1;
        cols[9 * row + q] = kk >= 0 && kk < nx && jj >= 0 && jj < ny ? kk * ny + jj : -1;
      }
    }
  }
  // each coupling drawn once, written in both rows
  for (let row = 0; row < n; row++) {
    for (let q = 5; q < 9; q++) {
      const c = cols[9 * row + q]!;
      if (c < 0) continue;
      const v = rand();
      vals[9 * row + q] = v;
      vals[9 * c + (8 - q)] = v;
    }
  }
  for (let row = 0; row < n; row++) {
    let off = 0;
    for (let q = 0; q < 9; q++) if (q !== 4) off += Math.abs(vals[9 * row + q]!);
    vals[9 * row + 4] = off + 0.5 + Math.abs(rand());
  }
  return { cols, vals };
}

/** x = A⁻¹b by dense LU with partial pivoting (src/linalg/dense.ts: a different algorithm, the reference). */
function denseSolve(n: number, cols: Int32Array, vals: Float64Array, b: Float64Array): Float64Array {
  const A = new Float64Array(n * n);
  for (let r = 0; r < n; r++) for (let q = 0; q < 9; q++) if (cols[9 * r + q]! >= 0) A[r * n + cols[9 * r + q]!]! += vals[9 * r + q]!;
  return solveLinear(A, b, n)!;
}

function jsFactorSolve(nx: number, ny: number, cols: Int32Array, vals: Float64Array, b: Float64Array): { x: Float64Array; factor: Float64Array } {
  const t = latticeDissection(nx, ny), n = nx * ny;
  const factor = new Float64Array(t.factorSize);
  const info = jsmf.mfFactor({ count: t.count, fronts: t.fronts, vars: t.vars, width: 9, cols, vals, pos: new Int32Array(n).fill(-1), front: new Float64Array(t.maxFront ** 2), stack: new Float64Array(t.stackPeak), tstack: new Int32Array(t.count), factor });
  expect(info).toBe(0);
  const x = b.slice(), work = new Float64Array(t.maxFront);
  jsmf.mfForward(t.count, t.fronts, t.vars, factor, x, work);
  jsmf.mfBack(t.count, t.fronts, t.vars, factor, x, work);
  return { x, factor };
}

describe("latticeDissection", () => {
  it("eliminates every unknown exactly once; a front's boundary is eliminated later, inside its ancestors; the root is the last column", () => {
    for (const [nx, ny] of [[1, 1], [1, 7], [6, 1], [2, 2], [7, 9], [40, 33], [13, 120]] as const) {
      const t = latticeDissection(nx, ny), n = nx * ny;
      const when = new Int32Array(n).fill(-1);
      let factorSize = 0;
      for (let f = 0; f < t.count; f++) {
        const s = t.fronts[5 * f]!, size = t.fronts[5 * f + 1]!, vo = t.fronts[5 * f + 2]!;
        expect(t.fronts[5 * f + 4]).toBe(factorSize);
        factorSize += s * size;
        for (let i = 0; i < s; i++) {
          expect(when[t.vars[vo + i]!]).toBe(-1);
          when[t.vars[vo + i]!] = f;
        }
      }
      expect(factorSize).toBe(t.factorSize);
      expect(Array.from(when).every((f) => f >= 0)).toBe(true);
      for (let f = 0; f < t.count; f++) {
        const s = t.fronts[5 * f]!, size = t.fronts[5 * f + 1]!, vo = t.fronts[5 * f + 2]!;
        for (let i = s; i < size; i++) expect(when[t.vars[vo + i]!]!).toBeGreaterThan(f);
      }
      const root = t.count - 1;
      expect(t.fronts[5 * root]).toBe(ny);
      for (let j = 0; j < ny; j++) expect(when[(nx - 1) * ny + j]).toBe(root);
    }
  });

  it("costs O(n^1.5) flops on square lattices where the band costs n²", () => {
    // band LDLᵀ of an a × a lattice: bandwidth a + 1, a²·(a + 1)(a + 2)/2 multiply-adds; nested
    // dissection ≈ 14·a³ (19·a³ at a = 32, 13.8·a³ at 256): the ratio halves with every doubling of a
    const band = (a: number) => (a * a * (a + 1) * (a + 2)) / 2;
    const ratio = (a: number) => latticeDissection(a, a).flops / band(a);
    expect(ratio(256)).toBeLessThan(1 / 8);
    expect(ratio(64) / ratio(256)).toBeGreaterThan(3.5);
    expect(ratio(64) / ratio(256)).toBeLessThan(4.5);
  });
});

describe("multifrontal LDLᵀ", () => {
  it("solves 9-point lattice systems to the dense-elimination solution (JS twin and WASM)", async () => {
    const wasm = await loadWasm();
    const e = wasm.exports;
    for (const [nx, ny, seed] of [[1, 5, 1], [5, 1, 2], [9, 11, 3], [17, 6, 4], [12, 30, 5]] as const) {
      const n = nx * ny;
      const { cols, vals } = latticeMatrix(nx, ny, seed);
      const b = new Float64Array(n).map((_, i) => Math.cos(0.7 * i) + 0.1);
      const ref = denseSolve(n, cols, vals, b);
      const js = jsFactorSolve(nx, ny, cols, vals, b);
      // diagonally dominant (condition ≲ 10): both eliminations are backward stable, 1e-12 is ≈ 10⁴ ulp
      for (let i = 0; i < n; i++) expect(Math.abs(js.x[i]! - ref[i]!)).toBeLessThan(1e-12 * (1 + Math.abs(ref[i]!)));
      // WASM: the same factor to the bit (same operation order, f64x2 lanes round like scalars)
      const t = latticeDissection(nx, ny);
      const fr = e.allocI32(t.fronts.length) >>> 0, vr = e.allocI32(t.vars.length) >>> 0, cr = e.allocI32(9 * n) >>> 0;
      wasm.i32(fr, t.fronts.length).set(t.fronts);
      wasm.i32(vr, t.vars.length).set(t.vars);
      wasm.i32(cr, 9 * n).set(cols);
      const va = wasm.copyIn(vals), pos = e.allocI32(n) >>> 0, front = e.allocF64(t.maxFront ** 2) >>> 0;
      const stack = e.allocF64(Math.max(1, t.stackPeak)) >>> 0, tstack = e.allocI32(t.count) >>> 0, factor = e.allocF64(t.factorSize) >>> 0;
      wasm.i32(pos, n).fill(-1);
      expect(e.mfFactor(t.count, fr, vr, 9, cr, va, pos, front, stack, tstack, factor)).toBe(0);
      expect(Array.from(wasm.i32(pos, n)).every((p) => p === -1)).toBe(true);
      const wf = wasm.f64(factor, t.factorSize);
      let differ = 0;
      for (let i = 0; i < t.factorSize; i++) if (wf[i] !== js.factor[i] && !(Number.isNaN(wf[i]) && Number.isNaN(js.factor[i]))) differ++;
      expect(differ).toBe(0);
      const g = wasm.copyIn(b), work = e.allocF64(t.maxFront) >>> 0;
      e.mfForward(t.count, fr, vr, factor, g, work);
      e.mfBack(t.count, fr, vr, factor, g, work);
      expect(Array.from(wasm.f64(g, n))).toEqual(Array.from(js.x));
      for (const p of [work, g, factor, tstack, stack, front, pos, va, cr, vr, fr]) e.free(p);
    }
  });

  it("reports the unknown at an exactly zero pivot", () => {
    const nx = 4, ny = 3, n = nx * ny;
    const { cols, vals } = latticeMatrix(nx, ny, 9);
    // a zero row and column: unknown 5 is singular
    for (let q = 0; q < 9; q++) {
      const c = cols[9 * 5 + q]!;
      if (c < 0) continue;
      vals[9 * 5 + q] = 0;
      vals[9 * c + (8 - q)] = 0;
    }
    const t = latticeDissection(nx, ny);
    const info = jsmf.mfFactor({ count: t.count, fronts: t.fronts, vars: t.vars, width: 9, cols, vals, pos: new Int32Array(n).fill(-1), front: new Float64Array(t.maxFront ** 2), stack: new Float64Array(t.stackPeak), tstack: new Int32Array(t.count), factor: new Float64Array(t.factorSize) });
    expect(info).toBe(5 + 1);
  });
});
