// The generators: Philox4x32-10 and xoshiro128++ known answers, normal-variate quality, stream
// independence, and WASM == JS twin.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { philox4x32, rngNormals as jsNormals, rngUniforms as jsUniforms, rngXoshiro as jsXoshiro, seedWords, xoshiroNext, zigguratNormal } from "../src/kernels-js/rng.js";
import { zigguratTables, ZIGGURAT_R } from "../src/langevin/ziggurat.js";
import { instantiateWasm, type KramersWasm } from "../src/wasm/loader.js";

let wasm: KramersWasm;
let zigPtr: number;
beforeAll(async () => {
  wasm = await instantiateWasm();
  zigPtr = wasm.copyIn(zigguratTables());
});

function wasmNormals(seed: number, walker: number, first: number, n: number): Float64Array {
  const out = wasm.exports.allocF64(n);
  const [lo, hi] = seedWords(seed);
  wasm.exports.rngNormals(zigPtr, lo, hi, walker, first, n, out);
  const r = wasm.f64(out, n).slice();
  wasm.free(out);
  return r;
}

// Φ(x) via erfc with |error| < 1.2e-7 (Numerical Recipes erfcc), ample for KS at n = 10^6 (critical D ≈ 1.6e-3)
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
  return x >= 0 ? 1 - 0.5 * erfc : 0.5 * erfc;
}

function ksStatistic(sorted: Float64Array, cdf: (x: number) => number): number {
  let d = 0;
  const n = sorted.length;
  for (let i = 0; i < n; i++) {
    const f = cdf(sorted[i]!);
    d = Math.max(d, Math.abs((i + 1) / n - f), Math.abs(i / n - f));
  }
  return d;
}

function correlation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
  for (let i = 0; i < n; i++) {
    sa += a[i]!; sb += b[i]!; sab += a[i]! * b[i]!; saa += a[i]! * a[i]!; sbb += b[i]! * b[i]!;
  }
  const ma = sa / n, mb = sb / n;
  return (sab / n - ma * mb) / Math.sqrt((saa / n - ma * ma) * (sbb / n - mb * mb));
}

describe("Philox4x32-10", () => {
  // Known-answer vectors from Random123 (kat_vectors: philox4x32 10): counter, key → output
  const kat: [number[], number[], number[]][] = [
    [[0, 0, 0, 0], [0, 0], [0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8]],
    [[0xffffffff, 0xffffffff, 0xffffffff, 0xffffffff], [0xffffffff, 0xffffffff], [0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd]],
    [[0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0], [0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1]],
  ];
  it("matches the Random123 known answers in the JS twin", () => {
    for (const [c, k, want] of kat) {
      const out = new Uint32Array(4);
      philox4x32(c[0]!, c[1]!, c[2]!, c[3]!, k[0]!, k[1]!, out);
      expect(Array.from(out)).toEqual(want);
    }
  });
  it("matches the Random123 known answers in WASM", () => {
    const p = wasm.exports.allocI32(4);
    for (const [c, k, want] of kat) {
      wasm.exports.rngPhilox(c[0]!, c[1]!, c[2]!, c[3]!, k[0]!, k[1]!, p);
      expect(Array.from(new Uint32Array(wasm.memory.buffer, p, 4))).toEqual(want);
    }
    wasm.free(p);
  });
});

