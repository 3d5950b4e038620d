// Fuzzing the expression parser with a fixed-seed PRNG:
//  1. random valid expressions: the parsed potential's U must equal an independent evaluation of
//     the same random tree (built here as closures, never through the library), within a forward
//     rounding-error bound carried alongside; U′ and U″ must match Ridders-extrapolated central
//     differences of that independent evaluation;
//  2. random garbage strings: parseExpression either succeeds or throws KramersError PARSE_ERROR
//     (never another exception, never a hang), with the reported position inside the string;
//  3. format → parse round trips: formatting is idempotent and preserves the value.
import { describe, expect, it } from "vitest";
import { KramersError, expression } from "../src/index.js";
import { parseExpression } from "../src/potential/expression/parse.js";
import { format } from "../src/potential/expression/ast.js";
import { compile1D } from "../src/potential/expression/evaluate.js";

/** mulberry32: small, fixed-seed PRNG (deterministic test). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EPS = 2 ** -52;

/** An independent evaluation: value v and a bound e on its accumulated rounding error. */
interface Val { v: number; e: number }
interface Node { src: string; ev: (x: number) => Val }

// The functions the grammar offers, with their derivatives (for the error bound).
const FUNS: Record<string, { f: (a: number) => number; d: (a: number) => number }> = {
  sin: { f: Math.sin, d: Math.cos },
  cos: { f: Math.cos, d: (a) => -Math.sin(a) },
  tan: { f: Math.tan, d: (a) => 1 / Math.cos(a) ** 2 },
  exp: { f: Math.exp, d: Math.exp },
  log: { f: Math.log, d: (a) => 1 / a },
  ln: { f: Math.log, d: (a) => 1 / a },
  sqrt: { f: Math.sqrt, d: (a) => 0.5 / Math.sqrt(a) },
  tanh: { f: Math.tanh, d: (a) => 1 - Math.tanh(a) ** 2 },
  sinh: { f: Math.sinh, d: Math.cosh },
  cosh: { f: Math.cosh, d: Math.sinh },
  abs: { f: Math.abs, d: () => 1 },
  atan: { f: Math.atan, d: (a) => 1 / (1 + a * a) },
  asin: { f: Math.asin, d: (a) => 1 / Math.sqrt(1 - a * a) },
  acos: { f: Math.acos, d: (a) => 1 / Math.sqrt(1 - a * a) },
  cbrt: { f: Math.cbrt, d: (a) => 1 / (3 * Math.cbrt(a) ** 2) },
};
const FUN_NAMES = Object.keys(FUNS);

function randomLiteral(r: () => number): { src: string; v: number } {
  const k = Math.floor(r() * 6);
  const int = 1 + Math.floor(r() * 9);
  const frac = Math.floor(r() * 100);
  switch (k) {
    case 0: return { src: String(int), v: int };
    case 1: return { src: `${int}.${frac}`, v: Number(`${int}.${frac}`) };
    case 2: return { src: `.${frac + 1}`, v: Number(`.${frac + 1}`) };
    case 3: return { src: `${int}.`, v: int };
    case 4: return { src: `${int}.${frac}e-1`, v: Number(`${int}.${frac}e-1`) };
    default: return { src: `${int}E1`, v: int * 10 };
  }
}

/** A random expression tree in x, as source text and an independent evaluator. */
function randomTree(r: () => number, depth: number): Node {
  if (depth === 0 || r() < 0.25) {
    const k = r();
    if (k < 0.5) return { src: "x", ev: (x) => ({ v: x, e: 0 }) };
    if (k < 0.9) {
      const lit = randomLiteral(r);
      return { src: lit.src, ev: () => ({ v: lit.v, e: 0 }) };
    }
    const name = r() < 0.5 ? "pi" : "e";
    const v = name === "pi" ? Math.PI : Math.E;
    return { src: name, ev: () => ({ v, e: EPS * v }) };
  }
  const kind = r();
  const sp = () => (r() < 0.3 ? " " : "");
  if (kind < 0.1) {
    const a = randomTree(r, depth - 1);
    return { src: `-(${a.src})`, ev: (x) => { const A = a.ev(x); return { v: -A.v, e: A.e }; } };
  }
  if (kind < 0.6) {
    const a = randomTree(r, depth - 1), b = randomTree(r, depth - 1);
    const op = "+-*/"[Math.floor(r() * 4)]!;
    return {
      src: `(${a.src})${sp()}${op}${sp()}(${b.src})`,
      ev: (x) => {
        const A = a.ev(x), B = b.ev(x);
        switch (op) {
          case "+": { const v = A.v + B.v; return { v, e: A.e + B.e + EPS * Math.abs(v) }; }
          case "-": { const v = A.v - B.v; return { v, e: A.e + B.e + EPS * Math.abs(v) }; }
          case "*": { const v = A.v * B.v; return { v, e: Math.abs(B.v) * A.e + Math.abs(A.v) * B.e + A.e * B.e + EPS * Math.abs(v) }; }
          default: {
            const v = A.v / B.v;
            const db = Math.abs(B.v) - B.e;
            return { v, e: db > 0 ? (A.e + Math.abs(v) * B.e) / db + EPS * Math.abs(v) : Infinity };
          }
        }
      },
    };
  }
  if (kind < 0.75) {
    const a = randomTree(r, depth - 1);
    const n = Math.floor(r() * 5);
    const op = r() < 0.5 ? "^" : "**";
    return {
      src: `(${a.src})${op}${n}`,
      ev: (x) => {
        const A = a.ev(x);
        const v = A.v ** n;
        return { v, e: n === 0 ? 0 : Math.abs(n * A.v ** (n - 1)) * A.e * 1.01 + 4 * n * EPS * Math.abs(v) };
      },
    };
  }
  const name = FUN_NAMES[Math.floor(r() * FUN_NAMES.length)]!;
  const fn = FUNS[name]!;
  const a = randomTree(r, depth - 1);
  return {
    src: `${name}(${a.src})`,
    ev: (x) => {
      const A = a.ev(x);
      const v = fn.f(A.v);
      // first-order propagation plus a few ulps for the library function itself
      return { v, e: Math.abs(fn.d(A.v)) * A.e * 1.01 + 4 * EPS * Math.abs(v) };
    },
  };
}

