/**
 * Pure-JS twin of `assembly/langevin.ts`: the same integrators, noise indices, boundaries,
 * Brownian-bridge test, recording and moments, walker by walker instead of in lockstep (each
 * walker's arithmetic is the same, so the numbers are too; moments are added in the same walker
 * order per frame). Buffer layouts and the parameter block are those documented in the WASM file.
 * For polynomial potentials of degree ≤ 4 the force uses the same Horner form as the WASM fast
 * path (bit-identical); other potentials use `dU` from JS, equal to the WASM evaluator to rounding.
 * @packageDocumentation
 */
import { NormalStream, philox4x32, scaledLayers, scaledNormal, uniform52, xoshiroNext, xoshiroSeed } from "./rng.js";

/** The state of one chunk of walkers (structure of arrays, as in WASM memory). */
export interface LangevinChunkState {
  /** Positions x[count]. */
  readonly x: Float64Array;
  /** Velocities (underdamped) or the last noise ξ_n (Leimkuhler–Matthews). */
  readonly aux: Float64Array;
  /** Euler–Maruyama: each walker's xoshiro128++ state (4 u32 per walker). */
  readonly rng: Uint32Array;
  /** Steps taken. */
  readonly steps: Int32Array;
  /** 0 running, 1 absorbed at the upper boundary, 2 at the lower, 3 censored. */
  readonly status: Int32Array;
}

const EM = 0, LM = 1, BAOAB = 2, OBABO = 3;
const NEVER = 0x7fffffff;

/**
 * U′ times `scale` as the WASM kernel evaluates it: for polynomials of degree ≤ 4 a cubic Horner
 * form with the scale folded into the coefficients, otherwise scale·U′(x) (scale 1: U′ itself).
 */
export function forceFunction(desc: Float64Array, dU: (x: number) => number, scale = 1): (x: number) => number {
  if (desc[0] === 0 && desc[1]! <= 5) {
    const n = desc[1]!;
    const c = (k: number) => (n > k ? desc[2 + k]! : 0);
    const e0 = scale * c(1), e1 = scale * (2 * c(2)), e2 = scale * (3 * c(3)), e3 = scale * (4 * c(4));
    return (x) => ((e3 * x + e2) * x + e1) * x + e0;
  }
  return scale === 1 ? dU : (x) => scale * dU(x);
}

function addMoment(mom: Float64Array, frames: number, f: number, x: number): void {
  mom[f] = mom[f]! + 1;
  mom[frames + f] = mom[frames + f]! + x;
  mom[2 * frames + f] = mom[2 * frames + f]! + x * x;
}

/** JS twin of `langevinInit`. */
export function langevinInitJs(params: Float64Array, zig: Float64Array, s: LangevinChunkState, count: number, firstWalker: number, rec: Float64Array | null, mom: Float64Array | null): void {
  const method = params[1]!;
  const kT = params[3]!, mass = params[5]!;
  const stream = new NormalStream(zig, params[9]!, params[10]!);
  const x0 = params[12]!;
  const recRows = params[14]!, recFrames = params[15]!;
  const momStride = params[16]!, momFrames = params[17]!;
  const sv = Math.sqrt(kT / mass);
  for (let j = 0; j < count; j++) {
    const w = (firstWalker + j) >>> 0;
    s.x[j] = x0;
    s.steps[j] = 0;
    s.status[j] = 0;
    let a = 0;
    if (method >= BAOAB) a = sv * stream.at(0, w);
    else if (method === LM) a = stream.at(3, w);
    s.aux[j] = a;
    if (method === EM) xoshiroSeed(w, params[9]!, params[10]!, s.rng, 4 * j);
    if (rec && j < recRows && recFrames > 0) rec[j * recFrames] = x0;
    if (mom && momStride > 0 && momFrames > 0) addMoment(mom, momFrames, 0, x0);
  }
}

