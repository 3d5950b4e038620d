// Symmetric LDLᵀ without pivoting, in lower band storage (a dense matrix is the band with
// kd = n − 1), and the two-lane vector helpers it shares with its callers. Every update is a
// mul then a sub (no fused multiply-add), so the pure-JS twins in src/kernels-js round the same way.

@inline function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

/** y[i] −= x[i]·a for i < count (two lanes per f64x2; mul then sub, as the scalar loop rounds). */
@inline export function axpyNeg(y: usize, x: usize, a: f64, count: i32): void {
  const a2 = f64x2.splat(a);
  let i = 0;
  for (; i + 1 < count; i += 2) {
    const off = <usize>i << 3;
    v128.store(y + off, f64x2.sub(v128.load(y + off), f64x2.mul(v128.load(x + off), a2)));
  }
  if (i < count) {
    const off = <usize>i << 3;
    store<f64>(y + off, load<f64>(y + off) - load<f64>(x + off) * a);
  }
}

/**
 * Band LDLᵀ of G without pivoting (unit L below the diagonal, D on it) in lower band storage
 * (ldab = kd + 1); returns 0 or j + 1 for an exactly zero (or non-finite) pivot. Not Cholesky:
 * with a shift far below the rounding level of G (high barriers) G is positive definite only in
 * exact arithmetic and a pivot may come out ≤ 0; LDLᵀ carries on, as the pivoted LU did.
 */
export function bandLDLT(n: i32, kd: i32, ab: usize): i32 {
  return ldltPartial(n, kd, ab, n);
}

/**
 * The first `stop` steps of {@link bandLDLT}: columns 0 … stop − 1 receive L and D, and the
 * trailing columns the Schur complement of the leading block (the update matrix of a front in the
 * multifrontal factorization; a dense matrix is the band with kd = n − 1). Same rounding as the
 * JS twin's column-by-column loop.
 */