describe("normal variates (1024-layer ziggurat on Philox)", () => {
  const n = 1_000_000;
  let xs: Float64Array;
  beforeAll(() => {
    xs = wasmNormals(12345, 7, 0, n);
  });

  it("has the moments of N(0,1) within 5 standard errors", () => {
    let m1 = 0, m2 = 0, m3 = 0, m4 = 0;
    for (const x of xs) { m1 += x; m2 += x * x; m3 += x * x * x; m4 += x * x * x * x; }
    m1 /= n; m2 /= n; m3 /= n; m4 /= n;
    // standard errors of the sample moments of N(0,1): √(1/n), √(2/n), √(15/n), √(96/n)
    expect(Math.abs(m1)).toBeLessThan(5 * Math.sqrt(1 / n));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.abs(m3)).toBeLessThan(5 * Math.sqrt(15 / n));
    expect(Math.abs(m4 - 3)).toBeLessThan(5 * Math.sqrt(96 / n));
  });

  it("passes a Kolmogorov–Smirnov test against the normal CDF (p > 0.001)", () => {
    const s = xs.slice().sort();
    const d = ksStatistic(s, normalCdf);
    // λ = √n D; P(λ > 1.95) = 0.001
    expect(Math.sqrt(n) * d).toBeLessThan(1.95);
  });

  it("fills fine bins as N(0,1) does: chi-square of 4·10^7 draws over 256 bins of [−4, 4] plus the two tails (p > 0.001)", () => {
    // Bins 1/32 wide resolve the ziggurat's layers (the top one is 0.135 wide), and 4·10^7 draws
    // make a wedge-test error visible (halving the spread of the wedge's acceptance test adds
    // ≈ 100 per 2·10^7 draws — checked by breaking the JS twin — and would hide in the noise at
    // 10^6 draws). 257 degrees of freedom: the 0.999 quantile is
    // 333 (Wilson–Hilferty); Φ's error (1.2e-7) moves expected counts by < 5, far below √e.
    const B = 256, lo = -4, h = 8 / B, windows = 40;
    const counts = new Float64Array(B + 2);
    for (let w = 0; w < windows; w++) {
      for (const x of wasmNormals(777, 3, w * n, n)) counts[x < lo ? 0 : x >= -lo ? B + 1 : 1 + Math.floor((x - lo) / h)]!++;
    }
    let chi2 = 0;
    for (let b = 0; b < B + 2; b++) {
      const left = b === 0 ? 0 : normalCdf(lo + (b - 1) * h);
      const right = b === B + 1 ? 1 : normalCdf(lo + b * h);
      const expected = windows * n * (right - left);
      chi2 += (counts[b]! - expected) ** 2 / expected;
    }
    expect(chi2).toBeLessThan(333);
  });

  it("puts the right mass in the tail beyond R (tail algorithm)", () => {
    let tail = 0;
    for (const x of xs) if (Math.abs(x) > ZIGGURAT_R) tail++;
    const p = 2 * (1 - normalCdf(ZIGGURAT_R));
    // binomial count: within 5 sd
    expect(Math.abs(tail - n * p)).toBeLessThan(5 * Math.sqrt(n * p));
  });

  it("has no lag correlation within a stream (lags 1–8, |r| < 5/√n)", () => {
    for (let lag = 1; lag <= 8; lag++) {
      const r = correlation(xs.subarray(0, n - lag), xs.subarray(lag));
      expect(Math.abs(r)).toBeLessThan(5 / Math.sqrt(n));
    }
  });

  it("gives independent streams to neighbouring walkers and seeds (|r| < 5/√n)", () => {
    const m = 200_000;
    const a = wasmNormals(12345, 7, 0, m);
    for (const [seed, walker] of [[12345, 8], [12345, 0], [12346, 7], [12345, 7 + 2 ** 20]] as const) {
      const b = wasmNormals(seed, walker, 0, m);
      expect(Math.abs(correlation(a, b))).toBeLessThan(5 / Math.sqrt(m));
      // squares too: catches dependence a linear correlation misses
      expect(Math.abs(correlation(a.map((x) => x * x), b.map((x) => x * x)))).toBeLessThan(5 / Math.sqrt(m));
    }
  });

  it("is a pure function of (seed, walker, index): any window of the stream reproduces it", () => {
    const whole = wasmNormals(99, 3, 0, 1000);
    const window = wasmNormals(99, 3, 501, 100);
    expect(Array.from(window)).toEqual(Array.from(whole.subarray(501, 601)));
  });

  it("is the same in the JS twin: bit for bit, except last-ulp differences of libm log/exp on the rare slow path", () => {
    const m = 200_000;
    const w = wasmNormals(2024, 11, 0, m);
    const j = jsNormals(zigguratTables(), 2024, 11, 0, m);
    let differ = 0;
    for (let i = 0; i < m; i++) {
      if (w[i] !== j[i]) {
        differ++;
        // only tail/wedge draws go through Math.log/Math.exp
        expect(Math.abs(w[i]! - j[i]!)).toBeLessThan(1e-14 * Math.abs(w[i]!));
      }
    }
    expect(differ).toBeLessThan(m * 1e-3);
  });
});

