// The two interchangeable back ends of the Kramers-equation solver: the WASM kernels
// (assembly/kramers_equation.ts) and their pure-JS twins (src/kernels-js/kramers-equation.ts).
// Both take one discretization and return one number; the convergence loops live in
// kramers-equation.ts and never touch a cell.
import { KramersError } from "../errors.js";
import * as js from "../kernels-js/kramers-equation.js";
import type { Potential1D } from "../potential/types.js";
import type { KramersWasm } from "../wasm/loader.js";
import { latticeDissection, type EliminationTree } from "../linalg/nested-dissection.js";
import * as jsmf from "../kernels-js/multifrontal.js";

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
  /**
   * How the linear systems are solved: "reduced" = faces eliminated, LDLᵀ of the symmetric
   * node system (≈ 8× fewer flops, ≈ 6× less memory; see nodeSolver); "full" = pivoted band LU of the whole
   * operator, which stays accurate at high barriers where the reduced elimination loses
   * ≈ ε·e^{βΔU}·(mω/γ) (measured; see {@link reducedRoundoff}). @default "reduced"
   */
  readonly method?: "reduced" | "full";
  /**
   * The last position is a node on a mirror point x_s of a symmetric potential (U(x_s + y) =
   * U(x_s − y)) and the mode sought is odd under (x, v) → (2x_s − x, −v) — the well-to-well mode of
   * a symmetric double well. Odd means c_n(2x_s − x) = −(−1)ⁿc_n(x): the even modes vanish at x_s,
   * so that node's values are fixed at 0 and the grid covers one half (eigen, not deflated; the
   * "reduced" method only). The half has the same discrete λ₁ as the whole grid mirrored about x_s,
   * at half the cost. @default false
   */
  readonly antisymmetricEnd?: boolean;
  /**
   * How the "reduced" method factors the node system: a band LDLᵀ (node-major, or mode-major
   * where that band is narrower), a multifrontal LDLᵀ along a nested dissection of the node ×
   * mode lattice, or "auto": whichever needs fewer flops. Both are exact eliminations of the same
   * matrix (they differ by rounding). @default "auto"
   */
  readonly nodeSolver?: "auto" | "band" | "dissection";
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

/**
 * f64 entries of the largest buffer (the band LDLᵀ factor of the face-eliminated node system,
 * (M + 2) rows × nodes·M) and of all buffers of one solve, for P positions and M modes.
 */
export const bandStorage = (P: number, M: number): number => (M + 2) * ((P + 1) >> 1) * M;
/** Vectors, couplings and the border blocks of one reduced solve, besides the node factor. */
const reducedExtras = (P: number, M: number): number => 5 * M * M + 4 * P * M + 2 * P;
export const solveStorage = (P: number, M: number): number => bandStorage(P, M) + reducedExtras(P, M);
/**
 * The ordering of the reduced unknowns: mode-major (node index fastest, bandwidth nb + 1) when
 * that band is narrower than the node-major one (M + 1) — at low friction, where the mode count
 * exceeds the node count, the factorization costs nb³·M instead of nb·M³ flops. Not with the
 * absorbing border (its M×M block couples all modes of the last node).
 */
const modeMajorFor = (nb: number, M: number, absorbing: boolean): boolean => !absorbing && nb < M;
/** f64 entries of the reduced band factor of nb nodes × M modes in the chosen ordering (≤ bandStorage). */
const reducedBand = (nb: number, M: number, modeMajor: boolean): number => ((modeMajor ? nb : M) + 2) * nb * M;
const bandWidth = (M: number) => M + 1;

/** How the reduced node system of one discretization is factored, and what that costs. */
export interface ReducedPlan {
  readonly kind: "node-major" | "mode-major" | "dissection";
  /** f64 entries of every buffer of the solve. */
  readonly storage: number;
  /** f64 entries of the largest buffer (the factor). */
  readonly largest: number;
  /** Multiply-adds of the factorization. */
  readonly flops: number;
  readonly tree?: EliminationTree;
}