export function ldltPartial(n: i32, kd: i32, ab: usize, stop: i32): i32 {
  const ldab = kd + 1;
  // Four pivot columns per pass (a panel): first the panel's columns update each other exactly as
  // one column at a time would; then every trailing column is read and written once for all four
  // rank-1 updates (≈ a quarter of the memory traffic). Each element still receives the updates of
  // columns j, j + 1, j + 2, j + 3 in that order, each as mul then sub — the rounding of the JS
  // twin's column-by-column loop, so both engines agree to the bit. A source that does not reach
  // an element (shorter column) or is zero is applied as dst − dst·0 = dst (entries are finite).
  for (let j = 0; j < stop; j += 4) {
    const jb = min(4, stop - j);
    // panel
    for (let t = 0; t < jb; t++) {
      const ct = (j + t) * ldab;
      const d = ld(ab, ct);
      if (d == 0.0 || !isFinite(d)) return j + t + 1;
      const kn = min(kd, n - 1 - j - t);
      // a short last panel (jb < 4) updates every trailing column one source at a time
      const cEnd = jb < 4 ? kn : min(jb - t - 1, kn);
      for (let c = 1; c <= cEnd; c++) {
        const v = ld(ab, ct + c);
        if (v == 0.0) continue;
        const l = v / d;
        axpyNeg(ab + (<usize>((j + t + c) * ldab) << 3), ab + (<usize>(ct + c) << 3), l, kn - c + 1);
        st(ab, ct + c, l);
      }
    }
    if (jb < 4) continue;
    const c0 = j * ldab, c1 = c0 + ldab, c2 = c1 + ldab, c3 = c2 + ldab;
    const d0 = ld(ab, c0), d1 = ld(ab, c1), d2 = ld(ab, c2), d3 = ld(ab, c3);
    const kn0 = min(kd, n - 1 - j), kn1 = min(kd, n - 2 - j), kn2 = min(kd, n - 3 - j), kn3 = min(kd, n - 4 - j);
    const last = max(max(kn0, kn1 + 1), max(kn2 + 2, kn3 + 3));
    for (let c = 4; c <= last; c++) {
      const dst = ab + (<usize>((j + c) * ldab) << 3);
      // source t acts on rows 0 … len_t − 1 of column j + c (len non-decreasing in t)
      const len0 = c <= kn0 ? kn0 - c + 1 : 0;
      const len1 = c - 1 <= kn1 ? kn1 - c + 2 : 0;
      const len2 = c - 2 <= kn2 ? kn2 - c + 3 : 0;
      const len3 = c - 3 <= kn3 ? kn3 - c + 4 : 0;
      const l0 = len0 > 0 ? ld(ab, c0 + c) / d0 : 0.0;
      const l1 = len1 > 0 ? ld(ab, c1 + c - 1) / d1 : 0.0;
      const l2 = len2 > 0 ? ld(ab, c2 + c - 2) / d2 : 0.0;
      const l3 = len3 > 0 ? ld(ab, c3 + c - 3) / d3 : 0.0;
      const s0 = ab + (<usize>(c0 + c) << 3), s1 = ab + (<usize>(c1 + c - 1) << 3);
      const s2 = ab + (<usize>(c2 + c - 2) << 3), s3 = ab + (<usize>(c3 + c - 3) << 3);
      // segments [0, len0), [len0, len1), [len1, len2), [len2, len3) with sources t ≥ segment
      let from = 0;
      for (let seg = 0; seg < 4; seg++) {
        const to = seg == 0 ? len0 : seg == 1 ? len1 : seg == 2 ? len2 : len3;
        if (to <= from) continue;
        // inactive sources read dst itself with factor 0
        const a0 = seg <= 0 ? l0 : 0.0, a1 = seg <= 1 ? l1 : 0.0, a2 = seg <= 2 ? l2 : 0.0;
        const p0 = seg <= 0 ? s0 : dst, p1 = seg <= 1 ? s1 : dst, p2 = seg <= 2 ? s2 : dst;
        const v0 = f64x2.splat(a0), v1 = f64x2.splat(a1), v2 = f64x2.splat(a2), v3 = f64x2.splat(l3);
        let i = from;
        for (; i + 1 < to; i += 2) {
          const off = <usize>i << 3;
          let x = v128.load(dst + off);
          x = f64x2.sub(x, f64x2.mul(v128.load(p0 + off), v0));
          x = f64x2.sub(x, f64x2.mul(v128.load(p1 + off), v1));
          x = f64x2.sub(x, f64x2.mul(v128.load(p2 + off), v2));
          x = f64x2.sub(x, f64x2.mul(v128.load(s3 + off), v3));
          v128.store(dst + off, x);
        }
        if (i < to) {
          const off = <usize>i << 3;
          let x = load<f64>(dst + off);
          x = x - load<f64>(p0 + off) * a0;
          x = x - load<f64>(p1 + off) * a1;
          x = x - load<f64>(p2 + off) * a2;
          x = x - load<f64>(s3 + off) * l3;
          store<f64>(dst + off, x);
        }
        from = to;
      }
      if (len0 > 0) st(ab, c0 + c, l0);
      if (len1 > 0) st(ab, c1 + c - 1, l1);
      if (len2 > 0) st(ab, c2 + c - 2, l2);
      if (len3 > 0) st(ab, c3 + c - 3, l3);
    }
  }
  return 0;
}

/** Two-lane dot product (lane sums added at the end; the JS twin does the same). */
@inline export function dot2(a: usize, b: usize, count: i32): f64 {
  let s2 = f64x2.splat(0.0);
  let i = 0;
  for (; i + 1 < count; i += 2) {
    const off = <usize>i << 3;
    s2 = f64x2.add(s2, f64x2.mul(v128.load(a + off), v128.load(b + off)));
  }
  let s = f64x2.extract_lane(s2, 0) + f64x2.extract_lane(s2, 1);
  if (i < count) s += load<f64>(a + (<usize>i << 3)) * load<f64>(b + (<usize>i << 3));
  return s;
}

/** g ← D⁻¹L⁻¹g (band LDLᵀ factor, in place). */
@inline export function ldltForward(n: i32, kd: i32, ab: usize, g: usize): void {
  const ldab = kd + 1;
  for (let j = 0; j < n; j++) {
    const cj = j * ldab;
    const gj = ld(g, j);
    st(g, j, gj / ld(ab, cj));
    if (gj == 0.0) continue;
    axpyNeg(g + (<usize>(j + 1) << 3), ab + (<usize>(cj + 1) << 3), gj, min(kd, n - 1 - j));
  }
}

/** Lᵀ x = g with the unit L (in place). */
@inline export function ldltBack(n: i32, kd: i32, ab: usize, g: usize): void {
  const ldab = kd + 1;
  for (let j = n - 1; j >= 0; j--) {
    const kn = min(kd, n - 1 - j);
    st(g, j, ld(g, j) - dot2(ab + (<usize>(j * ldab + 1) << 3), g + (<usize>(j + 1) << 3), kn));
  }
}

