// One chunk of N-D walkers and its statistics (simulateND). Like chunk.ts, these functions are
// SELF-CONTAINED (nothing but their arguments and built-ins): the worker pool sends their source
// text to workers. Chunks have a fixed size and are combined in chunk order, so the result is the
// same with any number of workers.
import type { KramersWasmExports } from "../wasm/exports.js";

/** Everything an N-D chunk runner needs (structured-cloneable, sent to workers). */
export interface LangevinNDJob {
  readonly kind: "nd";
  /** Coordinates. */
  readonly n: number;
  /** N-D potential descriptor (assembly/potential.ts, kind 3 or 4). */
  readonly desc: Float64Array;
  /** Parameter block (layout in assembly/langevin_nd.ts). */
  readonly params: Float64Array;
  /** Ziggurat tables. */
  readonly zig: Float64Array;
  readonly particles: number;
  readonly chunkSize: number;
  readonly maxSteps: number;
  readonly dt: number;
  /** Steps per kernel call (abort checks and progress between calls on the calling thread). */
  readonly stepsPerCall: number;
}

/** Statistics of one chunk (sums in walker order). */
export interface LangevinNDChunkResult {
  index: number;
  count: number;
  escaped: number;
  censored: number;
  diverged: number;
  sumT: number;
  sumT2: number;
  walkerSteps: number;
  /** Each walker's first-passage time (NaN if censored or diverged). */
  times: Float64Array;
}

/** A kernel working on one chunk (WASM exports or the JS twin). */
export interface LangevinNDKernel {
  init(firstWalker: number, count: number): void;
  run(firstWalker: number, count: number, stepEnd: number): number;
  /** Current views (re-created after every call). */
  steps(count: number): Float64Array;
  status(count: number): Int32Array;
}

/** Reduce a finished chunk to its statistics. */
export function ndChunkStats(job: LangevinNDJob, index: number, count: number, steps: Float64Array, status: Int32Array): LangevinNDChunkResult {
  let escaped = 0, censored = 0, diverged = 0, sumT = 0, sumT2 = 0, walkerSteps = 0;
  const times = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const s = steps[i]!;
    walkerSteps += s;
    if (status[i] === 1) {
      const t = s * job.dt;
      escaped++;
      sumT += t;
      sumT2 += t * t;
      times[i] = t;
    } else {
      if (status[i] === 4) diverged++;
      else censored++;
      times[i] = NaN;
    }
  }
  return { index, count, escaped, censored, diverged, sumT, sumT2, walkerSteps, times };
}

/** Chunk `index`, one kernel call per iteration (the caller may yield or stop between them). */
export function* ndChunkCalls(job: LangevinNDJob, kernel: LangevinNDKernel, index: number): Generator<void, LangevinNDChunkResult> {
  const first = index * job.chunkSize;
  const count = Math.min(job.chunkSize, job.particles - first);
  kernel.init(first, count);
  let end = 0;
  for (;;) {
    end = Math.min(end + job.stepsPerCall, job.maxSteps);
    if (kernel.run(first, count, end) === 0 || end >= job.maxSteps) break;
    yield;
  }
  return ndChunkStats(job, index, count, kernel.steps(count), kernel.status(count));
}

/** Run chunk `index` to completion (in a worker: nothing to do between calls). */
export function ndRunChunk(job: LangevinNDJob, kernel: LangevinNDKernel, index: number): LangevinNDChunkResult {
  const calls = ndChunkCalls(job, kernel, index);
  for (;;) {
    const r = calls.next();
    if (r.done) return r.value;
  }
}

/** The chunk kernel over the raw WASM exports (buffers allocated once, sized for one chunk). */
export function ndWasmKernel(ex: KramersWasmExports, job: LangevinNDJob): LangevinNDKernel {
  const C = job.chunkSize, n = job.n;
  const put = (a: Float64Array) => {
    const p = ex.allocF64(a.length) >>> 0;
    new Float64Array(ex.memory.buffer, p, a.length).set(a);
    return p;
  };
  const d = put(job.desc), z = put(job.zig), pr = put(job.params);
  const x = ex.allocF64(C * n) >>> 0, v = ex.allocF64(C * n) >>> 0, g = ex.allocF64(C * n) >>> 0;
  const steps = ex.allocF64(C) >>> 0, status = ex.allocI32(C) >>> 0, grad = ex.allocF64(n) >>> 0, rng = ex.allocI32(4 * C) >>> 0;
  return {
    init: (first, count) => ex.langevinNDInit(d, n, z, pr, count, first, x, v, g, steps, status, rng),
    run: (first, count, end) => ex.langevinNDRun(d, n, z, pr, count, first, x, v, g, steps, status, end, grad, rng),
    steps: (count) => new Float64Array(ex.memory.buffer, steps, count),
    status: (count) => new Int32Array(ex.memory.buffer, status, count),
  };
}
