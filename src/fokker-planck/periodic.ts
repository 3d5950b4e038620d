// Periodic walls: the stationary density and probability current of a (tilted) periodic
// potential on a ring, refined and Richardson-extrapolated like the eigenvalues.
import type { Warnings } from "../result.js";
import { checkResolution, startingCells, type GeneratorFactory } from "./grid.js";
import type { CheckedFokkerPlanckOptions } from "./options.js";
import { Romberg } from "./richardson.js";
import type { SpectrumGrid } from "./spectrum.js";

/** Stationary state on a ring. */
export interface PeriodicState {
  /** Probability current J (per unit time, the same through every point of the ring). */
  readonly current: number;
  /** Mean velocity ⟨ẋ⟩ = J·L (L the domain length). */
  readonly meanVelocity: number;
  /** Stationary density at the cell centres of the finest grid (∫ = 1 over the domain). */
  readonly density: Float64Array;
  /** Absolute error estimate of the current (Richardson). */
  readonly currentError: number;
  /** Relative error estimate of the current. */
  readonly errorEstimate: number;
  readonly converged: boolean;
  readonly grid: SpectrumGrid;
}

/** The stationary current on the periodic domain, refined to `o.tol` unless `o.grid` fixes the grid. */
export function periodicCurrent(factory: GeneratorFactory, o: CheckedFokkerPlanckOptions, warnings: Warnings): PeriodicState {
  const L = o.domain[1] - o.domain[0];
  const table = new Romberg();
  const sequence: number[] = [];
  let cells = o.grid !== undefined ? Math.max(8, Math.round(o.grid / 4)) : startingCells(factory, o.maxCells);
  let density: Float64Array = new Float64Array(0);
  let jump = 0;
  let converged = false;
  for (;;) {
    const g = factory.build(cells);
    try {
      const s = g.periodicStationary();
      table.push(s.current);
      sequence.push(cells);
      density = s.density;
      jump = g.info.maxJump;
      if (o.grid !== undefined && cells === o.grid) checkResolution(g, warnings);
    } finally {
      g.dispose();
    }
    const err = table.error;
    const value = table.value;
    if (o.grid !== undefined) {
      if (cells === o.grid) break;
      cells = o.grid;
      continue;
    }
    if (value === 0 || (table.levels >= 3 && err <= o.tol * Math.abs(value))) {
      converged = true;
      break;
    }
    if (cells * 2 > o.maxCells) break;
    cells *= 2;
  }
  let current: number;
  let currentError: number;
  if (o.grid !== undefined) {
    // fixed grid: report the fine-grid value; its error ≈ |J_N − J_{N/4}|/15 (h² expansion)
    current = table.raw(1);
    const coarse = table.raw(0);
    const r = sequence[1]! / sequence[0]!;
    currentError = Math.abs(current - coarse) / (r * r - 1);
    converged = current === 0 || currentError <= o.tol * Math.abs(current);
  } else {
    current = table.value;
    currentError = current === 0 ? 0 : table.error;
    if (!converged) warnings.add("NOT_CONVERGED", `stationary current did not reach tol = ${o.tol} within maxCells = ${o.maxCells}`);
  }
  const finestCells = sequence[sequence.length - 1]!;
  return {
    current,
    meanVelocity: current * L,
    density,
    currentError,
    errorEstimate: current === 0 ? 0 : currentError / Math.abs(current),
    converged,
    grid: { cells: finestCells, domain: o.domain, h: L / finestCells, sequence, maxCellJump: jump },
  };
}
