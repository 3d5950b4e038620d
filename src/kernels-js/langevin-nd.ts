// Pure-JS twin of assembly/langevin_nd.ts (layouts and random streams documented there). The
// force comes from the potential's JS gradient: equal to the WASM program evaluation to rounding
// (bit-identical for polynomials), so the two engines agree to rounding per step.
import { NormalStream, philox4x32, uniform52, xoshiroNext, xoshiroSeed, zigguratNormal } from "./rng.js";

/** 2s₀s₁/σ² above which the bridge test is skipped (as in the WASM kernel). */
const BRIDGE_SKIP = 40;

/** The walkers of one chunk, as the WASM kernel keeps them. */
export interface LangevinNDChunk {
  readonly x: Float64Array;
  readonly v: Float64Array;
  readonly g: Float64Array;
  readonly steps: Float64Array;
  readonly status: Int32Array;
  /** xoshiro128++ state per walker (4 u32; overdamped). */
  readonly rng: Uint32Array;
}

/** Twin of langevinNDInit. */
export function langevinNDInitJs(gradient: (x: Float64Array, out: Float64Array) => void, n: number, zig: Float64Array, params: Float64Array, count: number, firstWalker: number, c: LangevinNDChunk): void {
  const under = params[0] !== 0;
  const vth = Math.sqrt(params[2]! / params[4]!);
  const normals = new NormalStream(zig, params[6]!, params[7]!);
  for (let i = 0; i < count; i++) {
    const w = firstWalker + i;
    for (let d = 0; d < n; d++) {
      c.x[i * n + d] = params[9 + n + d]!;
      c.v[i * n + d] = under ? vth * normals.at(d, w) : 0;
    }
    if (!under) xoshiroSeed(w, params[6]!, params[7]!, c.rng, 4 * i);
    if (under) {
      const gi = c.g.subarray(i * n, (i + 1) * n);
      gradient(c.x.subarray(i * n, (i + 1) * n), gi);
      for (let d = 0; d < n; d++) gi[d] = -gi[d]!;
    }
    c.steps[i] = 0;
    c.status[i] = 0;
  }
}

/** Twin of langevinNDRun: returns the walkers still running. */
export function langevinNDRunJs(gradient: (x: Float64Array, out: Float64Array) => void, n: number, zig: Float64Array, params: Float64Array, count: number, firstWalker: number, c: LangevinNDChunk, stepEnd: number): number {
  const under = params[0] !== 0;
  const dt = params[1]!, kT = params[2]!, gamma = params[3]!, m = params[4]!, cut = params[5]!;
  const k0 = params[6]!, k1 = params[7]!, maxSteps = params[8]!;
  const nrm = params.subarray(9, 9 + n);
  const end = Math.min(stepEnd, maxSteps);
  const drift = dt / gamma, sigma = Math.sqrt((2 * kT * dt) / gamma), twoOverVar = 2 / (sigma * sigma);
  const halfDtM = (0.5 * dt) / m, c1 = Math.exp((-gamma * dt) / m), c2 = Math.sqrt(((1 - c1 * c1) * kT) / m);
  const normals = new NormalStream(zig, k0, k1);
  const grad = new Float64Array(n), words = new Uint32Array(4);
  let running = 0;
  for (let i = 0; i < count; i++) {
    if (c.status[i] !== 0) continue;
    const w = firstWalker + i;
    const xi = c.x.subarray(i * n, (i + 1) * n), vi = c.v.subarray(i * n, (i + 1) * n), gi = c.g.subarray(i * n, (i + 1) * n);
    let s = c.steps[i]!;
    let state = 0;
    let dist = cut;
    for (let d = 0; d < n; d++) dist -= nrm[d]! * xi[d]!;
    while (s < end) {
      const step = s >>> 0;
      if (!under) {
        gradient(xi, grad);
        for (let d = 0; d < n; d++) {
          const word = xoshiroNext(c.rng, 4 * i);
          xi[d] = xi[d]! - drift * grad[d]! + sigma * zigguratNormal(zig, word, step * n + d, w, k0, k1);
        }
      } else {
        for (let d = 0; d < n; d++) {
          const vd = vi[d]! + halfDtM * gi[d]!;
          xi[d] = xi[d]! + 0.5 * dt * vd;
          vi[d] = vd;
        }
        for (let d = 0; d < n; d++) {
          const vd = c1 * vi[d]! + c2 * normals.at((step + 1) * n + d, w);
          xi[d] = xi[d]! + 0.5 * dt * vd;
          vi[d] = vd;
        }
        gradient(xi, gi);
        for (let d = 0; d < n; d++) {
          const fd = -gi[d]!;
          gi[d] = fd;
          vi[d] = vi[d]! + halfDtM * fd;
        }
      }
      s += 1;
      let next = cut;
      let finite = true;
      for (let d = 0; d < n; d++) {
        if (!Number.isFinite(xi[d]!)) finite = false;
        next -= nrm[d]! * xi[d]!;
      }
      if (!finite) {
        state = 4;
        break;
      }
      if (next <= 0) {
        state = 1;
        break;
      }
      if (!under && twoOverVar * dist * next < BRIDGE_SKIP) {
        philox4x32(step, 0, w, 1, k0, k1, words);
        if (uniform52(words[0]!, words[1]!) < Math.exp(-twoOverVar * dist * next)) {
          state = 1;
          break;
        }
      }
      dist = next;
    }
    if (state === 0 && s >= maxSteps) state = 3;
    c.steps[i] = s;
    c.status[i] = state;
    if (state === 0) running++;
  }
  return running;
}
