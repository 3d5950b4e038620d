// turnover(): every escape rate across a list of friction values — the analytic formulas of
// src/rates/ and the exact Kramers-equation answers — and the friction at the rate maximum.
import { KramersError } from "../errors.js";
import { rate } from "../rates/rate.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireOptions, requirePositive } from "../validate.js";
import { checkKramersEquationOptions, kramersBackend, kramersProblem, solveKramers, type KramersConvergence, type KramersEquationOptions } from "./kramers-equation.js";

/** Options of {@link turnover}: those of kramersEquation without `gamma`, plus the list of frictions. */
export interface TurnoverOptions extends Omit<KramersEquationOptions, "gamma"> {
  /** Friction values γ > 0 (mass/time), any order; the rows come out in this order. */
  readonly gammas: readonly number[];
}

/** One friction value: every rate (1/time) and the exact MFPT (time). */
export interface TurnoverRow {
  readonly gamma: number;
  /** Transition-state theory ω_a/(2π)·e^{−βΔU} (no friction dependence). */
  readonly tst: number;
  /** Energy-diffusion (low-friction) Kramers rate. */
  readonly energyDiffusion: number;
  /** Mel'nikov–Pollak one-well form Υ(Δ)·k_full. */
  readonly melnikovPollak: number;
  /** Mel'nikov symmetric double-well form Υ(Δ)²/Υ(2Δ)·k_full (null unless the barrier separates mirror-image wells). */
  readonly melnikovPollakDoubleWell: number | null;
  /** Full (spatial-diffusion) Kramers rate. */
  readonly kramersFull: number;
  /** Overdamped Kramers rate. */
  readonly kramersOverdamped: number;
  /** Exact rate from λ₁ of the Kramers equation (see rateDefinitions.exactRate); NaN if not computed. */
  readonly exactRate: number;
  /** Estimated absolute error of exactRate. */
  readonly exactRateError: number;
  /** λ₁ itself. */
  readonly lambda1: number;
  /** Exact mean first-passage time (time units); NaN if not computed. */
  readonly exactMfpt: number;
  /** Estimated absolute error of exactMfpt. */
  readonly exactMfptError: number;
  /** 1/exactMfpt. */
  readonly exactMfptRate: number;
  /** Convergence of the exact columns. */
  readonly convergence: { readonly rate?: KramersConvergence; readonly mfpt?: KramersConvergence };
}

/** Result of {@link turnover}. */
export interface TurnoverResult {
  readonly rows: TurnoverRow[];
  /**
   * The friction at the maximum of the exact rate: located between the neighbours of the largest
   * tabulated exactRate by a golden-section search on exact rates solved to ≤ 1e-6 (≈ 12 extra
   * λ₁ solves; relative accuracy ≈ 2e-3 or better, since the rate is flat at its maximum); null if
   * the largest value is at an end of the list or the exact rate was not computed.
   */
  readonly gammaAtMaximum: number | null;
  /** The exact rate at that maximum. */
  readonly rateAtMaximum: number | null;
  /** What each column means: which definition of "rate" (λ₁-based, 1/MFPT or a formula). */
  readonly rateDefinitions: Record<"tst" | "energyDiffusion" | "melnikovPollak" | "melnikovPollakDoubleWell" | "kramersFull" | "kramersOverdamped" | "exactRate" | "exactMfpt" | "exactMfptRate", string>;
  /** True when the exact columns of every row met the tolerance. */
  readonly converged: boolean;
  /** Barrier height ΔU, βΔU, the well, the top, the far well and the MFPT target. */
  readonly barrier: { readonly height: number; readonly reducedHeight: number; readonly from: number; readonly top: number; readonly to: number | null; readonly target: number };
  readonly warnings: ResultWarning[];
}