/** Ridders' extrapolated central difference (Numerical Recipes §5.7), written independently here. */
function ridders(f: (x: number) => number, x: number, h0: number): { d: number; err: number } {
  const CON = 1.4, CON2 = CON * CON, NTAB = 10;
  const a: number[][] = Array.from({ length: NTAB }, () => new Array<number>(NTAB).fill(0));
  let h = h0;
  a[0]![0] = (f(x + h) - f(x - h)) / (2 * h);
  let best = a[0]![0]!, err = Infinity;
  for (let i = 1; i < NTAB; i++) {
    h /= CON;
    a[0]![i] = (f(x + h) - f(x - h)) / (2 * h);
    let fac = CON2;
    for (let j = 1; j <= i; j++) {
      a[j]![i] = (a[j - 1]![i]! * fac - a[j - 1]![i - 1]!) / (fac - 1);
      fac *= CON2;
      const e = Math.max(Math.abs(a[j]![i]! - a[j - 1]![i]!), Math.abs(a[j]![i]! - a[j - 1]![i - 1]!));
      if (e <= err) { err = e; best = a[j]![i]!; }
    }
    if (Math.abs(a[i]![i]! - a[i - 1]![i - 1]!) >= 2 * err) break;
  }
  return { d: best, err };
}

const SEED = 20261125;

function parseErrorOf(src: string): KramersError {
  try {
    parseExpression(src);
  } catch (e) {
    if (e instanceof KramersError) return e;
    throw e;
  }
  throw new Error(`${src} parsed`);
}
const POINTS = [-1.37, -0.61, -0.05, 0.33, 0.9, 1.46];

