// spectrum(): the lowest eigenvalues of the overdamped Fokker–Planck generator, with relative
// accuracy at any barrier height, refined and Richardson-extrapolated to a tolerance.
import { KramersError } from "../errors.js";
import { Warnings, type ResultWarning } from "../result.js";
import type { Boundary, FokkerPlanckEngine, GeneratorHandle } from "./backend.js";
import { coreEigenvalues, type CoreSpectrum } from "./eigen.js";
import { checkResolution, generatorFactory, startingCells, type GeneratorFactory } from "./grid.js";
import { checkSpectrumOptions, type SpectrumOptions } from "./options.js";
import { periodicCurrent } from "./periodic.js";
import { Romberg } from "./richardson.js";
import { spectralRates, type SpectralRates } from "./rates.js";

/** The grid a result was computed on. */
export interface SpectrumGrid {
  /** Cells of the finest grid. */
  readonly cells: number;
  /** Domain [left, right]. */
  readonly domain: readonly [number, number];
  /** Cell width of the finest grid. */
  readonly h: number;
  /** Cell counts of every grid used (Richardson sequence), coarsest first. */
  readonly sequence: readonly number[];
  /** Largest |βΔU| between neighbouring cells on the finest grid. */
  readonly maxCellJump: number;
}

/** What {@link spectrum} returns. */
export interface SpectrumResult {
  /**
   * Eigenvalues of −L (L the Fokker–Planck generator), ascending, in 1/time. Reflecting walls:
   * `[λ0 = 0, λ1, …]`; absorbing walls: the lowest first (`eigenvalues[0]` is the escape rate);
   * periodic: `[0]` (see `current`).
   */
  readonly eigenvalues: number[];
  /** Absolute error estimate of each eigenvalue (0 for the exact λ0 = 0). */
  readonly errorEstimates: number[];
  /** Largest relative error estimate over the non-zero eigenvalues. */
  readonly errorEstimate: number;
  /** Whether `errorEstimate ≤ tol` (always true for a fixed grid with a finite estimate below tol). */
  readonly converged: boolean;
  /** Grid refinements (grids used − 1). */
  readonly refinements: number;
  /** Implied timescales 1/λ for the non-zero eigenvalues. */
  readonly timescales: number[];
  /** Rates from the spectrum (two-state reduction or escape rate). */
  readonly rates: SpectralRates;
  /**
   * The slowest non-trivial mode on the finest grid (λ1 for reflecting walls, the lowest
   * eigenvalue for absorbing ones): cell centres, the eigenfunction f of the backward operator
   * (normalised Σ π f² = 1 with π the equilibrium weights; for a double well ≈ ±1 in the wells,
   * changing sign at the barrier) and the density mode ψ = π f / h.
   */
  readonly slowestMode?: { readonly x: Float64Array; readonly eigenfunction: Float64Array; readonly density: Float64Array };
  /** Periodic walls: the stationary probability current (per unit time) and mean velocity. */
  readonly current?: { readonly current: number; readonly meanVelocity: number };
  readonly grid: SpectrumGrid;
  readonly boundary: Boundary;
  readonly kT: number;
  readonly gamma: number;
  readonly engine: FokkerPlanckEngine;
  readonly warnings: ResultWarning[];
}

const SEED_FACTOR_LARGE = 16;
const LARGE_GRID = 20_000;

/** Eigenvalues of the core on one grid, seeded from a coarser grid; returns the coarse values too. */
function solveOnGrid(factory: GeneratorFactory, cells: number, k: number, seeds: number[] | undefined, vectors: number[]): { g: GeneratorHandle; spec: CoreSpectrum } {
  let s = seeds;
  if (s === undefined && cells > LARGE_GRID) {
    const coarse = factory.build(Math.round(cells / SEED_FACTOR_LARGE));
    try {
      s = coreEigenvalues(coarse, k).values;
    } finally {
      coarse.dispose();
    }
  }
  const g = factory.build(cells);
  const spec = coreEigenvalues(g, k, vectors, s);
  return { g, spec };
}

/**
 * The lowest eigenvalues of the overdamped Fokker–Planck operator
 * ∂P/∂t = ∂/∂x[(U′/γ)P + (kT/γ)∂P/∂x] on a domain with reflecting, absorbing or periodic walls.
 *
 * The generator is a conservative finite-volume discretization with Scharfetter–Gummel fluxes:
 * detailed balance and λ0 = 0 hold exactly, and its non-zero spectrum is that of a
 * positive-definite tridiagonal matrix T = BBᵀ (B bidiagonal) built from the rates alone, whose
 * eigenvalues are computed to full relative precision (λ1 = 1e-18 at βΔU = 40 is as accurate as
 * λ1 = 0.1). Without `grid`, the grid is doubled and the eigenvalues Richardson-extrapolated
 * until the relative error estimate is below `tol`.
 *
 * @param options see {@link SpectrumOptions}
 * @returns eigenvalues, error estimates, implied timescales and the rates they imply
 * @example
 * ```ts
 * const r = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.05, domain: [-2, 2] });
 * r.eigenvalues[1];        // λ1 ≈ 2k
 * r.rates.rateForward;     // k(left → right) = λ1 · p_right
 * ```
 */
