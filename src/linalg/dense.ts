// Small dense linear algebra for the N-D landscape (Hessians of a few to a few hundred
// coordinates): the symmetric eigenproblem by cyclic Jacobi rotations (accurate to a few ulps of
// the largest eigenvalue, eigenvectors orthonormal to rounding) and linear solves by pivoted LU.
// Matrices are row-major Float64Arrays.

/** Eigenvalues (ascending) and eigenvectors (column k of `vectors` belongs to values[k]) of a symmetric matrix. */
export interface SymmetricEigen {
  readonly values: Float64Array;
  /** n×n row-major; column k is the unit eigenvector of values[k]. */
  readonly vectors: Float64Array;
}

/**
 * The eigen-decomposition of the symmetric n×n matrix `a` (row-major; only its symmetric part is
 * used) by cyclic Jacobi sweeps until the off-diagonal norm is below 1e-15 of the matrix norm
 * (Golub & Van Loan §8.5; quadratic convergence, ≈ 6–10 sweeps).
 */
export function symmetricEigen(a: ArrayLike<number>, n: number): SymmetricEigen {
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = 0.5 * (a[i * n + j]! + a[j * n + i]!);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let norm = 0;
  for (let i = 0; i < n * n; i++) norm += A[i]! * A[i]!;
  const threshold = 1e-30 * norm;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += 2 * A[p * n + q]! ** 2;
    if (off <= threshold) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q]!;
        if (apq === 0) continue;
        // the rotation that zeroes A[p][q] (the smaller of the two angles, for stability)
        const theta = (A[q * n + q]! - A[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1), s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p]!, akq = A[k * n + q]!;
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k]!, aqk = A[q * n + k]!;
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p]!, vkq = V[k * n + q]!;
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => A[i * n + i]! - A[j * n + j]!);
  const values = new Float64Array(n), vectors = new Float64Array(n * n);
  order.forEach((src, k) => {
    values[k] = A[src * n + src]!;
    for (let i = 0; i < n; i++) vectors[i * n + k] = V[i * n + src]!;
  });
  return { values, vectors };
}

/** x = A⁻¹b for the n×n row-major `a` by LU with partial pivoting; null if A is singular. */
export function solveLinear(a: ArrayLike<number>, b: ArrayLike<number>, n: number): Float64Array | null {
  const A = Float64Array.from({ length: n * n }, (_, i) => a[i]!);
  const x = Float64Array.from({ length: n }, (_, i) => b[i]!);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(A[r * n + c]!) > Math.abs(A[p * n + c]!)) p = r;
    if (A[p * n + c] === 0) return null;
    if (p !== c) {
      for (let k = 0; k < n; k++) [A[c * n + k], A[p * n + k]] = [A[p * n + k]!, A[c * n + k]!];
      [x[c], x[p]] = [x[p]!, x[c]!];
    }
    for (let r = c + 1; r < n; r++) {
      const l = A[r * n + c]! / A[c * n + c]!;
      if (l === 0) continue;
      for (let k = c; k < n; k++) A[r * n + k]! -= l * A[c * n + k]!;
      x[r]! -= l * x[c]!;
    }
  }
  for (let r = n - 1; r >= 0; r--) {
    let s = x[r]!;
    for (let k = r + 1; k < n; k++) s -= A[r * n + k]! * x[k]!;
    x[r] = s / A[r * n + r]!;
  }
  return x;
}
