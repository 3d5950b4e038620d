// Running one chunk of walkers and reducing it to its statistics. These functions are
// SELF-CONTAINED (they reference nothing but their arguments and built-ins) because the worker
// pool sends their source text to workers (see workers.ts): keep them that way.
//
// Chunks have a fixed size and their statistics are combined in chunk order, so a run gives the
// same bits with 1 or many workers.
import type { KramersWasmExports } from "../wasm/exports.js";

/** Everything a chunk runner needs (structured-cloneable, sent to workers). */
export interface LangevinJob {
  /** Parameter block (layout in assembly/langevin.ts). */
  readonly params: Float64Array;
  /** Ziggurat tables (src/langevin/ziggurat.ts). */
  readonly zig: Float64Array;
  /** Potential descriptor (assembly/potential.ts). */
  readonly desc: Float64Array;
  readonly particles: number;
  readonly chunkSize: number;
  /** Steps per kernel call (a chunk runs in several calls: progress and abort between them). */
  readonly stepsPerCall: number;
  readonly dt: number;
  readonly maxSteps: number;
  /** Escape-time histogram bins over [0, tmax]. */
  readonly bins: number;
  /** Keep every walker's first-passage time (and boundary). */
  readonly keepTimes: boolean;
  /** Walkers (global indices 0 … recWalkers−1) whose trajectories are recorded, and frames. */
  readonly recWalkers: number;
  readonly recFrames: number;
  readonly momFrames: number;
}

/** Statistics of one chunk (all sums in walker order). */
export interface LangevinChunkResult {
  index: number;
  count: number;
  /** Absorbed at the upper / lower boundary; censored at tmax; diverged (x not finite). */
  escapedHi: number;
  escapedLo: number;
  censored: number;
  diverged: number;
  /** Σ t and Σ t² over absorbed walkers. */
  sumT: number;
  sumT2: number;
  /** Σ steps over all walkers (work done). */
  walkerSteps: number;
  /** Absorptions per histogram bin (steps·bins/maxSteps). */
  hist: Float64Array;
  /** First-passage times (NaN if censored) and boundary (1 upper, 2 lower, 3 censored), if kept. */
  times?: Float64Array;
  which?: Int8Array;
  /** Recorded rows (rows × recFrames). */
  rec?: Float64Array;
  /** Moments: count, Σx, Σx² per frame. */
  mom?: Float64Array;
}

/** A kernel working on one chunk: WASM exports or the JS twin behind the same calls. */
export interface LangevinChunkKernel {
  init(firstWalker: number, count: number, recRows: number): void;
  run(firstWalker: number, count: number, stepLimit: number): number;
  /** Current views (re-created after every call: WASM memory may have grown). */
  steps(count: number): Int32Array;
  status(count: number): Int32Array;
  rec(rows: number): Float64Array | null;
  mom(): Float64Array | null;
}

/** Reduce a finished chunk to its statistics. */
export function lgChunkStats(job: LangevinJob, index: number, count: number, steps: Int32Array, status: Int32Array, rec: Float64Array | null, recRows: number, mom: Float64Array | null): LangevinChunkResult {
  const hist = new Float64Array(job.bins);
  let escapedHi = 0, escapedLo = 0, censored = 0, diverged = 0, sumT = 0, sumT2 = 0, walkerSteps = 0;
  const times = job.keepTimes ? new Float64Array(count) : undefined;
  const which = job.keepTimes ? new Int8Array(count) : undefined;
  const scale = job.bins / job.maxSteps;
  for (let j = 0; j < count; j++) {
    const n = steps[j]!;
    const st = status[j]!;
    walkerSteps += n;
    if (st === 1 || st === 2) {
      const t = n * job.dt;
      if (st === 1) escapedHi++;
      else escapedLo++;
      sumT += t;
      sumT2 += t * t;
      let b = Math.floor((n - 1) * scale);
      if (b >= job.bins) b = job.bins - 1;
      if (b < 0) b = 0;
      hist[b] = hist[b]! + 1;
      if (times) times[j] = t;
    } else {
      if (st === 4) diverged++;
      else censored++;
      if (times) times[j] = NaN;
    }
    if (which) which[j] = st;
  }
  const out: LangevinChunkResult = { index, count, escapedHi, escapedLo, censored, diverged, sumT, sumT2, walkerSteps, hist };
  if (times) out.times = times;
  if (which) out.which = which;
  if (rec && recRows > 0) out.rec = rec.slice(0, recRows * job.recFrames);
  if (mom) out.mom = mom.slice();
  return out;
}

