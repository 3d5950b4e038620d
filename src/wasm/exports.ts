// The raw exports of build/kramers.wasm. Each engine adds its kernels here, mirroring assembly/index.ts.
// Pointers are byte offsets (u32) into `memory`.

/** Raw exports of the WebAssembly core. */
export interface KramersWasmExports {
  readonly memory: WebAssembly.Memory;
  allocF64(count: number): number;
  allocI32(count: number): number;
  free(ptr: number): void;
  /** d^order U/dx^order at x for the potential descriptor at `desc`. */
  potentialDerivative(desc: number, x: number, order: number): number;
  /** Evaluate d^order U at n points. */
  evaluatePotential(desc: number, xs: number, n: number, order: number, out: number): void;
  // ── Fokker–Planck (assembly/fokker_planck.ts): buffers are f64 pointers; see the kernel docs ──
  fpInfo(k: number): number;
  fpAssemble(desc: number, n: number, left: number, h: number, beta: number, diffusion: number, boundary: number, u: number, up: number, down: number): void;
  fpFactor(p: number, q: number, m: number, d: number, e: number, lld: number): void;
  fpNegcount(d: number, lld: number, m: number, sigma: number): number;
  fpNegcount2(d: number, lld: number, m: number, sigmaA: number, sigmaB: number): number;
  fpTwisted(d: number, e: number, lld: number, m: number, sigma: number, s: number, pp: number, z: number, storeVector: number): number;
  fpNegcount4(d: number, lld: number, m: number, sig: number, out: number): void;
  fpTwisted4(d: number, e: number, lld: number, m: number, sig: number, s4: number, p4: number, out: number): void;
  fpModeFromVector(z: number, u: number, up: number, n: number, boundary: number, umin: number, h: number, f: number, psi: number): void;
  fpStationary(u: number, n: number, umin: number, h: number, rho: number): number;
  fpPeriodicStationary(u: number, up: number, n: number, un: number, h: number, rho: number): number;
  fpEvolve(up: number, down: number, n: number, boundary: number, dt: number, theta: number, steps: number, p: number, cp: number, inv: number, rhs: number, y: number, survival: number, outflow: number): void;
  // --- Langevin engine (assembly/rng.ts, assembly/langevin.ts) ---
  /** Normals first … first+n−1 of a walker's counter-based stream into out (n f64). */
  rngNormals(zig: number, seedLo: number, seedHi: number, walker: number, first: number, n: number, out: number): void;
  /** Philox4x32-10 of one counter under key (k0, k1); 4 u32 to out. */
  rngPhilox(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: number): void;
  /** Bridge uniforms of n steps (2 per step) into out. */
  rngUniforms(seedLo: number, seedHi: number, walker: number, first: number, n: number, out: number): void;
  /** Words first … first+n−1 of a walker's Euler–Maruyama xoshiro128++ stream (u32) to out. */
  rngXoshiro(seedLo: number, seedHi: number, walker: number, first: number, n: number, out: number): void;
  /** Start a chunk of walkers (buffer contracts in assembly/langevin.ts). */
  langevinInit(params: number, zig: number, x: number, aux: number, rng: number, steps: number, status: number, count: number, firstWalker: number, rec: number, mom: number): void;
  /** Advance a chunk until absorption, censoring or stepLimit; returns walkers still running. */
  langevinRun(params: number, zig: number, desc: number, x: number, aux: number, rng: number, steps: number, status: number, count: number, firstWalker: number, stepLimit: number, rec: number, mom: number, work: number): number;
  /** Workspace bytes langevinRun needs for count walkers. */
  langevinWorkBytes(count: number): number;
  // ── Kramers equation (assembly/kramers_equation.ts): f64/i32 pointers; see the kernel docs ──
  kramersPotentialAt(desc: number, x0: number, dx: number, P: number, u: number): void;
  kramersAssemble(u: number, P: number, M: number, h: number, beta: number, vth: number, frictionRate: number, shift: number, adjoint: number, ab: number): void;
  bandFactor(n: number, kl: number, ku: number, ab: number, ipiv: number): number;
  bandSolve(n: number, kl: number, ku: number, ab: number, ipiv: number, b: number): void;
  kramersEquilibrium(u: number, P: number, M: number, beta: number, uRef: number, out: number): void;
  kramersInverseIteration(n: number, kl: number, ku: number, ab: number, ipiv: number, deflate: number, x: number, y: number, maxIter: number, tol: number, out: number): number;
  kramersThermalAverage(u: number, P: number, M: number, beta: number, uRef: number, pEnd: number, tau: number): number;
  kramersAbsorbingEdge(u: number, P: number, M: number, h: number, beta: number, vth: number, adjoint: number, half: number, ab: number): void;
  kramersNodeCouplings(u: number, P: number, h: number, beta: number, vth: number, adjoint: number, cpl: number): void;
  kramersReducedAssemble(cpl: number, K1: number, M: number, nb: number, frictionRate: number, shift: number, ab: number, modeMajor: number): void;
  kramersReducedEll(cpl: number, K1: number, M: number, nb: number, frictionRate: number, shift: number, cols: number, vals: number): void;
  bandLDLT(n: number, kd: number, ab: number): number;
  ldltPartial(n: number, kd: number, ab: number, stop: number): number;
  // ── N-D Langevin (assembly/langevin_nd.ts) and N-D potentials (assembly/potential.ts, kind 3) ──
  langevinNDInit(desc: number, n: number, zig: number, params: number, count: number, firstWalker: number, x: number, v: number, g: number, steps: number, status: number, rng: number): void;
  langevinNDRun(desc: number, n: number, zig: number, params: number, count: number, firstWalker: number, x: number, v: number, g: number, steps: number, status: number, stepEnd: number, grad: number, rng: number): number;
  potentialND(desc: number, x: number): number;
  gradientND(desc: number, x: number, out: number): void;
  // ── 2-D Fokker–Planck backward operator (assembly/fokker_planck_nd.ts) ──
  fp2dAssemble(mode: number, u: number, nx: number, ny: number, h: number, beta: number, diffusion: number, uMin: number, shift: number, cols: number, vals: number, vec: number): void;
  fp2dDirichletForm(u: number, nx: number, ny: number, h: number, diffusion: number, beta: number, x: number): number;
  fp2dInverseIteration(count: number, fronts: number, vars: number, factor: number, work: number, n: number, deflate: number, x: number, y: number, maxIter: number, tol: number, out: number): number;
  // ── multifrontal LDLᵀ (assembly/multifrontal.ts) ──
  mfFactor(count: number, fronts: number, vars: number, width: number, cols: number, vals: number, pos: number, front: number, stack: number, tstack: number, factor: number): number;
  mfForward(count: number, fronts: number, vars: number, factor: number, g: number, work: number): void;
  mfBack(count: number, fronts: number, vars: number, factor: number, g: number, work: number): void;
  kramersAbsorbingRow(u: number, P: number, M: number, h: number, beta: number, vth: number, frictionRate: number, shift: number, adjoint: number, half: number, cpl: number, rowF: number, rowN: number): void;
  kramersBorderFactor(M: number, nb: number, frictionRate: number, shift: number, cpl: number, last: number, ldabLast: number, rowF: number, rowN: number, border: number, ipivS: number): number;
  kramersReducedSolve(P: number, M: number, nb: number, frictionRate: number, shift: number, cpl: number, ab: number, absorbing: number, rowF: number, border: number, ipivS: number, b: number, r: number, modeMajor: number, mf: number): void;
  kramersReducedInverseIteration(P: number, M: number, nb: number, frictionRate: number, shift: number, cpl: number, ab: number, absorbing: number, rowF: number, border: number, ipivS: number, deflate: number, x: number, y: number, r: number, maxIter: number, tol: number, out: number, modeMajor: number, mf: number): number;
}
