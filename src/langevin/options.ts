// Options of simulate(): types, defaults and the one checker the engine trusts.
import { KramersError } from "../errors.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { requireFinite, requireInteger, requireOneOf, requireOptions, requirePositive } from "../validate.js";

/** Overdamped integrators. */
export type OverdampedIntegrator = "euler-maruyama" | "leimkuhler-matthews";
/** Underdamped integrators. */
export type UnderdampedIntegrator = "baoab" | "obabo";

/** Progress of a running simulation. */
export interface SimulateProgress {
  /** Walkers finished (absorbed or censored). */
  readonly done: number;
  /** Walkers in the ensemble. */
  readonly total: number;
  /** done / total. */
  readonly fraction: number;
}

/** Options of {@link simulate}. Times are in the caller's time unit (that of γ/U″ and dt). */
export interface SimulateOptions {
  /** The potential U(x): an expression string, a potential object or a function. */
  readonly potential: PotentialInput;
  /** Thermal energy kT (> 0). */
  readonly kT: number;
  /** Start point of every walker. */
  readonly from: number;
  /**
   * First-passage target. A number B: absorbed when x ≥ B if B > from (x ≤ B if B < from).
   * A pair [lo, hi] with lo < from < hi: absorbed on leaving the interval, at either end.
   */
  readonly to: number | readonly [number, number];
  /** Number of walkers. @default 10000 */
  readonly particles?: number;
  /**
   * Time step. @default overdamped: γ/(100·U″(from)); underdamped: min(1/ω, m/γ)/50 with
   * ω = √(U″(from)/m). Required when U″(from) ≤ 0.
   */
  readonly dt?: number;
  /** Censoring time: walkers not absorbed by tmax are censored. @default 10^6·dt */
  readonly tmax?: number;
  /** Seed (integer in [0, 2^53)). Walker i's noise depends only on (seed, i). @default 1 */
  readonly seed?: number;
  /** Friction γ (mass/time). @default 1 */
  readonly gamma?: number;
  /** Mass m (underdamped). @default 1 */
  readonly mass?: number;
  /** @default "overdamped" */
  readonly dynamics?: "overdamped" | "underdamped";
  /** @default "euler-maruyama" (overdamped), "baoab" (underdamped) */
  readonly integrator?: OverdampedIntegrator | UnderdampedIntegrator;
  /**
   * Brownian-bridge crossing correction for overdamped steps: a step that ends short of a
   * boundary b is still counted as crossing with probability exp(−(b−x_n)(b−x_{n+1})/(D dt)).
   * @default true
   */
  readonly bridge?: boolean;
  /**
   * Threads to run on: the calling thread plus `workers − 1` worker threads (worker_threads in
   * Node, Web Workers in browsers). Results are bit-identical for any count.
   * @default 1
   */
  readonly workers?: number;
  /** "wasm" or the pure-JS twin "js" (same numbers; single-threaded). @default "wasm" */
  readonly engine?: "wasm" | "js";
  /** Record the trajectories of the first `walkers` walkers every `interval` time units (NaN after absorption). */
  readonly record?: { readonly interval: number; readonly walkers?: number };
  /** Ensemble moments (count, mean, variance of x over running walkers) every `interval` time units. */
  readonly moments?: { readonly interval: number };
  /** Bins of the first-passage-time histogram over [0, tmax]. @default 200 */
  readonly bins?: number;
  /** Return every walker's first-passage time. @default particles ≤ 10^6 */
  readonly keepTimes?: boolean;
  /** Cancels the run (rejects with KramersError ABORTED). */
  readonly signal?: AbortSignal;
  /** Called as walkers finish (at most a few times per second of work). */
  readonly onProgress?: (progress: SimulateProgress) => void;
}

/** Checked options with every default filled. */
export interface CheckedSimulateOptions {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly from: number;
  readonly lower: number;
  readonly upper: number;
  readonly particles: number;
  readonly dt: number;
  readonly maxSteps: number;
  readonly tmax: number;
  readonly seed: number;
  readonly gamma: number;
  readonly mass: number;
  readonly dynamics: "overdamped" | "underdamped";
  readonly integrator: OverdampedIntegrator | UnderdampedIntegrator;
  readonly bridge: boolean;
  readonly workers: number;
  readonly engine: "wasm" | "js";
  readonly recordStride: number;
  readonly recordWalkers: number;
  readonly momentStride: number;
  readonly bins: number;
  readonly keepTimes: boolean;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: SimulateProgress) => void;
}

const KNOWN = ["potential", "kT", "from", "to", "particles", "dt", "tmax", "seed", "gamma", "mass", "dynamics", "integrator", "bridge", "workers", "engine", "record", "moments", "bins", "keepTimes", "signal", "onProgress"] as const;

/** Largest step count per walker (noise indices are 32-bit). */
export const MAX_STEPS = 2 ** 30;
/** Largest ensemble (walker indices are 32-bit). */
export const MAX_PARTICLES = 2 ** 32 - 1;
/** Default number of steps to tmax when tmax is not given. */
export const DEFAULT_STEPS = 1_000_000;

