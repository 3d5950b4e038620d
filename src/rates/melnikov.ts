// Mel'nikov–Pollak turnover: the depopulation factor Υ(Δ) that bridges energy diffusion
// (Υ ≈ Δ, Δ ≪ 1) and spatial diffusion (Υ → 1, Δ ≫ 1).
//
// One well (escape to a sink): k = Υ(Δ)·k_full (Mel'nikov & Meshkov, J. Chem. Phys. 85, 1018
// (1986); Hänggi, Talkner & Borkovec, Rev. Mod. Phys. 62, 251 (1990), Sec. IV.E).
// Symmetric double well (transitions into the other well): k = Υ(Δ)²/Υ(2Δ)·k_full (Mel'nikov &
// Meshkov 1986; Pollak, Grabert & Hänggi, J. Chem. Phys. 91, 4073 (1989), used with their Eq. (3.32)
// depopulation factor). A particle that crosses the barrier at low friction can be captured on either
// side, so at small Δ the factor tends to Δ²/(2Δ) = Δ/2: half the one-well energy-diffusion rate.
// Checked via the search tool: a public research implementation of these theories (Python module with
// Grote–Hynes, Mel'nikov–Meshkov, PGH and Krishnan–Singh–Robinson rates) computes the double-well factor
// as f(Δ)²/f(2Δ) with f(Δ) = exp{(1/π)∫ln[1 − e^{−Δ(1+y²)/4}] dy/(1+y²)}, the same integrand as here;
// its Mel'nikov–Meshkov form ∫ ln[1 − e^{−Δ(x²+1/4)}] dx/(x²+1/4) carries 1/(2π), which is this one
// with y = 2x. Tests check the Δ → 0 (Υ ≈ Δ, double well ≈ Δ/2) and Δ → ∞ (→ 1) limits.
import { Warnings } from "../result.js";
import { requireOneOf, requireOptions, requirePositive } from "../validate.js";
import { FORMULA_KEYS, lowBarrierWarning, rateUnits, reducedBarrier } from "./common.js";
import { kramersFullRate } from "./kramers.js";
import { tanhSinh } from "./quadrature.js";
import type { RateEstimate } from "./types.js";

/** ln(1 − e^{−a}) for a > 0, accurate for small and large a. */
function log1mexp(a: number): number {
  return a < Math.LN2 ? Math.log(-Math.expm1(-a)) : Math.log1p(-Math.exp(-a));
}

/**
 * Mel'nikov's depopulation factor Υ(Δ) = exp{(1/π)∫_{−∞}^{∞} ln[1 − exp(−Δ(1 + y²)/4)] dy/(1 + y²)}.
 * With y = tan θ it is exp{(2/π)∫₀^{π/2} ln[1 − exp(−Δ/(4cos²θ))] dθ}, integrated by tanh–sinh.
 * Υ(Δ) ≈ Δ for Δ ≪ 1 and → 1 for Δ ≫ 1.
 *
 * @param delta - energy loss per orbit in units of kT, Δ = γIβ/m (> 0)
 * @returns Υ(Δ) in (0, 1)
 * @example
 * ```ts
 * depopulationFactor(1e-4); // ≈ 1e-4
 * depopulationFactor(100);  // ≈ 1
 * ```
 */
export function depopulationFactor(delta: number): number {
  const d = requirePositive("delta", delta);
  if (d > 4 * 745) return 1; // e^{−Δ/4} underflows: the integrand is exactly 0 in double precision
  const q = tanhSinh((theta, dist, side) => {
    // cos θ near π/2 from the distance to the end, without cancellation
    const c = side > 0 ? Math.sin(dist) : Math.cos(theta);
    return log1mexp(d / (4 * c * c));
  }, 0, Math.PI / 2, 1e-13, 14);
  return Math.exp((2 / Math.PI) * q.value);
}

/** Options of {@link melnikovPollakRate}. */
export interface MelnikovPollakOptions {
  /** Barrier height ΔU ≥ 0. */
  readonly barrierHeight: number;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** ω_a > 0. */
  readonly wellFrequency: number;
  /** ω_b > 0. */
  readonly barrierFrequency: number;
  /** Action I(E_b) > 0 of the well's orbit at the barrier energy. */
  readonly action: number;
  /** Friction γ > 0. @default 1 */
  readonly gamma?: number;
  /** Mass m > 0. @default 1 */
  readonly mass?: number;
  /** "one-well" (escape to a sink, Υ(Δ)·k_full) or "symmetric-double-well" (to the other well, Υ(Δ)²/Υ(2Δ)·k_full). @default "one-well" */
  readonly geometry?: "one-well" | "symmetric-double-well";
  /** Time unit label. @default "reduced" */
  readonly timeUnit?: string;
}

/**
 * The Mel'nikov–Pollak turnover rate: Υ(Δ)·k_full for escape from one well (uniform in friction:
 * → energy diffusion for Δ ≪ 1, → full Kramers for Δ ≫ 1), or Υ(Δ)²/Υ(2Δ)·k_full for a symmetric
 * double well. Δ = γ I(E_b) β / m.
 *
 * @param options - barrierHeight, kT, wellFrequency, barrierFrequency, action, gamma, mass, geometry
 * @returns the rate in 1/time with Δ and Υ in the ingredients
 * @example
 * ```ts
 * melnikovPollakRate({ barrierHeight: 0.25, kT: 0.025, wellFrequency: Math.SQRT2, barrierFrequency: 1, action: 4 / 3, gamma: 0.05 }).value;
 * ```
 */
export function melnikovPollakRate(options: MelnikovPollakOptions): RateEstimate {
  requireOptions("melnikovPollakRate options", options, FORMULA_KEYS);
  const { dU, kT, bdU } = reducedBarrier(options.barrierHeight, options.kT);
  const I = requirePositive("action", options.action);
  const gamma = requirePositive("gamma", options.gamma ?? 1);
  const mass = requirePositive("mass", options.mass ?? 1);
  requirePositive("wellFrequency", options.wellFrequency);
  const geometry = requireOneOf("geometry", options.geometry ?? "one-well", ["one-well", "symmetric-double-well"] as const);
  const delta = (gamma * I) / (mass * kT);
  const full = kramersFullRate({ barrierHeight: dU, kT, wellFrequency: options.wellFrequency, barrierFrequency: options.barrierFrequency, gamma, mass });
  const u1 = depopulationFactor(delta);
  const factor = geometry === "one-well" ? u1 : (u1 * u1) / depopulationFactor(2 * delta);
  const w = new Warnings();
  lowBarrierWarning(w, bdU);
  return {
    value: factor * full.value,
    units: rateUnits(options.timeUnit),
    formula: geometry === "one-well" ? "Υ(Δ)·k_full, Δ = γIβ/m" : "Υ(Δ)²/Υ(2Δ)·k_full, Δ = γIβ/m (symmetric double well)",
    regime: "all friction (turnover interpolation; Pollak–Grabert–Hänggi is the more accurate successor)",
    ingredients: { ...full.ingredients, action: I, delta, upsilon: u1 },
    warnings: w.list,
  };
}
