// Counter-based random numbers for ensembles of walkers: Philox4x32-10 (Salmon et al., SC'11,
// "Parallel random numbers: as easy as 1, 2, 3") turned into normal variates by a 1024-layer
// ziggurat (Marsaglia & Tsang 2000, in Doornik's 2005 ZIGNOR form with independent bits for the
// layer and the abscissa: the low 10 bits of a word pick the layer, the high 22 the abscissa).
//
// Every number is a pure function of (seed, walker, index), so a walker's noise does not depend on
// which thread runs it, on chunking, or on how many kernel calls its trajectory is split into.
// Counter layout (c0, c1, c2, c3), key (seedLo, seedHi):
//   normal k of walker w      block (k >> 2, 0, w, 0), word k & 3 → one ziggurat candidate
//   its rejection fallbacks    block (k, attempt ≥ 1, w, 2)        → two 52-bit uniforms
//   bridge uniforms, step n    block (n, 0, w, 1)                   → two 52-bit uniforms
//   Euler–Maruyama stream seed block (0, 0, w, 3)                   → a xoshiro128++ state
// Euler–Maruyama, the hot case, draws its candidates from a per-walker xoshiro128++ stream
// (Blackman & Vigna 2018) seeded by that block instead: word k of the stream is candidate k. Four
// walkers' streams run in the lanes of one i32x4 (adds, xors and shifts only), about a third of
// the cost of a Philox block per word; the stream is still a function of (seed, w) alone.
// The ziggurat tables are computed once in JS (src/langevin/ziggurat.ts) and passed in, so the
// WASM kernel and its JS twin use bit-identical tables. Layout of `zig` (f64, N = ZIG_LAYERS):
//   [0 .. N] layer edges X[0..N] (X[0] = V/f(R), X[1] = R, X[N] = 0), [N+1 .. 2N] X[i+1]/X[i],
//   [2N+1 .. 3N+1] f(X[i]) (wedge tests). The Euler–Maruyama kernel builds its own σ-scaled
//   (σX[i], X[i+1]/X[i]) pairs per run (emNoiseTable in langevin.ts).

const M0: u32 = 0xd2511f53;
const M1: u32 = 0xcd9e8d57;
const W0: u32 = 0x9e3779b9;
const W1: u32 = 0xbb67ae85;

/** Ziggurat tail start R for 1024 layers. */
export const ZIG_R: f64 = 4.038849846109504;
/** Layers of the ziggurat; a word's low ZIG_BITS bits pick one. */
export const ZIG_LAYERS: i32 = 1024;
export const ZIG_BITS: u32 = 10;
/** Offsets (in f64) of the ratio and density tables in `zig`. */
export const ZIG_RATIOS: usize = ZIG_LAYERS + 1;
export const ZIG_DENSITIES: usize = 2 * ZIG_LAYERS + 1;

/** The abscissa u = (c + 1/2)·2^-21 − 1 ∈ (−1, 1) of a word's high 22 bits c (exact). */
@inline export function zigAbscissa(word: u32): f64 {
  return (<f64>(word >>> ZIG_BITS) + 0.5) * 4.76837158203125e-7 - 1.0;
}

/** Scratch for slow paths (ziggurat fallbacks, bridge uniforms): 4 u32. */
export const philoxOut: usize = memory.data(16);

/** Philox4x32-10 of counter (c0..c3) under key (k0, k1); the 4 output words go to `out`. */
export function philox(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32, out: usize): void {
  for (let r = 0; r < 10; r++) {
    const p0 = <u64>M0 * <u64>c0;
    const p1 = <u64>M1 * <u64>c2;
    const hi0 = <u32>(p0 >> 32), lo0 = <u32>p0;
    const hi1 = <u32>(p1 >> 32), lo1 = <u32>p1;
    c0 = hi1 ^ c1 ^ k0;
    c1 = lo1;
    c2 = hi0 ^ c3 ^ k1;
    c3 = lo0;
    k0 += W0;
    k1 += W1;
  }
  store<u32>(out, c0);
  store<u32>(out, c1, 4);
  store<u32>(out, c2, 8);
  store<u32>(out, c3, 12);
}

