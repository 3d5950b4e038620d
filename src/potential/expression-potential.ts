// Potentials written as expressions (and polynomials): exact derivatives by symbolic
// differentiation; polynomials go to WASM as Horner coefficients, other expressions as programs.
import { requireFinite } from "../validate.js";
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

/** Build a potential from a parsed tree (shared by expressions, polynomials and families). */
export function potentialFromTree(tree: Expr, label: string, extra: Omit<ExpressionOptions, "parameters" | "variable" | "label"> = {}): Potential1D {
  const dTree = differentiate(tree);
  const d2Tree = differentiate(dTree);
  const coefficients = polynomialCoefficients(tree);
  const poly = coefficients ? trimPolynomial(coefficients) : undefined;
  if (poly && poly.some((c) => !Number.isFinite(c))) {
    throw new KramersError("NOT_FINITE", `potential ${label} has a non-finite coefficient`);
  }
  const U = compile1D(tree), dU = compile1D(dTree), d2U = compile1D(d2Tree);
  let cached: Float64Array | undefined;
  const descriptor = (): Float64Array => {
    if (cached) return cached;
    if (poly) {
      cached = Float64Array.from([KIND_POLYNOMIAL, poly.length, ...poly]);
    } else {
      const programs = [tree, dTree, d2Tree].map(emitProgram);
      const depth = Math.max(...programs.map((p) => p.depth));
      if (depth > MAX_STACK_DEPTH) {
        throw new KramersError("INVALID_ARGUMENT", `expression ${label} is nested too deeply for the WASM evaluator (stack ${depth} > ${MAX_STACK_DEPTH})`);
      }
      cached = Float64Array.from([KIND_PROGRAM, ...programs.map((p) => p.code.length), ...programs.flatMap((p) => p.code)]);
    }
    return cached;
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
 * Syntax: numbers, `x`, named parameters, `+ - * /`, `^` or `**` (right-associative, `-x^2 = -(x^2)`),
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
  const variable = options.variable ?? "x";
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
  return potentialFromTree(tree, label.replace(/\+ -/g, "- "));
}

/** Print a potential's tree (for debugging and labels). */
export function formatTree(tree: Expr): string {
  return format(tree);
}
