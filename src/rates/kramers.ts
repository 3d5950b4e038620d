// Kramers' spatial-diffusion rates: the overdamped (Smoluchowski) limit and the full
// moderate-to-high-friction formula.
import { Warnings } from "../result.js";
import { requireFinite, requireOptions, requirePositive } from "../validate.js";
import { KramersError } from "../errors.js";
import { FORMULA_KEYS, lowBarrierWarning, rateUnits, reducedBarrier } from "./common.js";
import type { RateEstimate } from "./types.js";

/** γ/(m ω_b) below which the overdamped formula is off by more than ~4 % (relative error ≈ (mω_b/γ)²). */
export const OVERDAMPED_MIN_FRICTION_RATIO = 5;

/** Options of {@link kramersOverdampedRate}. */
export interface KramersOverdampedOptions {
  /** Barrier height ΔU ≥ 0. */
  readonly barrierHeight: number;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** U″(x_a) > 0 at the minimum. */
  readonly wellCurvature: number;
  /** U″(x_b) at the barrier top (its magnitude is used; must be ≠ 0). */
  readonly barrierCurvature: number;
  /** Friction γ > 0 (mass/time). @default 1 */
  readonly gamma?: number;
  /** Mass m > 0, only used to check validity (γ/m ≫ ω_b). @default 1 */
  readonly mass?: number;
  /** Time unit label. @default "reduced" */
  readonly timeUnit?: string;
}

function curvatures(a: unknown, b: unknown): { ca: number; cb: number } {
  const ca = requirePositive("wellCurvature", a);
  const cbRaw = requireFinite("barrierCurvature", b);
  if (cbRaw === 0) throw new KramersError("NOT_POSITIVE", "barrierCurvature must be non-zero (a degenerate barrier top has no harmonic Kramers prefactor)", { option: "barrierCurvature" });
  return { ca, cb: Math.abs(cbRaw) };
}

/**
 * The overdamped (Smoluchowski) Kramers rate k = √(U″(x_a)|U″(x_b)|)/(2πγ)·exp(−βΔU) for
 * `γ dx = −U′dt + √(2γkT) dW`. It is the high-friction limit of {@link kramersFullRate}; a
 * FRICTION_REGIME warning is added when γ/m < 5 ω_b.
 *
 * @param options - barrierHeight, kT, wellCurvature, barrierCurvature, gamma, mass
 * @returns the rate in 1/time
 * @example
 * ```ts
 * // seed double well x⁴/4 − x²/2: U″ = 2 and −1, ΔU = 1/4
 * kramersOverdampedRate({ barrierHeight: 0.25, kT: 0.025, wellCurvature: 2, barrierCurvature: -1 }).value; // √2/(2π)·e^{-10}
 * ```
 */
export function kramersOverdampedRate(options: KramersOverdampedOptions): RateEstimate {
  requireOptions("kramersOverdampedRate options", options, FORMULA_KEYS);
  const { dU, kT, bdU } = reducedBarrier(options.barrierHeight, options.kT);
  const { ca, cb } = curvatures(options.wellCurvature, options.barrierCurvature);
  const gamma = requirePositive("gamma", options.gamma ?? 1);
  const mass = requirePositive("mass", options.mass ?? 1);
  const wb = Math.sqrt(cb / mass);
  const w = new Warnings();
  lowBarrierWarning(w, bdU);
  const ratio = gamma / (mass * wb);
  if (ratio < OVERDAMPED_MIN_FRICTION_RATIO) {
    w.add("FRICTION_REGIME", `overdamped Kramers needs γ/m ≫ ω_b, but γ/(m ω_b) = ${ratio.toPrecision(3)} < ${OVERDAMPED_MIN_FRICTION_RATIO}: it overestimates the rate (it is always ≥ full Kramers, by ≈ 1 + (mω_b/γ)² when γ/m ≫ ω_b); use the full Kramers or Mel'nikov–Pollak rate`);
  }
  return {
    value: (Math.sqrt(ca * cb) / (2 * Math.PI * gamma)) * Math.exp(-bdU),
    units: rateUnits(options.timeUnit),
    formula: "√(U″(x_a)|U″(x_b)|)/(2πγ)·exp(−ΔU/kT)",
    regime: "high friction (overdamped, γ/m ≫ ω_b)",
    ingredients: { barrierHeight: dU, kT, reducedBarrier: bdU, wellCurvature: ca, barrierCurvature: -cb, gamma, mass, wellFrequency: Math.sqrt(ca / mass), barrierFrequency: wb },
    warnings: w.list,
  };
}

