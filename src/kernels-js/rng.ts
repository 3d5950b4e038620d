/**
 * Pure-JS twin of `assembly/rng.ts`: Philox4x32-10, the Euler–Maruyama xoshiro128++ streams and
 * the 1024-layer ziggurat, same counter
 * layout, same bits, same arithmetic. Numbers agree with the WASM core bit for bit except, with
 * probability ~1e-16 per draw, in the rare slow paths that call `Math.log`/`Math.exp` (V8 and
 * AssemblyScript's libm may differ in the last ulp).
 * @packageDocumentation
 */

import { ZIGGURAT_LAYERS, ZIGGURAT_R } from "../langevin/ziggurat.js";

const M0 = 0xd2511f53;
const M1 = 0xcd9e8d57;
const W0 = 0x9e3779b9;
const W1 = 0xbb67ae85;
const ZIG_R = ZIGGURAT_R;
const N = ZIGGURAT_LAYERS;
const RATIOS = N + 1;
const DENSITIES = 2 * N + 1;

/** The abscissa u = (c + 1/2)·2^-21 − 1 ∈ (−1, 1) of a word's high 22 bits c (exact). */
function abscissa(word: number): number {
  return ((word >>> 10) + 0.5) * 4.76837158203125e-7 - 1.0;
}

/** High 32 bits of the 64-bit product of two u32 (exact, via 16-bit halves). */
function mulhi(a: number, b: number): number {
  const al = a & 0xffff, ah = a >>> 16, bl = b & 0xffff, bh = b >>> 16;
  const lolo = al * bl, lohi = al * bh, hilo = ah * bl;
  const mid = (lolo >>> 16) + (lohi & 0xffff) + (hilo & 0xffff);
  return (ah * bh + (lohi >>> 16) + (hilo >>> 16) + (mid >>> 16)) >>> 0;
}

/**
 * Philox4x32-10 of counter (c0..c3) under key (k0, k1), written to out[0..3] as u32.
 *
 * @example
 * ```ts
 * const out = new Uint32Array(4); philox4x32(0, 0, 0, 0, 0, 0, out); // 6627e8d5 e169c58d bc57ac4c 9b00dbd8
 * ```
 */
export function philox4x32(c0: number, c1: number, c2: number, c3: number, k0: number, k1: number, out: Uint32Array): void {
  c0 >>>= 0; c1 >>>= 0; c2 >>>= 0; c3 >>>= 0; k0 >>>= 0; k1 >>>= 0;
  for (let r = 0; r < 10; r++) {
    const hi0 = mulhi(M0, c0), lo0 = Math.imul(M0, c0) >>> 0;
    const hi1 = mulhi(M1, c2), lo1 = Math.imul(M1, c2) >>> 0;
    c0 = (hi1 ^ c1 ^ k0) >>> 0;
    c1 = lo1;
    c2 = (hi0 ^ c3 ^ k1) >>> 0;
    c3 = lo0;
    k0 = (k0 + W0) >>> 0;
    k1 = (k1 + W1) >>> 0;
  }
  out[0] = c0; out[1] = c1; out[2] = c2; out[3] = c3;
}

/** The xoshiro128++ state of walker w's Euler–Maruyama stream into out[at … at+3] (twin of xoshiroSeed). */
export function xoshiroSeed(w: number, k0: number, k1: number, out: Uint32Array, at: number): void {
  philox4x32(0, 0, w, 3, k0, k1, scratch);
  out.set(scratch, at);
  if ((scratch[0]! | scratch[1]! | scratch[2]! | scratch[3]!) === 0) out[at] = 1;
}

/** The next word of the xoshiro128++ stream whose state is s[at … at+3] (advanced in place). */
export function xoshiroNext(s: Uint32Array, at: number): number {
  const s0 = s[at]!, s1 = s[at + 1]!, s2 = s[at + 2]!, s3 = s[at + 3]!;
  const sum = (s0 + s3) >>> 0;
  const result = (((sum << 7) | (sum >>> 25)) + s0) >>> 0;
  const t = (s1 << 9) >>> 0;
  const n2 = (s2 ^ s0) >>> 0, n3 = (s3 ^ s1) >>> 0;
  const n1 = (s1 ^ n2) >>> 0, n0 = (s0 ^ n3) >>> 0;
  s[at] = n0;
  s[at + 1] = n1;
  s[at + 2] = (n2 ^ t) >>> 0;
  s[at + 3] = ((n3 << 11) | (n3 >>> 21)) >>> 0;
  return result;
}

/** Words first … first+n−1 of walker w's Euler–Maruyama stream (twin of the `rngXoshiro` export). */
export function rngXoshiro(seed: number, walker: number, first: number, n: number): Uint32Array {
  const [k0, k1] = seedWords(seed);
  const s = new Uint32Array(4);
  xoshiroSeed(walker, k0, k1, s, 0);
  const out = new Uint32Array(n);
  for (let k = 0; k < first + n; k++) {
    const word = xoshiroNext(s, 0);
    if (k >= first) out[k - first] = word;
  }
  return out;
}

