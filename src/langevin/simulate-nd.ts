/**
 * Langevin first passage in N dimensions: an ensemble of walkers started at a point, integrated
 * (overdamped Euler–Maruyama with a bridge test, or underdamped BAOAB) until each reaches the
 * half-space n·x ≥ c or is censored at tmax, with the statistics of simulate() (MFPT with CI,
 * censoring-aware rate MLE with an exact CI, KS test of exponential escape).
 */
import { KramersError } from "../errors.js";
import { langevinNDInitJs, langevinNDRunJs, type LangevinNDChunk } from "../kernels-js/langevin-nd.js";
import { monomialGradient } from "../kernels-js/potential-nd.js";
import { seedWords } from "../kernels-js/rng.js";
import { toPotentialND, type PotentialNDInput } from "../potential/nd.js";
import type { PotentialND } from "../potential/types.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireInteger, requireOneOf, requireOptions, requirePositive } from "../validate.js";
import { instantiateWasm, wasmModule } from "../wasm/loader.js";
import { ndChunkCalls, ndWasmKernel, type LangevinNDChunkResult, type LangevinNDJob, type LangevinNDKernel } from "./chunk-nd.js";
import { runOnWorkers } from "./workers.js";
import type { SimulateProgress } from "./options.js";
import { exponentialRate, ksExponential, meanEstimate, type ExponentialKsTest, type FirstPassageStatistics } from "./stats.js";
import { zigguratTables } from "./ziggurat.js";

/** A half-space target: first passage to normal·x ≥ offset. */
export interface HalfSpaceTarget {
  readonly normal: ArrayLike<number>;
  readonly offset: number;
}

/** Options of {@link simulateND}. */
export interface SimulateNDOptions {
  /** An N-D potential or an expression in x, y (, z). */
  readonly potential: PotentialNDInput;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** The starting point of every walker. */
  readonly from: ArrayLike<number>;
  /** The absorbing half-space normal·x ≥ offset. */
  readonly target: HalfSpaceTarget;
  /** Dynamics (SCIENCE.md). @default "overdamped" */
  readonly dynamics?: "overdamped" | "underdamped";
  /** Friction γ > 0, the same in every direction. @default 1 */
  readonly gamma?: number;
  /** Mass m > 0 (underdamped). @default 1 */
  readonly mass?: number;
  /** Time step > 0. */
  readonly dt: number;
  /** Censoring time ≥ dt: walkers still out of the target then count as censored. */
  readonly tmax: number;
  /** Number of walkers. @default 1000 */
  readonly particles?: number;
  /** Seed of the random streams (integer in [0, 2^53)). @default 0 */
  readonly seed?: number;
  /** Back end (potentials built from JS functions run in "js"). @default "wasm" */
  readonly engine?: "wasm" | "js";
  /** Keep every walker's first-passage time. @default false */
  readonly keepTimes?: boolean;
  /** Threads: the calling one plus workers − 1 worker threads (WASM engine); the result is the same for any count. @default 1 */
  readonly workers?: number;
  /** Cancels between kernel calls. */
  readonly signal?: AbortSignal;
  /** Called between kernel calls (at most every 100 ms) and at the end with walkers done / total. */
  readonly onProgress?: (p: SimulateProgress) => void;
}

/** Result of {@link simulateND}. Times in the caller's time unit. */
export interface SimulateNDResult extends FirstPassageStatistics {
  /** First-passage time of each walker (NaN if censored), when kept. */
  readonly times?: Float64Array;
  readonly dt: number;
  readonly tmax: number;
  readonly dynamics: "overdamped" | "underdamped";
  readonly integrator: "euler-maruyama + bridge" | "baoab";
  readonly engine: "wasm" | "js";
  /** Threads used (the calling one included). */
  readonly workers: number;
  readonly seed: number;
  readonly walkerSteps: number;
  readonly warnings: ResultWarning[];
}

/** Walkers per chunk (results never depend on it: each walker's stream is its own). */
const CHUNK = 4096;
/** Walker-steps per kernel call (abort checks and yielding between calls). */
const STEPS_PER_CALL = 1 << 22;