/**
 * The factorization of the reduced system of nb nodes × M modes: the band (node-major, or
 * mode-major where allowed and narrower) or the nested-dissection multifrontal LDLᵀ — by
 * `choice`, or ("auto") the dissection where it needs under half the band's flops (its dense
 * kernels run at about the band's rate; the assembly and extend-add add ≈ 10–20 %). Small systems
 * stay on the band.
 */
export function reducedPlan(P: number, M: number, nb: number, absorbing: boolean, choice: "auto" | "band" | "dissection" = "auto"): ReducedPlan {
  const modeMajor = modeMajorFor(nb, M, absorbing);
  const kd = (modeMajor ? nb : M) + 1;
  const size = reducedBand(nb, M, modeMajor);
  const band: ReducedPlan = { kind: modeMajor ? "mode-major" : "node-major", storage: size + reducedExtras(P, M), largest: size, flops: (nb * M * kd * (kd + 1)) / 2 };
  if (choice === "band" || nb < 2 || (choice === "auto" && band.flops < 2e7)) return band;
  const tree = latticeDissection(nb, M);
  const dissection: ReducedPlan = { kind: "dissection", storage: tree.storage + reducedExtras(P, M), largest: tree.factorSize, flops: tree.flops, tree };
  return choice === "dissection" || tree.flops < 0.5 * band.flops ? dissection : band;
}

/** f64 entries of all buffers of one reduced solve as {@link reducedPlan} would factor it (the MFPT's layout: nb = nodes − 1, absorbing), and of its largest buffer. */
export const reducedStorage = (P: number, M: number): { total: number; largest: number } => {
  const p = reducedPlan(P, M, ((P + 1) >> 1) - 1, true);
  return { total: p.storage, largest: p.largest };
};
/** The same for the "full" method: pivoted band LU of all P·M unknowns (kl = ku = M + 1). */
export const fullBandStorage = (P: number, M: number): number => (3 * (M + 1) + 1) * P * M;
export const fullSolveStorage = (P: number, M: number): number => fullBandStorage(P, M) + 4 * P * M + 2 * P;

/**
 * Relative rounding error of the reduced (face-eliminated) solve, as measured against the pivoted
 * LU on the quartic double well (M = 12, 100–400 nodes): the LDLᵀ elimination climbs the barrier
 * from a reflecting end, which amplifies rounding by ≈ e^{βΔU}; the 1/(γ/m) of the face
 * elimination adds a factor ω_a/(γ/m) at low friction. Measured: 2e-7 at βΔU = 16, γ = 1 and
 * 3.6e-7 at βΔU = 12, γ = 0.01 (400 nodes); the bound used is 1e-13·e^{βΔU}·max(1, mω_a/γ).
 */
export const reducedRoundoff = (reducedBarrier: number, frictionRate: number, omegaA: number): number => 1e-13 * Math.exp(reducedBarrier) * Math.max(1, omegaA / frictionRate);

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
  // the mirror node of an antisymmetric half stays 0 through every solve (its couplings are 0)
  if (grid.antisymmetricEnd) x.fill(0, (grid.P - 1) * grid.M, grid.P * grid.M);
}

function notConverged(what: string, info: number): never {
  throw new KramersError("NOT_CONVERGED", `Kramers-equation ${what}: the band LU met an exactly zero pivot at unknown ${info - 1}`);
}

/** Shift-invert inverse iteration in the JS twin, shared by both solvers (see wasmInverseIteration). */
function jsInverseIteration(
  grid: KramersGrid, phys: KramersPhysics, u: Float64Array, deflate: boolean, shift: number, signChangeAt: number,
  iterate: (deflateVec: Float64Array | null, x: Float64Array, y: Float64Array, out: Float64Array) => number,
): { lambda: number; iterations: number; change: number } {
  const n = grid.P * grid.M;
  const w = new Float64Array(n);
  js.kramersEquilibrium(u, grid.P, grid.M, phys.beta, phys.uRef, w);
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
  const iterations = iterate(deflateVec, x, y, out);
  return { lambda: -(shift + 1 / out[0]!), iterations, change: out[1]! };
}

