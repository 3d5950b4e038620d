// rate(): every analytic escape rate for one well and one barrier of a 1-D potential.
import { KramersError } from "../errors.js";
import { analyseLandscape, resolveDomain } from "../landscape/landscape.js";
import { searchDomain } from "../landscape/domain.js";
import { continuousAt } from "../landscape/critical-points.js";
import type { CriticalPoint } from "../landscape/types.js";
import { barrierIn, wellIn, type BarrierCrossing } from "../landscape/wells.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { Warnings, type ResultWarning } from "../result.js";
import { checkUnitLabels, type UnitLabels } from "../units.js";
import { requireFinite, requireOptions, requirePositive } from "../validate.js";
import { actionIn } from "./action.js";
import { arrheniusFactor } from "./arrhenius.js";
import { energyDiffusionRate } from "./energy-diffusion.js";
import { kramersFullRate, kramersOverdampedRate, OVERDAMPED_MIN_FRICTION_RATIO } from "./kramers.js";
import { depopulationFactor, melnikovPollakRate } from "./melnikov.js";
import { transitionStateRate } from "./transition-state.js";
import type { RateEstimate } from "./types.js";
import { lowBarrierWarning, rateUnits } from "./common.js";

/** Options of {@link rate}. */
export interface RateOptions {
  /** The potential: expression string, potential object or function U(x). */
  readonly potential: PotentialInput;
  /** Thermal energy kT > 0 (same energy unit as U). */
  readonly kT: number;
  /** Any point in the starting well (snapped to its minimum by steepest descent). */
  readonly from: number;
  /** A point beyond the barrier (target well or direction of escape). @default the side with the lower barrier */
  readonly to?: number;
  /** Friction γ > 0 (mass/time). @default 1 */
  readonly gamma?: number;
  /** Mass m > 0. @default 1 */
  readonly mass?: number;
  /** Domain for the landscape. @default the potential's suggestedDomain */
  readonly domain?: readonly [number, number];
  /** Unit labels carried on the result (rates are per `time`). @default reduced units */
  readonly units?: UnitLabels;
}

/** A critical point as reported on a rate result. */
export interface RatePoint {
  readonly x: number;
  readonly U: number;
  readonly curvature: number;
  /** √(|U″|/m) with the caller's mass. */
  readonly frequency: number;
}

/** The rates of {@link rate}, in 1/time (except `arrhenius`, the bare factor exp(−βΔU)). */
export interface RateValues {
  /** The bare Arrhenius factor exp(−βΔU) (dimensionless, not a rate). */
  readonly arrhenius: number;
  /** Transition-state theory ω_a/(2π)·e^{−βΔU}. */
  readonly tst: number;
  /** Overdamped Kramers √(U″_a|U″_b|)/(2πγ)·e^{−βΔU}. */
  readonly kramersOverdamped: number;
  /** Full (spatial-diffusion) Kramers. */
  readonly kramersFull: number;
  /** Energy-diffusion (low-friction) Kramers Δ·k_TST. */
  readonly energyDiffusion: number;
  /** Mel'nikov–Pollak one-well turnover Υ(Δ)·k_full. */
  readonly melnikovPollak: number;
  /** Mel'nikov symmetric double-well form Υ(Δ)²/Υ(2Δ)·k_full: present only for a double well (two minima in the landscape, not periodic) whose wells are mirror images (equal depth, curvature and action). */
  readonly melnikovPollakDoubleWell?: number;
}

