// Nested grids with Richardson extrapolation, shared by the 2-D Fokker–Planck solvers: halve the
// spacing until the estimated error of the extrapolated value meets the tolerance or memory runs out.
import { KramersError } from "../../errors.js";
import { Warnings } from "../../result.js";

/** The value on each grid, the extrapolated value and its error estimate. */
export interface GridLevels {
  readonly value: number;
  readonly error: number;
  readonly converged: boolean;
  readonly levels: { readonly spacing: number; readonly value: number }[];
  /** Spacing of the finest grid solved. */
  readonly spacing: number;
}

/**
 * Solve at spacings h0, h0/2, … (second-order scheme): R_k = Q_k + (Q_k − Q_{k−1})/3; the error is
 * |Q_1 − Q_0|/3 after one refinement (that of Q_1, conservative), then |R_k − R_{k−1}|. A level
 * whose storage (f64) exceeds `maxDoubles` is not solved (NOT_CONVERGED warning).
 */
export async function refineGrids(h0: number, tolerance: number, maxDoubles: number, storage: (h: number) => number, solve: (h: number) => number | Promise<number>, w: Warnings, maxLevels = 8): Promise<GridLevels> {
  const levels: { spacing: number; value: number }[] = [];
  let h = h0, value = NaN, error = Infinity;
  for (let level = 0; level < maxLevels; level++) {
    if (storage(h) > maxDoubles) {
      if (levels.length === 0) throw new KramersError("INVALID_ARGUMENT", `the coarsest grid (spacing ${h.toPrecision(3)}) needs ${((storage(h) * 8) / 2 ** 20).toFixed(0)} MB, more than maxMemoryMB: raise maxMemoryMB, a coarser spacing or a smaller domain`, { option: "maxMemoryMB" });
      w.add("NOT_CONVERGED", `grid refinement stopped at spacing ${(2 * h).toPrecision(3)} (maxMemoryMB)`);
      break;
    }
    levels.push({ spacing: h, value: await solve(h) });
    const k = levels.length - 1;
    if (k >= 1) {
      const d = levels[k]!.value - levels[k - 1]!.value;
      const R = levels[k]!.value + d / 3;
      error = k === 1 ? Math.abs(d) / 3 : Math.abs(R - value);
      value = R;
      if (error <= tolerance * Math.abs(value)) break;
    } else value = levels[0]!.value;
    h /= 2;
  }
  const converged = error <= tolerance * Math.abs(value);
  if (!converged && !w.list.some((x) => x.code === "NOT_CONVERGED")) w.add("NOT_CONVERGED", `estimated relative error ${(error / Math.abs(value)).toPrecision(2)} > tolerance ${tolerance}`);
  return { value, error, converged, levels, spacing: levels.length ? levels[levels.length - 1]!.spacing : h0 };
}
