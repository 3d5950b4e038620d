// Langevin ensembles with first-passage detection. Conventions (SCIENCE.md):
//   overdamped   γ dx = −U′ dt + √(2γkT) dW            (D = kT/γ)
//   underdamped  dx = v dt,  m dv = −U′ dt − γ v dt + √(2γkT) dW   (friction rate γ/m)
//
// State is structure-of-arrays for a chunk of `count` walkers: x[dim][count], aux[dim][count]
// (underdamped: the velocity; Leimkuhler–Matthews: the last noise ξ_n), rng[count][4] (u32:
// Euler–Maruyama's xoshiro128++ state, advanced four words at a time, so an Euler–Maruyama run is
// split into calls only at step counts divisible by 4), steps[count] (i32, steps
// taken), status[count] (i32: 0 running, 1 absorbed at the upper boundary, 2 at the lower,
// 3 censored at maxSteps, 4 diverged: x not finite at the end of a call). Only dim = 1 is implemented; the layout and the `dim` slot are there so
// N-D needs no new buffers.
//
// The walkers of a chunk advance in lockstep (all running walkers share the step count), so the
// inner loop runs over independent walkers (no loop-carried dependency: the CPU overlaps them) and
// the Philox blocks of four walkers are computed at once with SIMD (i64x2.extmul). Noise is indexed
// per walker (see assembly/rng.ts): normal k of global walker w. Which k a step uses:
//   Euler–Maruyama     step n → word n of the walker's xoshiro128++ stream (ziggurat fallbacks: k = n)
//   Leimkuhler–Matthews ξ_j = normal j + 3 (ξ_0 at start); step n draws ξ_{n+1} = normal n + 4
//   BAOAB              v_0 from normal 0; step n → k = n + 4
//   OBABO              v_0 from normal 0; step n → k = 2n + 4, 2n + 5
// so a trajectory depends only on (seed, global walker index): not on chunking, threads or how
// many calls it is split into. The JS twin (src/kernels-js/langevin.ts) follows walker by walker
// and gets the same numbers.
//
// Parameter block `params` (f64):
//   [0] dim (1)           [1] integrator: 0 Euler–Maruyama, 1 Leimkuhler–Matthews, 2 BAOAB, 3 OBABO
//   [2] dt                [3] kT       [4] gamma     [5] mass
//   [6] lower boundary (−∞ if none)    [7] upper boundary (+∞ if none)
//   [8] Brownian-bridge correction (0/1, overdamped only)
//   [9] seed low word     [10] seed high word
//   [11] maxSteps (censoring: tmax/dt)  [12] start x
//   [13] record stride (steps; 0 = off)  [14] recorded rows in this chunk  [15] record frames
//   [16] moment stride (steps; 0 = off)  [17] moment frames
// Recording buffer `rec` (f64): rec[j·frames + f] = x of chunk walker j at step f·stride, for
// j < params[14] (frames after absorption are left untouched). Moments buffer `mom` (f64,
// 3·frames): count, Σx, Σx² over running walkers at step f·stride, added in walker order.
// Workspace `work`: langevinWorkBytes(count) bytes, 16-byte aligned.
import { potentialDU } from "./potential";
import { normalAt, philox, philoxOut, resetNormalCache, uniform52, xoshiro4, xoshiroSeed, ZIG_BITS, ZIG_LAYERS, ZIG_RATIOS, zigAbscissa, zigguratNormal } from "./rng";

const EM: i32 = 0;
const LM: i32 = 1;
const BAOAB: i32 = 2;
const OBABO: i32 = 3;

const NEVER: i32 = 0x7fffffff;