/** The JS twin behind the chunk-kernel interface (one chunk's buffers). */
function jsKernel(p: PotentialND, job: LangevinNDJob): LangevinNDKernel {
  const n = job.n, C = job.chunkSize;
  const c: LangevinNDChunk = { x: new Float64Array(C * n), v: new Float64Array(C * n), g: new Float64Array(C * n), steps: new Float64Array(C), status: new Int32Array(C), rng: new Uint32Array(4 * C) };
  // the WASM core's monomial evaluation where it uses one (same forces to the bit), else the potential's own
  const gradient = (p.descriptor && monomialGradient(p.descriptor())) || ((x: Float64Array, out: Float64Array) => void p.gradient(x, out));
  return {
    init: (first, count) => langevinNDInitJs(gradient, n, job.zig, job.params, count, first, c),
    run: (first, count, end) => langevinNDRunJs(gradient, n, job.zig, job.params, count, first, c, end),
    steps: (count) => c.steps.subarray(0, count),
    status: (count) => c.status.subarray(0, count),
  };
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * Simulate first passage of an N-D Langevin ensemble to a half-space: every walker starts at
 * `from` (underdamped: with Maxwellian velocities) and runs until normal·x ≥ offset or tmax.
 * Overdamped steps are Euler–Maruyama with a Brownian-bridge test along the normal (first-passage
 * times biased by O(dt), not O(√dt)); underdamped steps are BAOAB. Each walker has its own random
 * stream, a pure function of (seed, walker): the same numbers in Node and browsers, and the WASM
 * engine and its JS twin agree to rounding.
 *
 * @param options - potential, kT, from, target, dynamics, gamma, mass, dt, tmax, particles, seed, engine, keepTimes, workers, signal, onProgress
 * @returns MFPT and rate with confidence intervals, counts, KS test, settings, warnings
 * @throws KramersError INVALID_ARGUMENT, NOT_POSITIVE, NOT_FINITE (walkers reaching non-finite positions), ABORTED
 * @example
 * ```ts
 * const sim = await simulateND({ potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.15, from: [-1, 0.3],
 *   target: { normal: [1, 0], offset: 1 }, dt: 1e-3, tmax: 1e4, particles: 2000, seed: 1 });
 * sim.rate; sim.rateCI;   // compare langerRate(…).rates.overdamped
 * ```
 */
export async function simulateND(options: SimulateNDOptions): Promise<SimulateNDResult> {
  const o = requireOptions("simulateND options", options, ["potential", "kT", "from", "target", "dynamics", "gamma", "mass", "dt", "tmax", "particles", "seed", "engine", "keepTimes", "workers", "signal", "onProgress"]);
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") throw new KramersError("INVALID_ARGUMENT", "onProgress must be a function", { option: "onProgress" });
  const onProgress = o.onProgress as ((p: SimulateProgress) => void) | undefined;
  const p = toPotentialND(o.potential);
  const n = p.dimension;
  const kT = requirePositive("kT", o.kT);
  const dynamics = o.dynamics === undefined ? "overdamped" : requireOneOf("dynamics", o.dynamics, ["overdamped", "underdamped"] as const);
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  const mass = o.mass === undefined ? 1 : requirePositive("mass", o.mass);
  const dt = requirePositive("dt", o.dt);
  const tmax = requirePositive("tmax", o.tmax);
  if (tmax < dt) throw new KramersError("INVALID_ARGUMENT", `tmax = ${tmax} is shorter than one step dt = ${dt}`, { option: "tmax" });
  const particles = o.particles === undefined ? 1000 : requireInteger("particles", o.particles, 1);
  const workers = o.workers === undefined ? 1 : requireInteger("workers", o.workers, 1);
  const seed = o.seed === undefined ? 0 : requireInteger("seed", o.seed, 0);
  if (seed > Number.MAX_SAFE_INTEGER) throw new KramersError("INVALID_ARGUMENT", `seed must be below 2^53, got ${seed}`, { option: "seed" });
  let engine = o.engine === undefined ? "wasm" : requireOneOf("engine", o.engine, ["wasm", "js"] as const);
  const w = new Warnings();
  if (engine === "wasm" && !p.descriptor) {
    engine = "js";
    w.add("ENGINE_JS", "the potential is a JS function, which the WASM core cannot evaluate: the JS engine ran (same algorithm and random streams)");
  }
  const from = o.from as ArrayLike<number>;
  if (!from || from.length !== n || !Array.from({ length: n }, (_, i) => from[i]!).every(Number.isFinite)) throw new KramersError("INVALID_ARGUMENT", `from must be a point with ${n} finite coordinates, got ${JSON.stringify(from)}`, { option: "from" });
  const tg = o.target as HalfSpaceTarget;
  if (!tg || !tg.normal || tg.normal.length !== n || !Number.isFinite(tg.offset)) throw new KramersError("INVALID_ARGUMENT", `target must be { normal: ${n} numbers, offset }, got ${JSON.stringify(tg)}`, { option: "target" });
  const len = Math.hypot(...Array.from({ length: n }, (_, i) => tg.normal[i]!));
  if (!(len > 0) || !Number.isFinite(len)) throw new KramersError("INVALID_ARGUMENT", "target.normal must be a non-zero finite vector", { option: "target" });
  const unit = Array.from({ length: n }, (_, i) => tg.normal[i]! / len), cut = tg.offset / len;
  let start = cut;
  for (let i = 0; i < n; i++) start -= unit[i]! * from[i]!;
  if (!(start > 0)) throw new KramersError("INVALID_ARGUMENT", `from = ${JSON.stringify(Array.from(from))} is already in the target half-space`, { option: "from" });
  if (!Number.isFinite(p.U(from))) throw new KramersError("NOT_FINITE", `U(from) = ${p.U(from)}`, { option: "from" });
  const maxSteps = Math.ceil(tmax / dt - 1e-9);
  // normal indices k = (step + 1)·n + d must fit the 32-bit counter
  if ((maxSteps + 2) * n >= 2 ** 32) throw new KramersError("INVALID_ARGUMENT", `tmax/dt = ${maxSteps} steps × ${n} coordinates exceeds the random streams' 2^32 normals per walker: raise dt or lower tmax`, { option: "tmax" });
  const [k0, k1] = seedWords(seed);
  const params = Float64Array.from([dynamics === "underdamped" ? 1 : 0, dt, kT, gamma, mass, cut, k0, k1, maxSteps, ...unit, ...Array.from({ length: n }, (_, i) => from[i]!)]);
  const job: LangevinNDJob = {
    kind: "nd", n, desc: p.descriptor ? p.descriptor() : new Float64Array(0), params, zig: zigguratTables(), particles,
    chunkSize: CHUNK, maxSteps, dt, stepsPerCall: Math.max(1, Math.floor(STEPS_PER_CALL / (CHUNK * n))),
  };
  const chunkCount = Math.ceil(particles / CHUNK);
  const results: LangevinNDChunkResult[] = new Array(chunkCount);
  let done = 0, lastReport = 0;
  const report = (force: boolean) => {
    if (!onProgress || (!force && Date.now() - lastReport < 100)) return;
    lastReport = Date.now();
    onProgress({ done, total: particles, fraction: done / particles });
  };
  const accept = (r: LangevinNDChunkResult) => {
    results[r.index] = r;
    done += r.count;
    report(done === particles);
  };
  const aborted = () => new KramersError("ABORTED", "simulateND was aborted");
  // chunks on this thread: one kernel call at a time, yielding between them
  const runHere = async (kernel: LangevinNDKernel, index: number) => {
    const calls = ndChunkCalls(job, kernel, index);
    for (;;) {
      const r = calls.next();
      if (r.done) return r.value;
      if (o.signal && (o.signal as AbortSignal).aborted) throw aborted();
      await yieldToEventLoop();
    }
  };
  if (o.signal && (o.signal as AbortSignal).aborted) throw aborted();
  let workersUsed = 1;
  if (engine === "wasm" && workers > 1 && chunkCount > 1) {
    workersUsed = Math.min(workers, chunkCount);
    const kernel = ndWasmKernel((await instantiateWasm()).exports, job);
    await runOnWorkers<LangevinNDChunkResult>(job, chunkCount, workersUsed - 1, await wasmModule(), accept, o.signal as AbortSignal | undefined, (c) => runHere(kernel, c));
  } else {
    if (engine === "js" && workers > 1) w.add("WORKERS_IGNORED", "the JS twin engine runs on one thread; workers apply to engine \"wasm\"");
    const kernel = engine === "wasm" ? ndWasmKernel((await instantiateWasm()).exports, job) : jsKernel(p, job);
    for (let c = 0; c < chunkCount; c++) accept(await runHere(kernel, c));
  }
  // combined in chunk order: the same sums for any number of workers
  let escaped = 0, censored = 0, diverged = 0, sumT = 0, sumT2 = 0, walkerSteps = 0;
  const allTimes = new Float64Array(particles);
  for (const r of results) {
    escaped += r.escaped;
    censored += r.censored;
    diverged += r.diverged;
    sumT += r.sumT;
    sumT2 += r.sumT2;
    walkerSteps += r.walkerSteps;
    allTimes.set(r.times, r.index * CHUNK);
  }
  if (diverged > 0) throw new KramersError("NOT_FINITE", `${diverged} of ${particles} walkers reached a non-finite position: the potential is unbounded below or undefined where they went, or dt = ${dt} is too large for its stiffness`, { option: "potential", diverged });
  const m = meanEstimate(escaped, sumT, sumT2);
  const rate = exponentialRate(escaped, sumT + censored * maxSteps * dt);
  let ksTest: ExponentialKsTest | null = null;
  if (escaped >= 2 && Number.isFinite(rate.rate)) ksTest = ksExponential(allTimes.filter((t) => !Number.isNaN(t)).sort(), particles, rate.rate);
  if (censored > 0) w.add("CENSORED", `${censored} of ${particles} walkers were still running at tmax = ${tmax}: the MFPT averages only the ${escaped} that escaped and is biased low; the rate (exponential MLE with censoring) accounts for them`);
  if (escaped < 10) w.add("FEW_ESCAPES", `only ${escaped} walkers escaped: the MFPT and rate are rough; raise particles or tmax`);
  if (ksTest && ksTest.pValue < 0.01) w.add("NOT_EXPONENTIAL", `escape times are not exponential (KS p = ${ksTest.pValue.toExponential(2)}): the barrier is low compared with kT, or the start is far from equilibrium in its well`);
  return {
    mfpt: m.mean, stderr: m.stderr, mfptCI: m.ci, rate: rate.rate, rateCI: rate.ci,
    rateDefinition: "exponential-escape MLE: escapes / total time on test (from → the target half-space, censored at tmax) ≈ 1/MFPT",
    escaped, censored, particles, ksTest,
    ...(o.keepTimes ? { times: allTimes } : {}),
    dt, tmax, dynamics, integrator: dynamics === "overdamped" ? "euler-maruyama + bridge" : "baoab", engine, workers: workersUsed, seed, walkerSteps, warnings: w.list,
  };
}