/** Result of {@link rate}. */
export interface RateResult {
  /** The barrier: height ΔU, reduced height βΔU, positions, and the reverse height if a well lies beyond. */
  readonly barrier: {
    readonly height: number;
    readonly reducedHeight: number;
    readonly from: number;
    readonly top: number;
    readonly to?: number;
    readonly reverseHeight?: number;
    readonly direction: 1 | -1;
  };
  /** The starting minimum x_a. */
  readonly well: RatePoint;
  /** The barrier top x_b. */
  readonly top: RatePoint;
  /** Every rate as a number (1/time). */
  readonly rates: RateValues;
  /** Every rate with its formula, regime, ingredients and own warnings. */
  readonly details: {
    readonly arrhenius: RateEstimate;
    readonly tst: RateEstimate;
    readonly kramersOverdamped: RateEstimate;
    readonly kramersFull: RateEstimate;
    readonly energyDiffusion: RateEstimate;
    readonly melnikovPollak: RateEstimate;
    readonly melnikovPollakDoubleWell?: RateEstimate;
  };
  /** ΔU, kT, βΔU, ω_a, ω_b, I(E_b), Δ, Υ(Δ), γ, m, turning points. */
  readonly ingredients: {
    readonly barrierHeight: number;
    readonly kT: number;
    readonly reducedBarrier: number;
    readonly wellFrequency: number;
    readonly barrierFrequency: number;
    readonly wellCurvature: number;
    readonly barrierCurvature: number;
    readonly gamma: number;
    readonly mass: number;
    readonly frictionRate: number;
    readonly action: number;
    readonly actionTurningPoints: readonly [number, number];
    readonly delta: number;
    readonly upsilon: number;
  };
  /** What "rate" means here. */
  readonly rateDefinition: string;
  /** The friction regime: "energy diffusion (low friction)", "turnover", "spatial diffusion (moderate friction)" or "overdamped (high friction)". */
  readonly regime: string;
  /** Which entry of `rates` to trust in this regime. */
  readonly recommended: keyof RateValues;
  /** Units of energies, time and rates. */
  readonly units: UnitLabels & { readonly rate: string };
  /** Every warning (LOW_BARRIER, FRICTION_REGIME, …), with the rate it concerns in the message. */
  readonly warnings: ResultWarning[];
}

/** {@link RateOptions} after checking, with defaults filled and the domain resolved. */
export interface CheckedRateOptions {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly from: number;
  readonly to?: number;
  readonly gamma: number;
  readonly mass: number;
  readonly domain: [number, number];
  readonly units: UnitLabels;
}

/** Fill defaults and validate the options of {@link rate}. */
export function checkRateOptions(options: unknown): CheckedRateOptions {
  const o = requireOptions("rate options", options, ["potential", "kT", "from", "to", "gamma", "mass", "domain", "units"]);
  const potential = toPotential(o.potential);
  const kT = requirePositive("kT", o.kT);
  if (o.from === undefined) throw new KramersError("INVALID_ARGUMENT", "from is required: a point in the starting well", { option: "from" });
  const from = requireFinite("from", o.from);
  const to = o.to === undefined ? undefined : requireFinite("to", o.to);
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  const mass = o.mass === undefined ? 1 : requirePositive("mass", o.mass);
  // the potential's suggested domain is only a default for the landscape: a start or target
  // outside it (another period of a washboard, a shifted harmonic well) is searched for instead
  const suggested = potential.suggestedDomain;
  const inSuggested = (x: number | undefined) => x === undefined || (suggested !== undefined && x >= suggested[0] && x <= suggested[1]);
  const domain = o.domain === undefined && !(inSuggested(from) && inSuggested(to)) ? searchDomain(potential, from, to) : resolveDomain(potential, o.domain);
  const units = checkUnitLabels(o.units);
  return { potential, kT, from, ...(to !== undefined ? { to } : {}), gamma, mass, domain, units };
}

const asPoint = (c: CriticalPoint, mass: number): RatePoint => ({ x: c.x, U: c.U, curvature: c.curvature, frequency: Math.sqrt(Math.abs(c.curvature) / mass) });

/** Relative tolerance for calling two wells mirror images (depth, curvature and action). */
const SYMMETRY_TOL = 1e-6;

