// Pure-JS twin of assembly/multifrontal.ts (and of ldltPartial in assembly/ldlt.ts): the same
// multifrontal LDLᵀ, line for line, on typed arrays. Layouts are documented there.

/** Two-lane dot product (lane sums added at the end, as the f64x2 kernel does). */
export function dot2(a: Float64Array, ia: number, b: Float64Array, ib: number, count: number): number {
  let s0 = 0, s1 = 0;
  let i = 0;
  for (; i + 1 < count; i += 2) {
    s0 += a[ia + i]! * b[ib + i]!;
    s1 += a[ia + i + 1]! * b[ib + i + 1]!;
  }
  let s = s0 + s1;
  if (i < count) s += a[ia + i]! * b[ib + i]!;
  return s;
}

/**
 * The first `stop` steps of the band LDLᵀ in lower band storage (ldab = kd + 1) at offset `o`:
 * columns 0 … stop − 1 receive L and D, the trailing columns the Schur complement. Returns 0 or
 * j + 1 for an exactly zero (or non-finite) pivot.
 */
export function ldltPartial(n: number, kd: number, ab: Float64Array, stop: number, o = 0): number {
  const ldab = kd + 1;
  for (let j = 0; j < stop; j++) {
    const cj = o + j * ldab;
    const d = ab[cj]!;
    if (d === 0 || !Number.isFinite(d)) return j + 1;
    const kn = Math.min(kd, n - 1 - j);
    for (let c = 1; c <= kn; c++) {
      const v = ab[cj + c]!;
      if (v === 0) continue;
      const l = v / d;
      const dst = o + (j + c) * ldab;
      for (let i = 0; i <= kn - c; i++) ab[dst + i]! -= ab[cj + c + i]! * l;
      ab[cj + c] = l;
    }
  }
  return 0;
}

/** Buffers of {@link mfFactor}: the tree arrays, the matrix (ELL), and scratch sized by the tree. */
export interface MultifrontalBuffers {
  readonly count: number;
  readonly fronts: Int32Array;
  readonly vars: Int32Array;
  readonly width: number;
  readonly cols: Int32Array;
  readonly vals: Float64Array;
  /** −1 everywhere on entry (restored on return). */
  readonly pos: Int32Array;
  readonly front: Float64Array;
  readonly stack: Float64Array;
  readonly tstack: Int32Array;
  readonly factor: Float64Array;
}

/** Factor along the tree; returns 0 or (global unknown) + 1 at a zero pivot (see the WASM kernel). */
export function mfFactor(m: MultifrontalBuffers): number {
  const { count, fronts, vars, width, cols, vals, pos, front, stack, tstack, factor } = m;
  let top = 0, ttop = 0;
  for (let t = 0; t < count; t++) {
    const s = fronts[5 * t]!, f = fronts[5 * t + 1]!, vo = fronts[5 * t + 2]!, nc = fronts[5 * t + 3]!, fo = fronts[5 * t + 4]!;
    for (let i = 0; i < f; i++) pos[vars[vo + i]!] = i;
    front.fill(0, 0, f * f);
    for (let i = 0; i < s; i++) {
      const g = vars[vo + i]!;
      for (let q = 0; q < width; q++) {
        const x = cols[g * width + q]!;
        if (x < 0) continue;
        const px = pos[x]!;
        if (px < 0 || (px < s && px < i)) continue;
        const r = Math.max(i, px), c = Math.min(i, px);
        front[c * f + r - c]! += vals[g * width + q]!;
      }
    }
    let base = top;
    for (let k = 0; k < nc; k++) {
      const ch = tstack[ttop - 1 - k]!;
      const b = fronts[5 * ch + 1]! - fronts[5 * ch]!;
      base -= b * b;
    }
    let off = base;
    for (let k = nc - 1; k >= 0; k--) {
      const ch = tstack[ttop - 1 - k]!;
      const sc = fronts[5 * ch]!;
      const b = fronts[5 * ch + 1]! - sc;
      const cv = fronts[5 * ch + 2]! + sc;
      for (let cc = 0; cc < b; cc++) {
        const pc = pos[vars[cv + cc]!]!;
        const col = off + cc * b - cc;
        for (let rr = cc; rr < b; rr++) {
          const pr = pos[vars[cv + rr]!]!;
          const r = Math.max(pr, pc), c = Math.min(pr, pc);
          front[c * f + r - c]! += stack[col + rr]!;
        }
      }
      off += b * b;
    }
    top = base;
    ttop -= nc;
    const info = ldltPartial(f, f - 1, front, s);
    if (info !== 0) {
      const g = vars[vo + info - 1]!;
      for (let i = 0; i < f; i++) pos[vars[vo + i]!] = -1;
      return g + 1;
    }
    factor.set(front.subarray(0, s * f), fo);
    const b = f - s;
    if (b > 0) {
      for (let c = 0; c < b; c++) stack.set(front.subarray((c + s) * f, (c + s) * f + b - c), top + c * b);
      top += b * b;
      tstack[ttop++] = t;
    }
    for (let i = 0; i < f; i++) pos[vars[vo + i]!] = -1;
  }
  return 0;
}

/** g ← D⁻¹L⁻¹g (global numbering, in place); work: the largest front. */
export function mfForward(count: number, fronts: Int32Array, vars: Int32Array, factor: Float64Array, g: Float64Array, work: Float64Array): void {
  for (let t = 0; t < count; t++) {
    const s = fronts[5 * t]!, f = fronts[5 * t + 1]!, vo = fronts[5 * t + 2]!, fo = fronts[5 * t + 4]!;
    for (let i = 0; i < f; i++) work[i] = g[vars[vo + i]!]!;
    for (let c = 0; c < s; c++) {
      const col = fo + c * f;
      const wc = work[c]!;
      work[c] = wc / factor[col]!;
      if (wc === 0) continue;
      for (let i = 1; i < f - c; i++) work[c + i]! -= factor[col + i]! * wc;
    }
    for (let i = 0; i < f; i++) g[vars[vo + i]!] = work[i]!;
  }
}

/** Lᵀx = g with the unit L (global numbering, in place), fronts in reverse order. */
export function mfBack(count: number, fronts: Int32Array, vars: Int32Array, factor: Float64Array, g: Float64Array, work: Float64Array): void {
  for (let t = count - 1; t >= 0; t--) {
    const s = fronts[5 * t]!, f = fronts[5 * t + 1]!, vo = fronts[5 * t + 2]!, fo = fronts[5 * t + 4]!;
    for (let i = 0; i < f; i++) work[i] = g[vars[vo + i]!]!;
    for (let c = s - 1; c >= 0; c--) {
      const col = fo + c * f;
      work[c] = work[c]! - dot2(factor, col + 1, work, c + 1, f - 1 - c);
    }
    for (let i = 0; i < s; i++) g[vars[vo + i]!] = work[i]!;
  }
}
