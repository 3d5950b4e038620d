// The two interchangeable back ends of the Kramers-equation solver: the WASM kernels
// (assembly/kramers_equation.ts) and their pure-JS twins (src/kernels-js/kramers-equation.ts).
// Both take one discretization and return one number; the convergence loops live in
// kramers-equation.ts and never touch a cell.
import { KramersError } from "../errors.js";
import * as js from "../kernels-js/kramers-equation.js";
import type { Potential1D } from "../potential/types.js";
import type { KramersWasm } from "../wasm/loader.js";

/** One (x, Hermite) discretization: P positions x0 + p·dx (nodes even p, faces odd p), M modes per position. */
export interface KramersGrid {
  /** Position of p = 0. */
  readonly x0: number;
  /** Signed half node spacing (negative: the grid runs toward −x, i.e. the mirrored problem). */
  readonly dx: number;
  /** Number of positions. */
  readonly P: number;
  /** Hermite modes per position (2M modes in all). */
  readonly M: number;
}

/** Physical constants of one solve. */
export interface KramersPhysics {
  readonly beta: number;
  /** Thermal velocity √(kT/m). */
  readonly vth: number;
  /** γ/m. */
  readonly frictionRate: number;
  /** Energy reference for the MB amplitude (U at the well bottom). */
  readonly uRef: number;
}

/** Lowest relaxation mode of one discretization. */
export interface EigenSolve {
  /** The eigenvalue λ ≥ 0 (L̃ψ = −λψ). */
  readonly lambda: number;
  readonly iterations: number;
  /** Relative change of the last inverse-iteration sweep. */
  readonly change: number;
}

/** MFPT of one discretization (absorbing beyond the last position). */
export interface MfptSolve {
  /** From the node pStart with Maxwellian velocities. */
  readonly bottom: number;
  /** Averaged over the Boltzmann distribution of the nodes p ≤ pWellEnd. */
  readonly well: number;
}

/** A back end that solves one discretization. */
export interface KramersBackend {
  readonly name: "wasm" | "js";
  /**
   * Lowest nonzero eigenvalue. `deflate`: remove the exact stationary state (reflecting ends);
   * otherwise the last position is a node with an absorbing edge beyond it and the lowest
   * eigenvalue itself is returned. `shift` > 0: A = L̃ − shift·I.
   * `signChangeAt`: the start vector is e^{−βU/2}·sign(x − signChangeAt) (deflated case).
   */
  eigen(grid: KramersGrid, phys: KramersPhysics, deflate: boolean, shift: number, signChangeAt: number, maxIter: number, tol: number): EigenSolve;
  /** Backward-equation MFPT (adjoint operator; the last position is the target node, absorbing for velocities toward it). */
  mfpt(grid: KramersGrid, phys: KramersPhysics, pStart: number, pWellEnd: number): MfptSolve;
}

const bandWidth = (M: number) => M + 1;
/** f64 entries of the band storage for P positions and M modes. */
export const bandStorage = (P: number, M: number): number => (3 * bandWidth(M) + 1) * P * M;

const overlapCache = new Map<number, Float64Array>();

/**
 * H_{kl} = ∫_0^∞ ψ_{2k+1}(ξ) ψ_{2l}(ξ) dξ for the orthonormal Hermite functions (M×M, row-major):
 * the half-range overlaps of the absorbing edge. From ψ_n″ = (ξ² − 2n − 1)ψ_n,
 * ∫_0^∞ ψ_m ψ_n = −(ψ_m′(0)ψ_n(0) − ψ_n′(0)ψ_m(0))/(2(n − m)); for m odd, n even only ψ_m′(0)ψ_n(0) survives.
 */
export function halfRangeOverlaps(M: number): Float64Array {
  const cached = overlapCache.get(M);
  if (cached) return cached;
  const psi0 = new Float64Array(2 * M + 2); // ψ_n(0), n even (odd entries 0)
  psi0[0] = Math.PI ** -0.25;
  for (let n = 2; n < psi0.length; n += 2) psi0[n] = -Math.sqrt((n - 1) / n) * psi0[n - 2]!;
  const H = new Float64Array(M * M);
  for (let k = 0; k < M; k++) {
    const m = 2 * k + 1;
    const dpsi = Math.sqrt(m / 2) * psi0[m - 1]! - Math.sqrt((m + 1) / 2) * psi0[m + 1]!;
    for (let l = 0; l < M; l++) {
      const n = 2 * l;
      H[k * M + l] = -(dpsi * psi0[n]!) / (2 * (n - m));
    }
  }
  overlapCache.set(M, H);
  return H;
}