/** The backward-equation MFPT in the JS twin, shared by both solvers (see wasmBackwardMfpt). */
function jsBackwardMfpt(grid: KramersGrid, phys: KramersPhysics, u: Float64Array, pStart: number, pWellEnd: number, solve: (b: Float64Array) => void): { bottom: number; well: number } {
  const { P, M } = grid;
  const b = new Float64Array(P * M);
  js.kramersEquilibrium(u, P, M, phys.beta, phys.uRef, b);
  for (let i = 0; i < b.length; i++) b[i] = -b[i]!;
  solve(b);
  const bottom = b[pStart * M]! * Math.exp(0.5 * phys.beta * (u[pStart]! - phys.uRef));
  const well = js.kramersThermalAverage(u, P, M, phys.beta, phys.uRef, pWellEnd, b);
  return { bottom, well };
}

/** The pure-JS back end, "reduced" method. */
function jsReducedBackend(potential: Potential1D): KramersBackend {
  const U = (x: number) => potential.U(x);
  // assemble and factor: the face-eliminated node system (band LDLᵀ) and, with an absorbing
  // edge, the bordered last node
  function factor(grid: KramersGrid, phys: KramersPhysics, shift: number, adjoint: boolean, absorbing: boolean, what: string) {
    const { P, M } = grid;
    const h = 2 * Math.abs(grid.dx);
    const K1 = (P + 1) >> 1;
    const mirror = grid.antisymmetricEnd === true;
    const nb = absorbing || mirror ? K1 - 1 : K1;
    const u = new Float64Array(P + 1);
    js.kramersPotentialAt(U, grid.x0, grid.dx, P + 1, u);
    const cpl = new Float64Array(4 * K1);
    js.kramersNodeCouplings(u, P, h, phys.beta, phys.vth, adjoint, cpl);
    // antisymmetric half: the mirror node is out of the band and uncoupled (its values are 0)
    if (mirror) cpl.fill(0, 4 * (K1 - 1));
    const plan = reducedPlan(P, M, nb, absorbing, grid.nodeSolver);
    const modeMajor = plan.kind === "mode-major";
    let ab = new Float64Array(0);
    let mf: js.MultifrontalFactor | null = null;
    // L and D of the last node's block (what the absorbing border needs): offset and column stride
    let lastOffset = (nb - 1) * M * (M + 2), ldabLast = M + 2;
    if (plan.tree) {
      const t = plan.tree, n = nb * M;
      const cols = new Int32Array(9 * n), vals = new Float64Array(9 * n);
      js.kramersReducedEll(cpl, K1, M, nb, phys.frictionRate, shift, cols, vals);
      const factor = new Float64Array(t.factorSize);
      const info = jsmf.mfFactor({ count: t.count, fronts: t.fronts, vars: t.vars, width: 9, cols, vals, pos: new Int32Array(n).fill(-1), front: new Float64Array(t.maxFront * t.maxFront), stack: new Float64Array(t.stackPeak), tstack: new Int32Array(t.count), factor });
      if (info) notConverged(what, info);
      mf = { count: t.count, fronts: t.fronts, vars: t.vars, factor, work: new Float64Array(t.maxFront) };
      ab = factor;
      lastOffset = t.fronts[5 * (t.count - 1) + 4]!;
      ldabLast = M;
    } else {
      ab = new Float64Array(reducedBand(nb, M, modeMajor));
      js.kramersReducedAssemble(cpl, K1, M, nb, phys.frictionRate, shift, ab, modeMajor);
      const info = js.bandLDLT(nb * M, (modeMajor ? nb : M) + 1, ab);
      if (info) notConverged(what, info);
    }
    const rowF = new Float64Array(M * M), rowN = new Float64Array(M * M), border = new Float64Array(3 * M * M), ipivS = new Int32Array(M);
    if (absorbing) {
      js.kramersAbsorbingRow(u, P, M, h, phys.beta, phys.vth, phys.frictionRate, shift, adjoint, halfRangeOverlaps(M), cpl, rowF, rowN);
      const infoS = js.kramersBorderFactor(M, nb, phys.frictionRate, shift, cpl, ab, lastOffset, ldabLast, rowF, rowN, border, ipivS);
      if (infoS) notConverged(what, nb * M + infoS);
    }
    return { u, cpl, ab, nb, modeMajor, mf, rowF, border, ipivS, r: new Float64Array(K1 * M) };
  }
  return {
    name: "js",
    eigen(grid, phys, deflate, shift, signChangeAt, maxIter, tol) {
      const { P, M } = grid;
      const absorbing = !deflate && !grid.antisymmetricEnd;
      const f = factor(grid, phys, shift, false, absorbing, "eigenvalue");
      return jsInverseIteration(grid, phys, f.u, deflate, shift, signChangeAt, (d, x, y, out) =>
        js.kramersReducedInverseIteration(P, M, f.nb, phys.frictionRate, shift, f.cpl, f.ab, absorbing, f.rowF, f.border, f.ipivS, d, x, y, f.r, maxIter, tol, out, f.modeMajor, f.mf));
    },
    mfpt(grid, phys, pStart, pWellEnd) {
      const { P, M } = grid;
      const f = factor(grid, phys, 0, true, true, "MFPT");
      return jsBackwardMfpt(grid, phys, f.u, pStart, pWellEnd, (b) =>
        js.kramersReducedSolve(P, M, f.nb, phys.frictionRate, 0, f.cpl, f.ab, true, f.rowF, f.border, f.ipivS, b, f.r, f.modeMajor, f.mf));
    },
  };
}

