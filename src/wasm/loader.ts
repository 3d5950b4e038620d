/**
 * Loads the WebAssembly core. The `.wasm` bytes are inlined as base64 at build time
 * (scripts/inline-wasm.mjs), so loading needs no `fs`, no `fetch` and no bundler plugin: it is
 * the same in Node ≥ 20, browsers, Web Workers and worker_threads. We use raw exports with
 * typed-array views on WASM memory (not as-bind, whose transform does not run on AssemblyScript
 * ≥ 0.20; see README).
 */
import { KramersError } from "../errors.js";
import { wasmBase64 } from "./bytes.generated.js";
import type { KramersWasmExports } from "./exports.js";

export type { KramersWasmExports } from "./exports.js";

/** The loaded core: raw exports plus helpers to view and copy WASM memory. */
export interface KramersWasm {
  /** Raw kernel exports (pointers are byte offsets into `memory`). */
  readonly exports: KramersWasmExports;
  /** The module's linear memory. Views on it are invalidated when it grows: re-create them after every allocation. */
  readonly memory: WebAssembly.Memory;
  /** A fresh Float64Array view of `count` f64 at byte pointer `ptr`. */
  f64(ptr: number, count: number): Float64Array;
  /** A fresh Int32Array view of `count` i32 at byte pointer `ptr`. */
  i32(ptr: number, count: number): Int32Array;
  /** Allocate and fill a buffer of f64; the caller frees it with `free`. */
  copyIn(values: ArrayLike<number>): number;
  /** Release a buffer. */
  free(ptr: number): void;
}

function decodeBase64(b64: string): Uint8Array {
  // atob exists in browsers, workers and Node ≥ 16
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

let modulePromise: Promise<WebAssembly.Module> | undefined;

/** The compiled module (compiled once, shareable with workers via postMessage). */
export function wasmModule(): Promise<WebAssembly.Module> {
  modulePromise ??= WebAssembly.compile(decodeBase64(wasmBase64) as BufferSource).catch((e: unknown) => {
    modulePromise = undefined;
    throw new KramersError("WASM_UNAVAILABLE", `could not compile the WebAssembly core: ${String(e)}`);
  });
  return modulePromise;
}

function wrap(instance: WebAssembly.Instance): KramersWasm {
  const exports = instance.exports as unknown as KramersWasmExports;
  const memory = exports.memory;
  const wasm: KramersWasm = {
    exports,
    memory,
    f64: (ptr, count) => new Float64Array(memory.buffer, ptr, count),
    i32: (ptr, count) => new Int32Array(memory.buffer, ptr, count),
    copyIn(values) {
      const ptr = exports.allocF64(values.length) >>> 0;
      new Float64Array(memory.buffer, ptr, values.length).set(values);
      return ptr;
    },
    free: (ptr) => exports.free(ptr),
  };
  return wasm;
}

/**
 * A new, independent instance of the core (own memory). Engines that run many jobs at once
 * (workers) take one each; everything else shares {@link loadWasm}.
 */
export async function instantiateWasm(module?: WebAssembly.Module): Promise<KramersWasm> {
  const mod = module ?? (await wasmModule());
  let memoryRef: WebAssembly.Memory | undefined;
  const imports = {
    env: {
      abort(_message: number, _file: number, line: number, column: number) {
        throw new KramersError("WASM_UNAVAILABLE", `WebAssembly core aborted (out of memory?) at ${line}:${column}; memory ${memoryRef ? memoryRef.buffer.byteLength : "?"} bytes`);
      },
    },
  };
  const instance = await WebAssembly.instantiate(mod, imports);
  memoryRef = (instance.exports as unknown as KramersWasmExports).memory;
  return wrap(instance);
}

let shared: Promise<KramersWasm> | undefined;

/**
 * The shared instance of the WebAssembly core, loaded on first use. Call it early to
 * pay the (few ms) compile cost up front.
 *
 * @example
 * ```ts
 * const wasm = await loadWasm();
 * ```
 */
export function loadWasm(): Promise<KramersWasm> {
  shared ??= instantiateWasm().catch((e: unknown) => {
    shared = undefined;
    throw e;
  });
  return shared;
}