/** Fill defaults and reject bad input (KramersError naming the option and value). */
export function checkSimulateOptions(options: SimulateOptions): CheckedSimulateOptions {
  const o = requireOptions("simulate options", options, KNOWN);
  const potential = toPotential(o.potential);
  const kT = requirePositive("kT", o.kT);
  const from = requireFinite("from", o.from);
  let lower = -Infinity, upper = Infinity;
  if (Array.isArray(o.to)) {
    if (o.to.length !== 2) throw new KramersError("INVALID_ARGUMENT", `to must be a number or a pair [lo, hi], got ${JSON.stringify(o.to)}`, { option: "to" });
    lower = requireFinite("to[0]", o.to[0]);
    upper = requireFinite("to[1]", o.to[1]);
    if (!(lower < from && from < upper)) throw new KramersError("BAD_DOMAIN", `to = [${lower}, ${upper}] must contain from = ${from} strictly inside`, { option: "to" });
  } else {
    const b = requireFinite("to", o.to);
    if (b === from) throw new KramersError("BAD_DOMAIN", `to must differ from from, both are ${b}`, { option: "to" });
    if (b > from) upper = b;
    else lower = b;
  }
  const particles = requireInteger("particles", o.particles ?? 10000, 1);
  if (particles > MAX_PARTICLES) throw new KramersError("INVALID_ARGUMENT", `particles must be ≤ ${MAX_PARTICLES}, got ${particles}`, { option: "particles" });
  const gamma = requirePositive("gamma", o.gamma ?? 1);
  const mass = requirePositive("mass", o.mass ?? 1);
  const dynamics = requireOneOf("dynamics", o.dynamics ?? "overdamped", ["overdamped", "underdamped"] as const);
  const allowed = dynamics === "overdamped" ? (["euler-maruyama", "leimkuhler-matthews"] as const) : (["baoab", "obabo"] as const);
  const integrator = requireOneOf(`integrator (for ${dynamics} dynamics)`, o.integrator ?? allowed[0], allowed as readonly string[]) as OverdampedIntegrator | UnderdampedIntegrator;
  let dt: number;
  if (o.dt === undefined) {
    const curvature = potential.d2U(from);
    if (!(curvature > 0) || !Number.isFinite(curvature)) {
      throw new KramersError("INVALID_ARGUMENT", `dt is required: U''(from) = ${curvature} is not a positive well curvature to derive a default step from`, { option: "dt" });
    }
    if (dynamics === "overdamped") dt = gamma / (100 * curvature);
    else dt = Math.min(1 / Math.sqrt(curvature / mass), mass / gamma) / 50;
  } else dt = requirePositive("dt", o.dt);
  let maxSteps: number;
  if (o.tmax === undefined) maxSteps = DEFAULT_STEPS;
  else {
    const tmax = requirePositive("tmax", o.tmax);
    if (tmax < dt) throw new KramersError("INVALID_ARGUMENT", `tmax = ${tmax} is shorter than one step dt = ${dt}`, { option: "tmax", value: tmax });
    maxSteps = Math.ceil(tmax / dt - 1e-9);
    if (maxSteps > MAX_STEPS) throw new KramersError("INVALID_ARGUMENT", `tmax/dt = ${tmax / dt} steps exceeds ${MAX_STEPS}; raise dt or lower tmax`, { option: "tmax" });
    if (maxSteps < 1) maxSteps = 1;
  }
  const seed = requireInteger("seed", o.seed ?? 1, 0);
  if (seed >= 2 ** 53) throw new KramersError("INVALID_ARGUMENT", `seed must be < 2^53, got ${seed}`, { option: "seed" });
  const bridge = o.bridge ?? true;
  if (typeof bridge !== "boolean") throw new KramersError("INVALID_ARGUMENT", `bridge must be a boolean, got ${JSON.stringify(bridge)}`, { option: "bridge" });
  const workers = requireInteger("workers", o.workers ?? 1, 1);
  const engine = requireOneOf("engine", o.engine ?? "wasm", ["wasm", "js"] as const);
  let recordStride = 0, recordWalkers = 0;
  if (o.record !== undefined) {
    const r = requireOptions("record", o.record, ["interval", "walkers"]);
    recordStride = Math.max(1, Math.round(requirePositive("record.interval", r.interval) / dt));
    recordWalkers = Math.min(particles, requireInteger("record.walkers", r.walkers ?? 10, 1));
    const frames = Math.floor(maxSteps / recordStride) + 1;
    if (frames * recordWalkers > 5e7) throw new KramersError("INVALID_ARGUMENT", `record would store ${frames} frames × ${recordWalkers} walkers; raise record.interval or lower record.walkers`, { option: "record" });
  }
  let momentStride = 0;
  if (o.moments !== undefined) {
    const m = requireOptions("moments", o.moments, ["interval"]);
    momentStride = Math.max(1, Math.round(requirePositive("moments.interval", m.interval) / dt));
    if (Math.floor(maxSteps / momentStride) + 1 > 1e7) throw new KramersError("INVALID_ARGUMENT", `moments.interval is too small for tmax`, { option: "moments" });
  }
  const bins = requireInteger("bins", o.bins ?? 200, 1);
  const keepTimes = o.keepTimes ?? particles <= 1_000_000;
  if (typeof keepTimes !== "boolean") throw new KramersError("INVALID_ARGUMENT", `keepTimes must be a boolean`, { option: "keepTimes" });
  if (o.signal !== undefined && !(typeof o.signal === "object" && o.signal !== null && "aborted" in (o.signal as object))) {
    throw new KramersError("INVALID_ARGUMENT", "signal must be an AbortSignal", { option: "signal" });
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== "function") {
    throw new KramersError("INVALID_ARGUMENT", "onProgress must be a function", { option: "onProgress" });
  }
  const checked: CheckedSimulateOptions = {
    potential, kT, from, lower, upper, particles, dt, maxSteps, tmax: maxSteps * dt, seed, gamma, mass, dynamics, integrator,
    bridge, workers, engine, recordStride, recordWalkers, momentStride, bins, keepTimes,
    ...(o.signal !== undefined ? { signal: o.signal as AbortSignal } : {}),
    ...(o.onProgress !== undefined ? { onProgress: o.onProgress as (p: SimulateProgress) => void } : {}),
  };
  return checked;
}