/**
 * Shift-invert inverse iteration in WASM, shared by both solvers: the equilibrium weights give the
 * start vector (and, normalized, the deflation vector); `iterate(w, x, y, out)` runs the solver's
 * kernel (w = 0 without deflation) and leaves [Rayleigh quotient, last change] in out.
 */
function wasmInverseIteration(
  wasm: KramersWasm, u: number, grid: KramersGrid, phys: KramersPhysics, deflate: boolean, shift: number, signChangeAt: number,
  iterate: (w: number, x: number, y: number, out: number) => number,
): { lambda: number; iterations: number; change: number } {
  const e = wasm.exports;
  const n = grid.P * grid.M;
  const w = e.allocF64(n) >>> 0, x = e.allocF64(n) >>> 0, y = e.allocF64(n) >>> 0, out = e.allocF64(2) >>> 0;
  try {
    e.kramersEquilibrium(u, grid.P, grid.M, phys.beta, phys.uRef, w);
    const xv = new Float64Array(n);
    startVector(grid, wasm.f64(w, n), deflate, signChangeAt, xv);
    wasm.f64(x, n).set(xv);
    if (deflate) {
      const wv = wasm.f64(w, n);
      let s = 0;
      for (let p = 0; p < grid.P; p += 2) s += wv[p * grid.M]! ** 2;
      const r = 1 / Math.sqrt(s);
      for (let p = 0; p < grid.P; p += 2) wv[p * grid.M]! *= r;
    }
    const iterations = iterate(deflate ? w : 0, x, y, out);
    const o = wasm.f64(out, 2);
    return { lambda: -(shift + 1 / o[0]!), iterations, change: o[1]! };
  } finally {
    e.free(out);
    e.free(y);
    e.free(x);
    e.free(w);
  }
}

/**
 * The backward-equation MFPT in WASM, shared by both solvers: right-hand side −1 (in the weighted
 * variables), `solve(b)` in place, then the value at the well bottom and the thermal average over the well.
 */
function wasmBackwardMfpt(
  wasm: KramersWasm, u: number, grid: KramersGrid, phys: KramersPhysics, pStart: number, pWellEnd: number,
  solve: (b: number) => void,
): { bottom: number; well: number } {
  const e = wasm.exports;
  const n = grid.P * grid.M;
  const b = e.allocF64(n) >>> 0;
  try {
    e.kramersEquilibrium(u, grid.P, grid.M, phys.beta, phys.uRef, b);
    const bv = wasm.f64(b, n);
    for (let p = 0; p < grid.P; p += 2) bv[p * grid.M] = -bv[p * grid.M]!;
    solve(b);
    const uStart = wasm.f64(u, grid.P)[pStart]!;
    const bottom = wasm.f64(b, n)[pStart * grid.M]! * Math.exp(0.5 * phys.beta * (uStart - phys.uRef));
    const well = e.kramersThermalAverage(u, grid.P, grid.M, phys.beta, phys.uRef, pWellEnd, b);
    return { bottom, well };
  } finally {
    e.free(b);
  }
}