@inline function param(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

/** Walkers rounded up to a multiple of 8 (two groups of four SIMD lanes per iteration). */
@inline function padded(count: i32): i32 {
  return (count + 7) & ~7;
}

/** Bytes of workspace langevinRun needs for `count` walkers. */
export function langevinWorkBytes(count: i32): i32 {
  const m = padded(count);
  // idx (i32), dead (i32), x, aux, force (f64), four rows of random words and four rows of
  // xoshiro state (u32); the scaled ziggurat pairs of the Euler–Maruyama noise (emNoiseTable)
  return m * (4 + 4 + 8 + 8 + 8 + 16 + 16) + ZIG_LAYERS * 16;
}

/**
 * The Euler–Maruyama noise table: pairs (σ·X[i], X[i+1]/X[i]) at `out`, so that the noise σ·ξ of
 * an accepted ziggurat candidate is one product u·(σ·X[i]).
 */
function emNoiseTable(zig: usize, sigma: f64, out: usize): void {
  for (let i: usize = 0; i < <usize>ZIG_LAYERS; i++) {
    store<f64>(out + (i << 4), sigma * load<f64>(zig + (i << 3)));
    store<f64>(out + (i << 4) + 8, load<f64>(zig + ((ZIG_RATIOS + i) << 3)));
  }
}

/**
 * The noise σ·ξ of one Euler–Maruyama step from candidate word `word` (normal k of walker w):
 * u·(σ·X[i]) on the fast path, σ times the slow-path normal otherwise. `noise` is emNoiseTable's.
 */
@inline function emNoise(zig: usize, noise: usize, sigma: f64, word: u32, k: u32, w: u32, k0: u32, k1: u32): f64 {
  const i = <usize>(word & (ZIG_LAYERS - 1));
  const u = zigAbscissa(word);
  if (Math.abs(u) < load<f64>(noise + (i << 4) + 8)) return u * load<f64>(noise + (i << 4));
  return sigma * zigguratNormal(zig, word, k, w, k0, k1);
}

// Force evaluation: polynomial potentials (descriptor kind 0) of degree ≤ 4 take a cubic Horner
// fast path whose coefficients are read once per call; everything else calls potentialDU.
let fastCubic: bool = false;
let d0: f64 = 0, d1: f64 = 0, d2: f64 = 0, d3: f64 = 0;

function prepareForce(desc: usize): void {
  fastCubic = false;
  if (<i32>load<f64>(desc) != 0) return;
  const n = <i32>load<f64>(desc, 8);
  if (n > 5) return;
  const c = desc + 16;
  d0 = n > 1 ? load<f64>(c, 8) : 0.0;
  d1 = n > 2 ? 2.0 * load<f64>(c, 16) : 0.0;
  d2 = n > 3 ? 3.0 * load<f64>(c, 24) : 0.0;
  d3 = n > 4 ? 4.0 * load<f64>(c, 32) : 0.0;
  fastCubic = true;
}

/** Add x to the moments of frame f. */
@inline function addMoment(mom: usize, frames: i32, f: i32, x: f64): void {
  const p = mom + (<usize>f << 3);
  const fb = <usize>frames << 3;
  store<f64>(p, load<f64>(p) + 1.0);
  store<f64>(p + fb, load<f64>(p + fb) + x);
  store<f64>(p + 2 * fb, load<f64>(p + 2 * fb) + x * x);
}

/** 2^-21, 2^-22 − 1 (f64x2 each): see emPair. */
const loopConstants = memory.data<f64>([4.76837158203125e-7, 4.76837158203125e-7, -0.9999997615814209, -0.9999997615814209], 16);

/** Round keys of Philox (k0 + r·W0, k1 + r·W1 splatted), rebuilt per call: 20 v128. */
const roundKeys = memory.data(20 * 16, 16);

/** Fill `roundKeys` for the key (k0, k1). */
function philoxRoundKeys(k0: u32, k1: u32): void {
  let ka = k0, kb = k1;
  for (let r = 0; r < 10; r++) {
    v128.store(roundKeys + (<usize>r << 5), i32x4.splat(<i32>ka));
    v128.store(roundKeys + (<usize>r << 5) + 16, i32x4.splat(<i32>kb));
    ka += 0x9e3779b9;
    kb += 0xbb67ae85;
  }
}

/**
 * Philox4x32-10 blocks (blk, 0, firstWalker + idx[i], 0) for i < m (m a multiple of 8), eight
 * walkers (two independent SIMD groups, for instruction-level parallelism) per pass; word r of
 * walker i goes to words + r·rowBytes + 4i.
 */
function philoxRows(blk: u32, idx: usize, m: i32, firstWalker: u32, k0: u32, k1: u32, words: usize, rowBytes: usize): void {
  const M0v = i32x4.splat(<i32>0xd2511f53);
  const M1v = i32x4.splat(<i32>0xcd9e8d57);
  const cBlk = i32x4.splat(<i32>blk);
  const vFirst = i32x4.splat(<i32>firstWalker);
  const zero = i32x4.splat(0);
  philoxRoundKeys(k0, k1);
  for (let i = 0; i < m; i += 8) {
    const o = <usize>i << 2;
    let a0 = cBlk, a1 = zero, a2 = i32x4.add(v128.load(idx + o), vFirst), a3 = zero;
    let b0 = cBlk, b1 = zero, b2 = i32x4.add(v128.load(idx + o + 16), vFirst), b3 = zero;
    for (let r = 0; r < 10; r++) {
      const kA = v128.load(roundKeys + (<usize>r << 5));
      const kB = v128.load(roundKeys + (<usize>r << 5) + 16);
      const pa = i64x2.extmul_low_i32x4_u(a0, M0v);
      const pb = i64x2.extmul_high_i32x4_u(a0, M0v);
      const qa = i64x2.extmul_low_i32x4_u(a2, M1v);
      const qb = i64x2.extmul_high_i32x4_u(a2, M1v);
      const ra = i64x2.extmul_low_i32x4_u(b0, M0v);
      const rb = i64x2.extmul_high_i32x4_u(b0, M0v);
      const sa = i64x2.extmul_low_i32x4_u(b2, M1v);
      const sb = i64x2.extmul_high_i32x4_u(b2, M1v);
      a0 = v128.xor(v128.xor(i32x4.shuffle(qa, qb, 1, 3, 5, 7), a1), kA);
      a1 = i32x4.shuffle(qa, qb, 0, 2, 4, 6);
      a2 = v128.xor(v128.xor(i32x4.shuffle(pa, pb, 1, 3, 5, 7), a3), kB);
      a3 = i32x4.shuffle(pa, pb, 0, 2, 4, 6);
      b0 = v128.xor(v128.xor(i32x4.shuffle(sa, sb, 1, 3, 5, 7), b1), kA);
      b1 = i32x4.shuffle(sa, sb, 0, 2, 4, 6);
      b2 = v128.xor(v128.xor(i32x4.shuffle(ra, rb, 1, 3, 5, 7), b3), kB);
      b3 = i32x4.shuffle(ra, rb, 0, 2, 4, 6);
    }
    v128.store(words + o, a0);
    v128.store(words + rowBytes + o, a1);
    v128.store(words + 2 * rowBytes + o, a2);
    v128.store(words + 3 * rowBytes + o, a3);
    v128.store(words + o + 16, b0);
    v128.store(words + rowBytes + o + 16, b1);
    v128.store(words + 2 * rowBytes + o + 16, b2);
    v128.store(words + 3 * rowBytes + o + 16, b3);
  }
}

/** The next four words of every lane's xoshiro128++ stream (state rows `xs`) into the word rows. */
function xoshiroRows(xs: usize, m: i32, words: usize, rowBytes: usize): void {
  for (let i = 0; i < m; i += 4) xoshiro4(xs, rowBytes, <usize>i << 2, words, 4);
}

/** Fill lanes m … padded(m)−1: a valid walker index (for Philox), dead, zero state. */
function padLanes(idx: usize, dead: usize, xa: usize, aa: usize, fa: usize, m: i32): void {
  const last = load<i32>(idx + (<usize>(m - 1) << 2));
  for (let i = m; i < padded(m); i++) {
    const o = <usize>i;
    store<i32>(idx + (o << 2), last);
    store<i32>(dead + (o << 2), 1);
    store<f64>(xa + (o << 3), NaN);
    store<f64>(aa + (o << 3), 0.0);
    store<f64>(fa + (o << 3), 0.0);
  }
}

/**
 * One Euler–Maruyama step of the two walkers at o (f64x2) from their ziggurat candidates: u (the
 * abscissas), pa/pb (their emNoiseTable pairs (σ·X[i], X[i+1]/X[i])) and w0/w1 (the words, for the
 * scalar fallbacks); x_{n+1} = (x_n − Δ(x_n)) + σξ with the drift-scaled cubic force Δ (vD0..vD3 =
 * dt/γ times the force coefficients).
 */
@inline function emStepPair(o: usize, xc: v128, u: v128, pa: v128, pb: v128, w0: u32, w1: u32, zig: usize, noise: usize, sigma: f64, idx: usize, firstWalker: u32, k: u32, k0: u32, k1: u32, oddCubic: bool, vD0: v128, vD1: v128, vD2: v128, vD3: v128): v128 {
  let nz = f64x2.mul(u, i64x2.shuffle(pa, pb, 0, 2));
  if (v128.any_true(f64x2.ge(f64x2.abs(u), i64x2.shuffle(pa, pb, 1, 3)))) {
    const wa = firstWalker + <u32>load<i32>(idx + (o << 2));
    const wb = firstWalker + <u32>load<i32>(idx + (o << 2) + 4);
    nz = f64x2.replace_lane(f64x2.replace_lane(nz, 0, emNoise(zig, noise, sigma, w0, k, wa, k0, k1)), 1, emNoise(zig, noise, sigma, w1, k, wb, k0, k1));
  }
  const d = oddCubic
    ? f64x2.mul(f64x2.add(f64x2.mul(f64x2.mul(vD3, xc), xc), vD1), xc)
    : f64x2.add(f64x2.mul(f64x2.add(f64x2.mul(f64x2.add(f64x2.mul(vD3, xc), vD2), xc), vD1), xc), vD0);
  return f64x2.add(f64x2.sub(xc, d), nz);
}

/**
 * One Euler–Maruyama step of the two walkers at o whose candidate words are in the Philox row
 * `row` (see emStepPair). The abscissa u = (c + 1/2)·2^-21 − 1 of c = word >>> 10 (zigAbscissa) is
 * computed as c·2^-21 + (2^-22 − 1): every operation is exact (c < 2^22, u a multiple of 2^-22 in
 * (−1, 1)), so the bits equal the scalar form of the JS twin.
 */
@inline function emPair(o: usize, xc: v128, row: usize, zig: usize, noise: usize, sigma: f64, idx: usize, firstWalker: u32, k: u32, k0: u32, k1: u32, oddCubic: bool, vD0: v128, vD1: v128, vD2: v128, vD3: v128, vScale: v128, vOffset: v128): v128 {
  const w0 = load<u32>(row + (o << 2)), w1 = load<u32>(row + (o << 2) + 4);
  // (word >>> 10) < 2^22, so the signed conversion (one cvtdq2pd) is exact
  const u = f64x2.add(f64x2.mul(f64x2.convert_low_i32x4_s(i32x4.shr_u(v128.load64_zero(row + (o << 2)), ZIG_BITS)), vScale), vOffset);
  const pa = v128.load(noise + (<usize>(w0 & (ZIG_LAYERS - 1)) << 4)), pb = v128.load(noise + (<usize>(w1 & (ZIG_LAYERS - 1)) << 4));
  return emStepPair(o, xc, u, pa, pb, w0, w1, zig, noise, sigma, idx, firstWalker, k, k0, k1, oddCubic, vD0, vD1, vD2, vD3);
}

/**
 * Lanes of a step xc → xn that need the scalar event code: a boundary reached, or (bridge) a step
 * ending within reach of one. With the bridge test on a finite boundary b, (b − x_n)(b − x_{n+1})
 * < reach also catches x_{n+1} beyond b: a running walker has b − x_n > 0, so the product is ≤ 0
 * (or −∞; NaN only if x_{n+1} is NaN, which the plain comparison would not flag either).
 */
@inline function pairEvents(xc: v128, xn: v128, bridgeHi: bool, hasLo: bool, bridgeLo: bool, vHi: v128, vLo: v128, vReach: v128): v128 {
  let event = bridgeHi ? f64x2.lt(f64x2.mul(f64x2.sub(vHi, xc), f64x2.sub(vHi, xn)), vReach) : f64x2.ge(xn, vHi);
  if (hasLo) event = v128.or(event, bridgeLo ? f64x2.lt(f64x2.mul(f64x2.sub(xc, vLo), f64x2.sub(xn, vLo)), vReach) : f64x2.le(xn, vLo));
  return event;
}

/**
 * The rare events of the pair at o, lane by lane in scalar code with the same IEEE operations as
 * the JS twin: boundary hits and the Brownian-bridge test. Absorbed walkers are written out and
 * parked at NaN (no comparison with NaN is true, so they never raise events again). Returns how
 * many were absorbed.
 */
function emEvents(o: usize, xc: v128, xn: v128, hi: f64, lo: f64, bridge: bool, invDdt: f64, n: i32, firstWalker: u32, idx: usize, dead: usize, xa: usize, x: usize, steps: usize, status: usize, k0: u32, k1: u32): i32 {
  let absorbed = 0;
  for (let lane = 0; lane < 2; lane++) {
    const q = o + <usize>lane;
    if (load<i32>(dead + (q << 2)) != 0) continue;
    const xs = lane == 0 ? f64x2.extract_lane(xc, 0) : f64x2.extract_lane(xc, 1);
    const xe = lane == 0 ? f64x2.extract_lane(xn, 0) : f64x2.extract_lane(xn, 1);
    let st = 0;
    if (xe >= hi) st = 1;
    else if (xe <= lo) st = 2;
    else if (bridge) {
      const aHi = (hi - xs) * (hi - xe) * invDdt;
      const aLo = (xs - lo) * (xe - lo) * invDdt;
      if (aHi < 37.0 || aLo < 37.0) {
        philox(<u32>n, 0, firstWalker + <u32>load<i32>(idx + (q << 2)), 1, k0, k1, philoxOut);
        if (aHi < 37.0 && uniform52(load<u32>(philoxOut), load<u32>(philoxOut, 4)) < Math.exp(-aHi)) st = 1;
        else if (aLo < 37.0 && uniform52(load<u32>(philoxOut, 8), load<u32>(philoxOut, 12)) < Math.exp(-aLo)) st = 2;
      }
    }
    if (st != 0) {
      const j = <usize>load<i32>(idx + (q << 2));
      store<i32>(dead + (q << 2), 1);
      store<f64>(xa + (q << 3), NaN);
      store<f64>(x + (j << 3), xe);
      store<i32>(steps + (j << 2), n + 1);
      store<i32>(status + (j << 2), st);
      absorbed++;
    }
  }
  return absorbed;
}

/**
 * One Euler–Maruyama step (number n, normal k) with the cubic force for the m running walkers,
 * four per iteration in two f64x2; the noise words are in the Philox row `row`. Absorbed (dead)
 * and padding lanes are computed too, parked at NaN (never an event, results never used), so the
 * common path has no per-walker branch; the rare events (ziggurat rejections, boundary hits,
 * steps near a boundary for the bridge test) go lane by lane in scalar code with the same IEEE
 * operations, so results equal the JS twin bit for bit. A function of its own so that everything
 * loop-invariant arrives as a parameter: TurboFan would otherwise schedule pure invariant
 * arithmetic (even divisions) inside the loop. Returns how many walkers were absorbed.
 */
@inline function emSweep(m: i32, n: i32, k: u32, row: usize, xa: usize, idx: usize, dead: usize, x: usize, steps: usize, status: usize, zig: usize, noise: usize, sigma: f64, firstWalker: u32, k0: u32, k1: u32, hi: f64, lo: f64, invDdt: f64, oddCubic: bool, bridge: bool, hasLo: bool, bridgeHi: bool, bridgeLo: bool, vD0: v128, vD1: v128, vD2: v128, vD3: v128, vHi: v128, vLo: v128, vReach: v128, vScale: v128, vOffset: v128): i32 {
  let absorbed = 0;
  for (let i = 0; i < m; i += 4) {
    const o = <usize>i;
    const xc = v128.load(xa + (o << 3));
    const xcB = v128.load(xa + (o << 3) + 16);
    const xn = emPair(o, xc, row, zig, noise, sigma, idx, firstWalker, k, k0, k1, oddCubic, vD0, vD1, vD2, vD3, vScale, vOffset);
    const xnB = emPair(o + 2, xcB, row, zig, noise, sigma, idx, firstWalker, k, k0, k1, oddCubic, vD0, vD1, vD2, vD3, vScale, vOffset);
    v128.store(xa + (o << 3), xn);
    v128.store(xa + (o << 3) + 16, xnB);
    const event = pairEvents(xc, xn, bridgeHi, hasLo, bridgeLo, vHi, vLo, vReach);
    const eventB = pairEvents(xcB, xnB, bridgeHi, hasLo, bridgeLo, vHi, vLo, vReach);
    if (v128.any_true(v128.or(event, eventB))) {
      if (v128.any_true(event)) absorbed += emEvents(o, xc, xn, hi, lo, bridge, invDdt, n, firstWalker, idx, dead, xa, x, steps, status, k0, k1);
      if (v128.any_true(eventB)) absorbed += emEvents(o + 2, xcB, xnB, hi, lo, bridge, invDdt, n, firstWalker, idx, dead, xa, x, steps, status, k0, k1);
    }
  }
  return absorbed;
}

/**
 * emSweep specialised (flags constant, so their dead branches and loop invariants drop out and
 * fewer vector values compete for registers): the symmetric-quartic force (U′ = e₃x³ + e₁x) with
 * an upper boundary only, with and without the bridge test — and the general case.
 */
function emSweepOddUpper(m: i32, n: i32, k: u32, row: usize, xa: usize, idx: usize, dead: usize, x: usize, steps: usize, status: usize, zig: usize, noise: usize, sigma: f64, firstWalker: u32, k0: u32, k1: u32, hi: f64, invDdt: f64, bridge: bool, vD1: v128, vD3: v128, vHi: v128, vReach: v128, vScale: v128, vOffset: v128): i32 {
  return bridge
    ? emSweep(m, n, k, row, xa, idx, dead, x, steps, status, zig, noise, sigma, firstWalker, k0, k1, hi, NaN, invDdt, true, true, false, true, false, vD1, vD1, vD3, vD3, vHi, vHi, vReach, vScale, vOffset)
    : emSweep(m, n, k, row, xa, idx, dead, x, steps, status, zig, noise, sigma, firstWalker, k0, k1, hi, NaN, invDdt, true, false, false, false, false, vD1, vD1, vD3, vD3, vHi, vHi, vReach, vScale, vOffset);
}
function emSweepGeneral(m: i32, n: i32, k: u32, row: usize, xa: usize, idx: usize, dead: usize, x: usize, steps: usize, status: usize, zig: usize, noise: usize, sigma: f64, firstWalker: u32, k0: u32, k1: u32, hi: f64, lo: f64, invDdt: f64, oddCubic: bool, bridge: bool, hasLo: bool, bridgeHi: bool, bridgeLo: bool, vD0: v128, vD1: v128, vD2: v128, vD3: v128, vHi: v128, vLo: v128, vReach: v128, vScale: v128, vOffset: v128): i32 {
  return emSweep(m, n, k, row, xa, idx, dead, x, steps, status, zig, noise, sigma, firstWalker, k0, k1, hi, lo, invDdt, oddCubic, bridge, hasLo, bridgeHi, bridgeLo, vD0, vD1, vD2, vD3, vHi, vLo, vReach, vScale, vOffset);
}

/**
 * Start `count` walkers (chunk walker j is global walker firstWalker + j): x = start, steps = 0,
 * status = 0; underdamped walkers get Maxwellian velocities √(kT/m)·ξ (ξ = normal 0 of their
 * stream), Leimkuhler–Matthews walkers their first noise ξ_0 (normal 3), Euler–Maruyama walkers
 * their xoshiro128++ state. Records frame 0 and adds
 * frame 0 to the moments.
 */
export function langevinInit(params: usize, zig: usize, x: usize, aux: usize, rng: usize, steps: usize, status: usize, count: i32, firstWalker: u32, rec: usize, mom: usize): void {
  const method = <i32>param(params, 1);
  const kT = param(params, 3), mass = param(params, 5);
  const k0 = <u32>param(params, 9), k1 = <u32>param(params, 10);
  const x0 = param(params, 12);
  const recRows = <i32>param(params, 14), recFrames = <i32>param(params, 15);
  const momStride = <i32>param(params, 16), momFrames = <i32>param(params, 17);
  const sv = Math.sqrt(kT / mass);
  resetNormalCache();
  for (let j = 0; j < count; j++) {
    const o = <usize>j;
    const w = firstWalker + <u32>j;
    store<f64>(x + (o << 3), x0);
    store<i32>(steps + (o << 2), 0);
    store<i32>(status + (o << 2), 0);
    let a: f64 = 0.0;
    if (method >= BAOAB) a = sv * normalAt(zig, 0, w, k0, k1);
    else if (method == LM) a = normalAt(zig, 3, w, k0, k1);
    store<f64>(aux + (o << 3), a);
    if (method == EM) xoshiroSeed(w, k0, k1, rng + (o << 4));
    if (j < recRows && recFrames > 0) store<f64>(rec + ((<usize>j * <usize>recFrames) << 3), x0);
    if (momStride > 0 && momFrames > 0) addMoment(mom, momFrames, 0, x0);
  }
  resetNormalCache();
}

/**
 * Advance the running walkers of the chunk in lockstep until each is absorbed, censored
 * (steps = maxSteps) or the chunk has taken `stepLimit` steps. Returns how many are still running.
 */
export function langevinRun(params: usize, zig: usize, desc: usize, x: usize, aux: usize, rng: usize, steps: usize, status: usize, count: i32, firstWalker: u32, stepLimit: i32, rec: usize, mom: usize, work: usize): i32 {
  const method = <i32>param(params, 1);
  const dt = param(params, 2), kT = param(params, 3), gamma = param(params, 4), mass = param(params, 5);
  // An absent boundary (±∞) becomes NaN: every comparison with it is false, so a walker that runs
  // off to ±∞ on an open side is not "absorbed" there but ends the call as diverged (status 4)
  const lo = param(params, 6) > -Infinity ? param(params, 6) : NaN;
  const hi = param(params, 7) < Infinity ? param(params, 7) : NaN;
  const bridge = param(params, 8) != 0.0 && method <= LM;
  const k0 = <u32>param(params, 9), k1 = <u32>param(params, 10);
  const maxSteps = <i32>param(params, 11);
  const recStride = <i32>param(params, 13), recRows = <i32>param(params, 14), recFrames = <i32>param(params, 15);
  const momStride = <i32>param(params, 16), momFrames = <i32>param(params, 17);
  const limit = stepLimit < maxSteps ? stepLimit : maxSteps;
  prepareForce(desc);
  const cubic = fastCubic;
  const e0 = d0, e1 = d1, e2 = d2, e3 = d3;

  // workspace
  const mp = padded(count);
  const idx = work;
  const dead = idx + (<usize>mp << 2);
  const xa = dead + (<usize>mp << 2);
  const aa = xa + (<usize>mp << 3);
  const fa = aa + (<usize>mp << 3);
  const words = fa + (<usize>mp << 3);
  const xs = words + (<usize>mp << 4);
  const noise = xs + (<usize>mp << 4);
  const rowBytes = <usize>mp << 2;

  // gather the running walkers (in chunk order)
  let m = 0;
  let n = 0;
  for (let j = 0; j < count; j++) {
    if (load<i32>(status + (<usize>j << 2)) != 0) continue;
    if (m == 0) n = load<i32>(steps + (<usize>j << 2));
    const o = <usize>m;
    store<i32>(idx + (o << 2), j);
    store<i32>(dead + (o << 2), 0);
    store<f64>(xa + (o << 3), load<f64>(x + (<usize>j << 3)));
    store<f64>(aa + (o << 3), load<f64>(aux + (<usize>j << 3)));
    if (method == EM) for (let r: usize = 0; r < 4; r++) store<u32>(xs + r * rowBytes + (o << 2), load<u32>(rng + (<usize>j << 4) + (r << 2)));
    m++;
  }
  if (m == 0) return 0;
  padLanes(idx, dead, xa, aa, fa, m);

  // overdamped coefficients
  const drift = dt / gamma;
  const sigEM = Math.sqrt(2.0 * kT * dt / gamma);
  const sigLM = Math.sqrt(kT * dt / (2.0 * gamma));
  const invDdt = gamma / (kT * dt); // bridge: P(cross) = exp(−(b−x_n)(b−x_{n+1})/(D dt))
  // underdamped coefficients
  const halfDtM = 0.5 * dt / mass;
  const cFull = Math.exp(-gamma * dt / mass);
  const cHalf = Math.exp(-0.5 * gamma * dt / mass);
  const sFull = Math.sqrt((1.0 - cFull * cFull) * kT / mass);
  const sHalf = Math.sqrt((1.0 - cHalf * cHalf) * kT / mass);
  const base: i32 = method == EM ? 0 : 4;
  const mult: i32 = method == OBABO ? 2 : 1;

  if (method >= BAOAB) {
    for (let i = 0; i < m; i++) {
      const xi = load<f64>(xa + (<usize>i << 3));
      store<f64>(fa + (<usize>i << 3), -(cubic ? ((e3 * xi + e2) * xi + e1) * xi + e0 : potentialDU(desc, xi)));
    }
  }

  let nextRec: i32 = recStride > 0 && recRows > 0 ? (n / recStride + 1) * recStride : NEVER;
  let nextMom: i32 = momStride > 0 ? (n / momStride + 1) * momStride : NEVER;
  let curBlock: u32 = 0xffffffff;
  let nDead = 0;
  // Euler–Maruyama: the drift-scaled force coefficients and the σ-scaled ziggurat table
  const vD0 = f64x2.splat(drift * e0), vD1 = f64x2.splat(drift * e1), vD2 = f64x2.splat(drift * e2), vD3 = f64x2.splat(drift * e3);
  if (method == EM) emNoiseTable(zig, sigEM, noise);
  const vHi = f64x2.splat(hi), vLo = f64x2.splat(lo);
  // The bridge test of the scalar event code, (b − x_n)(b − x_{n+1})·invDdt < 37, as a vector
  // pre-filter without the multiplication: (b − x_n)(b − x_{n+1}) < 37·D·dt·(1 + 2^-30) flags every
  // lane the scalar test can accept (the margin covers the roundings), and a few more
  const vReach = f64x2.splat(37.0 / invDdt * (1.0 + 9.313225746154785e-10));
  // loop constants read from memory: V8 rebuilds a v128.const at every use, a local stays in a register
  const vScale = v128.load(loopConstants), vOffset = v128.load(loopConstants, 16);
  const hasLo = !isNaN(lo), hasHi = !isNaN(hi);
  // U′ = e3 x³ + e1 x (symmetric quartic wells): (e3·x·x + e1)·x equals the full Horner form
  // ((e3·x + 0)·x + e1)·x + 0 exactly (adding +0 changes at most the sign of a zero), so the JS twin
  // needs no special case
  const oddCubic = e0 == 0.0 && e2 == 0.0;

  while (n < limit && m > nDead) {
    const k = <u32>(base + mult * n);
    if ((k >>> 2) != curBlock) {
      curBlock = k >>> 2;
      if (method == EM) xoshiroRows(xs, padded(m), words, rowBytes);
      else philoxRows(curBlock, idx, padded(m), firstWalker, k0, k1, words, rowBytes);
    }
    const row = words + (<usize>(k & 3)) * rowBytes;
    const n1 = n + 1;
    if (method == EM && cubic) {
      // the hot case: Euler–Maruyama with the cubic force, in SIMD
      nDead += oddCubic && !hasLo && hasHi
        ? emSweepOddUpper(m, n, k, row, xa, idx, dead, x, steps, status, zig, noise, sigEM, firstWalker, k0, k1, hi, invDdt, bridge, vD1, vD3, vHi, vReach, vScale, vOffset)
        : emSweepGeneral(m, n, k, row, xa, idx, dead, x, steps, status, zig, noise, sigEM, firstWalker, k0, k1, hi, lo, invDdt, oddCubic, bridge, hasLo, bridge && hasHi, bridge && hasLo, vD0, vD1, vD2, vD3, vHi, vLo, vReach, vScale, vOffset);
    } else {
      for (let i = 0; i < m; i++) {
        const o = <usize>i;
        if (load<i32>(dead + (o << 2)) != 0) continue;
        const w = firstWalker + <u32>load<i32>(idx + (o << 2));
        let xc = load<f64>(xa + (o << 3));
        let st = 0;
        if (method <= LM) {
          const g = cubic ? ((e3 * xc + e2) * xc + e1) * xc + e0 : potentialDU(desc, xc);
          const word = load<u32>(row + (o << 2));
          let xn: f64;
          if (method == EM) {
            xn = xc - drift * g + emNoise(zig, noise, sigEM, word, k, w, k0, k1);
          } else {
            const xi = zigguratNormal(zig, word, k, w, k0, k1);
            xn = xc - drift * g + sigLM * (load<f64>(aa + (o << 3)) + xi);
            store<f64>(aa + (o << 3), xi);
          }
          if (xn >= hi) st = 1;
          else if (xn <= lo) st = 2;
          else if (bridge) {
            const aHi = (hi - xc) * (hi - xn) * invDdt;
            const aLo = (xc - lo) * (xn - lo) * invDdt;
            if (aHi < 37.0 || aLo < 37.0) {
              philox(<u32>n, 0, w, 1, k0, k1, philoxOut);
              if (aHi < 37.0 && uniform52(load<u32>(philoxOut), load<u32>(philoxOut, 4)) < Math.exp(-aHi)) st = 1;
              else if (aLo < 37.0 && uniform52(load<u32>(philoxOut, 8), load<u32>(philoxOut, 12)) < Math.exp(-aLo)) st = 2;
            }
          }
          xc = xn;
        } else {
          let vc = load<f64>(aa + (o << 3));
          let fc = load<f64>(fa + (o << 3));
          if (method == BAOAB) {
            vc += halfDtM * fc;
            xc += 0.5 * dt * vc;
            vc = cFull * vc + sFull * zigguratNormal(zig, load<u32>(row + (o << 2)), k, w, k0, k1);
            xc += 0.5 * dt * vc;
            fc = -(cubic ? ((e3 * xc + e2) * xc + e1) * xc + e0 : potentialDU(desc, xc));
            vc += halfDtM * fc;
          } else {
            vc = cHalf * vc + sHalf * zigguratNormal(zig, load<u32>(row + (o << 2)), k, w, k0, k1);
            vc += halfDtM * fc;
            xc += dt * vc;
            fc = -(cubic ? ((e3 * xc + e2) * xc + e1) * xc + e0 : potentialDU(desc, xc));
            vc += halfDtM * fc;
            vc = cHalf * vc + sHalf * zigguratNormal(zig, load<u32>(row + rowBytes + (o << 2)), k + 1, w, k0, k1);
          }
          store<f64>(aa + (o << 3), vc);
          store<f64>(fa + (o << 3), fc);
          if (xc >= hi) st = 1;
          else if (xc <= lo) st = 2;
        }
        store<f64>(xa + (o << 3), xc);
        if (st != 0) {
          const j = <usize>load<i32>(idx + (o << 2));
          store<i32>(dead + (o << 2), 1);
          store<f64>(x + (j << 3), xc);
          store<f64>(aux + (j << 3), load<f64>(aa + (o << 3)));
          store<i32>(steps + (j << 2), n1);
          store<i32>(status + (j << 2), st);
          nDead++;
        }
      }
    }
    n = n1;
    if (n == nextRec) {
      const f = n / recStride;
      if (f < recFrames) {
        for (let i = 0; i < m; i++) {
          const j = load<i32>(idx + (<usize>i << 2));
          if (j >= recRows) break;
          if (load<i32>(dead + (<usize>i << 2)) == 0) store<f64>(rec + ((<usize>j * <usize>recFrames + <usize>f) << 3), load<f64>(xa + (<usize>i << 3)));
        }
      }
      nextRec += recStride;
    }
    if (n == nextMom) {
      const f = n / momStride;
      if (f < momFrames) {
        for (let i = 0; i < m; i++) {
          if (load<i32>(dead + (<usize>i << 2)) == 0) addMoment(mom, momFrames, f, load<f64>(xa + (<usize>i << 3)));
        }
      }
      nextMom += momStride;
    }
    // drop absorbed walkers once they are an eighth of the list (stable: keeps chunk order)
    if (nDead > 0 && nDead * 8 >= m) {
      let q = 0;
      for (let i = 0; i < m; i++) {
        const o = <usize>i;
        if (load<i32>(dead + (o << 2)) != 0) continue;
        const p = <usize>q;
        store<i32>(idx + (p << 2), load<i32>(idx + (o << 2)));
        store<i32>(dead + (p << 2), 0);
        store<f64>(xa + (p << 3), load<f64>(xa + (o << 3)));
        store<f64>(aa + (p << 3), load<f64>(aa + (o << 3)));
        store<f64>(fa + (p << 3), load<f64>(fa + (o << 3)));
        for (let r: usize = 0; r < 4; r++) {
          store<u32>(words + r * rowBytes + (p << 2), load<u32>(words + r * rowBytes + (o << 2)));
          store<u32>(xs + r * rowBytes + (p << 2), load<u32>(xs + r * rowBytes + (o << 2)));
        }
        q++;
      }
      m = q;
      nDead = 0;
      if (m > 0) padLanes(idx, dead, xa, aa, fa, m);
    }
  }

  // write back the walkers still running (censored if they reached maxSteps)
  let running = 0;
  for (let i = 0; i < m; i++) {
    const o = <usize>i;
    if (load<i32>(dead + (o << 2)) != 0) continue;
    const j = <usize>load<i32>(idx + (o << 2));
    store<f64>(x + (j << 3), load<f64>(xa + (o << 3)));
    store<f64>(aux + (j << 3), load<f64>(aa + (o << 3)));
    if (method == EM) for (let r: usize = 0; r < 4; r++) store<u32>(rng + (j << 4) + (r << 2), load<u32>(xs + r * rowBytes + (o << 2)));
    store<i32>(steps + (j << 2), n);
    const xe = load<f64>(xa + (o << 3));
    const st = !isFinite(xe) ? 4 : n >= maxSteps ? 3 : 0;
    store<i32>(status + (j << 2), st);
    if (st == 0) running++;
  }
  return running;
}
