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
}