/** JS twin of `langevinRun` (returns how many walkers are still running). */
export function langevinRunJs(params: Float64Array, zig: Float64Array, dU: (x: number) => number, desc: Float64Array, s: LangevinChunkState, count: number, firstWalker: number, stepLimit: number, rec: Float64Array | null, mom: Float64Array | null): number {
  const method = params[1]!;
  const dt = params[2]!, kT = params[3]!, gamma = params[4]!, mass = params[5]!;
  // an absent boundary (±∞) becomes NaN, as in WASM: no comparison with it is true
  const lo = params[6]! > -Infinity ? params[6]! : NaN;
  const hi = params[7]! < Infinity ? params[7]! : NaN;
  const bridge = params[8] !== 0 && method <= LM;
  const k0 = params[9]!, k1 = params[10]!;
  const maxSteps = params[11]!;
  const recStride = params[13]!, recRows = params[14]!, recFrames = params[15]!;
  const momStride = params[16]!, momFrames = params[17]!;
  const limit = Math.min(stepLimit, maxSteps);
  const force = forceFunction(desc, dU);
  const stream = new NormalStream(zig, k0, k1);
  // Euler–Maruyama: x_{n+1} = (x_n − Δ(x_n)) + σξ, Δ = (dt/γ)·U′ with the scale folded into a
  // cubic's coefficients, σξ from the σ-scaled ziggurat (as in WASM)
  const u = new Uint32Array(4);

  const drift = dt / gamma;
  const sigEM = Math.sqrt(2.0 * kT * dt / gamma);
  const sigLM = Math.sqrt(kT * dt / (2.0 * gamma));
  const invDdt = gamma / (kT * dt);
  const driftStep = forceFunction(desc, dU, drift);
  const noiseX = method === EM ? scaledLayers(zig, sigEM) : null;
  const halfDtM = 0.5 * dt / mass;
  const cFull = Math.exp(-gamma * dt / mass);
  const cHalf = Math.exp(-0.5 * gamma * dt / mass);
  const sFull = Math.sqrt((1.0 - cFull * cFull) * kT / mass);
  const sHalf = Math.sqrt((1.0 - cHalf * cHalf) * kT / mass);
  const base = method === EM ? 0 : 4;
  const mult = method === OBABO ? 2 : 1;

  let running = 0;
  for (let j = 0; j < count; j++) {
    if (s.status[j] !== 0) continue;
    const w = (firstWalker + j) >>> 0;
    let n = s.steps[j]!;
    let xc = s.x[j]!;
    let a = s.aux[j]!;
    let fc = method >= BAOAB ? -force(xc) : 0;
    let st = 0;
    let nextRec = rec && recStride > 0 && j < recRows ? (Math.trunc(n / recStride) + 1) * recStride : NEVER;
    let nextMom = mom && momStride > 0 ? (Math.trunc(n / momStride) + 1) * momStride : NEVER;
    while (n < limit) {
      const k = base + mult * n;
      if (method <= LM) {
        let xn: number;
        if (method === EM) xn = xc - driftStep(xc) + scaledNormal(zig, xoshiroNext(s.rng, 4 * j), k, w, k0, k1, noiseX!, sigEM);
        else {
          const xi = stream.at(k, w);
          xn = xc - drift * force(xc) + sigLM * (a + xi);
          a = xi;
        }
        if (xn >= hi) st = 1;
        else if (xn <= lo) st = 2;
        else if (bridge) {
          const aHi = (hi - xc) * (hi - xn) * invDdt;
          const aLo = (xc - lo) * (xn - lo) * invDdt;
          if (aHi < 37.0 || aLo < 37.0) {
            philox4x32(n, 0, w, 1, k0, k1, u);
            if (aHi < 37.0 && uniform52(u[0]!, u[1]!) < Math.exp(-aHi)) st = 1;
            else if (aLo < 37.0 && uniform52(u[2]!, u[3]!) < Math.exp(-aLo)) st = 2;
          }
        }
        xc = xn;
      } else {
        if (method === BAOAB) {
          a += halfDtM * fc;
          xc += 0.5 * dt * a;
          a = cFull * a + sFull * stream.at(k, w);
          xc += 0.5 * dt * a;
          fc = -force(xc);
          a += halfDtM * fc;
        } else {
          a = cHalf * a + sHalf * stream.at(k, w);
          a += halfDtM * fc;
          xc += dt * a;
          fc = -force(xc);
          a += halfDtM * fc;
          a = cHalf * a + sHalf * stream.at(k + 1, w);
        }
        if (xc >= hi) st = 1;
        else if (xc <= lo) st = 2;
      }
      n++;
      if (st !== 0) break;
      if (n === nextRec) {
        const f = Math.trunc(n / recStride);
        if (f < recFrames) rec![j * recFrames + f] = xc;
        nextRec += recStride;
      }
      if (n === nextMom) {
        const f = Math.trunc(n / momStride);
        if (f < momFrames) addMoment(mom!, momFrames, f, xc);
        nextMom += momStride;
      }
    }
    if (st === 0) st = !Number.isFinite(xc) ? 4 : n >= maxSteps ? 3 : 0;
    s.x[j] = xc;
    s.aux[j] = a;
    s.steps[j] = n;
    s.status[j] = st;
    if (st === 0) running++;
  }
  return running;
}