describe("Euler–Maruyama streams (xoshiro128++ per walker, seeded by Philox)", () => {
  // known answers from an independent C build of the reference xoshiro128plusplus.c
  // (scripts/fixtures/xoshiro_kat.c)
  const kat = JSON.parse(readFileSync(new URL("./fixtures/xoshiro_kat.json", import.meta.url), "utf8")) as {
    raw: { state: number[]; words: number[] };
    streams: { seed: number; walker: number; first8: number[]; at1000: number[] }[];
  };
  const wasmWords = (seed: number, walker: number, first: number, n: number) => {
    const out = wasm.exports.allocI32(n);
    const [lo, hi] = seedWords(seed);
    wasm.exports.rngXoshiro(lo, hi, walker, first, n, out);
    const r = new Uint32Array(wasm.exports.memory.buffer, out >>> 0, n).slice();
    wasm.free(out);
    return r;
  };
  it("match the reference implementation from a given state and the C build of the seeding", () => {
    const s = Uint32Array.from(kat.raw.state);
    expect(Array.from({ length: 8 }, () => xoshiroNext(s, 0))).toEqual(kat.raw.words);
    for (const c of kat.streams) {
      expect(Array.from(jsXoshiro(c.seed, c.walker, 0, 8))).toEqual(c.first8);
      expect(Array.from(jsXoshiro(c.seed, c.walker, 1000, 4))).toEqual(c.at1000);
      expect(Array.from(wasmWords(c.seed, c.walker, 0, 8))).toEqual(c.first8);
      expect(Array.from(wasmWords(c.seed, c.walker, 1000, 4))).toEqual(c.at1000);
    }
  });
  it("give N(0,1) normals through the ziggurat: moments, KS, lag and cross-walker correlations", () => {
    const zig = zigguratTables();
    const [k0, k1] = seedWords(31);
    const normals = (walker: number, n: number) => Float64Array.from(jsXoshiro(31, walker, 0, n), (w, k) => zigguratNormal(zig, w, k, walker, k0, k1));
    const n = 1_000_000;
    const xs = normals(5, n);
    let m1 = 0, m2 = 0;
    for (const x of xs) { m1 += x; m2 += x * x; }
    // standard errors √(1/n), √(2/n): 5 of them
    expect(Math.abs(m1 / n)).toBeLessThan(5 * Math.sqrt(1 / n));
    expect(Math.abs(m2 / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    expect(Math.sqrt(n) * ksStatistic(xs.slice().sort(), normalCdf)).toBeLessThan(1.95); // p > 0.001
    for (let lag = 1; lag <= 4; lag++) expect(Math.abs(correlation(xs.subarray(0, n - lag), xs.subarray(lag)))).toBeLessThan(5 / Math.sqrt(n));
    const m = 200_000;
    const a = xs.subarray(0, m);
    for (const walker of [4, 6, 5 + 2 ** 20]) {
      const b = normals(walker, m);
      expect(Math.abs(correlation(a, b))).toBeLessThan(5 / Math.sqrt(m));
      expect(Math.abs(correlation(a.map((x) => x * x), b.map((x) => x * x)))).toBeLessThan(5 / Math.sqrt(m));
    }
  });
});

describe("bridge uniforms", () => {
  it("are uniform on (0, 1) (KS p > 0.001) and equal in WASM and JS", () => {
    const n = 100_000;
    const p = wasm.exports.allocF64(2 * n);
    const [lo, hi] = seedWords(5);
    wasm.exports.rngUniforms(lo, hi, 4, 0, n, p);
    const u = wasm.f64(p, 2 * n).slice();
    wasm.free(p);
    expect(Array.from(u)).toEqual(Array.from(jsUniforms(5, 4, 0, n)));
    expect(u.every((x) => x > 0 && x < 1)).toBe(true);
    const d = ksStatistic(u.slice().sort(), (x) => x);
    expect(Math.sqrt(2 * n) * d).toBeLessThan(1.95);
  });
});
