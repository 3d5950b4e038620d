// Potentials given as arbitrary JS functions. Derivatives come from Ridders' extrapolated central
// differences (with an error estimate), or from user-supplied derivative functions; the WASM core
// gets a cubic-Hermite table over the domain it is asked for.
import { KramersError } from "../errors.js";
import { requireInteger, requireInterval, requireOptions, requirePositive } from "../validate.js";
import type { Potential1D } from "./types.js";

/** Options of {@link fromFunction}. */
export interface FunctionPotentialOptions {
  /** Exact U′ if known (otherwise numerical). */
  readonly dU?: (x: number) => number;
  /** Exact U″ if known (otherwise numerical). */
  readonly d2U?: (x: number) => number;
  /** Length scale for the finite-difference steps. @default 1 */
  readonly scale?: number;
  /** Nodes of the table handed to the WASM core per unit of domain requested. @default 8193 in total */
  readonly tableNodes?: number;
  /** A domain that shows the interesting features. */
  readonly suggestedDomain?: readonly [number, number];
  /** Label for tables and plots. @default "f(x)" */
  readonly label?: string;
}

/** A derivative estimate with its error, from {@link riddersDerivative}. */
export interface DerivativeEstimate {
  /** The derivative. */
  readonly value: number;
  /** Estimated absolute error. */
  readonly error: number;
}

/**
 * Ridders' method: central differences at shrinking steps, Neville-extrapolated to zero step.
 * Typically 1e-10 relative accuracy for smooth functions (Numerical Recipes §5.7).
 */
export function riddersDerivative(f: (x: number) => number, x: number, h0: number): DerivativeEstimate {
  const CON = 1.4, CON2 = CON * CON, NTAB = 10, SAFE = 2;
  const a: number[][] = Array.from({ length: NTAB }, () => new Array<number>(NTAB).fill(0));
  let h = h0;
  a[0]![0] = (f(x + h) - f(x - h)) / (2 * h);
  let err = Infinity, best = a[0]![0]!;
  for (let i = 1; i < NTAB; i++) {
    h /= CON;
    a[0]![i] = (f(x + h) - f(x - h)) / (2 * h);
    let fac = CON2;
    for (let j = 1; j <= i; j++) {
      a[j]![i] = (a[j - 1]![i]! * fac - a[j - 1]![i - 1]!) / (fac - 1);
      fac *= CON2;
      const errt = Math.max(Math.abs(a[j]![i]! - a[j - 1]![i]!), Math.abs(a[j]![i]! - a[j - 1]![i - 1]!));
      if (errt <= err) {
        err = errt;
        best = a[j]![i]!;
      }
    }
    if (Math.abs(a[i]![i]! - a[i - 1]![i - 1]!) >= SAFE * err) break;
  }
  return { value: best, error: err };
}

const KIND_TABLE = 2;

/**
 * A potential from a JS function. Use it for potentials that are not expressions (splines,
 * data, special functions). Derivatives are numerical unless given; the WASM core uses a
 * cubic-Hermite table of U and U′ over the requested domain, accurate to O(h⁴).
 *
 * @param U - the potential energy function
 * @param options - exact derivatives if known, finite-difference scale, label
 * @example
 * ```ts
 * const p = fromFunction((x) => Math.log(Math.cosh(x)) - 0.5 * x * x / 1.2);
 * p.dU(0.3); // ≈ tanh(0.3) - 0.3/1.2, to about 1e-10
 * ```
 */
export function fromFunction(U: (x: number) => number, options: FunctionPotentialOptions = {}): Potential1D {
  if (typeof U !== "function") {
    throw new KramersError("INVALID_ARGUMENT", `fromFunction needs a function U(x), got ${typeof U}`);
  }
  requireOptions("fromFunction options", options, ["dU", "d2U", "scale", "tableNodes", "suggestedDomain", "label"]);
  for (const name of ["dU", "d2U"] as const) {
    if (options[name] !== undefined && typeof options[name] !== "function") {
      throw new KramersError("INVALID_ARGUMENT", `${name} must be a function x => number, got ${typeof options[name]}`, { option: name });
    }
  }
  const scale = requirePositive("scale", options.scale ?? 1);
  const tableNodes = requireInteger("tableNodes", options.tableNodes ?? 8193, 16);
  if (options.suggestedDomain !== undefined) requireInterval("suggestedDomain", options.suggestedDomain);
  const h0 = 0.05 * scale;
  const dU = options.dU ?? ((x: number) => riddersDerivative(U, x, h0).value);
  const d2U = options.d2U ?? (options.dU ? (x: number) => riddersDerivative(options.dU!, x, h0).value : (x: number) => riddersDerivative(dU, x, h0).value);
  const numericalDU = !options.dU, numericalD2U = !options.d2U;
  const derivativeError = (x: number) => ({
    dU: numericalDU ? riddersDerivative(U, x, h0).error : 0,
    // U″ differentiates U′ numerically: its own extrapolation error plus U′'s error amplified by the final step
    d2U: numericalD2U ? riddersDerivative(dU, x, h0).error + (numericalDU ? (riddersDerivative(U, x, h0).error * 2) / h0 : 0) : 0,
  });
  const cache = new Map<string, Float64Array>();
  const descriptor = (domain?: readonly [number, number]): Float64Array => {
    const d = domain ?? options.suggestedDomain;
    if (!d) {
      throw new KramersError("BAD_DOMAIN", "a potential given as a JS function needs a domain to be tabulated for the WASM core; pass `domain`");
    }
    const [lo, hi] = requireInterval("domain", d);
    const key = `${lo},${hi}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const n = tableNodes;
    const h = (hi - lo) / (n - 1);
    const out = new Float64Array(4 + 3 * n);
    out.set([KIND_TABLE, n, lo, h]);
    for (let i = 0; i < n; i++) {
      const x = lo + i * h;
      out[4 + i] = U(x);
      out[4 + n + i] = dU(x);
      out[4 + 2 * n + i] = d2U(x);
    }
    for (let i = 4; i < out.length; i++) {
      if (!Number.isFinite(out[i]!)) {
        throw new KramersError("NOT_FINITE", `potential ${options.label ?? "f(x)"} is not finite at x = ${lo + ((i - 4) % n) * h} in the domain [${lo}, ${hi}]`);
      }
    }
    cache.set(key, out);
    return out;
  };
  return Object.freeze({
    dimension: 1 as const,
    label: options.label ?? "f(x)",
    kind: "function" as const,
    derivatives: options.dU && options.d2U ? ("exact" as const) : ("numerical" as const),
    U, dU, d2U,
    ...(numericalDU || numericalD2U ? { derivativeError } : {}),
    ...(options.suggestedDomain ? { suggestedDomain: options.suggestedDomain } : {}),
    descriptor,
  });
}
