// A small worker pool for the Langevin engines (1-D simulate, N-D simulateND): worker_threads in Node, Web Workers in browsers,
// behind one code path. Workers get the compiled WebAssembly.Module (postMessage clones it) and
// the job; they pull chunk indices one at a time and send back chunk statistics, which the caller
// combines in chunk order — so the result is bit-identical to one thread. The calling thread runs
// chunks too, and finished workers are kept for the next run (IDLE_MS), so short runs do not pay
// the start-up of a worker each time.
//
// No bundler plugin or separate file is needed: the worker's source is assembled at run time
// from the self-contained functions of chunk.ts and chunk-nd.ts (Function.prototype.toString) and started with
// `new Worker(source, { eval: true })` in Node or from a Blob URL in browsers.
import { KramersError } from "../errors.js";
import { lgChunkCalls, lgChunkStats, lgRunChunk, lgWasmKernel, type LangevinJob } from "./chunk.js";
import { ndChunkCalls, ndChunkStats, ndRunChunk, ndWasmKernel, type LangevinNDJob } from "./chunk-nd.js";

/** The worker's source text. */
function workerSource(): string {
  // __name: some dev transpilers (esbuild keepNames) wrap functions in __name(); make it a no-op here
  return `"use strict";
var __name = (f) => f;
${lgChunkStats.toString()}
${lgChunkCalls.toString()}
${lgRunChunk.toString()}
${lgWasmKernel.toString()}
${ndChunkStats.toString()}
${ndChunkCalls.toString()}
${ndRunChunk.toString()}
${ndWasmKernel.toString()}
let job, kernel, post;
function onMessage(msg) {
  try {
    if (msg.type === "init") {
      const instance = new WebAssembly.Instance(msg.module, { env: { abort() { throw new Error("WebAssembly core aborted (out of memory?)"); } } });
      job = msg.job;
      kernel = job.kind === "nd" ? ${ndWasmKernel.name}(instance.exports, job) : ${lgWasmKernel.name}(instance.exports, job);
    } else if (msg.type === "chunk") {
      const r = job.kind === "nd" ? ${ndRunChunk.name}(job, kernel, msg.index) : ${lgRunChunk.name}(job, kernel, msg.index);
      const transfer = [];
      for (const k of ["hist", "times", "which", "rec", "mom"]) if (r[k]) transfer.push(r[k].buffer);
      post({ type: "result", result: r }, transfer);
    }
  } catch (e) {
    post({ type: "error", message: String(e && e.stack || e) });
  }
}
if (typeof process !== "undefined" && process.versions && process.versions.node && typeof require === "function") {
  const { parentPort } = require("node:worker_threads");
  post = (m, t) => parentPort.postMessage(m, t);
  parentPort.on("message", onMessage);
} else {
  post = (m, t) => self.postMessage(m, t);
  self.onmessage = (e) => onMessage(e.data);
}
`;
}

/** The minimal worker interface both environments provide. */
interface PoolWorker {
  post(message: unknown): void;
  /** Send this worker's messages and errors to these handlers (replacing the previous ones). */
  listen(onMessage: (message: any) => void, onError: (error: unknown) => void): void;
  terminate(): void;
}

const isNode = typeof process !== "undefined" && !!process.versions?.node;

/** A worker whose listeners can be swapped between runs (one underlying listener each). */
function poolWorker(post: (m: unknown) => void, subscribe: (message: (m: any) => void, error: (e: unknown) => void) => void, terminate: () => void): PoolWorker {
  let message: (m: any) => void = () => {};
  let error: (e: unknown) => void = () => {};
  subscribe((m) => message(m), (e) => error(e));
  return {
    post,
    listen(m, e) {
      message = m;
      error = e;
    },
    terminate,
  };
}

async function spawn(source: string): Promise<PoolWorker> {
  if (isNode) {
    const { Worker } = await import("node:worker_threads");
    const w = new Worker(source, { eval: true });
    w.unref(); // an idle pooled worker must not keep Node alive
    return poolWorker((m) => w.postMessage(m), (m, e) => void w.on("message", m).on("error", e), () => void w.terminate());
  }
  if (typeof Worker === "undefined" || typeof Blob === "undefined") {
    throw new KramersError("INVALID_ARGUMENT", "workers > 1 needs worker_threads (Node) or Web Workers (browsers); use workers: 1 here", { option: "workers" });
  }
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const w = new Worker(url);
  return poolWorker(
    (m) => w.postMessage(m),
    (m, e) => {
      w.addEventListener("message", (ev) => m((ev as MessageEvent).data));
      w.addEventListener("error", (ev) => e(ev));
    },
    () => {
      w.terminate();
      URL.revokeObjectURL(url);
    },
  );
}