function startVector(grid: KramersGrid, w: Float64Array, deflate: boolean, signChangeAt: number, x: Float64Array): void {
  // w holds e^{−β(U−uRef)/2} on node mode-0 slots; a sign change at the barrier makes the start
  // overlap the slow (well-to-well) mode. Small higher-mode entries avoid an exactly special start.
  for (let p = 0; p < grid.P; p++) {
    const xp = grid.x0 + p * grid.dx;
    for (let j = 0; j < grid.M; j++) {
      const i = p * grid.M + j;
      x[i] = j === 0 && (p & 1) === 0 ? w[i]! * (deflate ? (xp < signChangeAt ? -1 : 1) : 1) : 0;
    }
  }
}

function notConverged(what: string, info: number): never {
  throw new KramersError("NOT_CONVERGED", `Kramers-equation ${what}: the band LU met an exactly zero pivot at unknown ${info - 1}`);
}

/** The pure-JS back end. */
export function jsBackend(potential: Potential1D): KramersBackend {
  const U = (x: number) => potential.U(x);
  return {
    name: "js",
    eigen(grid, phys, deflate, shift, signChangeAt, maxIter, tol) {
      const { P, M } = grid;
      const n = P * M, kl = bandWidth(M);
      const u = new Float64Array(P + 1);
      js.kramersPotentialAt(U, grid.x0, grid.dx, P + 1, u);
      const ab = new Float64Array(bandStorage(P, M));
      js.kramersAssemble(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, phys.frictionRate, shift, false, ab);
      if (!deflate) js.kramersAbsorbingEdge(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, false, halfRangeOverlaps(M), ab);
      const ipiv = new Int32Array(n);
      const info = js.bandFactor(n, kl, kl, ab, ipiv);
      if (info) notConverged("eigenvalue", info);
      const w = new Float64Array(n);
      js.kramersEquilibrium(u, P, M, phys.beta, phys.uRef, w);
      const x = new Float64Array(n), y = new Float64Array(n);
      startVector(grid, w, deflate, signChangeAt, x);
      let deflateVec: Float64Array | null = null;
      if (deflate) {
        let s = 0;
        for (let i = 0; i < n; i++) s += w[i]! * w[i]!;
        const r = 1 / Math.sqrt(s);
        for (let i = 0; i < n; i++) w[i]! *= r;
        deflateVec = w;
      }
      const out = new Float64Array(2);
      const iterations = js.kramersInverseIteration(n, kl, kl, ab, ipiv, deflateVec, x, y, maxIter, tol, out);
      return { lambda: -(shift + 1 / out[0]!), iterations, change: out[1]! };
    },
    mfpt(grid, phys, pStart, pWellEnd) {
      const { P, M } = grid;
      const n = P * M, kl = bandWidth(M);
      const u = new Float64Array(P + 1);
      js.kramersPotentialAt(U, grid.x0, grid.dx, P + 1, u);
      const ab = new Float64Array(bandStorage(P, M));
      js.kramersAssemble(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, phys.frictionRate, 0, true, ab);
      js.kramersAbsorbingEdge(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, true, halfRangeOverlaps(M), ab);
      const ipiv = new Int32Array(n);
      const info = js.bandFactor(n, kl, kl, ab, ipiv);
      if (info) notConverged("MFPT", info);
      const b = new Float64Array(n);
      js.kramersEquilibrium(u, P, M, phys.beta, phys.uRef, b);
      for (let i = 0; i < n; i++) b[i] = -b[i]!;
      js.bandSolve(n, kl, kl, ab, ipiv, b);
      const bottom = b[pStart * M]! * Math.exp(0.5 * phys.beta * (u[pStart]! - phys.uRef));
      const well = js.kramersThermalAverage(u, P, M, phys.beta, phys.uRef, pWellEnd, b);
      return { bottom, well };
    },
  };
}

