// Turn trees into fast JS closures (no eval, so it works under a strict Content-Security-Policy)
// and detect polynomials (which the WASM core evaluates by Horner's rule).
import { applyUnary, type Expr } from "./ast.js";

/** A compiled function of the coordinate. */
export type Compiled1D = (x: number) => number;
/** A compiled function of a coordinate vector. */
export type CompiledND = (x: ArrayLike<number>) => number;

/** Compile a tree to a closure over an argument of type A; `variable(i)` reads coordinate i from it. */
function compileWith<A>(e: Expr, variable: (index: number) => (x: A) => number): (x: A) => number {
  const rec = (t: Expr): ((x: A) => number) => {
    switch (t.type) {
      case "num": {
        const v = t.value;
        return () => v;
      }
      case "var":
        return variable(t.index);
      case "neg": {
        const f = rec(t.arg);
        return (x) => -f(x);
      }
      case "call": {
        const f = rec(t.arg);
        const fn = t.fn;
        switch (fn) {
          case "sin": return (x) => Math.sin(f(x));
          case "cos": return (x) => Math.cos(f(x));
          case "exp": return (x) => Math.exp(f(x));
          default: return (x) => applyUnary(fn, f(x));
        }
      }
      case "bin": {
        const l = rec(t.left);
        // small integer powers are the hot case for polynomial-like potentials
        if (t.op === "^" && t.right.type === "num" && Number.isInteger(t.right.value) && Math.abs(t.right.value) <= 8) {
          const n = t.right.value;
          return (x) => integerPower(l(x), n);
        }
        const r = rec(t.right);
        switch (t.op) {
          case "+": return (x) => l(x) + r(x);
          case "-": return (x) => l(x) - r(x);
          case "*": return (x) => l(x) * r(x);
          case "/": return (x) => l(x) / r(x);
          case "^": return (x) => Math.pow(l(x), r(x));
        }
      }
    }
    throw new Error("unreachable");
  };
  return rec(e);
}

/** Compile a tree in one variable (variable 0) to a closure. */
export function compile1D(e: Expr): Compiled1D {
  return compileWith<number>(e, () => (x) => x);
}

/** Compile a tree in several variables (variable i reads x[i]) to a closure. */
export function compileND(e: Expr): CompiledND {
  return compileWith<ArrayLike<number>>(e, (i) => (x) => x[i]!);
}

/** b^n for integer n by repeated multiplication (exact for the small n used in potentials). */
export function integerPower(b: number, n: number): number {
  let e = Math.abs(n);
  let result = 1;
  let base = b;
  while (e > 0) {
    if (e & 1) result *= base;
    base *= base;
    e >>= 1;
  }
  return n < 0 ? 1 / result : result;
}

const MAX_POLYNOMIAL_DEGREE = 64;

/**
 * Coefficients c0…cn (U = Σ c_k x^k) if the tree is a polynomial in variable 0 with
 * non-negative integer powers, else null.
 */
export function polynomialCoefficients(e: Expr): number[] | null {
  switch (e.type) {
    case "num": return [e.value];
    case "var": return [0, 1];
    case "neg": {
      const p = polynomialCoefficients(e.arg);
      return p && p.map((c) => -c);
    }
    case "call": return null;
    case "bin": {
      const a = polynomialCoefficients(e.left);
      if (!a) return null;
      if (e.op === "^") {
        if (e.right.type !== "num") return null;
        const n = e.right.value;
        if (!Number.isInteger(n) || n < 0 || n * (a.length - 1) > MAX_POLYNOMIAL_DEGREE) return null;
        let result = [1];
        for (let i = 0; i < n; i++) result = multiply(result, a);
        return result;
      }
      const b = polynomialCoefficients(e.right);
      if (!b) return null;
      switch (e.op) {
        case "+": return combine(a, b, 1);
        case "-": return combine(a, b, -1);
        case "*": return a.length + b.length - 2 > MAX_POLYNOMIAL_DEGREE ? null : multiply(a, b);
        case "/":
          if (b.length !== 1 || b[0] === 0) return null;
          return a.map((c) => c / b[0]!);
      }
    }
  }
  return null;
}

function combine(a: number[], b: number[], sign: number): number[] {
  const out = new Array<number>(Math.max(a.length, b.length)).fill(0);
  a.forEach((c, i) => (out[i]! += c));
  b.forEach((c, i) => (out[i]! += sign * c));
  return out;
}

function multiply(a: number[], b: number[]): number[] {
  const out = new Array<number>(a.length + b.length - 1).fill(0);
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) out[i + j]! += a[i]! * b[j]!;
  return out;
}

/** Drop trailing zero coefficients (keep at least one). */
export function trimPolynomial(c: readonly number[]): number[] {
  let n = c.length;
  while (n > 1 && c[n - 1] === 0) n--;
  return c.slice(0, n);
}
