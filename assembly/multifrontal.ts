// Multifrontal LDLᵀ (no pivoting) of a sparse symmetric matrix along an elimination tree given by
// the caller (src/linalg/nested-dissection.ts builds it for lattices): each front is a small dense
// matrix holding its eliminated unknowns and its boundary (unknowns of ancestor fronts); children
// hand their Schur complements (update matrices) to the parent through a stack. On a 2-D lattice
// ordered by nested dissection this costs O(n^1.5) flops and O(n log n) memory instead of the
// band's n·bw² and n·bw.
//
// The matrix comes in ELL form: `width` slots per row, column index (−1: empty) and value; both
// triangles present. `fronts` holds 5 i32 per front, in postorder:
//   [eliminated count s, front size f, offset into `vars`, number of children, offset into `factor`]
// and `vars` the front's global unknowns, the eliminated ones first. A front's factor is its first
// s columns in dense lower storage (column c at c·f, entries rows c … f − 1, D on the diagonal).
import { axpyNeg, dot2, ldltPartial } from "./ldlt";

@inline function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}
@inline function ldi(p: usize, i: i32): i32 {
  return load<i32>(p + (<usize>i << 2));
}
@inline function sti(p: usize, i: i32, v: i32): void {
  store<i32>(p + (<usize>i << 2), v);
}

/**
 * Factor along the tree. `pos` (n i32, all −1 on entry and on return) maps a global unknown to its
 * place in the current front; `front` holds the largest f² f64, `stack` the update matrices
 * (the peak the caller computed), `tstack` one i32 per front, `factor` Σ s·f f64.
 * Returns 0, or (global unknown) + 1 at an exactly zero or non-finite pivot.
 */
export function mfFactor(nFronts: i32, fronts: usize, vars: usize, width: i32, cols: usize, vals: usize, pos: usize, front: usize, stack: usize, tstack: usize, factor: usize): i32 {
  let top = 0; // f64 entries in use on the stack
  let ttop = 0; // fronts whose update matrices are on the stack
  for (let t = 0; t < nFronts; t++) {
    const s = ldi(fronts, 5 * t), f = ldi(fronts, 5 * t + 1), vo = ldi(fronts, 5 * t + 2);
    const nc = ldi(fronts, 5 * t + 3), fo = ldi(fronts, 5 * t + 4);
    for (let i = 0; i < f; i++) sti(pos, ldi(vars, vo + i), i);
    memory.fill(front, 0, (<usize>f * <usize>f) << 3);
    // the original entries of the eliminated rows: those with an unknown eliminated here or later
    // (entries reaching into a child were assembled there)
    for (let i = 0; i < s; i++) {
      const g = ldi(vars, vo + i);
      for (let q = 0; q < width; q++) {
        const x = ldi(cols, g * width + q);
        if (x < 0) continue;
        const px = ldi(pos, x);
        if (px < 0 || (px < s && px < i)) continue;
        const r = max(i, px), c = min(i, px);
        st(front, c * f + r - c, ld(front, c * f + r - c) + ld(vals, g * width + q));
      }
    }
    // extend-add the children's update matrices (oldest first), then pop them
    let base = top;
    for (let k = 0; k < nc; k++) {
      const ch = ldi(tstack, ttop - 1 - k);
      const b = ldi(fronts, 5 * ch + 1) - ldi(fronts, 5 * ch);
      base -= b * b;
    }
    let off = base;
    for (let k = nc - 1; k >= 0; k--) {
      const ch = ldi(tstack, ttop - 1 - k);
      const sc = ldi(fronts, 5 * ch);
      const b = ldi(fronts, 5 * ch + 1) - sc;
      const cv = ldi(fronts, 5 * ch + 2) + sc;
      for (let cc = 0; cc < b; cc++) {
        const pc = ldi(pos, ldi(vars, cv + cc));
        const col = off + cc * b - cc;
        for (let rr = cc; rr < b; rr++) {
          const pr = ldi(pos, ldi(vars, cv + rr));
          const r = max(pr, pc), c = min(pr, pc);
          st(front, c * f + r - c, ld(front, c * f + r - c) + ld(stack, col + rr));
        }
      }
      off += b * b;
    }
    top = base;
    ttop -= nc;
    const info = ldltPartial(f, f - 1, front, s);
    if (info != 0) {
      const g = ldi(vars, vo + info - 1);
      for (let i = 0; i < f; i++) sti(pos, ldi(vars, vo + i), -1);
      return g + 1;
    }
    memory.copy(factor + (<usize>fo << 3), front, (<usize>s * <usize>f) << 3);
    const b = f - s;
    if (b > 0) {
      for (let c = 0; c < b; c++) memory.copy(stack + (<usize>(top + c * b) << 3), front + (<usize>((c + s) * f) << 3), (<usize>(b - c)) << 3);
      top += b * b;
      sti(tstack, ttop, t);
      ttop++;
    }
    for (let i = 0; i < f; i++) sti(pos, ldi(vars, vo + i), -1);
  }
  return 0;
}

/** g ← D⁻¹L⁻¹g (global numbering, in place); `work` holds the largest front (f f64). */
export function mfForward(nFronts: i32, fronts: usize, vars: usize, factor: usize, g: usize, work: usize): void {
  for (let t = 0; t < nFronts; t++) {
    const s = ldi(fronts, 5 * t), f = ldi(fronts, 5 * t + 1), vo = ldi(fronts, 5 * t + 2), fo = ldi(fronts, 5 * t + 4);
    for (let i = 0; i < f; i++) st(work, i, ld(g, ldi(vars, vo + i)));
    for (let c = 0; c < s; c++) {
      const col = fo + c * f;
      const wc = ld(work, c);
      st(work, c, wc / ld(factor, col));
      if (wc == 0.0) continue;
      axpyNeg(work + (<usize>(c + 1) << 3), factor + (<usize>(col + 1) << 3), wc, f - 1 - c);
    }
    for (let i = 0; i < f; i++) st(g, ldi(vars, vo + i), ld(work, i));
  }
}

/** Lᵀx = g with the unit L (global numbering, in place), fronts in reverse order. */
export function mfBack(nFronts: i32, fronts: usize, vars: usize, factor: usize, g: usize, work: usize): void {
  for (let t = nFronts - 1; t >= 0; t--) {
    const s = ldi(fronts, 5 * t), f = ldi(fronts, 5 * t + 1), vo = ldi(fronts, 5 * t + 2), fo = ldi(fronts, 5 * t + 4);
    for (let i = 0; i < f; i++) st(work, i, ld(g, ldi(vars, vo + i)));
    for (let c = s - 1; c >= 0; c--) {
      const col = fo + c * f;
      st(work, c, ld(work, c) - dot2(factor + (<usize>(col + 1) << 3), work + (<usize>(c + 1) << 3), f - 1 - c));
    }
    for (let i = 0; i < s; i++) st(g, ldi(vars, vo + i), ld(work, i));
  }
}