/** A uniform in (0, 1) from two u32 words: (k + 1/2)·2^-52 with k = top 20 bits of a, all of b. */
export function uniform52(a: number, b: number): number {
  return ((a >>> 12) * 4294967296.0 + b + 0.5) * 2.220446049250313e-16;
}

const scratch = new Uint32Array(4);

function zigguratSlow(zig: Float64Array, word: number, k: number, w: number, k0: number, k1: number): number {
  let attempt = 0;
  for (;;) {
    const i = word & (N - 1);
    const u = abscissa(word);
    const xi = zig[i]!;
    if (Math.abs(u) < zig[RATIOS + i]!) return u * xi;
    if (i === 0) {
      for (;;) {
        attempt++;
        philox4x32(k, attempt, w, 2, k0, k1, scratch);
        const x = -Math.log(uniform52(scratch[0]!, scratch[1]!)) / ZIG_R;
        const y = -Math.log(uniform52(scratch[2]!, scratch[3]!));
        if (y + y > x * x) return u < 0 ? -(ZIG_R + x) : ZIG_R + x;
      }
    }
    // wedge: accept x with probability (f(x) − f(X[i])) / (f(X[i+1]) − f(X[i]))
    const x = u * xi;
    const fi = zig[DENSITIES + i]!, fn = zig[DENSITIES + i + 1]!;
    attempt++;
    philox4x32(k, attempt, w, 2, k0, k1, scratch);
    if (fi + uniform52(scratch[0]!, scratch[1]!) * (fn - fi) < Math.exp(-0.5 * x * x)) return x;
    word = scratch[2]!;
  }
}

/** A standard normal from one 32-bit ziggurat candidate (normal k of walker w; fallbacks from the counter). */
export function zigguratNormal(zig: Float64Array, word: number, k: number, w: number, k0: number, k1: number): number {
  const i = word & (N - 1);
  const u = abscissa(word);
  if (Math.abs(u) < zig[RATIOS + i]!) return u * zig[i]!;
  return zigguratSlow(zig, word, k, w, k0, k1);
}

/**
 * σ times the normal of candidate `word` (normal k of walker w for the fallbacks), as the
 * Euler–Maruyama kernels form it: u·(σ·X[i]) on the fast path (`scaled` from scaledLayers).
 */
export function scaledNormal(zig: Float64Array, word: number, k: number, w: number, k0: number, k1: number, scaled: Float64Array, sigma: number): number {
  const i = word & (N - 1);
  const u = abscissa(word);
  if (Math.abs(u) < zig[RATIOS + i]!) return u * scaled[i]!;
  return sigma * zigguratSlow(zig, word, k, w, k0, k1);
}

/** The layer edges scaled by σ (σ·X[i], i < N): the fast path of σ·ξ is one product (emNoiseTable in WASM). */
export function scaledLayers(zig: Float64Array, sigma: number): Float64Array {
  const out = new Float64Array(N);
  for (let i = 0; i < N; i++) out[i] = sigma * zig[i]!;
  return out;
}

/**
 * A walker's normal stream: normal k of walker w under seed words (k0, k1), caching one Philox
 * block (4 normals) at a time. Mirrors `normalAt` in assembly/rng.ts.
 */
export class NormalStream {
  private readonly words = new Uint32Array(4);
  private block = -1;
  private walker = -1;
  constructor(private readonly zig: Float64Array, private readonly k0: number, private readonly k1: number) {}
  /** The candidate word of normal k of walker w (one Philox block serves four). */
  private wordAt(k: number, w: number): number {
    const blk = k >>> 2;
    if (blk !== this.block || w !== this.walker) {
      philox4x32(blk, 0, w, 0, this.k0, this.k1, this.words);
      this.block = blk;
      this.walker = w;
    }
    return this.words[k & 3]!;
  }
  /** Normal number k (≥ 0) of walker w. */
  at(k: number, w: number): number {
    return zigguratNormal(this.zig, this.wordAt(k, w), k, w, this.k0, this.k1);
  }
}

/** The two seed words (low, high 32 bits) of an integer seed in [0, 2^53). */
export function seedWords(seed: number): [number, number] {
  return [seed % 4294967296 >>> 0, Math.floor(seed / 4294967296) >>> 0];
}

/** Normals first … first+n−1 of a walker (JS twin of the `rngNormals` export). */
export function rngNormals(zig: Float64Array, seed: number, walker: number, first: number, n: number): Float64Array {
  const [k0, k1] = seedWords(seed);
  const s = new NormalStream(zig, k0, k1);
  const out = new Float64Array(n);
  for (let j = 0; j < n; j++) out[j] = s.at(first + j, walker);
  return out;
}

/** Bridge uniforms of steps first … first+n−1: out[2j] upper, out[2j+1] lower (twin of `rngUniforms`). */
export function rngUniforms(seed: number, walker: number, first: number, n: number): Float64Array {
  const [k0, k1] = seedWords(seed);
  const out = new Float64Array(2 * n);
  const b = new Uint32Array(4);
  for (let j = 0; j < n; j++) {
    philox4x32(first + j, 0, walker, 1, k0, k1, b);
    out[2 * j] = uniform52(b[0]!, b[1]!);
    out[2 * j + 1] = uniform52(b[2]!, b[3]!);
  }
  return out;
}