/** Options of {@link kramersFullRate}. */
export interface KramersFullOptions {
  /** Barrier height ΔU ≥ 0. */
  readonly barrierHeight: number;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** ω_a = √(U″(x_a)/m) > 0. */
  readonly wellFrequency: number;
  /** ω_b = √(|U″(x_b)|/m) > 0. */
  readonly barrierFrequency: number;
  /** Friction γ > 0 (mass/time). @default 1 */
  readonly gamma?: number;
  /** Mass m > 0. @default 1 */
  readonly mass?: number;
  /** Energy loss per orbit Δ = γIβ/m, if known: adds a FRICTION_REGIME warning when Δ < 1 (energy-diffusion regime). */
  readonly delta?: number;
  /** Time unit label. @default "reduced" */
  readonly timeUnit?: string;
}

/** Δ below which full Kramers overestimates the turnover rate by more than ~10 % (Υ(6) = 0.913, Υ(3) = 0.756, Υ(1) = 0.443). */
export const SPATIAL_DIFFUSION_MIN_DELTA = 6;

/**
 * The full Kramers rate (spatial diffusion, moderate to high friction)
 * k = ω_a/(2π ω_b)·(√(γ²/(4m²) + ω_b²) − γ/(2m))·exp(−βΔU).
 * → overdamped Kramers as γ/m ≫ ω_b, → TST ω_a/(2π)e^{−βΔU} as γ → 0 (but at very low friction
 * the energy-diffusion regime takes over: pass `delta` to be warned).
 *
 * @param options - barrierHeight, kT, wellFrequency, barrierFrequency, gamma, mass, delta
 * @returns the rate in 1/time
 * @example
 * ```ts
 * kramersFullRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, barrierFrequency: 1, gamma: 1 }).value;
 * ```
 */
export function kramersFullRate(options: KramersFullOptions): RateEstimate {
  requireOptions("kramersFullRate options", options, FORMULA_KEYS);
  const { dU, kT, bdU } = reducedBarrier(options.barrierHeight, options.kT);
  const wa = requirePositive("wellFrequency", options.wellFrequency);
  const wb = requirePositive("barrierFrequency", options.barrierFrequency);
  const gamma = requirePositive("gamma", options.gamma ?? 1);
  const mass = requirePositive("mass", options.mass ?? 1);
  const g = gamma / (2 * mass);
  // √(g² + ω_b²) − g without cancellation at large g: ω_b²/(√(g² + ω_b²) + g)
  const kappa = (wb * wb) / (Math.hypot(g, wb) + g) / wb; // transmission factor λ_b/ω_b
  const w = new Warnings();
  lowBarrierWarning(w, bdU);
  if (options.delta !== undefined && requireFinite("delta", options.delta) < SPATIAL_DIFFUSION_MIN_DELTA) {
    w.add("FRICTION_REGIME", `full Kramers assumes spatial diffusion (Υ(Δ) ≈ 1 needs Δ ≳ ${SPATIAL_DIFFUSION_MIN_DELTA}) (energy loss per orbit Δ = γIβ/m ≫ 1), but Δ = ${options.delta.toPrecision(3)}: the well is depleted and this overestimates the rate; use Mel'nikov–Pollak or energy diffusion`);
  }
  return {
    value: ((wa * kappa) / (2 * Math.PI)) * Math.exp(-bdU),
    units: rateUnits(options.timeUnit),
    formula: "ω_a/(2π ω_b)·(√(γ²/(4m²) + ω_b²) − γ/(2m))·exp(−ΔU/kT)",
    regime: "moderate to high friction (spatial diffusion, Δ = γIβ/m ≳ 6)",
    ingredients: { barrierHeight: dU, kT, reducedBarrier: bdU, wellFrequency: wa, barrierFrequency: wb, gamma, mass, ...(options.delta !== undefined ? { delta: options.delta } : {}) },
    warnings: w.list,
  };
}
