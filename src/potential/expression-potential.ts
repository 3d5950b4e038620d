// Potentials written as expressions (and polynomials): exact derivatives by symbolic
// differentiation; polynomials go to WASM as Horner coefficients, other expressions as programs.
import { requireFinite, requireInterval, requireOptions, requirePositive } from "../validate.js";
import { KramersError } from "../errors.js";
import { format, num, type Expr } from "./expression/ast.js";
import { emitProgram, MAX_STACK_DEPTH } from "./expression/bytecode.js";
import { differentiate } from "./expression/derivative.js";
import { compile1D, polynomialCoefficients, trimPolynomial } from "./expression/evaluate.js";
import { parseExpression } from "./expression/parse.js";
import type { Potential1D } from "./types.js";

/** Options of {@link expression}. */
export interface ExpressionOptions {
  /** Values of named parameters used in the expression, e.g. `{ a: 1, b: 0.1 }`. */
  readonly parameters?: Readonly<Record<string, number>>;
  /** Name of the coordinate. @default "x" */
  readonly variable?: string;
  /** Period of U′ if it is periodic (informational; used by periodic domains). */
  readonly period?: number;
  /** A domain that shows the interesting features. */
  readonly suggestedDomain?: readonly [number, number];
  /** A label for tables and plots. @default the expression */
  readonly label?: string;
}

const KIND_POLYNOMIAL = 0;
const KIND_PROGRAM = 1;

/**
 * Whether Horner's rule on the expanded coefficients evaluates U on `domain` to ~1e-12 of U's range
 * there: its rounding error is at most 2nε·Σ|c_k||x|^k (Higham, Accuracy and Stability, §5.1).
 */
function hornerAccurate(c: readonly number[], U: (x: number) => number, domain: readonly [number, number]): boolean {
  const M = Math.max(Math.abs(domain[0]), Math.abs(domain[1]));
  let bound = 0;
  for (let k = c.length - 1; k >= 0; k--) bound = bound * M + Math.abs(c[k]!);
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i <= 64; i++) {
    const v = U(domain[0] + ((domain[1] - domain[0]) * i) / 64);
    if (Number.isFinite(v)) [lo, hi] = [Math.min(lo, v), Math.max(hi, v)];
  }
  const range = hi - lo;
  return 2 * c.length * Number.EPSILON * bound <= 1e-12 * (range > 0 ? range : Math.max(Math.abs(hi), Number.MIN_VALUE));
}

/** Build a potential from a parsed tree (shared by expressions, polynomials and families). */
export function potentialFromTree(tree: Expr, label: string, extra: Omit<ExpressionOptions, "parameters" | "variable" | "label"> & { readonly exactCoefficients?: boolean } = {}): Potential1D {
  const dTree = differentiate(tree);
  const d2Tree = differentiate(dTree);
  const coefficients = polynomialCoefficients(tree);
  const poly = coefficients ? trimPolynomial(coefficients) : undefined;
  if (poly && poly.some((c) => !Number.isFinite(c))) {
    throw new KramersError("NOT_FINITE", `potential ${label} has a non-finite coefficient`);
  }
  const U = compile1D(tree), dU = compile1D(dTree), d2U = compile1D(d2Tree);
  let cachedPoly: Float64Array | undefined, cachedProgram: Float64Array | undefined;
  const program = (): Float64Array => {
    if (cachedProgram) return cachedProgram;
    const programs = [tree, dTree, d2Tree].map(emitProgram);
    const depth = Math.max(...programs.map((p) => p.depth));
    if (depth > MAX_STACK_DEPTH) {
      throw new KramersError("INVALID_ARGUMENT", `expression ${label} is nested too deeply for the WASM evaluator (stack ${depth} > ${MAX_STACK_DEPTH})`);
    }
    cachedProgram = Float64Array.from([KIND_PROGRAM, ...programs.map((p) => p.code.length), ...programs.flatMap((p) => p.code)]);
    return cachedProgram;
  };
  const descriptor = (domain?: readonly [number, number]): Float64Array => {
    // Horner on the expanded coefficients is fast but cancels when the tree was a shifted form
    // such as (x − 1000)^4/4 − (x − 1000)^2/2 (coefficients ~1e12 for U ~ 1): then the WASM core
    // gets the tree's own program instead, which is as accurate as U(x) in JS
    if (poly && (extra.exactCoefficients || !domain || hornerAccurate(poly, U, domain))) {
      cachedPoly ??= Float64Array.from([KIND_POLYNOMIAL, poly.length, ...poly]);
      return cachedPoly;
    }
    return program();
  };
  const potential: Potential1D = {
    dimension: 1,
    label,
    kind: poly ? "polynomial" : "expression",
    derivatives: "exact",
    U, dU, d2U,
    trees: { U: tree, dU: dTree, d2U: d2Tree },
    ...(poly ? { coefficients: Object.freeze(poly) } : {}),
    ...(extra.period !== undefined ? { period: extra.period } : {}),
    ...(extra.suggestedDomain ? { suggestedDomain: extra.suggestedDomain } : {}),
    descriptor,
  };
  return Object.freeze(potential);
}

