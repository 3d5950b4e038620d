/**
 * Units. The library computes in whatever consistent units the caller uses ("reduced" units
 * by default: energies in units of the potential, time in units fixed by γ and m). This module
 * turns a temperature in kelvin into kT in a chosen energy unit, converts energies, and holds
 * the exact SI constants (2019 SI) the conversions rest on.
 */
import { KramersError } from "./errors.js";
import { requireFinite, requireOneOf, requirePositive } from "./validate.js";

/** Boltzmann constant k_B in J/K (exact in the 2019 SI). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;
/** Planck constant h in J·s (exact). */
export const PLANCK_J_S = 6.62607015e-34;
/** Elementary charge in C, i.e. J per eV (exact). */
export const ELEMENTARY_CHARGE_C = 1.602176634e-19;
/** Avogadro constant in 1/mol (exact). */
export const AVOGADRO_PER_MOL = 6.02214076e23;
/** Thermochemical calorie in J (exact). */
export const CALORIE_J = 4.184;

/** Energy units understood by {@link thermalEnergy} and {@link convertEnergy}. */
export type EnergyUnit = "J" | "eV" | "kJ/mol" | "kcal/mol" | "zJ" | "pN nm";

/** Every {@link EnergyUnit}, for validation and documentation. */
export const ENERGY_UNITS: readonly EnergyUnit[] = ["J", "eV", "kJ/mol", "kcal/mol", "zJ", "pN nm"];

/** Joules in one unit of each energy unit. */
const JOULES_PER_UNIT: Record<EnergyUnit, number> = {
  J: 1,
  eV: ELEMENTARY_CHARGE_C,
  "kJ/mol": 1e3 / AVOGADRO_PER_MOL,
  "kcal/mol": (1e3 * CALORIE_J) / AVOGADRO_PER_MOL,
  zJ: 1e-21,
  "pN nm": 1e-21,
};

/**
 * Convert an energy between units.
 *
 * @param value - the energy in `from` units
 * @param from - unit of `value`
 * @param to - unit of the result
 * @returns the energy in `to` units
 * @example
 * ```ts
 * convertEnergy(1, "kcal/mol", "kJ/mol"); // 4.184
 * convertEnergy(1, "eV", "kJ/mol");       // 96.485332…
 * ```
 */
export function convertEnergy(value: number, from: EnergyUnit, to: EnergyUnit): number {
  requireFinite("value", value);
  const f = requireOneOf("from", from, ENERGY_UNITS);
  const t = requireOneOf("to", to, ENERGY_UNITS);
  return (value * JOULES_PER_UNIT[f]) / JOULES_PER_UNIT[t];
}

/**
 * The thermal energy kT at a temperature, in a chosen energy unit.
 *
 * @param temperatureK - absolute temperature in kelvin (> 0)
 * @param unit - energy unit of the result
 * @returns k_B·T in `unit`
 * @example
 * ```ts
 * thermalEnergy(300, "kJ/mol");   // 2.494338…
 * thermalEnergy(300, "eV");       // 0.025852…
 * ```
 */
export function thermalEnergy(temperatureK: number, unit: EnergyUnit = "J"): number {
  const T = requirePositive("temperature (K)", temperatureK);
  const u = requireOneOf("unit", unit, ENERGY_UNITS);
  return (BOLTZMANN_J_PER_K * T) / JOULES_PER_UNIT[u];
}

/**
 * The temperature in kelvin at which k_B·T equals `kT` (in `unit`). Inverse of {@link thermalEnergy}.
 *
 * @param kT - thermal energy in `unit` (> 0)
 * @param unit - energy unit of `kT`
 */
export function temperatureFromThermalEnergy(kT: number, unit: EnergyUnit = "J"): number {
  const e = requirePositive("kT", kT);
  const u = requireOneOf("unit", unit, ENERGY_UNITS);
  return (e * JOULES_PER_UNIT[u]) / BOLTZMANN_J_PER_K;
}

/**
 * Units carried on results. `energy` is the unit of the potential and kT; `time` the unit of
 * times (rates are in 1/`time`). In reduced units both are "reduced".
 */
export interface UnitLabels {
  /** Unit of energies (potential, barrier, kT). */
  readonly energy: string;
  /** Unit of time; rates are per this unit. */
  readonly time: string;
}

/** The default labels: reduced (dimensionless) units. */
export const REDUCED_UNITS: UnitLabels = Object.freeze({ energy: "reduced", time: "reduced" });

/** Check a caller-supplied {@link UnitLabels}, filling defaults. */
export function checkUnitLabels(value: unknown): UnitLabels {
  if (value === undefined) return REDUCED_UNITS;
  if (value === null || typeof value !== "object") {
    throw new KramersError("INVALID_ARGUMENT", `units must be an object like { energy: "kJ/mol", time: "ps" }, got ${String(value)}`, { option: "units" });
  }
  const v = value as Record<string, unknown>;
  for (const key of Object.keys(v)) {
    // `rate` is allowed (and recomputed from `time`) so that a result's units can be passed on
    if (key !== "energy" && key !== "time" && key !== "rate") {
      throw new KramersError("INVALID_ARGUMENT", `units has an unknown key ${JSON.stringify(key)} (a typo?); known keys: energy, time`, { option: `units.${key}` });
    }
  }
  const energy = v.energy ?? "reduced";
  const time = v.time ?? "reduced";
  if (typeof energy !== "string" || typeof time !== "string") {
    throw new KramersError("INVALID_ARGUMENT", `units.energy and units.time must be strings, got ${JSON.stringify({ energy, time })}`, { option: "units" });
  }
  return Object.freeze({ energy, time });
}
