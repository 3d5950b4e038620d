// One discretized generator held by an engine (WASM buffers or JS arrays). The orchestration in
// this folder only talks to this interface; every per-cell loop runs in the kernels
// (assembly/fokker_planck.ts or its JS twin src/kernels-js/fokker-planck.ts).
import type { Potential1D } from "../potential/types.js";
import type { KramersWasm } from "../wasm/loader.js";
import {
  fpAssembleJs, fpEvolveJs, fpTwisted4Js, fpNegcount4Js, fpFactorJs, fpInfoJs, fpModeFromVectorJs, fpNegcount2Js, fpNegcountJs,
  fpPeriodicStationaryJs, fpStationaryJs, fpTwistedJs,
} from "../kernels-js/fokker-planck.js";

/** Boundary conditions of the generator. */
export type Boundary = "reflecting" | "absorbing" | "periodic";

/** Which implementation of the kernels runs. */
export type FokkerPlanckEngine = "wasm" | "js";

export const BOUNDARY_CODE: Record<Boundary, number> = { reflecting: 0, absorbing: 1, periodic: 2 };

/** A uniform cell-centred grid on [left, right]. */
export interface CellGrid {
  /** Number of cells. */
  readonly cells: number;
  /** Left end of the domain. */
  readonly left: number;
  /** Right end of the domain. */
  readonly right: number;
  /** Cell width h = (right − left)/cells. */
  readonly h: number;
}

/** What fpAssemble reports about the grid. */
export interface AssemblyInfo {
  /** min βU over the cell centres. */
  readonly umin: number;
  /** max |βΔU| between neighbouring cells (in the region within 200 kT of the minimum). */
  readonly maxJump: number;
  /** max |βΔU| between neighbouring cells within 60 kT of the minimum (sets the starting grid). */
  readonly maxJumpLow: number;
  /** βU at the first centre beyond the right end (periodic wrap). */
  readonly uNext: number;
}

/** The result of one twisted factorization at a shift. */
export interface TwistedStep {
  readonly correction: number;
  readonly negcount: number;
}

/** A discretized generator and the kernels that act on it. */
export interface GeneratorHandle {
  readonly engine: FokkerPlanckEngine;
  readonly grid: CellGrid;
  readonly boundary: Boundary;
  readonly info: AssemblyInfo;
  /** Size of the positive-definite core T (n − 1 reflecting, n absorbing). */
  readonly m: number;
  /** Gershgorin-type upper bound of the spectrum of T. */
  readonly upperBound: number;
  negcount(sigma: number): number;
  negcount2(a: number, b: number): [number, number];
  /** Four Sturm counts in one pass. */
  negcount4(sigmas: readonly number[]): number[];
  /** Twisted factorization at σ; `storeVector` keeps its eigenvector for {@link GeneratorHandle.mode}. */
  twisted(sigma: number, storeVector?: boolean): TwistedStep;
  /** Twisted factorizations at four shifts in one pass (lockstep Rayleigh iteration). */
  twisted4(sigmas: readonly number[]): TwistedStep[];
  /** Right eigenfunction f and density mode ψ from the vector of the last `twisted` call. */
  mode(): { f: Float64Array; psi: Float64Array };
  /** βU at the cell centres (copy). */
  reducedPotential(): Float64Array;
  /** Rates i→i+1 and i→i−1 (copies). */
  rates(): { up: Float64Array; down: Float64Array };
  /** Equilibrium density π/(hΣπ). */
  stationary(): Float64Array;
  /** Stationary density and current on the periodic ring. */
  periodicStationary(): { density: Float64Array; current: number };
  /** θ-scheme steps from cell probabilities p (Σp = mass); returns p after the steps and per-step survival/outflow. */
  evolve(p: Float64Array, dt: number, theta: number, steps: number): { p: Float64Array; survival: Float64Array; outflow: Float64Array };
  dispose(): void;
}

