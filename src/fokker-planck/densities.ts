// Densities from the Fokker–Planck generator: the stationary density, the stationary current on
// a ring, P(x, t) from any initial density (Crank–Nicolson after two backward-Euler half steps),
// and the survival probability / first-passage-time density with absorbing walls.
import { KramersError } from "../errors.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireFinite, requirePositive } from "../validate.js";
import type { Boundary, GeneratorHandle } from "./backend.js";
import { checkResolution, generatorFactory, startingCells } from "./grid.js";
import { checkFokkerPlanckOptions, type CheckedFokkerPlanckOptions, type FokkerPlanckOptions } from "./options.js";
import { periodicCurrent } from "./periodic.js";
import type { SpectrumGrid } from "./spectrum.js";

function centres(g: GeneratorHandle): Float64Array {
  const { cells, left, h } = g.grid;
  const x = new Float64Array(cells);
  for (let i = 0; i < cells; i++) x[i] = left + (i + 0.5) * h;
  return x;
}

/** Cells used by the density functions when no grid is given: resolve kT, at least 1000 cells. */
const DEFAULT_DENSITY_CELLS = 1000;

/**
 * The generator the density functions work on: the requested grid, or one that resolves kT with at
 * least DEFAULT_DENSITY_CELLS cells, checked for resolution (the caller disposes it).
 */
async function densityGenerator(o: CheckedFokkerPlanckOptions, warnings: Warnings): Promise<{ g: GeneratorHandle; cells: number }> {
  const factory = await generatorFactory(o);
  const cells = o.grid ?? Math.max(DEFAULT_DENSITY_CELLS, startingCells(factory, o.maxCells));
  const g = factory.build(cells);
  try {
    checkResolution(g, warnings);
  } catch (e) {
    g.dispose();
    throw e;
  }
  return { g, cells };
}

/** What {@link stationaryDensity} returns. */
export interface StationaryDensityResult {
  /** Cell centres. */
  readonly x: Float64Array;
  /** Stationary density at the cell centres (∫ = 1): ∝ e^{−U/kT} for reflecting walls. */
  readonly density: Float64Array;
  /** Stationary probability current (0 unless periodic and tilted). */
  readonly current: number;
  readonly boundary: Boundary;
  readonly cells: number;
  readonly warnings: ResultWarning[];
}

/**
 * The stationary density of the discretized Fokker–Planck equation: the Boltzmann density
 * e^{−U/kT}/Z with reflecting walls; on a periodic domain the non-equilibrium steady state of a
 * tilted potential (with its current). Absorbing walls have no stationary state: use
 * {@link spectrum}'s `rates.quasiStationaryDensity`.
 *
 * @param options potential, kT, domain, boundary, grid (default ≥ 1000 cells, |βΔU| ≤ 0.25 per cell)
 * @returns cell centres, density and current
 * @example
 * ```ts
 * const { x, density } = await stationaryDensity({ potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2] });
 * ```
 */
export async function stationaryDensity(options: FokkerPlanckOptions): Promise<StationaryDensityResult> {
  const o = checkFokkerPlanckOptions("stationaryDensity options", options);
  if (o.boundary === "absorbing") {
    throw new KramersError("INVALID_ARGUMENT", `boundary "absorbing" has no stationary density (all mass escapes); use spectrum(...).rates.quasiStationaryDensity`, { option: "boundary" });
  }
  const warnings = new Warnings();
  const { g, cells } = await densityGenerator(o, warnings);
  try {
    const x = centres(g);
    if (o.boundary === "periodic") {
      const s = g.periodicStationary();
      return { x, density: s.density, current: s.current, boundary: o.boundary, cells, warnings: warnings.list };
    }
    return { x, density: g.stationary(), current: 0, boundary: o.boundary, cells, warnings: warnings.list };
  } finally {
    g.dispose();
  }
}

/** What {@link stationaryCurrent} returns. */
export interface StationaryCurrentResult {
  /** Probability current J (per unit time) through every point of the ring. */
  readonly current: number;
  /** Mean velocity ⟨ẋ⟩ = J·L, L = domain length (one or more periods). */
  readonly meanVelocity: number;
  /** Relative error estimate (Richardson). */
  readonly errorEstimate: number;
  readonly converged: boolean;
  readonly refinements: number;
  readonly grid: SpectrumGrid;
  /** Stationary density on the finest grid (∫ = 1). */
  readonly density: Float64Array;
  readonly x: Float64Array;
  readonly warnings: ResultWarning[];
}