/**
 * The multifrontal factorization in WASM: `assemble(cols, vals)` writes the n-row 9-slot ELL
 * matrix; the scratch (ELL, position map, front, update stack) is freed before returning, the
 * factor (at `factor`, tree.factorSize f64) stays.
 */
function wasmMultifrontalFactor(wasm: KramersWasm, tree: EliminationTree, n: number, assemble: (cols: number, vals: number) => void, fronts: number, vars: number, factor: number, what: string): void {
  const e = wasm.exports;
  let cols = 0, vals = 0, pos = 0, front = 0, stack = 0, tstack = 0;
  try {
    cols = e.allocI32(9 * n) >>> 0;
    vals = e.allocF64(9 * n) >>> 0;
    pos = e.allocI32(n) >>> 0;
    front = e.allocF64(tree.maxFront * tree.maxFront) >>> 0;
    stack = e.allocF64(Math.max(1, tree.stackPeak)) >>> 0;
    tstack = e.allocI32(tree.count) >>> 0;
    new Int32Array(wasm.memory.buffer, pos, n).fill(-1);
    assemble(cols, vals);
    const info = e.mfFactor(tree.count, fronts, vars, 9, cols, vals, pos, front, stack, tstack, factor);
    if (info) notConverged(what, info);
  } finally {
    for (const ptr of [tstack, stack, front, pos, vals, cols]) if (ptr) e.free(ptr);
  }
}

