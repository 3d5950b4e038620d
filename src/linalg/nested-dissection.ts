// Nested-dissection elimination trees for lattices: the symbolic half of the multifrontal
// LDLᵀ (assembly/multifrontal.ts and its JS twin src/kernels-js/multifrontal.ts run the numbers).
//
// A rectangle of the lattice is cut by a line of unknowns across its longer side; the two halves
// are dissected in turn and the line is eliminated after them. A front holds the unknowns it
// eliminates and its boundary: the ring of unknowns around its rectangle, which lie on ancestor
// lines (the couplings reach the 8 neighbours at most). On an a × b lattice this costs O((ab)^1.5)
// flops and O(ab·log) memory, against ab·min(a, b)² and ab·min(a, b) for a band.

/** The elimination tree of a lattice, in the layout the multifrontal kernels read. */
export interface EliminationTree {
  /** Number of fronts (postorder; the last is the root). */
  readonly count: number;
  /** 5 i32 per front: eliminated count s, front size f, offset into vars, children with an update matrix, offset into the factor. */
  readonly fronts: Int32Array;
  /** Each front's unknowns, the eliminated ones first. */
  readonly vars: Int32Array;
  /** f64 entries of the factor (Σ s·f). */
  readonly factorSize: number;
  /** Largest front size f. */
  readonly maxFront: number;
  /** Largest f64 count the stack of update matrices reaches. */
  readonly stackPeak: number;
  /** Multiply-adds of the factorization. */
  readonly flops: number;
  /** f64 entries of every buffer of a factorization (factor, front, stack, the 9-slot ELL matrix, index maps). */
  readonly storage: number;
}

/** Rectangles with at most this many unknowns are eliminated whole (one dense front). */
const LEAF = 48;

const cache = new Map<string, EliminationTree>();

/**
 * Nested dissection of the nx × ny lattice (unknown (k, j) = k·ny + j, couplings to the 8
 * neighbours at most), with the column k = nx − 1 eliminated last as the root front — so that a
 * border coupled to that column only (an absorbing edge) needs the root's factor alone.
 */
export function latticeDissection(nx: number, ny: number): EliminationTree {
  if (!(Number.isInteger(nx) && Number.isInteger(ny) && nx >= 1 && ny >= 1)) throw new RangeError(`latticeDissection: bad lattice ${nx} × ${ny}`);
  const key = `${nx}x${ny}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const fronts: number[] = [];
  const vars: number[] = [];
  let factorSize = 0, maxFront = 0, flops = 0;
  let top = 0, stackPeak = 0;
  const updates: number[] = [];
  const id = (k: number, j: number) => k * ny + j;
  const ring = (k0: number, k1: number, j0: number, j1: number, out: number[]) => {
    for (let k = Math.max(0, k0 - 1); k <= Math.min(nx - 1, k1); k++) {
      for (let j = Math.max(0, j0 - 1); j <= Math.min(ny - 1, j1); j++) {
        if (k >= k0 && k < k1 && j >= j0 && j < j1) continue;
        out.push(id(k, j));
      }
    }
  };
  const emit = (elim: number[], bnd: number[], children: number) => {
    const s = elim.length, f = s + bnd.length;
    fronts.push(s, f, vars.length, children, factorSize);
    for (const v of elim) vars.push(v);
    for (const v of bnd) vars.push(v);
    factorSize += s * f;
    maxFront = Math.max(maxFront, f);
    for (let c = 0; c < s; c++) flops += ((f - 1 - c) * (f - c)) / 2;
    for (let c = 0; c < children; c++) top -= updates.pop()!;
    const b = f - s;
    if (b > 0) {
      updates.push(b * b);
      top += b * b;
      stackPeak = Math.max(stackPeak, top);
    }
    return b > 0 ? 1 : 0;
  };
  // returns the number of update matrices it left on the stack (0 or 1)
  const dissect = (k0: number, k1: number, j0: number, j1: number): number => {
    const a = k1 - k0, b = j1 - j0;
    if (a <= 0 || b <= 0) return 0;
    const bnd: number[] = [];
    ring(k0, k1, j0, j1, bnd);
    if (a * b <= LEAF) {
      const elim: number[] = [];
      for (let k = k0; k < k1; k++) for (let j = j0; j < j1; j++) elim.push(id(k, j));
      return emit(elim, bnd, 0);
    }
    const elim: number[] = [];
    let children: number;
    if (a >= b) {
      const km = (k0 + k1) >> 1;
      children = dissect(k0, km, j0, j1) + dissect(km + 1, k1, j0, j1);
      for (let j = j0; j < j1; j++) elim.push(id(km, j));
    } else {
      const jm = (j0 + j1) >> 1;
      children = dissect(k0, k1, j0, jm) + dissect(k0, k1, jm + 1, j1);
      for (let k = k0; k < k1; k++) elim.push(id(k, jm));
    }
    return emit(elim, bnd, children);
  };
  const children = dissect(0, nx - 1, 0, ny);
  const root: number[] = [];
  for (let j = 0; j < ny; j++) root.push(id(nx - 1, j));
  emit(root, [], children);
  const n = nx * ny;
  const tree: EliminationTree = {
    count: fronts.length / 5,
    fronts: Int32Array.from(fronts),
    vars: Int32Array.from(vars),
    factorSize,
    maxFront,
    stackPeak,
    flops,
    // factor + front + stack + ELL values (9n) and indices (4.5n) + pos (n/2) + tree arrays (as f64)
    storage: factorSize + maxFront * maxFront + stackPeak + 14 * n + (fronts.length + vars.length) / 2,
  };
  if (cache.size > 16) cache.delete(cache.keys().next().value!);
  cache.set(key, tree);
  return tree;
}
