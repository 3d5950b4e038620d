// Potentials of several coordinates: expressions (exact gradient and Hessian by symbolic
// differentiation), JS functions (Ridders finite differences unless derivatives are given), the
// Müller–Brown surface, and the resolver the N-D APIs use.
import { KramersError } from "../errors.js";
import { requireInteger, requireOptions, requirePositive } from "../validate.js";
import { dependsOn, type Expr } from "./expression/ast.js";
import { differentiate } from "./expression/derivative.js";
import { compileND } from "./expression/evaluate.js";
import { emitProgram, MAX_STACK_DEPTH } from "./expression/bytecode.js";
import { differentiateMonomials, monomials } from "./expression/monomials.js";
import { parseExpression } from "./expression/parse.js";
import { riddersDerivative } from "./function-potential.js";
import type { PotentialND } from "./types.js";

/** Options of {@link expressionND}. */
export interface ExpressionNDOptions {
  /** Coordinate names in order. @default those of x, y, z the expression uses (x and y at least) */
  readonly variables?: readonly string[];
  /** Values of named parameters used in the expression. */
  readonly parameters?: Readonly<Record<string, number>>;
  /** A box [lo, hi] per coordinate that shows the interesting features. */
  readonly suggestedDomain?: readonly (readonly [number, number])[];
  /** A label for tables and plots. @default the expression */
  readonly label?: string;
}

function checkBox(box: unknown, n: number, option: string): (readonly [number, number])[] | undefined {
  if (box === undefined) return undefined;
  if (!Array.isArray(box) || box.length !== n || box.some((b) => !Array.isArray(b) || b.length !== 2 || !Number.isFinite(b[0]) || !Number.isFinite(b[1]) || !(b[0] < b[1]))) {
    throw new KramersError("BAD_DOMAIN", `${option} must be ${n} intervals [lo, hi] with lo < hi, got ${JSON.stringify(box)}`, { option });
  }
  return box.map((b: number[]) => [b[0]!, b[1]!] as const);
}

/** Descriptor kinds of N-D potentials (assembly/potential.ts): stack-machine programs, monomials. */
const KIND_PROGRAM_ND = 3;
const KIND_MONOMIALS_ND = 4;

/**
 * A polynomial U as monomial tables (kind 4): [4, n, maxPower, then for U and each ∂U/∂x_i the
 * count of terms and the terms (coefficient, n exponents)]. Only where the expansion is safe to
 * evaluate: coefficients ≤ 1e6 and total degree ≤ 8 (large coefficients would mean cancellation,
 * as in a shifted (x − 1000)^4 expanded), and n·(maxPower + 1) ≤ 1024 (the kernel's power table).
 */
function monomialDescriptor(tree: Expr, n: number): Float64Array | undefined {
  const terms = monomials(tree, n);
  if (!terms) return undefined;
  const parts = [terms, ...Array.from({ length: n }, (_, i) => differentiateMonomials(terms, i))];
  let maxPower = 0;
  for (const t of terms) {
    if (Math.abs(t.coefficient) > 1e6 || t.exponents.reduce((a, b) => a + b, 0) > 8) return undefined;
    maxPower = Math.max(maxPower, ...t.exponents);
  }
  if (n * (maxPower + 1) > 1024) return undefined;
  const out = [KIND_MONOMIALS_ND, n, maxPower];
  for (const part of parts) {
    out.push(part.length);
    for (const t of part) out.push(t.coefficient, ...t.exponents);
  }
  return Float64Array.from(out);
}

/** A potential from expression trees of U over `variables` (shared by expressions and families). */
function potentialFromTreeND(tree: Expr, variables: readonly string[], label: string, suggestedDomain?: readonly (readonly [number, number])[]): PotentialND {
  const n = variables.length;
  const gradTrees = variables.map((_, i) => differentiate(tree, i));
  const U = compileND(tree);
  const grad = gradTrees.map(compileND);
  // the upper triangle, mirrored
  const hess: ((x: ArrayLike<number>) => number)[] = [];
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) hess.push(compileND(differentiate(gradTrees[i]!, j)));
  let cached: Float64Array | undefined;
  const descriptor = (): Float64Array => {
    if (cached) return cached;
    cached = monomialDescriptor(tree, n);
    if (cached) return cached;
    const programs = [tree, ...gradTrees].map(emitProgram);
    const depth = Math.max(...programs.map((q) => q.depth));
    if (depth > MAX_STACK_DEPTH) throw new KramersError("INVALID_ARGUMENT", `expression ${label} is nested too deeply for the WASM evaluator (stack ${depth} > ${MAX_STACK_DEPTH})`);
    // [3, n, len U, len ∂0 … len ∂(n−1), programs back to back]
    cached = Float64Array.from([KIND_PROGRAM_ND, n, ...programs.map((q) => q.code.length), ...programs.flatMap((q) => q.code)]);
    return cached;
  };
  return {
    dimension: n,
    label,
    variables,
    derivatives: "exact",
    descriptor,
    U,
    gradient(x, out = new Float64Array(n)) {
      for (let i = 0; i < n; i++) out[i] = grad[i]!(x);
      return out;
    },
    hessian(x, out = new Float64Array(n * n)) {
      let k = 0;
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          const v = hess[k++]!(x);
          out[i * n + j] = v;
          out[j * n + i] = v;
        }
      }
      return out;
    },
    ...(suggestedDomain ? { suggestedDomain } : {}),
  };
}

