// Multivariate polynomials: expand an expression tree into monomials c·∏ x_i^{e_i}, so the WASM
// core can evaluate U and ∇U of N-D polynomial potentials from a table of powers instead of
// interpreting programs (assembly/potential.ts, kind 4).
import type { Expr } from "./ast.js";

/** A monomial c·∏ x_i^{e_i}. */
export interface Monomial {
  readonly coefficient: number;
  readonly exponents: readonly number[];
}

/** Most monomials / highest total degree an expansion may have (beyond: not worth expanding). */
const MAX_TERMS = 256;
const MAX_DEGREE = 16;

type Poly = Map<string, number>;
const key = (e: readonly number[]) => e.join(",");
const unkey = (k: string) => k.split(",").map(Number);

function multiply(a: Poly, b: Poly, n: number): Poly | null {
  const out: Poly = new Map();
  for (const [ka, ca] of a) {
    const ea = unkey(ka);
    for (const [kb, cb] of b) {
      const eb = unkey(kb);
      const e = Array.from({ length: n }, (_, i) => ea[i]! + eb[i]!);
      if (e.reduce((s, v) => s + v, 0) > MAX_DEGREE) return null;
      const k = key(e);
      out.set(k, (out.get(k) ?? 0) + ca * cb);
    }
  }
  return out.size > MAX_TERMS ? null : out;
}

function expand(t: Expr, n: number): Poly | null {
  const zero = new Array<number>(n).fill(0);
  switch (t.type) {
    case "num":
      return new Map([[key(zero), t.value]]);
    case "var": {
      if (t.index >= n) return null;
      const e = zero.slice();
      e[t.index] = 1;
      return new Map([[key(e), 1]]);
    }
    case "neg": {
      const a = expand(t.arg, n);
      return a && new Map([...a].map(([k, c]) => [k, -c]));
    }
    case "call":
      return null;
    case "bin": {
      const a = expand(t.left, n);
      if (!a) return null;
      if (t.op === "^") {
        if (t.right.type !== "num" || !Number.isInteger(t.right.value) || t.right.value < 0 || t.right.value > MAX_DEGREE) return null;
        let r: Poly | null = new Map([[key(zero), 1]]);
        for (let i = 0; i < t.right.value && r; i++) r = multiply(r, a, n);
        return r;
      }
      const b = expand(t.right, n);
      if (!b) return null;
      if (t.op === "*") return multiply(a, b, n);
      if (t.op === "/") {
        if (b.size !== 1 || !b.has(key(zero)) || b.get(key(zero)) === 0) return null;
        const d = b.get(key(zero))!;
        return new Map([...a].map(([k, c]) => [k, c / d]));
      }
      const out: Poly = new Map(a);
      const sign = t.op === "+" ? 1 : -1;
      for (const [k, c] of b) out.set(k, (out.get(k) ?? 0) + sign * c);
      return out.size > MAX_TERMS ? null : out;
    }
  }
}

/**
 * The monomials of `tree` in n variables (zero coefficients dropped), or null when it is not a
 * polynomial with non-negative integer powers, or has more than 256 terms or degree above 16.
 */
export function monomials(tree: Expr, n: number): Monomial[] | null {
  const p = expand(tree, n);
  if (!p) return null;
  const out: Monomial[] = [];
  for (const [k, c] of p) if (c !== 0) out.push({ coefficient: c, exponents: unkey(k) });
  return out;
}

/** ∂/∂x_i of a list of monomials. */
export function differentiateMonomials(terms: readonly Monomial[], i: number): Monomial[] {
  const out: Monomial[] = [];
  for (const t of terms) {
    const e = t.exponents[i]!;
    if (e === 0) continue;
    const exponents = t.exponents.slice();
    exponents[i] = e - 1;
    out.push({ coefficient: t.coefficient * e, exponents });
  }
  return out;
}