describe("expression parser fuzz: random valid expressions", () => {
  const r = prng(SEED);
  const all = Array.from({ length: 400 }, () => randomTree(r, 1 + Math.floor(r() * 5)));
  // a constant subexpression that folds to NaN/±Infinity (e.g. acos(pi)) is rejected with PARSE_ERROR
  const rejected: string[] = [];
  const trees = all.filter((t) => {
    try {
      parseExpression(t.src);
      return true;
    } catch (e) {
      if (!(e instanceof KramersError && e.code === "PARSE_ERROR" && /constants must be finite/.test(e.message))) throw e;
      rejected.push(t.src);
      return false;
    }
  });

  it("only constant subexpressions that are not finite are rejected, and they are few", () => {
    expect(rejected.length).toBeLessThan(0.1 * all.length);
    for (const src of rejected) {
      const e = parseErrorOf(src);
      expect(e.details?.position).toBeGreaterThanOrEqual(0);
      expect(e.details?.position).toBeLessThan(src.length);
      expect(e.message).toMatch(/evaluates to (NaN|-?Infinity)/);
    }
  });

  it("U equals an independent evaluation of the same tree within its rounding-error bound", () => {
    let compared = 0;
    for (const t of trees) {
      const p = expression(t.src);
      for (const x of POINTS) {
        const ref = t.ev(x);
        if (!Number.isFinite(ref.v) || !Number.isFinite(ref.e) || Math.abs(ref.v) > 1e12) continue;
        const got = p.U(x);
        // the library folds constants and reorders products, so allow the forward bound ×16 (rounding
        // in the two evaluation orders) plus a few ulps
        const tol = 16 * ref.e + 8 * EPS * Math.abs(ref.v) + 1e-300;
        if (!(Math.abs(got - ref.v) <= tol)) {
          throw new Error(`U mismatch for ${t.src} at x = ${x}: library ${got}, independent ${ref.v} ± ${tol}`);
        }
        compared++;
      }
    }
    // most points are finite: the comparison is not vacuous
    expect(compared).toBeGreaterThan(0.6 * trees.length * POINTS.length);
  });

  it("U′ and U″ equal Ridders central differences of the independent evaluation", () => {
    let compared = 0;
    for (const t of trees) {
      const p = expression(t.src);
      const f = (x: number) => t.ev(x).v;
      for (const x of POINTS) {
        const ref = t.ev(x);
        if (!Number.isFinite(ref.v) || Math.abs(ref.v) > 1e6) continue;
        const d1 = ridders(f, x, 0.05);
        // skip kinks, poles and ill-conditioned points where the finite difference itself is unreliable
        if (!Number.isFinite(d1.d) || !(d1.err <= 1e-7 * (1 + Math.abs(d1.d)))) continue;
        const got1 = p.dU(x);
        if (!(Math.abs(got1 - d1.d) <= 100 * d1.err + 1e-8 * (1 + Math.abs(d1.d)))) {
          throw new Error(`U′ mismatch for ${t.src} at x = ${x}: symbolic ${got1}, Ridders ${d1.d} ± ${d1.err}`);
        }
        // U″ against a Ridders difference of the independent first difference
        const d2 = ridders((y) => ridders(f, y, 0.05).d, x, 0.05);
        if (Number.isFinite(d2.d) && d2.err <= 1e-5 * (1 + Math.abs(d2.d))) {
          const got2 = p.d2U(x);
          if (!(Math.abs(got2 - d2.d) <= 100 * d2.err + 1e-5 * (1 + Math.abs(d2.d)))) {
            throw new Error(`U″ mismatch for ${t.src} at x = ${x}: symbolic ${got2}, Ridders ${d2.d} ± ${d2.err}`);
          }
        }
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0.5 * trees.length * POINTS.length);
  });

  it("format → parse round trips: format is idempotent and the value is preserved", () => {
    for (const t of trees) {
      const tree = parseExpression(t.src);
      const text = format(tree);
      const again = parseExpression(text);
      expect(format(again)).toBe(text);
      const f1 = compile1D(tree), f2 = compile1D(again);
      for (const x of POINTS) {
        const a = f1(x), b = f2(x);
        if (Number.isNaN(a)) expect(Number.isNaN(b)).toBe(true);
        else expect(b).toBe(a);
      }
    }
  });
});

describe("expression parser fuzz: garbage", () => {
  const ALPHABET = [
    "x", "y", "1", "0", "2.5", ".", "e", "E", "+", "-", "*", "/", "^", "**", "(", ")", " ", "\t", ",", "pi",
    "sin", "log(", "exp", "sqrt(", "abs", "#", "$", "=", "[", "]", "é", "∞", "NaN", "Infinity", "1e", "1e+", "_a", "x2",
  ];
  const r = prng(SEED + 1);
  const strings: string[] = [];
  for (let i = 0; i < 4000; i++) {
    const n = Math.floor(r() * 14);
    let s = "";
    for (let k = 0; k < n; k++) s += ALPHABET[Math.floor(r() * ALPHABET.length)]!;
    strings.push(s);
  }
  // hostile shapes: deep nesting, very long inputs, control characters, lone operators
  strings.push("(".repeat(100000) + "x" + ")".repeat(100000));
  strings.push("-".repeat(100000) + "x");
  strings.push("x" + "^x".repeat(100000));
  strings.push("sin(".repeat(50000) + "x" + ")".repeat(50000));
  strings.push("x+".repeat(200000) + "x");
  strings.push("(".repeat(5000));
  strings.push("\u0000", "x\u0000", "", "   ", "()", "x(", ")x(", "1..2", "1e", "2*+", "x**", "sin", "sin()", "ln x");

  it("every string parses or throws KramersError PARSE_ERROR with a position inside the string", () => {
    let errors = 0, parsed = 0;
    for (const s of strings) {
      try {
        parseExpression(s);
        parsed++;
      } catch (e) {
        if (!(e instanceof KramersError) || e.code !== "PARSE_ERROR") {
          throw new Error(`input ${JSON.stringify(s.slice(0, 60))}${s.length > 60 ? "…" : ""} threw ${e instanceof KramersError ? e.code : String(e)}`);
        }
        const pos = e.details?.position as number;
        expect(pos).toBeGreaterThanOrEqual(0);
        expect(pos).toBeLessThanOrEqual(s.length);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(1000);
    expect(parsed).toBeGreaterThan(10); // some random strings are valid, e.g. "x", "1"
  });

  it("garbage through expression() gives a KramersError (PARSE_ERROR, or NOT_FINITE for an overflowing literal)", () => {
    for (const s of strings.slice(0, 1000)) {
      try {
        expression(s);
      } catch (e) {
        expect(e).toBeInstanceOf(KramersError);
        expect(["PARSE_ERROR", "NOT_FINITE", "INVALID_ARGUMENT"]).toContain((e as KramersError).code);
      }
    }
  });
});
