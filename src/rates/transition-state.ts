// Transition-state theory: the one-way flux over the barrier top in equilibrium.
import { Warnings } from "../result.js";
import { requireOptions, requirePositive } from "../validate.js";
import { FORMULA_KEYS, lowBarrierWarning, rateUnits, reducedBarrier } from "./common.js";
import type { RateEstimate } from "./types.js";

/** Options of {@link transitionStateRate}. */
export interface TransitionStateOptions {
  /** Barrier height ΔU ≥ 0. */
  readonly barrierHeight: number;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** Well frequency ω_a = √(U″(x_a)/m) > 0. */
  readonly wellFrequency: number;
  /** Time unit label for the result. @default "reduced" */
  readonly timeUnit?: string;
}

/**
 * The transition-state-theory rate k_TST = ω_a/(2π)·exp(−βΔU): the equilibrium one-way flux
 * through the barrier top, an upper bound on the true rate (no recrossings). It is the γ → 0
 * limit of the full Kramers formula but fails at very low friction, where the well is depleted
 * (energy diffusion) — there it overestimates.
 *
 * @param options - barrierHeight, kT, wellFrequency
 * @returns the rate in 1/time
 * @example
 * ```ts
 * transitionStateRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2 }).value; // √2/(2π)·e^{-10}
 * ```
 */
export function transitionStateRate(options: TransitionStateOptions): RateEstimate {
  requireOptions("transitionStateRate options", options, FORMULA_KEYS);
  const { dU, kT, bdU } = reducedBarrier(options.barrierHeight, options.kT);
  const wa = requirePositive("wellFrequency", options.wellFrequency);
  const w = new Warnings();
  lowBarrierWarning(w, bdU);
  return {
    value: (wa / (2 * Math.PI)) * Math.exp(-bdU),
    units: rateUnits(options.timeUnit),
    formula: "ω_a/(2π)·exp(−ΔU/kT)",
    regime: "upper bound; accurate only at intermediate friction (γ/m ≪ ω_b yet energy loss per orbit Δ ≫ 1)",
    ingredients: { barrierHeight: dU, kT, reducedBarrier: bdU, wellFrequency: wa },
    warnings: w.list,
  };
}