// Workers that finished a run wait here for the next one (starting a worker costs tens of ms,
// a large share of a short run) and are terminated after IDLE_MS without work.
const idle: PoolWorker[] = [];
const IDLE_MS = 10_000;
let idleTimer: ReturnType<typeof setTimeout> | undefined;

async function acquire(n: number): Promise<PoolWorker[]> {
  const got = idle.splice(0, n);
  if (got.length < n) {
    const source = workerSource();
    got.push(...(await Promise.all(Array.from({ length: n - got.length }, () => spawn(source)))));
  }
  return got;
}

function release(workers: PoolWorker[]): void {
  for (const w of workers) w.listen(() => {}, () => {});
  idle.push(...workers);
  if (idleTimer !== undefined) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    for (const w of idle.splice(0)) w.terminate();
    idleTimer = undefined;
  }, IDLE_MS);
  (idleTimer as { unref?: () => void }).unref?.();
}

/** Chunks queued per worker ahead of its results, so it never waits for the calling thread to pass it the next one. */
const PREFETCH = 2;

/**
 * Run chunks 0 … chunkCount−1 of `job` on `workers` spawned workers and, when `runLocal` is
 * given, on the calling thread too (it pulls chunks from the same queue while the workers start
 * up, so their start-up cost is hidden); `onResult` receives each chunk's statistics (in
 * completion order). Rejects with ABORTED when `signal` fires.
 */
export async function runOnWorkers<R>(job: LangevinJob | LangevinNDJob, chunkCount: number, workers: number, module: WebAssembly.Module, onResult: (r: R) => void, signal?: AbortSignal, runLocal?: (index: number) => Promise<R>): Promise<void> {
  const pool = await acquire(Math.min(workers, chunkCount));
  // with few chunks, one each: a second queued chunk would leave the calling thread idle
  const prefetch = chunkCount >= PREFETCH * (pool.length + (runLocal ? 1 : 0)) ? PREFETCH : 1;
  let next = 0;
  let finished = 0;
  let ok = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (e: unknown) => {
        if (failed) return;
        failed = true;
        reject(e);
      };
      const abort = () => fail(new KramersError("ABORTED", "simulate was aborted"));
      const complete = () => {
        finished++;
        if (finished === chunkCount) {
          signal?.removeEventListener("abort", abort);
          resolve();
        }
      };
      if (signal) {
        if (signal.aborted) return abort();
        signal.addEventListener("abort", abort, { once: true });
      }
      for (const w of pool) {
        w.listen(
          (msg) => {
            if (failed) return;
            if (msg.type === "error") return fail(new KramersError("WASM_UNAVAILABLE", `a simulation worker failed: ${msg.message}`));
            onResult(msg.result as R);
            if (next < chunkCount) w.post({ type: "chunk", index: next++ });
            complete();
          },
          (e) => fail(new KramersError("WASM_UNAVAILABLE", `a simulation worker failed: ${String(e)}`)),
        );
        w.post({ type: "init", module, job });
        for (let q = 0; q < prefetch && next < chunkCount; q++) w.post({ type: "chunk", index: next++ });
      }
      if (runLocal) {
        void (async () => {
          while (!failed && next < chunkCount) {
            const r = await runLocal(next++);
            if (failed) return;
            onResult(r);
            complete();
            await yieldNow(); // let worker results in, so they get their next chunks
          }
        })().catch(fail);
      }
    });
    ok = true;
  } finally {
    // a worker of a failed or aborted run may still be busy: only clean ones go back to the pool
    if (ok) release(pool);
    else for (const w of pool) w.terminate();
  }
}

/** Yield to the event loop at once (setImmediate in Node; a zero timeout elsewhere). */
function yieldNow(): Promise<void> {
  return new Promise((r) => (typeof setImmediate === "function" ? setImmediate(r) : setTimeout(r, 0)));
}
