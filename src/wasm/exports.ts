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
  fpTwisted(d: number, e: number, lld: number, m: number, sigma: number, s: number, pp: number, z: number): number;
  fpModeFromVector(z: number, u: number, up: number, n: number, boundary: number, umin: number, h: number, f: number, psi: number): void;
  fpStationary(u: number, n: number, umin: number, h: number, rho: number): number;
  fpPeriodicStationary(u: number, up: number, n: number, un: number, h: number, rho: number): number;
  fpEvolve(up: number, down: number, n: number, boundary: number, dt: number, theta: number, steps: number, p: number, cp: number, inv: number, rhs: number, y: number, survival: number, outflow: number): void;
}
