// A symmetric positive-definite system on an nx × ny lattice (9-slot ELL), factored by the
// nested-dissection multifrontal LDLᵀ in WASM or in its JS twin, with solves and inverse
// iteration: what the 2-D Fokker–Planck solvers share.
import { KramersError } from "../../errors.js";
import * as jsfp from "../../kernels-js/fokker-planck-nd.js";
import * as jsmf from "../../kernels-js/multifrontal.js";
import { latticeDissection } from "../../linalg/nested-dissection.js";
import type { KramersWasm } from "../../wasm/loader.js";

/** A factored lattice system. */
export interface LatticeSystem {
  /** A⁻¹b. */
  solve(b: Float64Array): Float64Array;
  /** Inverse iteration from x0 with the unit vector `deflate` projected out: the eigenvector and μ = x·A⁻¹x. */
  inverseIteration(deflate: Float64Array, x0: Float64Array, maxIter: number, tol: number): { x: Float64Array; mu: number; change: number; iterations: number };
  dispose(): void;
}

/** f64 entries of all buffers of one lattice factorization and its vectors. */
export const latticeStorage = (nx: number, ny: number): number => latticeDissection(nx, ny).storage + 4 * nx * ny;

const singular = (info: number) => new KramersError("NOT_CONVERGED", `the Fokker–Planck system is singular at node ${info - 1} (U too large there for this kT?)`);

/** Factor in the JS twin; `assemble` fills the ELL arrays. */
export function jsLattice(nx: number, ny: number, assemble: (cols: Int32Array, vals: Float64Array) => void): LatticeSystem {
  const n = nx * ny, t = latticeDissection(nx, ny);
  const cols = new Int32Array(9 * n), vals = new Float64Array(9 * n);
  assemble(cols, vals);
  const factor = new Float64Array(t.factorSize);
  const info = jsmf.mfFactor({ count: t.count, fronts: t.fronts, vars: t.vars, width: 9, cols, vals, pos: new Int32Array(n).fill(-1), front: new Float64Array(t.maxFront ** 2), stack: new Float64Array(t.stackPeak), tstack: new Int32Array(t.count), factor });
  if (info) throw singular(info);
  const mf = { count: t.count, fronts: t.fronts, vars: t.vars, factor, work: new Float64Array(t.maxFront) };
  return {
    solve(b) {
      const x = b.slice();
      jsmf.mfForward(mf.count, mf.fronts, mf.vars, mf.factor, x, mf.work);
      jsmf.mfBack(mf.count, mf.fronts, mf.vars, mf.factor, x, mf.work);
      return x;
    },
    inverseIteration(deflate, x0, maxIter, tol) {
      const x = x0.slice(), out = new Float64Array(2);
      const iterations = jsfp.fp2dInverseIteration(mf, n, deflate, x, new Float64Array(n), maxIter, tol, out);
      return { x, mu: out[0]!, change: out[1]!, iterations };
    },
    dispose() {},
  };
}

/** Factor in WASM; `assemble(cols, vals)` fills the ELL buffers (pointers). */
export function wasmLattice(wasm: KramersWasm, nx: number, ny: number, assemble: (cols: number, vals: number) => void): LatticeSystem {
  const e = wasm.exports;
  const n = nx * ny, t = latticeDissection(nx, ny);
  const kept: number[] = [];
  const i32 = (values: Int32Array, into: number[]) => {
    const q = e.allocI32(values.length) >>> 0;
    into.push(q);
    wasm.i32(q, values.length).set(values);
    return q;
  };
  const f64 = (count: number, into: number[]) => {
    const q = e.allocF64(count) >>> 0;
    into.push(q);
    return q;
  };
  const scratch: number[] = [];
  try {
    const fronts = i32(t.fronts, kept), vars = i32(t.vars, kept), factor = f64(t.factorSize, kept), work = f64(t.maxFront, kept);
    const cols = i32(new Int32Array(9 * n), scratch), vals = f64(9 * n, scratch);
    assemble(cols, vals);
    const pos = i32(new Int32Array(n).fill(-1), scratch), front = f64(t.maxFront * t.maxFront, scratch), stack = f64(Math.max(1, t.stackPeak), scratch), tstack = i32(new Int32Array(t.count), scratch);
    const info = e.mfFactor(t.count, fronts, vars, 9, cols, vals, pos, front, stack, tstack, factor);
    if (info) throw singular(info);
    const vec = (values: Float64Array) => {
      const q = e.allocF64(n) >>> 0;
      wasm.f64(q, n).set(values);
      return q;
    };
    return {
      solve(b) {
        const g = vec(b);
        try {
          e.mfForward(t.count, fronts, vars, factor, g, work);
          e.mfBack(t.count, fronts, vars, factor, g, work);
          return wasm.f64(g, n).slice();
        } finally {
          e.free(g);
        }
      },
      inverseIteration(deflate, x0, maxIter, tol) {
        const d = vec(deflate), x = vec(x0), y = e.allocF64(n) >>> 0, out = e.allocF64(2) >>> 0;
        try {
          const iterations = e.fp2dInverseIteration(t.count, fronts, vars, factor, work, n, d, x, y, maxIter, tol, out);
          const o = wasm.f64(out, 2);
          return { x: wasm.f64(x, n).slice(), mu: o[0]!, change: o[1]!, iterations };
        } finally {
          for (const q of [out, y, x, d]) e.free(q);
        }
      },
      dispose() {
        for (const q of kept.reverse()) e.free(q);
        kept.length = 0;
      },
    };
  } catch (err) {
    for (const q of kept.reverse()) e.free(q);
    throw err;
  } finally {
    for (const q of scratch.reverse()) e.free(q);
  }
}