/**
 * The stationary probability current and mean velocity of overdamped motion in a periodic
 * (possibly tilted) potential, e.g. the washboard U = −V₀cos x − Fx: the exact discrete steady
 * state of the SG generator on a ring, refined and Richardson-extrapolated to `tol`. The domain
 * must be a whole number of periods; `boundary` is taken as "periodic".
 *
 * @param options potential, kT, domain (whole periods), gamma, grid, tol
 * @returns current J, mean velocity J·L, error estimate and the steady density
 * @example
 * ```ts
 * const r = await stationaryCurrent({ potential: tiltedWashboard({ force: 0.5 }), kT: 0.2, domain: [0, 2 * Math.PI] });
 * r.meanVelocity;
 * ```
 */
export async function stationaryCurrent(options: FokkerPlanckOptions): Promise<StationaryCurrentResult> {
  const o = checkFokkerPlanckOptions("stationaryCurrent options", { ...options, boundary: "periodic" });
  const warnings = new Warnings();
  const factory = await generatorFactory(o);
  const s = periodicCurrent(factory, o, warnings);
  const cells = s.grid.cells;
  const h = s.grid.h;
  const x = new Float64Array(cells);
  for (let i = 0; i < cells; i++) x[i] = o.domain[0] + (i + 0.5) * h;
  return {
    current: s.current,
    meanVelocity: s.meanVelocity,
    errorEstimate: s.errorEstimate,
    converged: s.converged,
    refinements: s.grid.sequence.length - 1,
    grid: s.grid,
    density: s.density,
    x,
    warnings: warnings.list,
  };
}

/** Options of {@link evolveDensity}. */
export interface EvolveDensityOptions extends FokkerPlanckOptions {
  /**
   * Initial density: a point x₀ (all mass in the cell containing x₀), a function p₀(x) (sampled
   * at the cell centres and normalised), or an array of cell values (normalised).
   */
  readonly initial: number | ((x: number) => number) | ArrayLike<number>;
  /** Output times (≥ 0, ascending), in the caller's time unit. */
  readonly times: readonly number[];
  /** Time step. @default the smallest gap between output times / 50 (at most 200000 steps in all) */
  readonly dt?: number;
}

/** What {@link evolveDensity} returns. */
export interface EvolveDensityResult {
  /** Cell centres. */
  readonly x: Float64Array;
  /** The output times. */
  readonly times: number[];
  /** P(x, t) at the cell centres for each time. */
  readonly densities: Float64Array[];
  /** Probability current at the cell faces between neighbouring cells (n − 1 values) for each time. */
  readonly currents: Float64Array[];
  /** Survival probability S(t) = ∫P dx (1 for reflecting/periodic walls up to rounding). */
  readonly survival: number[];
  /** First-passage-time density −dS/dt = flux into the absorbing walls at each time (0 otherwise). */
  readonly firstPassageDensity: number[];
  /** The time step used and the scheme. */
  readonly dt: number;
  readonly scheme: "crank-nicolson (two backward-Euler half steps first)";
  readonly boundary: Boundary;
  readonly warnings: ResultWarning[];
}

/**
 * P(x, t) of the overdamped Fokker–Planck equation from any initial density, with the
 * unconditionally stable Crank–Nicolson scheme on the SG generator (the first step is split into
 * two backward-Euler half steps to damp the stiff modes of a point initial condition). Mass is
 * conserved to rounding with reflecting/periodic walls; with absorbing walls the survival
 * probability and the first-passage-time density come out exactly consistent (S(t_k) − S(t_{k+1})
 * is the integrated outflow).
 *
 * @param options potential, kT, domain, boundary, grid, initial density, output times, dt
 * @returns densities, currents, survival and first-passage density at the output times
 * @example
 * ```ts
 * const r = await evolveDensity({ potential: "x^4/4 - x^2/2", kT: 0.1, domain: [-2, 2], initial: -1, times: [0, 1, 10] });
 * r.densities[2];
 * ```
 */