/**
 * A potential from an expression string with exact (symbolic) derivatives.
 *
 * Syntax: numbers, `x`, named parameters, `+ - * /` (the typographic minus − is read as -), `^` or `**` (right-associative, `-x^2 = -(x^2)`),
 * parentheses, `pi`, `e`, and the functions sin cos tan exp log (ln) sqrt tanh sinh cosh abs atan
 * asin acos cbrt. Products need an explicit `*`.
 *
 * @param source - the expression, e.g. `"x^4/4 - x^2/2 + 0.1*x"`
 * @param options - parameters, variable name, label
 * @returns the potential; polynomials are evaluated in WASM by Horner's rule
 * @throws KramersError PARSE_ERROR with the position of a syntax error
 * @example
 * ```ts
 * const U = expression("a*x^4/4 - b*x^2/2", { parameters: { a: 1, b: 2 } });
 * U.U(1);   // -0.75
 * U.dU(1);  // -1
 * ```
 */
export function expression(source: string, options: ExpressionOptions = {}): Potential1D {
  requireOptions("expression options", options, ["parameters", "variable", "period", "suggestedDomain", "label"]);
  if (options.parameters !== undefined && (options.parameters === null || typeof options.parameters !== "object" || Array.isArray(options.parameters))) {
    throw new KramersError("INVALID_ARGUMENT", `parameters must be an object of numbers like { a: 1 }, got ${JSON.stringify(options.parameters)}`, { option: "parameters" });
  }
  const variable = options.variable ?? "x";
  if (typeof variable !== "string" || !/^[A-Za-z_][A-Za-z_0-9]*$/.test(variable)) {
    throw new KramersError("INVALID_ARGUMENT", `variable must be a name (letters, digits, _), got ${JSON.stringify(variable)}`, { option: "variable" });
  }
  if (options.period !== undefined) requirePositive("period", options.period);
  if (options.suggestedDomain !== undefined) requireInterval("suggestedDomain", options.suggestedDomain);
  const tree = parseExpression(source, { variables: [variable], ...(options.parameters ? { parameters: options.parameters } : {}) });
  return potentialFromTree(tree, options.label ?? source.trim(), options);
}

/**
 * A polynomial potential U(x) = Σ c_k x^k from its coefficients, lowest order first.
 *
 * @param coefficients - c0, c1, …, cn (finite numbers)
 * @example
 * ```ts
 * polynomial([0, 0, -0.5, 0, 0.25]); // x^4/4 - x^2/2
 * ```
 */
export function polynomial(coefficients: readonly number[]): Potential1D {
  if (!Array.isArray(coefficients) || coefficients.length === 0) {
    throw new KramersError("INVALID_ARGUMENT", "polynomial coefficients must be a non-empty array, lowest order first");
  }
  coefficients.forEach((c, k) => requireFinite(`coefficients[${k}]`, c));
  const c = trimPolynomial(coefficients);
  // Horner form as a tree, so the symbolic machinery (derivatives, interval bounds) applies
  let tree: Expr = num(c[c.length - 1]!);
  const x: Expr = { type: "var", index: 0, name: "x" };
  for (let k = c.length - 2; k >= 0; k--) {
    tree = { type: "bin", op: "+", left: { type: "bin", op: "*", left: tree, right: x }, right: num(c[k]!) };
  }
  const label = c
    .map((v, k) => (v === 0 ? "" : k === 0 ? `${v}` : k === 1 ? `${v}*x` : `${v}*x^${k}`))
    .filter(Boolean)
    .join(" + ") || "0";
  // the caller's coefficients are the potential: Horner on them is the definition, not an approximation
  return potentialFromTree(tree, label.replace(/\+ -/g, "- "), { exactCoefficients: true });
}

/** Print a potential's tree (for debugging and labels). */
export function formatTree(tree: Expr): string {
  return format(tree);
}