/** The xoshiro128++ state of walker w's Euler–Maruyama stream: block (0, 0, w, 3) (never all zero). */
export function xoshiroSeed(w: u32, k0: u32, k1: u32, out: usize): void {
  philox(0, 0, w, 3, k0, k1, out);
  if ((load<u32>(out) | load<u32>(out, 4) | load<u32>(out, 8) | load<u32>(out, 12)) == 0) store<u32>(out, 1);
}

@inline function rotl4(v: v128, k: i32): v128 {
  return v128.or(i32x4.shl(v, k), i32x4.shr_u(v, 32 - k));
}

/**
 * The next `count` (≤ 4) words of the xoshiro128++ streams of four walkers at once: state rows s0 …
 * s3 at `state + r·stride` (i32x4 at offset o), words to `out + r·stride` for r < count.
 */
@inline export function xoshiro4(state: usize, stride: usize, o: usize, out: usize, count: i32): void {
  let s0 = v128.load(state + o), s1 = v128.load(state + stride + o);
  let s2 = v128.load(state + 2 * stride + o), s3 = v128.load(state + 3 * stride + o);
  for (let r = 0; r < count; r++) {
    v128.store(out + <usize>r * stride + o, i32x4.add(rotl4(i32x4.add(s0, s3), 7), s0));
    const t = i32x4.shl(s1, 9);
    s2 = v128.xor(s2, s0);
    s3 = v128.xor(s3, s1);
    s1 = v128.xor(s1, s2);
    s0 = v128.xor(s0, s3);
    s2 = v128.xor(s2, t);
    s3 = rotl4(s3, 11);
  }
  v128.store(state + o, s0);
  v128.store(state + stride + o, s1);
  v128.store(state + 2 * stride + o, s2);
  v128.store(state + 3 * stride + o, s3);
}

/** Words first … first+n−1 of walker w's Euler–Maruyama stream (test export; first counts from 0). */
export function rngXoshiro(seedLo: u32, seedHi: u32, walker: u32, first: u32, n: i32, out: usize): void {
  // one walker in lane 0 of a four-lane state (rows 16 bytes apart)
  const st = xoshiroScratch, wd = xoshiroScratch + 64;
  memory.fill(st, 0, 128);
  xoshiroSeed(walker, seedLo, seedHi, philoxOut);
  for (let r: usize = 0; r < 4; r++) store<u32>(st + (r << 4), load<u32>(philoxOut + (r << 2)));
  for (let k: u32 = 0; k < first + <u32>n; k++) {
    xoshiro4(st, 16, 0, wd, 1);
    if (k >= first) store<u32>(out + (<usize>(k - first) << 2), load<u32>(wd));
  }
}
const xoshiroScratch: usize = memory.data(128, 16);

/** A uniform in (0, 1) from two words: (k + 1/2)·2^-52 with k the top 20 bits of a and all 32 of b. */
@inline export function uniform52(a: u32, b: u32): f64 {
  return (<f64>(a >>> 12) * 4294967296.0 + <f64>b + 0.5) * 2.220446049250313e-16;
}