/**
 * A potential of several coordinates written as an expression, e.g.
 * `"(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2"`; the gradient and Hessian are exact (symbolic).
 * Coordinates are x, y and z (whichever appear; x and y at least), or the `variables` given.
 *
 * @param source - the expression (operators + − * / ^, functions sin … cbrt, constants pi, e)
 * @param options - variables, parameters, suggestedDomain, label
 * @returns a {@link PotentialND}
 * @throws KramersError PARSE_ERROR (with the position), INVALID_ARGUMENT (one coordinate: use expression())
 * @example
 * ```ts
 * const p = expressionND("(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2");
 * p.gradient([1, 0.3]); // [0, 0]: a minimum
 * ```
 */
export function expressionND(source: string, options: ExpressionNDOptions = {}): PotentialND {
  const o = requireOptions("expressionND options", options, ["variables", "parameters", "suggestedDomain", "label"]);
  let variables: readonly string[];
  let tree: Expr;
  if (o.variables !== undefined) {
    if (!Array.isArray(o.variables) || o.variables.length < 2 || o.variables.some((v) => typeof v !== "string" || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) || new Set(o.variables).size !== o.variables.length) {
      throw new KramersError("INVALID_ARGUMENT", `variables must be two or more distinct names, got ${JSON.stringify(o.variables)}`, { option: "variables" });
    }
    variables = o.variables as string[];
    tree = parseExpression(source, { variables, ...(o.parameters ? { parameters: o.parameters as Record<string, number> } : {}) });
  } else {
    const all = ["x", "y", "z"];
    tree = parseExpression(source, { variables: all, ...(o.parameters ? { parameters: o.parameters as Record<string, number> } : {}) });
    const used = all.map((_, i) => dependsOn(tree, i));
    const n = used[2] ? 3 : used[1] ? 2 : 1;
    if (n < 2) throw new KramersError("INVALID_ARGUMENT", `"${source}" depends on x only: use expression() for a 1-D potential, or pass variables`, { option: "potential" });
    variables = all.slice(0, n);
  }
  const box = checkBox(o.suggestedDomain, variables.length, "suggestedDomain");
  return potentialFromTreeND(tree, variables, typeof o.label === "string" ? o.label : source, box);
}

/** Options of {@link fromFunctionND}. */
export interface FunctionNDOptions {
  /** Number of coordinates n ≥ 2. */
  readonly dimension: number;
  /** Exact ∇U if known (otherwise Ridders finite differences, ≈ 1e-10 relative). */
  readonly gradient?: (x: Float64Array) => ArrayLike<number>;
  /** Exact Hessian (n×n row-major) if known (otherwise finite differences of the gradient). */
  readonly hessian?: (x: Float64Array) => ArrayLike<number>;
  /** Length scale of the finite-difference steps. @default 1 */
  readonly scale?: number;
  /** A box [lo, hi] per coordinate that shows the interesting features. */
  readonly suggestedDomain?: readonly (readonly [number, number])[];
  /** Label for tables and plots. @default "f(x)" */
  readonly label?: string;
}

/**
 * A potential of several coordinates from a JS function U(x) (x a Float64Array). Derivatives are
 * numerical unless given: the gradient by Ridders' extrapolated central differences along each
 * axis (≈ 1e-10 relative), the Hessian by Ridders on the gradient's components (≈ 1e-8 with a
 * numerical gradient), symmetrized.
 *
 * @param U - the potential energy
 * @param options - dimension (required), gradient, hessian, scale, suggestedDomain, label
 * @returns a {@link PotentialND} whose `derivatives` says "exact" only when both were given
 * @example
 * ```ts
 * const p = fromFunctionND((x) => Math.cos(x[0]) + x[1] ** 2, { dimension: 2 });
 * ```
 */