/**
 * Every analytic escape rate from a well over a barrier of a 1-D potential, with the
 * ingredients (ΔU, ω_a, ω_b, I(E_b), Δ, Υ(Δ)), the friction regime and validity warnings.
 *
 * Dynamics (SCIENCE.md): underdamped `m dv = −U′dt − γv dt + √(2γkT) dW` (overdamped: drop m dv).
 * The rates are escape rates from the well at `from` over the first barrier toward `to` (default:
 * the lower of the two adjacent barriers); `arrhenius` is the bare factor exp(−βΔU), not a rate.
 * For a symmetric double well at low friction two rates differ: the first arrival at the other
 * bottom (1/MFPT, SCIENCE.md's "the rate"), estimated by `melnikovPollak` — which `recommended`
 * names — and the population transfer between the wells (λ₁/2, recrossings counted), estimated
 * by `melnikovPollakDoubleWell`; they differ by up to 2× as γ → 0 (checked against the exact
 * Kramers-equation values in test/turnover.test.ts).
 *
 * @param options - potential, kT, from, to, gamma (default 1), mass (default 1), domain, units
 * @returns barrier, well, top, rates (numbers), details (formula/regime/warnings per rate), ingredients, regime, warnings
 * @throws KramersError NOT_POSITIVE (kT, γ, m ≤ 0), NOT_IN_WELL (from not in a well), NO_BARRIER, BAD_DOMAIN
 * @example
 * ```ts
 * const r = rate({ potential: "x^4/4 - x^2/2", kT: 0.025, from: -1, domain: [-2, 2], gamma: 5 });
 * r.rates.kramersOverdamped; // √2/(2π·5)·e^{-10}
 * r.ingredients.action;      // 4/3
 * ```
 */