/** Fill defaults and validate the options of {@link turnover}. */
export function checkTurnoverOptions(options: unknown) {
  const o = requireOptions("turnover options", options, ["potential", "kT", "from", "to", "mass", "gammas", "domain", "tolerance", "start", "compute", "engine", "maxModes", "maxMemoryMB"]);
  if (!Array.isArray(o.gammas) || o.gammas.length === 0) {
    throw new KramersError("INVALID_ARGUMENT", `gammas must be a non-empty array of friction values, got ${JSON.stringify(o.gammas)}`, { option: "gammas", value: o.gammas });
  }
  const gammas = (o.gammas as unknown[]).map((g, i) => requirePositive(`gammas[${i}]`, g));
  const { gammas: _g, ...rest } = o;
  const checked = checkKramersEquationOptions(rest);
  return { ...checked, gammas };
}

/**
 * The friction of the rate maximum inside `bracket` (the neighbours of the largest tabulated rate):
 * golden-section search in ln γ on exact rates solved to ≤ 1e-6, down to a bracket 1e-3 wide
 * (≈ 12 solves), then the vertex of the parabola through the best three points. The rate is
 * flat there (ln k ≈ ln k* − a·ln²(γ/γ*), a ≈ 0.2 for the quartic well at βΔU = 8), so a rate
 * error ε moves the vertex by ≲ √(ε/a) in ln γ: ≈ 2e-3 at ε = 1e-6.
 */
