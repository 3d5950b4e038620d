/**
 * The one error class of the library. Every failure that is the caller's to fix (bad input,
 * a landscape without a barrier, a solver that did not converge) is a `KramersError` with a
 * machine-readable {@link KramersErrorCode}; the message names the option and the value.
 */

/** Machine-readable reasons for a {@link KramersError}. */
export type KramersErrorCode =
  /** An option has the wrong type, shape or an unknown value. */
  | "INVALID_ARGUMENT"
  /** A number is NaN or ±Infinity where a finite value is required. */
  | "NOT_FINITE"
  /** A quantity that must be positive (kT, γ, mass, a step) is zero or negative. */
  | "NOT_POSITIVE"
  /** A domain or interval is empty, reversed or does not contain the points it must. */
  | "BAD_DOMAIN"
  /** An expression string could not be parsed; the message shows the position. */
  | "PARSE_ERROR"
  /** The landscape has no barrier (no maximum) between the states asked for. */
  | "NO_BARRIER"
  /** A starting point is not inside a potential well. */
  | "NOT_IN_WELL"
  /** An iterative solver stopped before reaching its tolerance. */
  | "NOT_CONVERGED"
  /** A grid is too coarse to resolve the potential at this kT. */
  | "GRID_TOO_COARSE"
  /** The computation was cancelled through an AbortSignal. */
  | "ABORTED"
  /** The WebAssembly core could not be compiled or instantiated. */
  | "WASM_UNAVAILABLE";

/**
 * Error thrown by every public function of `kramers` for problems the caller can fix.
 *
 * @example
 * ```ts
 * try { rate({ potential: "x^4/4 - x^2/2", kT: -1, from: -1 }); }
 * catch (e) { if (e instanceof KramersError && e.code === "NOT_POSITIVE") {  } }
 * ```
 */
export class KramersError extends Error {
  /** Machine-readable reason. */
  readonly code: KramersErrorCode;
  /** Optional structured details (the offending option, value, position …). */
  readonly details?: Readonly<Record<string, unknown>>;

  constructor(code: KramersErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = "KramersError";
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}