/**
 * Chunk `index` with `kernel`, one kernel call (job.stepsPerCall steps) per iteration: the caller
 * may yield, report progress or stop between them; the return value is the chunk's statistics.
 */
export function* lgChunkCalls(job: LangevinJob, kernel: LangevinChunkKernel, index: number): Generator<void, LangevinChunkResult> {
  const first = index * job.chunkSize;
  const count = Math.min(job.chunkSize, job.particles - first);
  const recRows = Math.max(0, Math.min(count, job.recWalkers - first));
  kernel.init(first, count, recRows);
  let limit = 0;
  for (;;) {
    limit = Math.min(limit + job.stepsPerCall, job.maxSteps);
    if (kernel.run(first, count, limit) === 0) break;
    yield;
  }
  return lgChunkStats(job, index, count, kernel.steps(count), kernel.status(count), kernel.rec(recRows), recRows, kernel.mom());
}

/** Run chunk `index` to completion with `kernel` (in a worker: nothing to do between calls). */
export function lgRunChunk(job: LangevinJob, kernel: LangevinChunkKernel, index: number): LangevinChunkResult {
  const calls = lgChunkCalls(job, kernel, index);
  for (;;) {
    const r = calls.next();
    if (r.done) return r.value;
  }
}

/** The chunk kernel over the raw WASM exports (buffers allocated once, sized for one chunk). */
export function lgWasmKernel(ex: KramersWasmExports, job: LangevinJob): LangevinChunkKernel {
  const C = job.chunkSize;
  const put = (a: Float64Array) => {
    const p = ex.allocF64(a.length) >>> 0;
    new Float64Array(ex.memory.buffer, p, a.length).set(a);
    return p;
  };
  const params = new Float64Array(job.params);
  const pParams = put(params);
  const pZig = put(job.zig);
  const pDesc = put(job.desc);
  const pX = ex.allocF64(C) >>> 0;
  const pAux = ex.allocF64(C) >>> 0;
  const pRng = ex.allocI32(4 * C) >>> 0;
  const pSteps = ex.allocI32(C) >>> 0;
  const pStatus = ex.allocI32(C) >>> 0;
  const recLen = Math.max(1, Math.min(C, job.recWalkers) * job.recFrames);
  const pRec = ex.allocF64(recLen) >>> 0;
  const momLen = Math.max(1, 3 * job.momFrames);
  const pMom = ex.allocF64(momLen) >>> 0;
  const pWork = ex.allocF64(Math.ceil(ex.langevinWorkBytes(C) / 8) + 2) >>> 0;
  const work = (pWork + 15) & ~15;
  return {
    init(firstWalker, count, recRows) {
      const pv = new Float64Array(ex.memory.buffer, pParams, params.length);
      pv[14] = recRows;
      new Float64Array(ex.memory.buffer, pRec, recLen).fill(NaN);
      new Float64Array(ex.memory.buffer, pMom, momLen).fill(0);
      ex.langevinInit(pParams, pZig, pX, pAux, pRng, pSteps, pStatus, count, firstWalker, pRec, pMom);
    },
    run(firstWalker, count, stepLimit) {
      return ex.langevinRun(pParams, pZig, pDesc, pX, pAux, pRng, pSteps, pStatus, count, firstWalker, stepLimit, pRec, pMom, work);
    },
    steps: (count) => new Int32Array(ex.memory.buffer, pSteps, count),
    status: (count) => new Int32Array(ex.memory.buffer, pStatus, count),
    rec: (rows) => (rows > 0 && job.recFrames > 0 ? new Float64Array(ex.memory.buffer, pRec, rows * job.recFrames) : null),
    mom: () => (job.momFrames > 0 ? new Float64Array(ex.memory.buffer, pMom, 3 * job.momFrames) : null),
  };
}
