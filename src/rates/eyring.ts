// Eyring's transition-state rate for chemistry users, in SI time units.
import { Warnings } from "../result.js";
import { BOLTZMANN_J_PER_K, PLANCK_J_S, thermalEnergy, ENERGY_UNITS, type EnergyUnit } from "../units.js";
import { requireFinite, requireOneOf, requireOptions, requirePositive } from "../validate.js";
import { lowBarrierWarning } from "./common.js";
import type { RateEstimate } from "./types.js";

/** Options of {@link eyringRate}. */
export interface EyringOptions {
  /** Free energy of activation ΔG‡ (in `energyUnit`, per mole for the molar units). */
  readonly activationFreeEnergy: number;
  /** Temperature in kelvin (> 0). */
  readonly temperature: number;
  /** Unit of ΔG‡. @default "kJ/mol" */
  readonly energyUnit?: EnergyUnit;
  /** Transmission coefficient κ in (0, 1]. @default 1 */
  readonly transmission?: number;
}

/**
 * The Eyring–Polanyi rate k = κ·(k_B T/h)·exp(−ΔG‡/(k_B T)), in 1/s.
 *
 * @param options - activationFreeEnergy, temperature (K), energyUnit, transmission κ
 * @returns the rate in 1/s with ΔG‡/k_BT in the ingredients
 * @example
 * ```ts
 * eyringRate({ activationFreeEnergy: 80, temperature: 298.15 }).value; // ≈ 0.05996 1/s
 * ```
 */
export function eyringRate(options: EyringOptions): RateEstimate {
  requireOptions("eyringRate options", options, ["activationFreeEnergy", "temperature", "energyUnit", "transmission"]);
  const dG = requireFinite("activationFreeEnergy", options.activationFreeEnergy);
  const T = requirePositive("temperature", options.temperature);
  const unit = requireOneOf("energyUnit", options.energyUnit ?? "kJ/mol", ENERGY_UNITS);
  const kappa = requirePositive("transmission", options.transmission ?? 1);
  const kT = thermalEnergy(T, unit);
  const bdG = dG / kT;
  const w = new Warnings();
  lowBarrierWarning(w, bdG);
  if (kappa > 1) w.add("INVALID_TRANSMISSION", `transmission κ = ${kappa} > 1: a transmission coefficient is a probability`);
  return {
    value: ((kappa * BOLTZMANN_J_PER_K * T) / PLANCK_J_S) * Math.exp(-bdG),
    units: "1/s",
    formula: "κ·(k_B T/h)·exp(−ΔG‡/(k_B T))",
    regime: "transition-state theory with transmission coefficient κ (quantum and recrossing effects in κ)",
    ingredients: { barrierHeight: dG, kT, reducedBarrier: bdG, transmission: kappa, temperature: T },
    warnings: w.list,
  };
}
