// The analytic rates: one concept per file, and rate() which computes them all for one barrier.
export type { RateEstimate, RateIngredients } from "./types.js";
export { arrheniusFactor, type ArrheniusOptions } from "./arrhenius.js";
export { transitionStateRate, type TransitionStateOptions } from "./transition-state.js";
export {
  kramersOverdampedRate, kramersFullRate, OVERDAMPED_MIN_FRICTION_RATIO, SPATIAL_DIFFUSION_MIN_DELTA,
  type KramersOverdampedOptions, type KramersFullOptions,
} from "./kramers.js";
export { barrierAction, type BarrierActionOptions, type BarrierActionResult } from "./action.js";
export { energyDiffusionRate, ENERGY_DIFFUSION_MAX_DELTA, type EnergyDiffusionOptions } from "./energy-diffusion.js";
export { depopulationFactor, melnikovPollakRate, type MelnikovPollakOptions } from "./melnikov.js";
export { eyringRate, type EyringOptions } from "./eyring.js";
export { rate, checkRateOptions, type RateOptions, type CheckedRateOptions, type RateResult, type RateValues, type RatePoint } from "./rate.js";
export { tanhSinh, type QuadratureResult } from "./quadrature.js";
export { langerRate, type LangerOptions, type LangerResult, type LangerRates } from "./langer.js";
