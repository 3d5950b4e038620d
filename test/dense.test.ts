// Small dense linear algebra (src/linalg/dense.ts): the Jacobi eigen-decomposition against closed
// forms, orthonormality and reconstruction; the pivoted LU solve against a known solution.
import { describe, expect, it } from "vitest";
import { solveLinear, symmetricEigen } from "../src/linalg/dense.js";

describe("symmetricEigen", () => {
  it("gives the eigenvalues 2 − 2cos(kπ/(n+1)) of the second-difference matrix, orthonormal vectors, and A = VΛVᵀ to rounding", () => {
    for (const n of [2, 3, 7, 20]) {
      const A = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        A[i * n + i] = 2;
        if (i + 1 < n) A[i * n + i + 1] = A[(i + 1) * n + i] = -1;
      }
      const { values, vectors } = symmetricEigen(A, n);
      // Jacobi rotations are backward stable: errors ≲ n·ε·‖A‖ (‖A‖ ≤ 4), 1.8e-13 at n = 20
      const tol = n * Number.EPSILON * 4 * 10;
      for (let k = 0; k < n; k++) expect(Math.abs(values[k]! - (2 - 2 * Math.cos(((k + 1) * Math.PI) / (n + 1))))).toBeLessThan(tol);
      for (let a = 0; a < n; a++) {
        for (let b = 0; b < n; b++) {
          let dot = 0, rec = 0;
          for (let i = 0; i < n; i++) dot += vectors[i * n + a]! * vectors[i * n + b]!;
          for (let k = 0; k < n; k++) rec += vectors[a * n + k]! * values[k]! * vectors[b * n + k]!;
          expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(tol);
          expect(Math.abs(rec - A[a * n + b]!)).toBeLessThan(tol);
        }
      }
    }
  });

  it("handles indefinite and diagonal matrices (the Hessian of a saddle)", () => {
    const { values, vectors } = symmetricEigen([-4, 0, 0, 4], 2);
    expect(Array.from(values)).toEqual([-4, 4]);
    expect(Math.abs(vectors[0]!)).toBe(1);
  });
});

describe("solveLinear", () => {
  it("solves a system that needs pivoting, and returns null for a singular one", () => {
    const A = [0, 2, 1, 1, 1, 0, 2, 0, 3];
    const x = [1, -2, 3];
    const b = [0, 1, 2].map((r) => A[3 * r]! * x[0]! + A[3 * r + 1]! * x[1]! + A[3 * r + 2]! * x[2]!);
    const sol = solveLinear(A, b, 3)!;
    for (let i = 0; i < 3; i++) expect(sol[i]).toBeCloseTo(x[i]!, 14);
    expect(solveLinear([1, 2, 2, 4], [1, 1], 2)).toBeNull();
  });
});
