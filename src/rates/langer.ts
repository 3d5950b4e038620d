// Langer's rate for an N-D potential (SCIENCE.md): the harmonic multidimensional Kramers rate
// through an index-1 saddle, overdamped and at any (spatial-diffusion) friction, with the
// transition-state rate it tends to at low friction.
import { KramersError } from "../errors.js";
import { barrierND, type BarrierND } from "../landscape/nd/barrier.js";
import { localMinimum, saddlePoint, type StationaryPoint } from "../landscape/nd/stationary.js";
import { toPotentialND, type PotentialNDInput } from "../potential/nd.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireInteger, requireOptions, requirePositive } from "../validate.js";
import { lowBarrierWarning } from "./common.js";
import { depopulationFactor } from "./melnikov.js";

/** Options of {@link langerRate}. */
export interface LangerOptions {
  /** The potential: an N-D potential or an expression in x, y (, z). */
  readonly potential: PotentialNDInput;
  /** Thermal energy kT > 0 (energy units of U). */
  readonly kT: number;
  /** A point in the starting basin (relaxed to its minimum). */
  readonly from: ArrayLike<number>;
  /** A point in the target basin: the saddle is the first transition state on the minimum-energy path (barrierND). */
  readonly to?: ArrayLike<number>;
  /** Or a point near the saddle (P-RFO from there, following the lowest mode); one of `to`, `saddle` is required. */
  readonly saddle?: ArrayLike<number>;
  /** Friction γ > 0 (mass/time), the same in every direction. @default 1 */
  readonly gamma?: number;
  /** Mass m > 0, the same for every coordinate. @default 1 */
  readonly mass?: number;
  /** Images of the minimum-energy path (with `to`). @default 41 */
  readonly images?: number;
}

/** The three harmonic rates through the saddle (1/time). */
export interface LangerRates {
  /** Overdamped Langer |μ_b|/(2πγ)·√(det H_a/|det H_b|)·e^{−βΔU}. */
  readonly overdamped: number;
  /** Langer at friction γ: λ₊/(2π)·√(det H_a/|det H_b|)·e^{−βΔU}, λ₊ the growth rate of the unstable mode. */
  readonly full: number;
  /** Harmonic transition-state theory (γ → 0 limit of `full`): ∏ω_a/(2π ∏′ω_b)·e^{−βΔU}. */
  readonly tst: number;
}

/** Result of {@link langerRate}. */
export interface LangerResult {
  /** The recommended rate (`full`; it includes the overdamped limit). */
  readonly rate: number;
  readonly rates: LangerRates;
  /** The starting minimum and the saddle, with Hessians and eigenvalues. */
  readonly well: StationaryPoint;
  readonly saddle: StationaryPoint;
  /** ΔU = U(saddle) − U(well), and βΔU. */
  readonly barrierHeight: number;
  readonly reducedBarrier: number;
  readonly ingredients: {
    /** The saddle's negative Hessian eigenvalue μ_b. */
    readonly unstableEigenvalue: number;
    /** Its unit eigenvector (the reaction direction at the saddle). */
    readonly unstableMode: Float64Array;
    /** det H_a / |det H_b|. */
    readonly determinantRatio: number;
    /** λ₊ = −γ/2m + √(γ²/4m² + |μ_b|/m), the growth rate of the unstable mode at friction γ. */
    readonly growthRate: number;
    /** Normal-mode frequencies √(λ/m) at the minimum, ascending. */
    readonly wellFrequencies: Float64Array;
    /** √(|λ|/m) at the saddle, ascending by λ (the first is the unstable mode's). */
    readonly saddleFrequencies: Float64Array;
    /** Estimated energy-loss parameter Δ ≈ (γ/m)·2πΔU/(ω_r kT) along the reaction direction (ω_r: the well's curvature along the saddle's unstable mode), and Mel'nikov's Υ(Δ). */
    readonly delta: number;
    readonly upsilon: number;
  };
  /** The path analysis when `to` was given. */
  readonly barrier?: BarrierND;
  readonly rateDefinition: string;
  readonly warnings: ResultWarning[];
}

/** Σ ln|λ| of a spectrum (the determinant's magnitude without overflow). */
const logAbsDet = (values: Float64Array) => values.reduce((s, v) => s + Math.log(Math.abs(v)), 0);

/**
 * Langer's escape rate from a minimum of an N-D potential through an index-1 saddle, for
 * `m dv = −∇U dt − γ v dt + √(2γkT) dW` (and its overdamped limit), SCIENCE.md:
 * k = λ₊/(2π)·√(det H_a/|det H_b|)·e^{−βΔU}, with λ₊ the positive root of mλ² + γλ = |μ_b|;
 * overdamped λ₊ → |μ_b|/γ, and γ → 0 gives harmonic TST. In one dimension these are Kramers'
 * full and overdamped rates. Assumptions (warned): βΔU ≳ 5 (LOW_BARRIER); escape limited by
 * spatial diffusion, not energy diffusion — at low friction (Mel'nikov's Υ(Δ) < 0.9, with Δ
 * estimated along the reaction direction) the true rate is lower (FRICTION_REGIME); every mode
 * of the well and of the saddle bound (harmonic).
 *
 * @param options - potential, kT, from, to or saddle, gamma (1), mass (1), images (41)
 * @returns rate, rates (overdamped, full, tst), well, saddle, barrier heights, ingredients, warnings
 * @throws KramersError INVALID_ARGUMENT (neither `to` nor `saddle`; a flat mode), NOT_POSITIVE, NO_BARRIER, NOT_CONVERGED
 * @example
 * ```ts
 * const r = langerRate({ potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.1, from: [-1, 0.3], to: [1, 0.3], gamma: 2 });
 * r.rate; r.rates.overdamped; r.saddle.x; // ≈ (0, 0)
 * ```
 */
