/**
 * Pieces every result object shares: warnings with machine-readable codes, and the
 * validity of an approximation.
 */

/** A warning attached to a result: the number was computed but may not mean what you think. */
export interface ResultWarning {
  /** Machine-readable reason, e.g. "LOW_BARRIER", "FRICTION_REGIME", "NOT_CONVERGED". */
  readonly code: string;
  /** What is wrong and what to do about it. */
  readonly message: string;
}

/** Collects warnings while a result is assembled. */
export class Warnings {
  readonly list: ResultWarning[] = [];
  /** Add a warning (duplicates by code and message are dropped). */
  add(code: string, message: string): void {
    if (!this.list.some((w) => w.code === code && w.message === message)) this.list.push({ code, message });
  }
  /** Add every warning of another list. */
  addAll(ws: readonly ResultWarning[]): void {
    for (const w of ws) this.add(w.code, w.message);
  }
}

/** βΔU below which every asymptotic rate formula is rough (SCIENCE.md: "these need ΔU/kT ≳ 5"). */
export const MIN_REDUCED_BARRIER = 5;