/** Build the generator on `grid` with the JS twin kernels. */
export function jsGenerator(potential: Potential1D, grid: CellGrid, beta: number, diffusion: number, boundary: Boundary): GeneratorHandle {
  const n = grid.cells;
  const code = BOUNDARY_CODE[boundary];
  const u = new Float64Array(n);
  const up = new Float64Array(n);
  const down = new Float64Array(n);
  const U = potential.U.bind(potential);
  fpAssembleJs(U, n, grid.left, grid.h, beta, diffusion, code, u, up, down);
  const info: AssemblyInfo = { umin: fpInfoJs[0]!, maxJump: fpInfoJs[1]!, maxJumpLow: fpInfoJs[8]!, uNext: fpInfoJs[4]! };
  const maxRate = fpInfoJs[5]!;
  const m = boundary === "absorbing" ? n : n - 1;
  const d = new Float64Array(m);
  const e = new Float64Array(Math.max(m - 1, 1));
  const lld = new Float64Array(Math.max(m - 1, 1));
  if (boundary === "absorbing") fpFactorJs(down, 0, up, 0, m, d, e, lld);
  else if (boundary === "reflecting") fpFactorJs(up, 0, down, 1, m, d, e, lld);
  let s: Float64Array | undefined, pp: Float64Array | undefined, z: Float64Array | undefined;
  let s4: Float64Array | undefined, p4: Float64Array | undefined;
  return {
    engine: "js",
    grid,
    boundary,
    info,
    m,
    upperBound: 4 * maxRate,
    negcount: (sigma) => fpNegcountJs(d, lld, m, sigma),
    negcount2(a, b) {
      const na = fpNegcount2Js(d, lld, m, a, b);
      return [na, fpInfoJs[5]!];
    },
    twisted(sigma, storeVector = false) {
      s ??= new Float64Array(m);
      pp ??= new Float64Array(m);
      z ??= new Float64Array(m);
      const correction = fpTwistedJs(d, e, lld, m, sigma, s, pp, z, storeVector ? 1 : 0);
      return { correction, negcount: fpInfoJs[3]! };
    },
    negcount4(sigmas) {
      const out = new Float64Array(4);
      fpNegcount4Js(d, lld, m, Float64Array.from(sigmas), out);
      return Array.from(out);
    },
    twisted4(sigmas) {
      s4 ??= new Float64Array(4 * m);
      p4 ??= new Float64Array(4 * m);
      const out = new Float64Array(28);
      fpTwisted4Js(d, e, lld, m, Float64Array.from(sigmas), s4, p4, out);
      return [0, 1, 2, 3].map((l) => ({ correction: out[8 + 5 * l]!, negcount: out[12 + 5 * l]! }));
    },
    mode() {
      const f = new Float64Array(n);
      const psi = new Float64Array(n);
      fpModeFromVectorJs(z!, u, up, n, code, info.umin, grid.h, f, psi);
      return { f, psi };
    },
    reducedPotential: () => u.slice(),
    rates: () => ({ up: up.slice(), down: down.slice() }),
    stationary() {
      const rho = new Float64Array(n);
      fpStationaryJs(u, n, info.umin, grid.h, rho);
      return rho;
    },
    periodicStationary() {
      const rho = new Float64Array(n);
      const current = fpPeriodicStationaryJs(u, up, n, info.uNext, grid.h, rho);
      return { density: rho, current };
    },
    evolve(p0, dt, theta, steps) {
      const p = Float64Array.from(p0);
      const survival = new Float64Array(steps);
      const outflow = new Float64Array(steps);
      fpEvolveJs(up, down, n, code, dt, theta, steps, p, new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n), survival, outflow);
      return { p, survival, outflow };
    },
    dispose() {},
  };
}

