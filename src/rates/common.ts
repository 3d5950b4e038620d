// Checks and warnings shared by the rate formulas.
import { MIN_REDUCED_BARRIER, Warnings } from "../result.js";
import { requireFinite, requirePositive } from "../validate.js";

/** βΔU, with ΔU ≥ 0 required (a negative "barrier" is not a barrier). */
export function reducedBarrier(barrierHeight: unknown, kT: unknown): { dU: number; kT: number; bdU: number } {
  const dU = requireFinite("barrierHeight", barrierHeight);
  const t = requirePositive("kT", kT);
  if (dU < 0) requirePositive("barrierHeight", dU);
  return { dU, kT: t, bdU: dU / t };
}

/** Add LOW_BARRIER when βΔU < 5. */
export function lowBarrierWarning(w: Warnings, bdU: number): void {
  if (bdU < MIN_REDUCED_BARRIER) {
    w.add("LOW_BARRIER", `βΔU = ${bdU.toPrecision(4)} < ${MIN_REDUCED_BARRIER}: the asymptotic rate formulas assume a barrier high compared with kT and are rough here; use the exact MFPT (mfpt) or simulation`);
  }
}

/** The label of rates in a time unit. */
export function rateUnits(time = "reduced"): string {
  return time === "reduced" ? "1/reduced time" : `1/${time}`;
}

/** Every ingredient name the formula functions take, so one ingredients object can be passed to all of them; anything else is a typo. */
export const FORMULA_KEYS = ["barrierHeight", "kT", "wellFrequency", "barrierFrequency", "wellCurvature", "barrierCurvature", "gamma", "mass", "action", "delta", "geometry", "timeUnit"] as const;
