// Kramers' low-friction (energy-diffusion) rate.
import { Warnings } from "../result.js";
import { requireOptions, requirePositive } from "../validate.js";
import { FORMULA_KEYS, lowBarrierWarning, rateUnits, reducedBarrier } from "./common.js";
import type { RateEstimate } from "./types.js";

/**
 * Δ = γIβ/m above which the energy-diffusion formula exceeds the Mel'nikov–Pollak rate by more than
 * ~10 % (Υ(Δ)/Δ = 0.921 at 0.01, 0.867 at 0.03, 0.638 at 0.3: the correction is ≈ 1 + ζ(1/2)√(Δ/π)).
 */
export const ENERGY_DIFFUSION_MAX_DELTA = 0.01;

/** Options of {@link energyDiffusionRate}. */
export interface EnergyDiffusionOptions {
  /** Barrier height ΔU ≥ 0. */
  readonly barrierHeight: number;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** ω_a = √(U″(x_a)/m) > 0. */
  readonly wellFrequency: number;
  /** Action I(E_b) of the well's orbit at the barrier energy (see {@link barrierAction}) > 0. */
  readonly action: number;
  /** Friction γ > 0. @default 1 */
  readonly gamma?: number;
  /** Mass m > 0. @default 1 */
  readonly mass?: number;
  /** Time unit label. @default "reduced" */
  readonly timeUnit?: string;
}

/**
 * Kramers' energy-diffusion (low-friction) rate k = (γ/m)·β·I(E_b)·ω_a/(2π)·exp(−βΔU)
 * = Δ·k_TST with Δ = γIβ/m: escape is limited by how fast friction feeds energy into the well.
 * Valid for Δ ≪ 1; a FRICTION_REGIME warning is added when Δ > 0.01 (beyond it the
 * finite-friction correction Υ(Δ)/Δ ≈ 1 + ζ(1/2)√(Δ/π) exceeds 8 %).
 *
 * @param options - barrierHeight, kT, wellFrequency, action, gamma, mass
 * @returns the rate in 1/time
 * @example
 * ```ts
 * energyDiffusionRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, action: 4 / 3, gamma: 0.001 }).value;
 * ```
 */
export function energyDiffusionRate(options: EnergyDiffusionOptions): RateEstimate {
  requireOptions("energyDiffusionRate options", options, FORMULA_KEYS);
  const { dU, kT, bdU } = reducedBarrier(options.barrierHeight, options.kT);
  const wa = requirePositive("wellFrequency", options.wellFrequency);
  const I = requirePositive("action", options.action);
  const gamma = requirePositive("gamma", options.gamma ?? 1);
  const mass = requirePositive("mass", options.mass ?? 1);
  const delta = (gamma * I) / (mass * kT);
  const w = new Warnings();
  lowBarrierWarning(w, bdU);
  if (delta > ENERGY_DIFFUSION_MAX_DELTA) {
    w.add("FRICTION_REGIME", `energy diffusion needs γIβ/m ≪ 1, but Δ = ${delta.toPrecision(3)} > ${ENERGY_DIFFUSION_MAX_DELTA}: it overestimates the rate here (it grows ∝ γ without bound); use Mel'nikov–Pollak or full Kramers`);
  }
  return {
    value: delta * (wa / (2 * Math.PI)) * Math.exp(-bdU),
    units: rateUnits(options.timeUnit),
    formula: "(γ/m)·β·I(E_b)·ω_a/(2π)·exp(−ΔU/kT)",
    regime: "low friction (energy diffusion, Δ = γIβ/m ≪ 1)",
    ingredients: { barrierHeight: dU, kT, reducedBarrier: bdU, wellFrequency: wa, action: I, delta, gamma, mass },
    warnings: w.list,
  };
}
