/**
 * The shape every analytic rate returns: a value in 1/time, the formula it came from, the
 * ingredients, the friction regime where the formula holds, and warnings when it is used outside it.
 */
import type { ResultWarning } from "../result.js";

/** Ingredients of the rate formulas (only those a formula uses are present). */
export interface RateIngredients {
  /** Barrier height ΔU = U(x_b) − U(x_a). */
  readonly barrierHeight?: number;
  /** Thermal energy kT. */
  readonly kT?: number;
  /** Reduced barrier βΔU = ΔU/kT. */
  readonly reducedBarrier?: number;
  /** Well frequency ω_a = √(U″(x_a)/m). */
  readonly wellFrequency?: number;
  /** Barrier frequency ω_b = √(|U″(x_b)|/m). */
  readonly barrierFrequency?: number;
  /** Curvature U″(x_a) at the minimum. */
  readonly wellCurvature?: number;
  /** Curvature U″(x_b) at the barrier top (negative). */
  readonly barrierCurvature?: number;
  /** Friction γ (mass/time). */
  readonly gamma?: number;
  /** Mass m. */
  readonly mass?: number;
  /** Action I(E_b) = ∮p dx of the well's orbit at the barrier energy. */
  readonly action?: number;
  /** Energy loss per orbit in units of kT: Δ = γ I(E_b) β / m. */
  readonly delta?: number;
  /** Mel'nikov depopulation factor Υ(Δ). */
  readonly upsilon?: number;
  /** Transmission coefficient κ (Eyring). */
  readonly transmission?: number;
  /** Temperature in kelvin (Eyring). */
  readonly temperature?: number;
}

/** One analytic rate. */
export interface RateEstimate {
  /** The rate, in 1/time (time in the caller's unit; Eyring: 1/s). The Arrhenius entry is the bare factor exp(−βΔU) (dimensionless). */
  readonly value: number;
  /** Unit of `value`, e.g. "1/reduced time", "1/s", or "dimensionless". */
  readonly units: string;
  /** The formula, in words and symbols. */
  readonly formula: string;
  /** Where the formula holds, e.g. "moderate to high friction (spatial diffusion)". */
  readonly regime: string;
  /** What went in. */
  readonly ingredients: RateIngredients;
  /** LOW_BARRIER, FRICTION_REGIME, … when the formula is used outside its validity. */
  readonly warnings: ResultWarning[];
}
