// The Arrhenius factor exp(−βΔU): the exponential part every activated rate shares.
import { Warnings } from "../result.js";
import { requireOptions } from "../validate.js";
import { FORMULA_KEYS, lowBarrierWarning, reducedBarrier } from "./common.js";
import type { RateEstimate } from "./types.js";

/** Options of {@link arrheniusFactor}. */
export interface ArrheniusOptions {
  /** Barrier height ΔU ≥ 0 (energy units of kT). */
  readonly barrierHeight: number;
  /** Thermal energy kT > 0. */
  readonly kT: number;
}

/**
 * The Arrhenius factor exp(−βΔU), β = 1/kT — dimensionless, not a rate: multiply by a prefactor
 * (an attempt frequency) to get one. Doubling kT from kT₀ multiplies it by exp(ΔU/(2kT₀)).
 *
 * @param options - barrierHeight, kT
 * @returns the factor (units "dimensionless") with a LOW_BARRIER warning when βΔU < 5
 * @example
 * ```ts
 * arrheniusFactor({ barrierHeight: 0.25, kT: 0.05 }).value; // e^{-5} ≈ 0.006738
 * ```
 */
export function arrheniusFactor(options: ArrheniusOptions): RateEstimate {
  requireOptions("arrheniusFactor options", options, FORMULA_KEYS);
  const { dU, kT, bdU } = reducedBarrier(options.barrierHeight, options.kT);
  const w = new Warnings();
  lowBarrierWarning(w, bdU);
  return {
    value: Math.exp(-bdU),
    units: "dimensionless",
    formula: "exp(−ΔU/kT) (bare Arrhenius factor, no prefactor)",
    regime: "any friction (exponential factor only)",
    ingredients: { barrierHeight: dU, kT, reducedBarrier: bdU },
    warnings: w.list,
  };
}