/** The WASM back end, "reduced" method. */
function wasmReducedBackend(wasm: KramersWasm, potential: Potential1D, domain: readonly [number, number]): KramersBackend {
  const e = wasm.exports;
  const descriptor = potential.descriptor(domain);
  type Factored = { u: number; cpl: number; ab: number; nb: number; modeMajor: number; mf: number; rowF: number; border: number; ipivS: number; r: number };
  function withBuffers<T>(grid: KramersGrid, phys: KramersPhysics, shift: number, adjoint: boolean, absorbing: boolean, what: string, body: (f: Factored) => T): T {
    const { P, M } = grid;
    const h = 2 * Math.abs(grid.dx);
    const K1 = (P + 1) >> 1;
    const nb = absorbing || grid.antisymmetricEnd ? K1 - 1 : K1;
    const plan = reducedPlan(P, M, nb, absorbing, grid.nodeSolver);
    const modeMajor = plan.kind === "mode-major";
    const tree = plan.tree;
    const desc = wasm.copyIn(descriptor);
    const u = e.allocF64(P + 1) >>> 0;
    let cpl = 0, ab = 0, rowF = 0, rowN = 0, border = 0, ipivS = 0, half = 0, r = 0;
    // multifrontal: tree arrays, work and the 5-word descriptor stay for the solves
    let fronts = 0, vars = 0, work = 0, mf = 0;
    try {
      cpl = e.allocF64(4 * K1) >>> 0;
      ab = e.allocF64(tree ? tree.factorSize : reducedBand(nb, M, modeMajor)) >>> 0;
      rowF = e.allocF64(M * M) >>> 0;
      rowN = e.allocF64(M * M) >>> 0;
      border = e.allocF64(3 * M * M) >>> 0;
      ipivS = e.allocI32(M) >>> 0;
      r = e.allocF64(K1 * M) >>> 0;
      e.kramersPotentialAt(desc, grid.x0, grid.dx, P + 1, u);
      e.kramersNodeCouplings(u, P, h, phys.beta, phys.vth, adjoint ? 1 : 0, cpl);
      if (grid.antisymmetricEnd) wasm.f64(cpl, 4 * K1).fill(0, 4 * (K1 - 1));
      let last = ab + 8 * (nb - 1) * M * (M + 2), ldabLast = M + 2;
      if (tree) {
        fronts = e.allocI32(tree.fronts.length) >>> 0;
        wasm.i32(fronts, tree.fronts.length).set(tree.fronts);
        vars = e.allocI32(tree.vars.length) >>> 0;
        wasm.i32(vars, tree.vars.length).set(tree.vars);
        work = e.allocF64(tree.maxFront) >>> 0;
        mf = e.allocI32(5) >>> 0;
        new Uint32Array(wasm.memory.buffer, mf, 5).set([tree.count, fronts, vars, ab, work]);
        wasmMultifrontalFactor(wasm, tree, nb * M, (cols, vals) => e.kramersReducedEll(cpl, K1, M, nb, phys.frictionRate, shift, cols, vals), fronts, vars, ab, what);
        last = ab + 8 * tree.fronts[5 * (tree.count - 1) + 4]!;
        ldabLast = M;
      } else {
        e.kramersReducedAssemble(cpl, K1, M, nb, phys.frictionRate, shift, ab, modeMajor ? 1 : 0);
        const info = e.bandLDLT(nb * M, (modeMajor ? nb : M) + 1, ab);
        if (info) notConverged(what, info);
      }
      if (absorbing) {
        half = wasm.copyIn(halfRangeOverlaps(M));
        e.kramersAbsorbingRow(u, P, M, h, phys.beta, phys.vth, phys.frictionRate, shift, adjoint ? 1 : 0, half, cpl, rowF, rowN);
        const infoS = e.kramersBorderFactor(M, nb, phys.frictionRate, shift, cpl, last, ldabLast, rowF, rowN, border, ipivS);
        if (infoS) notConverged(what, nb * M + infoS);
      }
      return body({ u, cpl, ab, nb, modeMajor: modeMajor ? 1 : 0, mf, rowF, border, ipivS, r });
    } finally {
      for (const ptr of [mf, work, vars, fronts, r, half, ipivS, border, rowN, rowF, ab, cpl]) if (ptr) e.free(ptr);
      e.free(u);
      e.free(desc);
    }
  }
  return {
    name: "wasm",
    eigen(grid, phys, deflate, shift, signChangeAt, maxIter, tol) {
      const absorbing = !deflate && !grid.antisymmetricEnd;
      return withBuffers(grid, phys, shift, false, absorbing, "eigenvalue", (f) =>
        wasmInverseIteration(wasm, f.u, grid, phys, deflate, shift, signChangeAt, (w, x, y, out) =>
          e.kramersReducedInverseIteration(grid.P, grid.M, f.nb, phys.frictionRate, shift, f.cpl, f.ab, absorbing ? 1 : 0, f.rowF, f.border, f.ipivS, w, x, y, f.r, maxIter, tol, out, f.modeMajor, f.mf)));
    },
    mfpt(grid, phys, pStart, pWellEnd) {
      return withBuffers(grid, phys, 0, true, true, "MFPT", (f) =>
        wasmBackwardMfpt(wasm, f.u, grid, phys, pStart, pWellEnd, (b) =>
          e.kramersReducedSolve(grid.P, grid.M, f.nb, phys.frictionRate, 0, f.cpl, f.ab, 1, f.rowF, f.border, f.ipivS, b, f.r, f.modeMajor, f.mf)));
    },
  };
}