export function langerRate(options: LangerOptions): LangerResult {
  const o = requireOptions("langerRate options", options, ["potential", "kT", "from", "to", "saddle", "gamma", "mass", "images"]);
  const p = toPotentialND(o.potential);
  const kT = requirePositive("kT", o.kT);
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  const mass = o.mass === undefined ? 1 : requirePositive("mass", o.mass);
  if (o.from === undefined) throw new KramersError("INVALID_ARGUMENT", "from is required: a point in the starting basin", { option: "from" });
  if (o.to === undefined && o.saddle === undefined) throw new KramersError("INVALID_ARGUMENT", "give `to` (a point in the target basin) or `saddle` (a point near the transition state)", { option: "to" });
  const w = new Warnings();
  let well: StationaryPoint, saddle: StationaryPoint, barrier: BarrierND | undefined;
  if (o.to !== undefined) {
    barrier = barrierND({ potential: p, from: o.from as ArrayLike<number>, to: o.to as ArrayLike<number>, ...(o.images !== undefined ? { images: requireInteger("images", o.images, 5) } : {}) });
    w.addAll(barrier.warnings);
    well = barrier.from;
    saddle = barrier.saddle;
  } else {
    well = localMinimum(p, o.from as ArrayLike<number>);
    saddle = saddlePoint(p, o.saddle as ArrayLike<number>);
  }
  const n = p.dimension;
  const ev = well.eigenvalues, sv = saddle.eigenvalues;
  const scale = Math.max(Math.abs(ev[n - 1]!), Math.abs(sv[n - 1]!), Math.abs(sv[0]!));
  if (!(ev[0]! > 1e-9 * scale)) throw new KramersError("INVALID_ARGUMENT", `the minimum at ${JSON.stringify(Array.from(well.x))} has a flat or unstable mode (Hessian eigenvalue ${ev[0]!.toPrecision(3)}): the harmonic prefactor needs every mode bound`, { option: "potential" });
  if (saddle.index !== 1) throw new KramersError("INVALID_ARGUMENT", `the stationary point at ${JSON.stringify(Array.from(saddle.x))} has ${saddle.index} unstable modes, not 1: not a transition state`, { option: "saddle" });
  if (!(Math.abs(sv[1] ?? Infinity) > 1e-9 * scale)) throw new KramersError("INVALID_ARGUMENT", `the saddle at ${JSON.stringify(Array.from(saddle.x))} has a flat mode (eigenvalue ${sv[1]!.toPrecision(3)}): the harmonic prefactor needs every stable mode bound`, { option: "potential" });
  const dU = saddle.U - well.U;
  const bdU = dU / kT;
  lowBarrierWarning(w, bdU);
  const mub = sv[0]!;
  const determinantRatio = Math.exp(logAbsDet(ev) - logAbsDet(sv));
  const rateOf = (growth: number) => (growth / (2 * Math.PI)) * Math.sqrt(determinantRatio) * Math.exp(-bdU);
  const fr = gamma / mass, wb = Math.sqrt(-mub / mass);
  const growthRate = Math.sqrt(0.25 * fr * fr + wb * wb) - 0.5 * fr;
  const rates: LangerRates = { overdamped: rateOf(-mub / gamma), full: rateOf(growthRate), tst: rateOf(wb) };
  // energy diffusion along the reaction direction: Δ ≈ (γ/m)·I(E_b)/kT with the harmonic action I ≈ 2πΔU/ω_r
  const mode = Float64Array.from({ length: n }, (_, i) => saddle.eigenvectors[i * n]!);
  let curvature = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) curvature += mode[i]! * well.hessian[i * n + j]! * mode[j]!;
  const wr = Math.sqrt(Math.max(curvature, ev[0]!) / mass);
  const delta = (fr * 2 * Math.PI * dU) / (wr * kT);
  const upsilon = depopulationFactor(delta);
  if (upsilon < 0.9) w.add("FRICTION_REGIME", `γ/m = ${fr.toPrecision(3)} is low for this barrier (estimated Δ ≈ ${delta.toPrecision(3)}, Mel'nikov Υ(Δ) ≈ ${upsilon.toPrecision(3)}): escape is limited by energy diffusion, which Langer's spatial-diffusion rate ignores; the true rate is lower, by about Υ`);
  // the overdamped formula's relative error is ≈ (mω_b/γ)²: say so where it is not even rough
  if (fr < wb) w.add("OVERDAMPED_INVALID", `γ/m = ${fr.toPrecision(3)} < ω_b = ${wb.toPrecision(3)}: rates.overdamped does not apply here (rates.full does)`);
  const sf = Float64Array.from(sv, (v) => Math.sqrt(Math.abs(v) / mass));
  return {
    rate: rates.full,
    rates,
    well,
    saddle,
    barrierHeight: dU,
    reducedBarrier: bdU,
    ingredients: { unstableEigenvalue: mub, unstableMode: mode, determinantRatio, growthRate, wellFrequencies: Float64Array.from(ev, (v) => Math.sqrt(v / mass)), saddleFrequencies: sf, delta, upsilon },
    ...(barrier ? { barrier } : {}),
    rateDefinition: "escape rate (1/time) from the minimum `well` through the transition state `saddle` (harmonic, spatial-diffusion limited; ≈ 1/MFPT from the well to beyond the saddle's basin boundary)",
    warnings: w.list,
  };
}
