// A small worker pool for the Langevin engine: worker_threads in Node, Web Workers in browsers,
// behind one code path. Workers get the compiled WebAssembly.Module (postMessage clones it) and
// the job; they pull chunk indices one at a time and send back chunk statistics, which the caller
// combines in chunk order — so the result is bit-identical to one thread.
//
// No bundler plugin or separate file is needed: the worker's source is assembled at run time
// from the self-contained functions of chunk.ts (Function.prototype.toString) and started with
// `new Worker(source, { eval: true })` in Node or from a Blob URL in browsers.
import { KramersError } from "../errors.js";
import { lgChunkStats, lgRunChunk, lgWasmKernel, type LangevinChunkResult, type LangevinJob } from "./chunk.js";

/** The worker's source text. */
function workerSource(): string {
  // __name: some dev transpilers (esbuild keepNames) wrap functions in __name(); make it a no-op here
  return `"use strict";
var __name = (f) => f;
${lgChunkStats.toString()}
${lgRunChunk.toString()}
${lgWasmKernel.toString()}
const runChunk = ${lgRunChunk.name};
const makeKernel = ${lgWasmKernel.name};
let job, kernel, post;
function onMessage(msg) {
  try {
    if (msg.type === "init") {
      const instance = new WebAssembly.Instance(msg.module, { env: { abort() { throw new Error("WebAssembly core aborted (out of memory?)"); } } });
      job = msg.job;
      kernel = makeKernel(instance.exports, job);
    } else if (msg.type === "chunk") {
      const r = runChunk(job, kernel, msg.index);
      const transfer = [r.hist.buffer];
      for (const k of ["times", "which", "rec", "mom"]) if (r[k]) transfer.push(r[k].buffer);
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
  onMessage(handler: (message: any) => void): void;
  onError(handler: (error: unknown) => void): void;
  terminate(): void;
}

const isNode = typeof process !== "undefined" && !!process.versions?.node;

async function spawn(source: string): Promise<PoolWorker> {
  if (isNode) {
    const { Worker } = await import("node:worker_threads");
    const w = new Worker(source, { eval: true });
    w.unref();
    return {
      post: (m) => w.postMessage(m),
      onMessage: (h) => void w.on("message", h),
      onError: (h) => void w.on("error", h),
      terminate: () => void w.terminate(),
    };
  }
  if (typeof Worker === "undefined" || typeof Blob === "undefined") {
    throw new KramersError("INVALID_ARGUMENT", "workers > 1 needs worker_threads (Node) or Web Workers (browsers); use workers: 1 here", { option: "workers" });
  }
  const url = URL.createObjectURL(new Blob([source], { type: "text/javascript" }));
  const w = new Worker(url);
  return {
    post: (m) => w.postMessage(m),
    onMessage: (h) => void w.addEventListener("message", (e) => h((e as MessageEvent).data)),
    onError: (h) => void w.addEventListener("error", (e) => h(e)),
    terminate: () => {
      w.terminate();
      URL.revokeObjectURL(url);
    },
  };
}

/** Chunks queued per worker ahead of its results, so it never waits for the calling thread to pass it the next one. */
const PREFETCH = 2;

/**
 * Run chunks 0 … chunkCount−1 of `job` on `workers` spawned workers and, when `runLocal` is
 * given, on the calling thread too (it pulls chunks from the same queue while the workers start
 * up, so their start-up cost is hidden); `onResult` receives each chunk's statistics (in
 * completion order). Rejects with ABORTED when `signal` fires.
 */
export async function runOnWorkers(job: LangevinJob, chunkCount: number, workers: number, module: WebAssembly.Module, onResult: (r: LangevinChunkResult) => void, signal?: AbortSignal, runLocal?: (index: number) => Promise<LangevinChunkResult>): Promise<void> {
  const source = workerSource();
  const n = Math.min(workers, chunkCount);
  const pool = await Promise.all(Array.from({ length: n }, () => spawn(source)));
  let next = 0;
  let finished = 0;
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
        w.onError((e) => fail(new KramersError("WASM_UNAVAILABLE", `a simulation worker failed: ${String(e)}`)));
        w.onMessage((msg) => {
          if (failed) return;
          if (msg.type === "error") return fail(new KramersError("WASM_UNAVAILABLE", `a simulation worker failed: ${msg.message}`));
          onResult(msg.result as LangevinChunkResult);
          if (next < chunkCount) w.post({ type: "chunk", index: next++ });
          complete();
        });
        w.post({ type: "init", module, job });
        for (let q = 0; q < PREFETCH && next < chunkCount; q++) w.post({ type: "chunk", index: next++ });
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
  } finally {
    for (const w of pool) w.terminate();
  }
}

/** Yield to the event loop at once (setImmediate in Node; a zero timeout elsewhere). */
function yieldNow(): Promise<void> {
  return new Promise((r) => (typeof setImmediate === "function" ? setImmediate(r) : setTimeout(r, 0)));
}