/** The pure-JS back end, "full" method (pivoted band LU of the whole operator). */
function jsFullBackend(potential: Potential1D): KramersBackend {
  const U = (x: number) => potential.U(x);
  return {
    name: "js",
    eigen(grid, phys, deflate, shift, signChangeAt, maxIter, tol) {
      const { P, M } = grid;
      const n = P * M, kl = bandWidth(M);
      const u = new Float64Array(P + 1);
      js.kramersPotentialAt(U, grid.x0, grid.dx, P + 1, u);
      const ab = new Float64Array(fullBandStorage(P, M));
      js.kramersAssemble(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, phys.frictionRate, shift, false, ab);
      if (!deflate) js.kramersAbsorbingEdge(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, false, halfRangeOverlaps(M), ab);
      const ipiv = new Int32Array(n);
      const info = js.bandFactor(n, kl, kl, ab, ipiv);
      if (info) notConverged("eigenvalue", info);
      return jsInverseIteration(grid, phys, u, deflate, shift, signChangeAt, (d, x, y, out) =>
        js.kramersInverseIteration(n, kl, kl, ab, ipiv, d, x, y, maxIter, tol, out));
    },
    mfpt(grid, phys, pStart, pWellEnd) {
      const { P, M } = grid;
      const n = P * M, kl = bandWidth(M);
      const u = new Float64Array(P + 1);
      js.kramersPotentialAt(U, grid.x0, grid.dx, P + 1, u);
      const ab = new Float64Array(fullBandStorage(P, M));
      js.kramersAssemble(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, phys.frictionRate, 0, true, ab);
      js.kramersAbsorbingEdge(u, P, M, 2 * Math.abs(grid.dx), phys.beta, phys.vth, true, halfRangeOverlaps(M), ab);
      const ipiv = new Int32Array(n);
      const info = js.bandFactor(n, kl, kl, ab, ipiv);
      if (info) notConverged("MFPT", info);
      return jsBackwardMfpt(grid, phys, u, pStart, pWellEnd, (b) => js.bandSolve(n, kl, kl, ab, ipiv, b));
    },
  };
}

/** The WASM back end, "full" method. */
function wasmFullBackend(wasm: KramersWasm, potential: Potential1D, domain: readonly [number, number]): KramersBackend {
  const e = wasm.exports;
  const descriptor = potential.descriptor(domain);
  function withBuffers<T>(grid: KramersGrid, phys: KramersPhysics, shift: number, adjoint: boolean, absorbing: boolean, what: string, body: (ptr: { u: number; ab: number; ipiv: number; n: number; kl: number }) => T): T {
    const { P, M } = grid;
    const n = P * M, kl = bandWidth(M);
    const desc = wasm.copyIn(descriptor);
    const u = e.allocF64(P + 1) >>> 0;
    let ab = 0, ipiv = 0, half = 0;
    try {
      ab = e.allocF64(fullBandStorage(P, M)) >>> 0;
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
      return withBuffers(grid, phys, shift, false, !deflate, "eigenvalue", ({ u, ab, ipiv, n, kl }) =>
        wasmInverseIteration(wasm, u, grid, phys, deflate, shift, signChangeAt, (w, x, y, out) =>
          e.kramersInverseIteration(n, kl, kl, ab, ipiv, w, x, y, maxIter, tol, out)));
    },
    mfpt(grid, phys, pStart, pWellEnd) {
      return withBuffers(grid, phys, 0, true, true, "MFPT", ({ u, ab, ipiv, n, kl }) =>
        wasmBackwardMfpt(wasm, u, grid, phys, pStart, pWellEnd, (b) => e.bandSolve(n, kl, kl, ab, ipiv, b)));
    },
  };
}

/** Dispatch on grid.method. */
function byMethod(reduced: KramersBackend, full: KramersBackend): KramersBackend {
  return {
    name: reduced.name,
    eigen: (grid, ...rest) => {
      if (grid.method === "full" && grid.antisymmetricEnd) throw new KramersError("INVALID_ARGUMENT", "an antisymmetric half grid needs the reduced method");
      return (grid.method === "full" ? full : reduced).eigen(grid, ...rest);
    },
    mfpt: (grid, ...rest) => (grid.method === "full" ? full : reduced).mfpt(grid, ...rest),
  };
}

/** The pure-JS back end (twins of the WASM kernels). */
export function jsBackend(potential: Potential1D): KramersBackend {
  return byMethod(jsReducedBackend(potential), jsFullBackend(potential));
}

/** The WASM back end (the potential's descriptor is copied in once per solve). */
export function wasmBackend(wasm: KramersWasm, potential: Potential1D, domain: readonly [number, number]): KramersBackend {
  return byMethod(wasmReducedBackend(wasm, potential, domain), wasmFullBackend(wasm, potential, domain));
}