export async function spectrum(options: SpectrumOptions): Promise<SpectrumResult> {
  const o = checkSpectrumOptions(options);
  const warnings = new Warnings();
  const factory = await generatorFactory(o);
  const reflecting = o.boundary === "reflecting";
  const base = { boundary: o.boundary, kT: o.kT, gamma: o.gamma, engine: o.engine };

  if (o.boundary === "periodic") {
    const cur = periodicCurrent(factory, o, warnings);
    warnings.add("PERIODIC_SPECTRUM", "periodic walls: only λ0 = 0 and the stationary current are computed (a tilted ring has no detailed balance, its other eigenvalues are complex)");
    return {
      eigenvalues: [0],
      errorEstimates: [0],
      errorEstimate: cur.errorEstimate,
      converged: cur.converged,
      refinements: cur.grid.sequence.length - 1,
      timescales: [],
      rates: { kind: "none", rateDefinition: "none (periodic walls: see current)" },
      current: { current: cur.current, meanVelocity: cur.meanVelocity },
      grid: cur.grid,
      ...base,
      warnings: warnings.list,
    };
  }

  const k = reflecting ? o.count - 1 : o.count;
  if (k === 0) {
    return { eigenvalues: [0], errorEstimates: [0], errorEstimate: 0, converged: true, refinements: 0, timescales: [], rates: { kind: "none", rateDefinition: "none (count = 1)" }, grid: { cells: 0, domain: o.domain, h: NaN, sequence: [], maxCellJump: NaN }, ...base, warnings: [{ code: "NOTHING_COMPUTED", message: "count = 1 with reflecting walls: λ0 = 0 exactly (detailed balance), so no grid was built (grid.h and grid.maxCellJump are NaN); ask for count ≥ 2 to get rates" }] };
  }
  const vectors = [0];
  let values: number[];
  let errors: number[];
  let converged: boolean;
  let finest: GeneratorHandle;
  let mode: { f: Float64Array; psi: Float64Array } | undefined;
  const sequence: number[] = [];

  if (o.grid !== undefined) {
    const cells = o.grid;
    // a grid 4× (16× when large) coarser seeds the eigenvalues and gives the Richardson error estimate
    const factor = cells > LARGE_GRID ? SEED_FACTOR_LARGE : 4;
    const coarseCells = Math.max(8, Math.round(cells / factor));
    const g = factory.build(cells);
    try {
      checkResolution(g, warnings);
    } catch (e) {
      g.dispose();
      throw e;
    }
    const coarse = factory.build(coarseCells);
    let coarseValues: number[];
    try {
      coarseValues = coreEigenvalues(coarse, k).values;
    } finally {
      coarse.dispose();
    }
    const spec = coreEigenvalues(g, k, vectors, coarseValues);
    finest = g;
    values = spec.values;
    const r = cells / coarseCells;
    // discretization error (h² law between the two grids) plus the rounding floor of the eigensolver
    errors = values.map((v, j) => Math.abs(v - coarseValues[j]!) / (r * r - 1) + spec.roundoff[j]! * v);
    converged = spec.converged && errors.every((e, j) => e <= o.tol * values[j]!);
    mode = spec.modes[0];
    sequence.push(coarseCells, cells);
  } else {
    let cells = startingCells(factory, o.maxCells);
    const tables = Array.from({ length: k }, () => new Romberg());
    let seeds: number[] | undefined;
    let last: { g: GeneratorHandle; spec: CoreSpectrum } | undefined;
    converged = false;
    for (;;) {
      const step = solveOnGrid(factory, cells, k, seeds, vectors);
      last?.g.dispose();
      last = step;
      sequence.push(cells);
      if (!step.spec.converged) warnings.add("NOT_CONVERGED", `eigenvalue iteration did not reach full precision on the ${cells}-cell grid`);
      step.spec.values.forEach((v, j) => tables[j]!.push(v));
      seeds = step.spec.values;
      const rel = tables.map((t) => t.error / Math.abs(t.value));
      if (tables[0]!.levels >= 3 && rel.every((e) => e <= o.tol)) {
        converged = true;
        break;
      }
      if (cells * 2 > o.maxCells) break;
      cells *= 2;
    }
    finest = last.g;
    checkResolution(finest, warnings);
    values = tables.map((t) => t.value);
    errors = tables.map((t, j) => t.error + last!.spec.roundoff[j]! * Math.abs(t.value));
    mode = last.spec.modes[0];
    if (!converged) {
      warnings.add("NOT_CONVERGED", `Richardson extrapolation did not reach tol = ${o.tol} within maxCells = ${o.maxCells}; the result carries errorEstimate ${Math.max(...errors.map((e, j) => e / values[j]!)).toExponential(2)}`);
    }
  }
  try {
    if (values.some((v) => !(v > 0) || !Number.isFinite(v))) {
      throw new KramersError("NOT_CONVERGED", `eigenvalue computation failed (got ${values.join(", ")})`);
    }
    const eigenvalues = reflecting ? [0, ...values] : values;
    const errorEstimates = reflecting ? [0, ...errors] : errors;
    const errorEstimate = Math.max(...errors.map((e, j) => e / values[j]!));
    const rates = spectralRates(finest, eigenvalues, mode, warnings);
    let slowestMode: SpectrumResult["slowestMode"];
    if (mode) {
      const { cells, left, h } = finest.grid;
      const x = new Float64Array(cells);
      for (let i = 0; i < cells; i++) x[i] = left + (i + 0.5) * h;
      slowestMode = { x, eigenfunction: mode.f, density: mode.psi };
    }
    return {
      eigenvalues,
      errorEstimates,
      errorEstimate,
      converged,
      refinements: sequence.length - 1,
      timescales: values.map((v) => 1 / v),
      rates,
      ...(slowestMode ? { slowestMode } : {}),
      grid: { cells: finest.grid.cells, domain: o.domain, h: finest.grid.h, sequence, maxCellJump: finest.info.maxJump },
      ...base,
      warnings: warnings.list,
    };
  } finally {
    finest.dispose();
  }
}