/** Slow path of the ziggurat: wedges and the tail, fed by fallback blocks (k, attempt, w, 2). */
function zigguratSlow(zig: usize, word: u32, k: u32, w: u32, k0: u32, k1: u32): f64 {
  let attempt: u32 = 0;
  while (true) {
    const i = <usize>(word & (ZIG_LAYERS - 1));
    const u = zigAbscissa(word);
    const xi = load<f64>(zig + (i << 3));
    if (Math.abs(u) < load<f64>(zig + ((ZIG_RATIOS + i) << 3))) return u * xi;
    if (i == 0) {
      // Marsaglia's tail method beyond R
      while (true) {
        attempt++;
        philox(k, attempt, w, 2, k0, k1, philoxOut);
        const x = -Math.log(uniform52(load<u32>(philoxOut), load<u32>(philoxOut, 4))) / ZIG_R;
        const y = -Math.log(uniform52(load<u32>(philoxOut, 8), load<u32>(philoxOut, 12)));
        if (y + y > x * x) return u < 0.0 ? -(ZIG_R + x) : ZIG_R + x;
      }
    }
    // wedge: accept x with probability (f(x) − f(X[i])) / (f(X[i+1]) − f(X[i]))
    const x = u * xi;
    const fi = load<f64>(zig + ((ZIG_DENSITIES + i) << 3));
    const fn = load<f64>(zig + ((ZIG_DENSITIES + i + 1) << 3));
    attempt++;
    philox(k, attempt, w, 2, k0, k1, philoxOut);
    if (fi + uniform52(load<u32>(philoxOut), load<u32>(philoxOut, 4)) * (fn - fi) < Math.exp(-0.5 * x * x)) return x;
    word = load<u32>(philoxOut, 8);
  }
  return 0.0;
}

/** A standard normal from one 32-bit candidate word (fast path inline; rare rejections go slow). */
@inline export function zigguratNormal(zig: usize, word: u32, k: u32, w: u32, k0: u32, k1: u32): f64 {
  const i = <usize>(word & (ZIG_LAYERS - 1));
  const u = zigAbscissa(word);
  if (Math.abs(u) < load<f64>(zig + ((ZIG_RATIOS + i) << 3))) return u * load<f64>(zig + (i << 3));
  return zigguratSlow(zig, word, k, w, k0, k1);
}

/** Where the normal-stream cache keeps its current block (4 u32) and its block index. */
const streamWords: usize = memory.data(16);
let streamBlock: u32 = 0xffffffff;
let streamWalker: u32 = 0xffffffff;

/** Forget the cached block (call when the seed changes). */
export function resetNormalCache(): void {
  streamBlock = 0xffffffff;
  streamWalker = 0xffffffff;
}

/** Normal number k of walker w's stream (cached per block of 4). */
@inline export function normalAt(zig: usize, k: u32, w: u32, k0: u32, k1: u32): f64 {
  const blk = k >>> 2;
  if (blk != streamBlock || w != streamWalker) {
    philox(blk, 0, w, 0, k0, k1, streamWords);
    streamBlock = blk;
    streamWalker = w;
  }
  const word = load<u32>(streamWords + ((<usize>(k & 3)) << 2));
  return zigguratNormal(zig, word, k, w, k0, k1);
}

/**
 * Fill `out` (n f64) with normals k0 … k0+n−1 of walker `walker` (test/diagnostic export).
 * Seed words: (seedLo, seedHi).
 */
export function rngNormals(zig: usize, seedLo: u32, seedHi: u32, walker: u32, first: u32, n: i32, out: usize): void {
  resetNormalCache();
  for (let j = 0; j < n; j++) {
    store<f64>(out + (<usize>j << 3), normalAt(zig, first + <u32>j, walker, seedLo, seedHi));
  }
  resetNormalCache();
}

/** Philox4x32-10 of one counter (test export); writes 4 u32 to `out`. */
export function rngPhilox(c0: u32, c1: u32, c2: u32, c3: u32, k0: u32, k1: u32, out: usize): void {
  philox(c0, c1, c2, c3, k0, k1, out);
}

/** Bridge uniforms of steps first … first+n−1 of a walker: out[2j] (upper), out[2j+1] (lower) (test export). */
export function rngUniforms(seedLo: u32, seedHi: u32, walker: u32, first: u32, n: i32, out: usize): void {
  for (let j = 0; j < n; j++) {
    philox(first + <u32>j, 0, walker, 1, seedLo, seedHi, philoxOut);
    store<f64>(out + (<usize>j << 4), uniform52(load<u32>(philoxOut), load<u32>(philoxOut, 4)));
    store<f64>(out + (<usize>j << 4) + 8, uniform52(load<u32>(philoxOut, 8), load<u32>(philoxOut, 12)));
  }
}