export async function evolveDensity(options: EvolveDensityOptions): Promise<EvolveDensityResult> {
  const o = checkFokkerPlanckOptions("evolveDensity options", options, ["initial", "times", "dt"]);
  const times = options.times;
  if (!Array.isArray(times) || times.length === 0) throw new KramersError("INVALID_ARGUMENT", "times must be a non-empty array of output times", { option: "times" });
  times.forEach((t, i) => {
    requireFinite(`times[${i}]`, t);
    if (t < 0 || (i > 0 && t < times[i - 1]!)) throw new KramersError("INVALID_ARGUMENT", `times must be ≥ 0 and ascending, got times[${i}] = ${t}`, { option: "times" });
  });
  const gaps = times.map((t, i) => t - (i === 0 ? 0 : times[i - 1]!)).filter((g) => g > 0);
  const tMax = times[times.length - 1]!;
  let dt = options.dt === undefined ? (gaps.length ? Math.min(...gaps) / 50 : 1) : requirePositive("dt", options.dt);
  if (options.dt === undefined && tMax / dt > 200_000) dt = tMax / 200_000;
  const warnings = new Warnings();
  const { g, cells } = await densityGenerator(o, warnings);
  try {
    const x = centres(g);
    const h = g.grid.h;
    let p: Float64Array = new Float64Array(cells);
    const init = options.initial;
    if (typeof init === "number") {
      requireFinite("initial", init);
      if (init < o.domain[0] || init > o.domain[1]) throw new KramersError("BAD_DOMAIN", `initial point ${init} is outside the domain [${o.domain[0]}, ${o.domain[1]}]`, { option: "initial" });
      p[Math.min(cells - 1, Math.floor((init - o.domain[0]) / h))] = 1;
    } else {
      const vals = typeof init === "function" ? Array.from(x, (xi) => init(xi)) : Array.from(init as ArrayLike<number>);
      if (vals.length !== cells) throw new KramersError("INVALID_ARGUMENT", `initial array has ${vals.length} values, the grid has ${cells} cells`, { option: "initial" });
      let mass = 0;
      vals.forEach((v, i) => {
        if (!Number.isFinite(v) || v < 0) throw new KramersError("INVALID_ARGUMENT", `initial density must be finite and ≥ 0, got ${v} at x = ${x[i]}`, { option: "initial" });
        mass += v;
      });
      if (!(mass > 0)) throw new KramersError("INVALID_ARGUMENT", "initial density has zero mass", { option: "initial" });
      p = Float64Array.from(vals, (v) => v / mass);
    }
    const { up, down } = g.rates();
    const snapshot = () => {
      const dens = p.map((v) => v / h);
      const cur = new Float64Array(cells - 1);
      for (let i = 0; i < cells - 1; i++) cur[i] = up[i]! * p[i]! - down[i + 1]! * p[i + 1]!;
      let mass = 0;
      for (let i = 0; i < cells; i++) mass += p[i]!;
      densities.push(dens);
      currents.push(cur);
      survival.push(mass);
      firstPassageDensity.push(o.boundary === "absorbing" ? down[0]! * p[0]! + up[cells - 1]! * p[cells - 1]! : 0);
    };
    const densities: Float64Array[] = [];
    const currents: Float64Array[] = [];
    const survival: number[] = [];
    const firstPassageDensity: number[] = [];
    let t = 0;
    let started = false;
    for (const target of times) {
      while (t < target - 1e-12 * Math.max(1, target)) {
        if (!started) {
          // two backward-Euler half steps (Rannacher start)
          const step = Math.min(dt, target - t);
          p = g.evolve(p, step / 2, 1, 2).p;
          t += step;
          started = true;
          continue;
        }
        const remaining = target - t;
        const steps = Math.floor(remaining / dt + 1e-9);
        if (steps >= 1) {
          p = g.evolve(p, dt, 0.5, steps).p;
          t += steps * dt;
        }
        const rest = target - t;
        if (rest > 1e-12 * Math.max(1, target)) {
          p = g.evolve(p, rest, 0.5, 1).p;
        }
        t = target;
      }
      snapshot();
    }
    return { x, times: [...times], densities, currents, survival, firstPassageDensity, dt, scheme: "crank-nicolson (two backward-Euler half steps first)", boundary: o.boundary, warnings: warnings.list };
  } finally {
    g.dispose();
  }
}