/** The WASM back end (the potential's descriptor is copied in once per solve). */
export function wasmBackend(wasm: KramersWasm, potential: Potential1D, domain: readonly [number, number]): KramersBackend {
  const e = wasm.exports;
  const descriptor = potential.descriptor(domain);
  function withBuffers<T>(grid: KramersGrid, phys: KramersPhysics, shift: number, adjoint: boolean, absorbing: boolean, what: string, body: (ptr: { u: number; ab: number; ipiv: number; n: number; kl: number }) => T): T {
    const { P, M } = grid;
    const n = P * M, kl = bandWidth(M);
    const desc = wasm.copyIn(descriptor);
    const u = e.allocF64(P + 1) >>> 0;
    let ab = 0, ipiv = 0, half = 0;
    try {
      ab = e.allocF64(bandStorage(P, M)) >>> 0;
      ipiv = e.allocI32(n) >>> 0;
      e.kramersPotentialAt(desc, grid.x0, grid.dx, P + 1, u);
      e.kramersAssemble(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, phys.frictionRate, shift, adjoint ? 1 : 0, ab);
      if (absorbing) {
        half = wasm.copyIn(halfRangeOverlaps(M));
        e.kramersAbsorbingEdge(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, adjoint ? 1 : 0, half, ab);
      }
      const info = e.bandFactor(n, kl, kl, ab, ipiv);
      if (info) notConverged(what, info);
      return body({ u, ab, ipiv, n, kl });
    } finally {
      if (half) e.free(half);
      if (ipiv) e.free(ipiv);
      if (ab) e.free(ab);
      e.free(u);
      e.free(desc);
    }
  }
  return {
    name: "wasm",
    eigen(grid, phys, deflate, shift, signChangeAt, maxIter, tol) {
      return withBuffers(grid, phys, shift, false, !deflate, "eigenvalue", ({ u, ab, ipiv, n, kl }) => {
        const w = e.allocF64(n) >>> 0, x = e.allocF64(n) >>> 0, y = e.allocF64(n) >>> 0, out = e.allocF64(2) >>> 0;
        try {
          e.kramersEquilibrium(u, grid.P, grid.M, phys.beta, phys.uRef, w);
          const wv = wasm.f64(w, n);
          const xv = new Float64Array(n);
          startVector(grid, wv, deflate, signChangeAt, xv);
          wasm.f64(x, n).set(xv);
          if (deflate) {
            const wv2 = wasm.f64(w, n);
            let s = 0;
            for (let p = 0; p < grid.P; p += 2) s += wv2[p * grid.M]! ** 2;
            const r = 1 / Math.sqrt(s);
            for (let p = 0; p < grid.P; p += 2) wv2[p * grid.M]! *= r;
          }
          const iterations = e.kramersInverseIteration(n, kl, kl, ab, ipiv, deflate ? w : 0, x, y, maxIter, tol, out);
          const o = wasm.f64(out, 2);
          return { lambda: -(shift + 1 / o[0]!), iterations, change: o[1]! };
        } finally {
          e.free(out);
          e.free(y);
          e.free(x);
          e.free(w);
        }
      });
    },
    mfpt(grid, phys, pStart, pWellEnd) {
      return withBuffers(grid, phys, 0, true, true, "MFPT", ({ u, ab, ipiv, n, kl }) => {
        const b = e.allocF64(n) >>> 0;
        try {
          e.kramersEquilibrium(u, grid.P, grid.M, phys.beta, phys.uRef, b);
          const bv = wasm.f64(b, n);
          for (let p = 0; p < grid.P; p += 2) bv[p * grid.M] = -bv[p * grid.M]!;
          e.bandSolve(n, kl, kl, ab, ipiv, b);
          const uStart = wasm.f64(u, grid.P)[pStart]!;
          const bottom = wasm.f64(b, n)[pStart * grid.M]! * Math.exp(0.5 * phys.beta * (uStart - phys.uRef));
          const well = e.kramersThermalAverage(u, grid.P, grid.M, phys.beta, phys.uRef, pWellEnd, b);
          return { bottom, well };
        } finally {
          e.free(b);
        }
      });
    },
  };
}