export function rate(options: RateOptions): RateResult {
  const o = checkRateOptions(options);
  const p = o.potential;
  const l = analyseLandscape(p, o.domain, o.mass);
  const well = wellIn(p, l, o.from, "from");
  let crossing: BarrierCrossing;
  if (o.to !== undefined) {
    crossing = barrierIn(p, l, o.from, o.to, "from", "to");
  } else {
    const sides: BarrierCrossing[] = [];
    for (const direction of [-1, 1] as const) {
      try {
        sides.push(barrierIn(p, l, well.x, { direction }, "from"));
      } catch (e) {
        if (!(e instanceof KramersError && e.code === "NO_BARRIER")) throw e;
      }
    }
    if (sides.length === 0) {
      throw new KramersError("NO_BARRIER", `the well at x = ${well.x.toPrecision(8)} has no barrier on either side inside the domain [${o.domain[0]}, ${o.domain[1]}]`, { option: "from" });
    }
    crossing = sides.reduce((a, b) => (b.height < a.height ? b : a));
  }
  const top = crossing.top;
  if (well.degenerate || top.degenerate) {
    throw new KramersError(
      "INVALID_ARGUMENT",
      `the ${well.degenerate ? `well at x = ${well.x.toPrecision(6)}` : `barrier top at x = ${top.x.toPrecision(6)}`} is degenerate (U″ ≈ 0): the harmonic Kramers prefactors do not apply; use the exact MFPT (mfpt) instead`,
      { option: "potential" },
    );
  }
  const { kT, gamma, mass } = o;
  const timeUnit = o.units.time;
  const dU = top.U - well.U;
  const bdU = dU / kT;
  const wa = Math.sqrt(well.curvature / mass), wb = Math.sqrt(Math.abs(top.curvature) / mass);
  // the formulas need U defined and finite from the far turning point of the orbit over the well
  // to the top; a kink there (U continuous, U′ jumping) only deserves a warning. Checked between
  // the well and the top first (before the action integral meets the problem), then on the orbit.
  const h = 1e-9 * (o.domain[1] - o.domain[0]);
  const refuseSingular = (spanLo: number, spanHi: number, where0 = `inside the well at x = ${well.x.toPrecision(6)} or its orbit up to the barrier energy [${spanLo.toPrecision(6)}, ${spanHi.toPrecision(6)}]`): void => {
    const inside = (x: number) => x > spanLo && x < spanHi;
    const pole = l.singularities.find((x) => inside(x) && !continuousAt(p, x, h));
    const gap = l.undefinedRegions.find(([a, b]) => b > spanLo && a < spanHi);
    if (pole === undefined && gap === undefined) return;
    const where = pole ?? gap![0];
    throw new KramersError(
      "NOT_FINITE",
      `U is ${pole !== undefined ? "unbounded or discontinuous (a pole, log singularity or step)" : "undefined (NaN)"} near x ≈ ${where.toPrecision(6)}, ${where0}: the rate formulas do not apply`,
      { option: "potential", x: where },
    );
  };
  refuseSingular(Math.min(well.x, top.x), Math.max(well.x, top.x));
  let act: ReturnType<typeof actionIn>;
  try {
    act = actionIn(p, l, well.x, top.x, mass);
  } catch (e) {
    // the orbit ran into U undefined or infinite: name the nearest such place beyond the well
    if (!(e instanceof KramersError && e.code === "NOT_FINITE")) throw e;
    const far = top.x > well.x ? -1 : 1;
    const spots = [...l.singularities, ...l.undefinedRegions.map(([a, b]) => (far < 0 ? b : a))].filter((x) => (x - well.x) * far > 0);
    if (spots.length === 0) throw e;
    refuseSingular(Math.min(well.x, ...spots) - 1e-12, Math.max(well.x, ...spots) + 1e-12, `on the orbit of the well at x = ${well.x.toPrecision(6)} at the barrier energy (the action integral met it)`);
    throw e;
  }
  const [spanLo, spanHi] = [Math.min(act.turningPoints[0], well.x, top.x), Math.max(act.turningPoints[1], well.x, top.x)];
  refuseSingular(spanLo, spanHi);
  const kinks = l.singularities.filter((x) => x > spanLo && x < spanHi);
  const delta = (gamma * act.action) / (mass * kT);
  const upsilon = depopulationFactor(delta);
  const common = { barrierHeight: dU, kT, timeUnit };

  const arrhenius = arrheniusFactor({ barrierHeight: dU, kT });
  const tstBase = transitionStateRate({ ...common, wellFrequency: wa });
  const overdamped = kramersOverdampedRate({ ...common, wellCurvature: well.curvature, barrierCurvature: top.curvature, gamma, mass });
  const full = kramersFullRate({ ...common, wellFrequency: wa, barrierFrequency: wb, gamma, mass, delta });
  const ed = energyDiffusionRate({ ...common, wellFrequency: wa, action: act.action, gamma, mass });
  const mp = melnikovPollakRate({ ...common, wellFrequency: wa, barrierFrequency: wb, action: act.action, gamma, mass });

  // TST is accurate only where recrossings are rare (k_full ≈ k_TST) and the well stays populated (Υ ≈ 1)
  const tstW = new Warnings();
  tstW.addAll(tstBase.warnings);
  if (full.value < 0.9 * tstBase.value) tstW.add("FRICTION_REGIME", `TST ignores recrossings: at γ/(m ω_b) = ${(gamma / (mass * wb)).toPrecision(3)} the full Kramers rate is ${((100 * full.value) / tstBase.value).toFixed(0)} % of it`);
  if (upsilon < 0.9) tstW.add("FRICTION_REGIME", `TST assumes a thermalized well, but Δ = ${delta.toPrecision(3)} gives Υ(Δ) = ${upsilon.toPrecision(3)}: energy diffusion limits the rate`);
  const tst: RateEstimate = { ...tstBase, warnings: tstW.list };

  // the symmetric double-well form, when the barrier separates mirror-image wells
  let mpDouble: RateEstimate | undefined;
  // only a genuine double well: two minima in the landscape, not a periodic chain of wells
  if (crossing.to && !crossing.to.degenerate && l.minima.length === 2 && p.period === undefined) {
    const other = crossing.to;
    const sameDepth = Math.abs(other.U - well.U) <= SYMMETRY_TOL * dU;
    const sameCurv = Math.abs(other.curvature - well.curvature) <= SYMMETRY_TOL * well.curvature;
    if (sameDepth && sameCurv) {
      const actOther = actionIn(p, l, other.x, top.x, mass);
      if (Math.abs(actOther.action - act.action) <= 1e-4 * act.action) {
        mpDouble = melnikovPollakRate({ ...common, wellFrequency: wa, barrierFrequency: wb, action: act.action, gamma, mass, geometry: "symmetric-double-well" });
      }
    }
  }

  const fr = gamma / (mass * wb);
  let regime: string;
  let recommended: keyof RateValues = "melnikovPollak";
  if (upsilon < 0.9) regime = delta < 0.01 ? "energy diffusion (low friction)" : "turnover";
  else if (fr >= OVERDAMPED_MIN_FRICTION_RATIO) regime = "overdamped (high friction)";
  else regime = "spatial diffusion (moderate friction)";
  if (regime === "overdamped (high friction)") recommended = "kramersFull";

  const warnings = new Warnings();
  lowBarrierWarning(warnings, bdU);
  // rounding of U itself at the critical points (an energy offset of 1e10 leaves ΔU few digits);
  // the formulas are asymptotic anyway, so only a loss beyond 1e-6 is worth a warning
  const roundingInExponent = 4 * Number.EPSILON * Math.max(Math.abs(well.U), Math.abs(top.U)) / kT;
  if (roundingInExponent > 1e-6) {
    warnings.add("PRECISION_LOSS", `U ≈ ${Math.max(Math.abs(well.U), Math.abs(top.U)).toPrecision(3)} at the well and barrier, so the rounding of U alone changes βΔU by up to ${roundingInExponent.toPrecision(2)} and every rate by that relative amount; subtract the constant offset from U`);
  }
  if (full.value === 0 || tstBase.value === 0) {
    // e^{−βΔU} below the smallest double: say so and give the logarithm instead of a bare 0
    const logFull = Math.log((wa / (2 * Math.PI)) * (wb / (Math.hypot(gamma / (2 * mass), wb) + gamma / (2 * mass)))) - bdU;
    warnings.add("UNDERFLOW", `βΔU = ${bdU.toPrecision(6)}: exp(−βΔU) underflows double precision, so the rates are 0; ln(kramersFull) = ${logFull.toPrecision(8)} (log10 = ${(logFull / Math.LN10).toPrecision(8)})`);
  }
  warnings.addAll(act.warnings);
  // the barrier and well come from the landscape: if its search was heuristic or incomplete, say so
  warnings.addAll(l.warnings.filter((w) => w.code === "HEURISTIC_ROOTS" || w.code === "INCOMPLETE"));
  if (kinks.length > 0) {
    warnings.add("SINGULARITY", `U′ jumps (a kink or cusp) at x ≈ ${kinks.map((x) => x.toPrecision(6)).join(", ")}, between the well and the barrier or on the well's orbit: the action I(E_b) is still exact, but the smooth-potential assumptions behind the rate formulas are stretched there`);
  }
  const named: [string, RateEstimate][] = [["tst", tst], ["kramersOverdamped", overdamped], ["kramersFull", full], ["energyDiffusion", ed], ["melnikovPollak", mp]];
  for (const [name, r] of named) for (const w of r.warnings) if (w.code !== "LOW_BARRIER") warnings.add(w.code, `${name}: ${w.message}`);

  const rates: RateValues = {
    arrhenius: arrhenius.value,
    tst: tst.value,
    kramersOverdamped: overdamped.value,
    kramersFull: full.value,
    energyDiffusion: ed.value,
    melnikovPollak: mp.value,
    ...(mpDouble ? { melnikovPollakDoubleWell: mpDouble.value } : {}),
  };
  return {
    barrier: {
      height: dU,
      reducedHeight: bdU,
      from: well.x,
      top: top.x,
      ...(crossing.to ? { to: crossing.to.x, reverseHeight: crossing.reverseHeight! } : {}),
      direction: crossing.direction,
    },
    well: asPoint(well, mass),
    top: asPoint(top, mass),
    rates,
    details: { arrhenius, tst, kramersOverdamped: overdamped, kramersFull: full, energyDiffusion: ed, melnikovPollak: mp, ...(mpDouble ? { melnikovPollakDoubleWell: mpDouble } : {}) },
    ingredients: {
      barrierHeight: dU, kT, reducedBarrier: bdU, wellFrequency: wa, barrierFrequency: wb,
      wellCurvature: well.curvature, barrierCurvature: top.curvature, gamma, mass, frictionRate: gamma / mass,
      action: act.action, actionTurningPoints: act.turningPoints, delta, upsilon,
    },
    rateDefinition:
      "escape rate (1/time) from the well at `well.x` over the barrier at `top.x` (flux over population; for the overdamped case ≈ 1/MFPT from the bottom to beyond the barrier); melnikovPollakDoubleWell is the rate of population transfer into the other well of a symmetric double well (≈ λ₁/2, recrossings counted; below 1/MFPT to the other bottom at low friction)",
    regime,
    recommended,
    units: { ...o.units, rate: rateUnits(timeUnit) },
    warnings: warnings.list,
  };
}
