/**
 * What every 1-D potential is: U and its first two derivatives in JS, plus a compact
 * descriptor that the WASM core evaluates without calling back into JS.
 */
import type { Expr } from "./expression/ast.js";

/** How a potential's derivatives are obtained. */
export type DerivativeSource =
  /** Symbolic differentiation or exact polynomial coefficients. */
  | "exact"
  /** Ridders–Richardson finite differences; `derivativeError` bounds their error. */
  | "numerical";

/**
 * A potential energy U(x) in one dimension.
 *
 * Create one with {@link expression}, {@link polynomial}, a family such as
 * {@link symmetricDoubleWell}, or {@link fromFunction}; every API that takes a `potential`
 * also accepts an expression string.
 */
export interface Potential1D {
  /** Always 1 (N-D potentials carry their dimension). */
  readonly dimension: 1;
  /** Human-readable description, e.g. the expression. */
  readonly label: string;
  /** Which representation the WASM core uses: Horner coefficients, a stack-machine program, or a table. */
  readonly kind: "polynomial" | "expression" | "function";
  /** Whether U′, U″ are exact or numerical. */
  readonly derivatives: DerivativeSource;
  /** U(x). */
  U(x: number): number;
  /** U′(x) = dU/dx (minus the force). */
  dU(x: number): number;
  /** U″(x), the curvature. */
  d2U(x: number): number;
  /** Symbolic trees of U, U′, U″ when the potential is an expression or polynomial (for interval bounds). */
  readonly trees?: { readonly U: Expr; readonly dU: Expr; readonly d2U: Expr };
  /**
   * Estimated absolute errors of U′(x) and U″(x) when they are numerical (Ridders' extrapolation
   * error estimate); absent when the derivatives are exact.
   */
  derivativeError?(x: number): { readonly dU: number; readonly d2U: number };
  /** Polynomial coefficients c0…cn of U = Σ c_k x^k, when U is a polynomial. */
  readonly coefficients?: readonly number[];
  /** If U′ is periodic (e.g. a tilted washboard), its period. */
  readonly period?: number;
  /** A domain that shows the interesting features (used when the caller gives none). */
  readonly suggestedDomain?: readonly [number, number];
  /**
   * The f64 descriptor the WASM core evaluates (see assembly/potential.ts). Table-based
   * potentials (JS functions) need the `domain` to tabulate over.
   */
  descriptor(domain?: readonly [number, number]): Float64Array;
}

/**
 * A potential energy U(x) of n ≥ 2 coordinates (a vector x = (x₀, …, x_{n−1})).
 *
 * Create one with {@link expressionND} (exact gradient and Hessian by symbolic differentiation),
 * {@link fromFunctionND} (numerical derivatives unless given) or a family such as
 * {@link muellerBrown}; every N-D API also accepts an expression string in x, y (, z).
 */
export interface PotentialND {
  /** Number of coordinates n ≥ 2. */
  readonly dimension: number;
  /** Human-readable description, e.g. the expression. */
  readonly label: string;
  /** Coordinate names, in order. */
  readonly variables: readonly string[];
  /** Whether the gradient and Hessian are exact or numerical. */
  readonly derivatives: DerivativeSource;
  /** U(x). */
  U(x: ArrayLike<number>): number;
  /** ∇U(x) (minus the force), into `out` if given. */
  gradient(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** The Hessian ∂²U/∂x_i∂x_j at x, n×n row-major, into `out` if given. */
  hessian(x: ArrayLike<number>, out?: Float64Array): Float64Array;
  /** A box [lo, hi] per coordinate that shows the interesting features. */
  readonly suggestedDomain?: readonly (readonly [number, number])[];
  /**
   * The f64 descriptor the WASM core evaluates (kind 3: stack-machine programs of U and of each
   * ∂U/∂x_i, see assembly/potential.ts); absent for JS-function potentials, which run in the JS engine.
   */
  descriptor?(): Float64Array;
}