export function fromFunctionND(U: (x: Float64Array) => number, options: FunctionNDOptions): PotentialND {
  if (typeof U !== "function") throw new KramersError("INVALID_ARGUMENT", `U must be a function of a coordinate vector, got ${typeof U}`, { option: "potential" });
  const o = requireOptions("fromFunctionND options", options, ["dimension", "gradient", "hessian", "scale", "suggestedDomain", "label"]);
  const n = requireInteger("dimension", o.dimension, 2);
  const scale = o.scale === undefined ? 1 : requirePositive("scale", o.scale);
  const exactGrad = o.gradient as FunctionNDOptions["gradient"];
  const exactHess = o.hessian as FunctionNDOptions["hessian"];
  for (const [name, f] of [["gradient", exactGrad], ["hessian", exactHess]] as const) {
    if (f !== undefined && typeof f !== "function") throw new KramersError("INVALID_ARGUMENT", `${name} must be a function, got ${typeof f}`, { option: name });
  }
  const box = checkBox(o.suggestedDomain, n, "suggestedDomain");
  const h0 = 0.1 * scale;
  const at = (x: ArrayLike<number>) => Float64Array.from({ length: n }, (_, i) => x[i]!);
  // f along axis j through x
  const along = (f: (y: Float64Array) => number, x: Float64Array, j: number) => (t: number) => {
    const y = x.slice();
    y[j] = t;
    return f(y);
  };
  const evalU = (y: Float64Array) => U(y);
  const gradient = (x: ArrayLike<number>, out = new Float64Array(n)) => {
    const y = at(x);
    if (exactGrad) {
      const g = exactGrad(y);
      for (let i = 0; i < n; i++) out[i] = g[i]!;
      return out;
    }
    for (let j = 0; j < n; j++) out[j] = riddersDerivative(along(evalU, y, j), y[j]!, h0).value;
    return out;
  };
  return {
    dimension: n,
    label: typeof o.label === "string" ? o.label : "f(x)",
    variables: Array.from({ length: n }, (_, i) => `x${i}`),
    derivatives: exactGrad && exactHess ? "exact" : "numerical",
    U: (x) => U(at(x)),
    gradient,
    hessian(x, out = new Float64Array(n * n)) {
      const y = at(x);
      if (exactHess) {
        const H = exactHess(y);
        for (let i = 0; i < n * n; i++) out[i] = H[i]!;
        return out;
      }
      for (let i = 0; i < n; i++) {
        const gi = (z: Float64Array) => gradient(z)[i]!;
        for (let j = i; j < n; j++) {
          out[i * n + j] = riddersDerivative(along(gi, y, j), y[j]!, h0).value;
        }
      }
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++) {
          // symmetrize with the transposed estimate (∂_j of g_i vs ∂_i of g_j)
          const gj = (z: Float64Array) => gradient(z)[j]!;
          const v = 0.5 * (out[i * n + j]! + riddersDerivative(along(gj, y, i), y[i]!, h0).value);
          out[i * n + j] = v;
          out[j * n + i] = v;
        }
      }
      return out;
    },
    ...(box ? { suggestedDomain: box } : {}),
  };
}

/**
 * The Müller–Brown surface (K. Müller and L. D. Brown, Theor. Chim. Acta 53, 75 (1979)), the
 * standard 2-D test of saddle searches and path methods: three minima and two saddles,
 * U = Σₖ Aₖ exp(aₖ(x − x̄ₖ)² + bₖ(x − x̄ₖ)(y − ȳₖ) + cₖ(y − ȳₖ)²) with A = (−200, −100, −170, 15),
 * a = (−1, −1, −6.5, 0.7), b = (0, 0, 11, 0.6), c = (−10, −10, −6.5, 0.7), x̄ = (1, 0, −0.5, −1),
 * ȳ = (0, 0.5, 1.5, 1). Minima near (−0.558, 1.442), (0.623, 0.028), (−0.050, 0.467); saddles
 * near (−0.822, 0.624) and (0.212, 0.293).
 *
 * @returns a {@link PotentialND} with exact derivatives
 */
export function muellerBrown(): PotentialND {
  const A = [-200, -100, -170, 15], a = [-1, -1, -6.5, 0.7], b = [0, 0, 11, 0.6], c = [-10, -10, -6.5, 0.7];
  const x0 = [1, 0, -0.5, -1], y0 = [0, 0.5, 1.5, 1];
  const term = (k: number) => `(${A[k]})*exp((${a[k]})*(x - (${x0[k]}))^2 + (${b[k]})*(x - (${x0[k]}))*(y - (${y0[k]})) + (${c[k]})*(y - (${y0[k]}))^2)`;
  const source = [0, 1, 2, 3].map(term).join(" + ");
  return expressionND(source, { variables: ["x", "y"], label: "Müller–Brown", suggestedDomain: [[-1.5, 1.2], [-0.5, 2]] });
}

/** Anything the N-D APIs accept as a potential: an expression string in x, y (, z) or a {@link PotentialND}. */
export type PotentialNDInput = string | PotentialND;

/** Turn a {@link PotentialNDInput} into a {@link PotentialND}. */
export function toPotentialND(input: unknown, option = "potential"): PotentialND {
  if (typeof input === "string") return expressionND(input);
  if (input !== null && typeof input === "object") {
    const p = input as PotentialND;
    if (Number.isInteger(p.dimension) && p.dimension >= 2 && typeof p.U === "function" && typeof p.gradient === "function" && typeof p.hessian === "function") return p;
    if ((input as { dimension?: unknown }).dimension === 1) {
      throw new KramersError("INVALID_ARGUMENT", `${option} is a 1-D potential: use the 1-D functions (rate, mfpt, …), or build an N-D one with expressionND()`, { option });
    }
  }
  throw new KramersError("INVALID_ARGUMENT", `${option} must be an expression string in x, y (, z) or an N-D potential (expressionND, fromFunctionND, muellerBrown), got ${input === null ? "null" : typeof input}`, { option });
}