function refineMaximum(rateAt: (gamma: number) => number, bracket: [number, number]): { gamma: number; rate: number } {
  const f = (u: number) => Math.log(rateAt(Math.exp(u)));
  const r = (Math.sqrt(5) - 1) / 2;
  let a = Math.log(bracket[0]), b = Math.log(bracket[1]);
  let c = b - r * (b - a), d = a + r * (b - a);
  let fc = f(c), fd = f(d);
  while (b - a > 1e-3) {
    if (fc >= fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - r * (b - a);
      fc = f(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + r * (b - a);
      fd = f(d);
    }
  }
  // vertex of the parabola through c, d and the bracket's middle
  const m = 0.5 * (a + b), fm = f(m);
  const pts = [[c, fc], [m, fm], [d, fd]].sort((p, q) => p[0]! - q[0]!) as [number, number][];
  const [[x0, y0], [x1, y1], [x2, y2]] = pts as [[number, number], [number, number], [number, number]];
  const d01 = (y1 - y0) / (x1 - x0), d12 = (y2 - y1) / (x2 - x1), curv = (d12 - d01) / (x2 - x0);
  if (!(curv < 0) || Math.abs(x1 - x0) < 1e-12 || Math.abs(x2 - x1) < 1e-12) {
    const best = pts.reduce((p, q) => (q[1] > p[1] ? q : p));
    return { gamma: Math.exp(best[0]), rate: Math.exp(best[1]) };
  }
  const xv = Math.min(b, Math.max(a, 0.5 * (x0 + x1) - d01 / (2 * curv)));
  return { gamma: Math.exp(xv), rate: Math.exp(y0 + d01 * (xv - x0) + curv * (xv - x0) * (xv - x1)) };
}

/** Parabola through (ln γ, ln k) at the discrete maximum: the vertex and the neighbours' bracket, or null at an end. */
function interpolatedMaximum(gammas: number[], rates: number[]): { gamma: number; rate: number; bracket: [number, number] } | null {
  const idx = gammas.map((_, i) => i).filter((i) => Number.isFinite(rates[i]) && rates[i]! > 0).sort((a, b) => gammas[a]! - gammas[b]!);
  if (idx.length < 3) return null;
  let best = 1;
  for (let k = 0; k < idx.length; k++) if (rates[idx[k]!]! > rates[idx[best]!]!) best = k;
  if (best === 0 || best === idx.length - 1) return null;
  const x = [idx[best - 1]!, idx[best]!, idx[best + 1]!].map((i) => Math.log(gammas[i]!));
  const y = [idx[best - 1]!, idx[best]!, idx[best + 1]!].map((i) => Math.log(rates[i]!));
  const [x0, x1, x2] = x as [number, number, number];
  const [y0, y1, y2] = y as [number, number, number];
  const d01 = (y1 - y0) / (x1 - x0), d12 = (y2 - y1) / (x2 - x1);
  const a = (d12 - d01) / (x2 - x0);
  const bracket: [number, number] = [Math.exp(x0), Math.exp(x2)];
  if (!(a < 0)) return { gamma: Math.exp(x1), rate: Math.exp(y1), bracket };
  const b = d01 - a * (x0 + x1);
  const xv = -b / (2 * a);
  // Newton form: y(x) = y0 + d01 (x − x0) + a (x − x0)(x − x1)
  const yAt = y0 + d01 * (xv - x0) + a * (xv - x0) * (xv - x1);
  return { gamma: Math.exp(xv), rate: Math.exp(yAt), bracket };
}

/**
 * The Kramers turnover in one table: for each friction γ, transition-state theory, energy
 * diffusion, Mel'nikov–Pollak (one-well and symmetric double-well forms), full and overdamped
 * Kramers (all from src/rates/), and the exact answers of the Kramers equation — the λ₁-based
 * rate and the mean first-passage time — with the friction at which the exact rate peaks.
 *
 * Which "rate" each column is: the formulas are escape rates over the barrier; `exactRate` is
 * λ₁·π_far/(π_near + π_far) (λ₁/2 for a symmetric double well: the population transfer between
 * the wells) or λ₁ with an absorbing target; `exactMfptRate` is 1/MFPT to x ≥ to from the well
 * bottom (SCIENCE.md's "the rate" when `to` is the other bottom). The two agree at moderate and
 * high friction. At low friction a particle that first reaches the other bottom with E > E_b still
 * recrosses (it settles on either side with probability ≈ 1/2 as γ → 0), so 1/MFPT exceeds
 * exactRate, by up to 2× (βΔU = 8: 1.66× at γ = 0.01, 1.16× at γ = 0.1). The one-well
 * Mel'nikov–Pollak form estimates 1/MFPT, the symmetric double-well form λ₁/2 (tested). With the
 * target at the barrier top, 1/MFPT ≈ 2× the rate at high friction (half the arrivals fall back).
 * See `rateDefinitions`.
 *
 * @param options - potential, kT, from, to, mass (1), gammas, domain, tolerance (1e-4), start ("bottom"), compute ("both"), engine ("wasm"), maxModes, maxMemoryMB
 * @returns rows (one per γ), gammaAtMaximum, rateAtMaximum, rateDefinitions, barrier, warnings
 * @throws KramersError as kramersEquation and rate (NOT_POSITIVE, NOT_IN_WELL, NO_BARRIER, BAD_DOMAIN)
 * @example
 * ```ts
 * const t = await turnover({ potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, domain: [-3, 3], gammas: [0.1, 0.3, 1, 3, 10] });
 * t.gammaAtMaximum; // ≈ 0.3: where the exact rate peaks
 * t.rows.map((r) => [r.gamma, r.exactRate, r.melnikovPollakDoubleWell]);
 * ```
 */
export async function turnover(options: TurnoverOptions): Promise<TurnoverResult> {
  const o = checkTurnoverOptions(options);
  const problem = kramersProblem(o);
  const backend = await kramersBackend(problem, o.engine);
  const warnings = new Warnings();
  warnings.addAll(problem.warnings);
  const rows: TurnoverRow[] = [];
  let definitions: { rate: string; mfpt: string } | undefined;
  for (const gamma of o.gammas) {
    const analytic = rate({ potential: o.potential, kT: o.kT, from: o.from, to: problem.target, gamma, mass: o.mass, domain: o.domain });
    for (const w of analytic.warnings) warnings.add(w.code, `γ = ${gamma}: ${w.message}`);
    const exact = solveKramers(problem, backend, { ...o, gamma });
    for (const w of exact.warnings) if (!problem.warnings.includes(w)) warnings.add(w.code, `γ = ${gamma}: ${w.message}`);
    definitions ??= { rate: exact.rateDefinition, mfpt: exact.mfptDefinition };
    const r = analytic.rates;
    rows.push({
      gamma,
      tst: r.tst,
      energyDiffusion: r.energyDiffusion,
      melnikovPollak: r.melnikovPollak,
      melnikovPollakDoubleWell: r.melnikovPollakDoubleWell ?? null,
      kramersFull: r.kramersFull,
      kramersOverdamped: r.kramersOverdamped,
      exactRate: exact.exactRate,
      exactRateError: exact.exactRateError,
      lambda1: exact.lambda1,
      exactMfpt: exact.mfpt,
      exactMfptError: exact.mfptError,
      exactMfptRate: exact.mfptRate,
      convergence: { ...(exact.rateConvergence ? { rate: exact.rateConvergence } : {}), ...(exact.mfptConvergence ? { mfpt: exact.mfptConvergence } : {}) },
    });
  }
  const coarse = o.compute === "mfpt" ? null : interpolatedMaximum(rows.map((r) => r.gamma), rows.map((r) => r.exactRate));
  let unconverged = 0;
  const max = coarse
    ? refineMaximum((gamma) => {
        const r = solveKramers(problem, backend, { ...o, gamma, compute: "rate", tolerance: Math.min(o.tolerance, 1e-6) });
        if (!r.converged) unconverged++;
        return r.exactRate;
      }, coarse.bracket)
    : null;
  if (unconverged > 0) warnings.add("NOT_CONVERGED", `gammaAtMaximum: ${unconverged} of the exact rates the search for the maximum used stopped short of 1e-6 (budget), so the location may be less accurate than 2e-3; raise maxModes`);
  if (o.compute !== "mfpt" && !max && rows.length >= 3) warnings.add("NO_MAXIMUM", "the exact rate has no interior maximum over the given frictions: extend the γ range to bracket the turnover");
  const { well, top, otherWell } = problem;
  return {
    rows,
    gammaAtMaximum: max ? max.gamma : null,
    rateAtMaximum: max ? max.rate : null,
    rateDefinitions: {
      tst: "transition-state theory ω_a/(2π)·e^{−βΔU}: one-way flux through the top, no recrossing, thermal well",
      energyDiffusion: "energy-diffusion Kramers (γ/m)·βI(E_b)·ω_a/(2π)·e^{−βΔU}: one-way escape at low friction (Δ ≪ 1)",
      melnikovPollak: "Mel'nikov–Pollak Υ(Δ)·k_full: one-way escape from one well into a sink (in a double well: the first arrival at the other bottom, ≈ exactMfptRate)",
      melnikovPollakDoubleWell: "Mel'nikov symmetric double well Υ(Δ)²/Υ(2Δ)·k_full: population transfer to the other well, recrossings counted (≈ exactRate = λ₁/2; null unless the wells are mirror images)",
      kramersFull: "full (spatial-diffusion) Kramers: one-way escape, moderate to high friction",
      kramersOverdamped: "overdamped Kramers √(U″_a|U″_b|)/(2πγ)·e^{−βΔU}: one-way escape, γ/m ≫ ω_b",
      exactRate: definitions?.rate ?? "not computed",
      exactMfpt: definitions?.mfpt ?? "not computed",
      exactMfptRate: `1/exactMfpt: ${definitions?.mfpt ?? "not computed"} (≈ exactRate for a target at the far minimum at moderate and high friction; above it, by up to 2×, at low friction, where first arrivals still recross; ≈ 2× it for a target at the barrier top at high friction)`,
    },
    converged: rows.every((r) => (r.convergence.rate?.converged ?? true) && (r.convergence.mfpt?.converged ?? true)),
    barrier: { height: top.U - well.U, reducedHeight: (top.U - well.U) / o.kT, from: well.x, top: top.x, to: otherWell ? otherWell.x : null, target: problem.target },
    warnings: warnings.list,
  };
}