/** Build the generator on `grid` in WASM memory; call `dispose()` to free it. */
export function wasmGenerator(wasm: KramersWasm, potential: Potential1D, grid: CellGrid, beta: number, diffusion: number, boundary: Boundary): GeneratorHandle {
  const x = wasm.exports;
  const n = grid.cells;
  const code = BOUNDARY_CODE[boundary];
  const owned: number[] = [];
  const alloc = (k: number): number => {
    const p = x.allocF64(Math.max(k, 1)) >>> 0;
    owned.push(p);
    return p;
  };
  const desc = wasm.copyIn(potential.descriptor([grid.left, grid.right]));
  owned.push(desc);
  const u = alloc(n);
  const up = alloc(n);
  const down = alloc(n);
  x.fpAssemble(desc, n, grid.left, grid.h, beta, diffusion, code, u, up, down);
  const info: AssemblyInfo = { umin: x.fpInfo(0), maxJump: x.fpInfo(1), maxJumpLow: x.fpInfo(8), uNext: x.fpInfo(4) };
  const maxRate = x.fpInfo(5);
  const m = boundary === "absorbing" ? n : n - 1;
  const d = alloc(m);
  const e = alloc(m - 1);
  const lld = alloc(m - 1);
  if (boundary === "absorbing") x.fpFactor(down, up, m, d, e, lld);
  else if (boundary === "reflecting") x.fpFactor(up, down + 8, m, d, e, lld);
  let s = 0, pp = 0, z = 0, s4 = 0, p4 = 0, io4 = 0;
  let disposed = false;
  return {
    engine: "wasm",
    grid,
    boundary,
    info,
    m,
    upperBound: 4 * maxRate,
    negcount: (sigma) => x.fpNegcount(d, lld, m, sigma),
    negcount2(a, b) {
      const na = x.fpNegcount2(d, lld, m, a, b);
      return [na, x.fpInfo(5)];
    },
    twisted(sigma, storeVector = false) {
      if (!z) {
        s = alloc(m);
        pp = alloc(m);
        z = alloc(m);
      }
      const correction = x.fpTwisted(d, e, lld, m, sigma, s, pp, z, storeVector ? 1 : 0);
      return { correction, negcount: x.fpInfo(3) };
    },
    negcount4(sigmas) {
      if (!io4) io4 = alloc(32);
      const io = wasm.f64(io4, 32);
      for (let l = 0; l < 4; l++) io[28 + l] = sigmas[l]!;
      x.fpNegcount4(d, lld, m, io4 + 28 * 8, io4);
      return Array.from(wasm.f64(io4, 4));
    },
    twisted4(sigmas) {
      if (!s4) {
        s4 = alloc(4 * m);
        p4 = alloc(4 * m);
      }
      if (!io4) io4 = alloc(32);
      const io = wasm.f64(io4, 32);
      for (let l = 0; l < 4; l++) io[28 + l] = sigmas[l]!;
      x.fpTwisted4(d, e, lld, m, io4 + 28 * 8, s4, p4, io4);
      const out = wasm.f64(io4, 28);
      return [0, 1, 2, 3].map((l) => ({ correction: out[8 + 5 * l]!, negcount: out[12 + 5 * l]! }));
    },
    mode() {
      const f = alloc(n);
      const psi = alloc(n);
      x.fpModeFromVector(z, u, up, n, code, info.umin, grid.h, f, psi);
      const out = { f: wasm.f64(f, n).slice(), psi: wasm.f64(psi, n).slice() };
      x.free(f);
      x.free(psi);
      owned.splice(owned.indexOf(f), 1);
      owned.splice(owned.indexOf(psi), 1);
      return out;
    },
    reducedPotential: () => wasm.f64(u, n).slice(),
    rates: () => ({ up: wasm.f64(up, n).slice(), down: wasm.f64(down, n).slice() }),
    stationary() {
      const rho = x.allocF64(n) >>> 0;
      x.fpStationary(u, n, info.umin, grid.h, rho);
      const out = wasm.f64(rho, n).slice();
      x.free(rho);
      return out;
    },
    periodicStationary() {
      const rho = x.allocF64(n) >>> 0;
      const current = x.fpPeriodicStationary(u, up, n, info.uNext, grid.h, rho);
      const out = wasm.f64(rho, n).slice();
      x.free(rho);
      return { density: out, current };
    },
    evolve(p0, dt, theta, steps) {
      const bufs = [0, 0, 0, 0, 0].map(() => x.allocF64(n) >>> 0);
      const p = wasm.copyIn(p0);
      const survival = x.allocF64(Math.max(steps, 1)) >>> 0;
      const outflow = x.allocF64(Math.max(steps, 1)) >>> 0;
      x.fpEvolve(up, down, n, code, dt, theta, steps, p, bufs[0]!, bufs[1]!, bufs[2]!, bufs[3]!, survival, outflow);
      const out = { p: wasm.f64(p, n).slice(), survival: wasm.f64(survival, steps).slice(), outflow: wasm.f64(outflow, steps).slice() };
      for (const b of [...bufs, p, survival, outflow]) x.free(b);
      return out;
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      for (const p of owned) x.free(p);
      owned.length = 0;
    },
  };
}
