// Grids and generators: build the SG generator with the chosen engine, pick a starting grid that
// resolves the potential on the scale of kT, and refuse grids that do not.
import { KramersError } from "../errors.js";
import type { Warnings } from "../result.js";
import { loadWasm, type KramersWasm } from "../wasm/loader.js";
import { jsGenerator, wasmGenerator, type CellGrid, type GeneratorHandle } from "./backend.js";
import type { CheckedFokkerPlanckOptions } from "./options.js";

/** Largest |βΔU| between neighbouring cells that still gives a warning rather than an error. */
export const MAX_CELL_JUMP = 20;
/** Above this |βΔU| per cell the result is flagged GRID_TOO_COARSE. */
export const WARN_CELL_JUMP = 1;
/** The automatic refinement starts on a grid with at most this |βΔU| per cell. */
const START_CELL_JUMP = 0.25;
const MIN_START_CELLS = 128;

/** A uniform grid of `cells` cells on the domain. */
export function cellGrid(domain: readonly [number, number], cells: number): CellGrid {
  return { cells, left: domain[0], right: domain[1], h: (domain[1] - domain[0]) / cells };
}

/** Builds generators for one problem on any grid. */
export interface GeneratorFactory {
  build(cells: number): GeneratorHandle;
}

/** A factory for the options' engine (loads the WASM core when needed). */
export async function generatorFactory(o: CheckedFokkerPlanckOptions): Promise<GeneratorFactory> {
  const beta = 1 / o.kT;
  const diffusion = o.kT / o.gamma;
  const wasm: KramersWasm | undefined = o.engine === "wasm" ? await loadWasm() : undefined;
  return {
    build(cells) {
      const grid = cellGrid(o.domain, cells);
      const g = wasm ? wasmGenerator(wasm, o.potential, grid, beta, diffusion, o.boundary) : jsGenerator(o.potential, grid, beta, diffusion, o.boundary);
      if (!Number.isFinite(g.info.maxJump) || !Number.isFinite(g.info.umin) || !Number.isFinite(g.upperBound)) {
        g.dispose();
        throw new KramersError("NOT_FINITE", `the potential is not finite on the domain [${o.domain[0]}, ${o.domain[1]}] (βU or a rate is NaN/Inf)`, { option: "potential" });
      }
      // a NaN cell (U undefined there, e.g. log of a negative) slips through the min/max summaries
      // above and would silently cut the domain in two: look at every cell
      const u = g.reducedPotential();
      for (let i = 0; i < u.length; i++) {
        if (!Number.isFinite(u[i]!)) {
          g.dispose();
          const x = grid.left + (i + 0.5) * grid.h;
          throw new KramersError("NOT_FINITE", `the potential ${JSON.stringify(o.potential.label)} is not finite at x = ${x.toPrecision(8)} (U = ${o.potential.U(x)}) in the domain [${o.domain[0]}, ${o.domain[1]}]; choose a domain where U is defined`, { option: "domain", x });
        }
      }
      return g;
    },
  };
}

/** Throw or warn when the cells are too wide for kT (|βΔU| between neighbours). */
export function checkResolution(g: GeneratorHandle, warnings: Warnings): void {
  const jump = g.info.maxJump;
  if (jump > MAX_CELL_JUMP) {
    throw new KramersError("GRID_TOO_COARSE", `grid of ${g.grid.cells} cells is too coarse for kT: βU changes by ${jump.toFixed(1)} between neighbouring cells (limit ${MAX_CELL_JUMP}); use more cells`, { option: "grid", value: g.grid.cells, maxJump: jump });
  }
  if (jump > WARN_CELL_JUMP) {
    warnings.add("GRID_TOO_COARSE", `βU changes by up to ${jump.toFixed(2)} between neighbouring cells (grid ${g.grid.cells}); results carry a discretization error well above 1e-3 — use a finer grid or automatic refinement`);
  }
}

/**
 * Cells of the first grid of the automatic refinement: |βΔU| per cell ≤ 0.25 where βU is within
 * 60 of its minimum (estimated on a trial grid); higher regions carry weight e^{-60}.
 */
export function startingCells(factory: GeneratorFactory, maxCells: number): number {
  const trial = 256;
  const g = factory.build(trial);
  const jump = g.info.maxJumpLow;
  g.dispose();
  const cells = Math.max(MIN_START_CELLS, Math.ceil((trial * jump) / START_CELL_JUMP));
  const cap = Math.max(MIN_START_CELLS, Math.floor(maxCells / 8));
  if (cells > cap) refuseUnresolvable(factory, trial * 16, jump);
  return Math.min(cells, cap);
}

/**
 * A potential that needs more cells than allowed may be singular (a pole) or vary on a scale finer
 * than any affordable grid: on `cells` (16× the trial grid) the largest per-cell jump of a smooth U
 * has shrunk about 16×. If it has not even halved, refuse at once, naming where, instead of
 * refining to maxCells first.
 */
function refuseUnresolvable(factory: GeneratorFactory, cells: number, trialJump: number): void {
  const g = factory.build(cells);
  try {
    if (!(g.info.maxJumpLow > trialJump / 2)) return;
    const u = g.reducedPotential();
    let at = 0;
    for (let i = 1; i < u.length - 1; i++) if (Math.abs(u[i + 1]! - u[i]!) > Math.abs(u[at + 1]! - u[at]!)) at = i;
    const x = g.grid.left + (at + 1) * g.grid.h;
    throw new KramersError(
      "GRID_TOO_COARSE",
      `βU jumps by ${g.info.maxJumpLow.toPrecision(3)} between neighbouring cells near x ≈ ${x.toPrecision(6)} even on ${cells} cells (${trialJump.toPrecision(3)} on 16× fewer): U is singular there or varies on a scale no affordable grid resolves; cut the domain before that point or smooth U`,
      { option: "potential", x, maxJump: g.info.maxJumpLow },
    );
  } finally {
    g.dispose();
  }
}
