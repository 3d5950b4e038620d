// Pieces of the 2-D grid solvers: the box, U at the nodes, and the default spacing.
import { KramersError } from "../../errors.js";
import { localMinimum } from "../../landscape/nd/stationary.js";
import type { PotentialNDInput } from "../../potential/nd.js";
import type { PotentialND } from "../../potential/types.js";
import type { ResultWarning } from "../../result.js";

/** Fields every 2-D grid solver's result has. */
export interface Grid2DResult {
  /** True when the Richardson error estimate meets the tolerance. */
  readonly converged: boolean;
  /** Nodes of the finest grid, per axis, and its spacing. */
  readonly nodes: readonly [number, number];
  readonly spacing: number;
  /** What the value is. */
  readonly definition: string;
  readonly warnings: ResultWarning[];
}

/** Options every 2-D grid solver takes. */
export interface Grid2DOptions {
  /** A 2-D potential (or an expression in x and y). */
  readonly potential: PotentialNDInput;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** Friction γ > 0: D = kT/γ. @default 1 */
  readonly gamma?: number;
  /** The box [[x0, x1], [y0, y1]] with reflecting walls. */
  readonly domain: readonly (readonly [number, number])[];
  /** Target relative error (Richardson estimate). @default 1e-4 */
  readonly tolerance?: number;
  /** Coarsest grid spacing. @default half the thermal length √(kT/λ_max) at the relevant minimum */
  readonly spacing?: number;
  /** Memory budget of one solve, MB. @default 256 */
  readonly maxMemoryMB?: number;
  /** Back end. @default "wasm" */
  readonly engine?: "wasm" | "js";
}

/** A checked box [[x0, x1], [y0, y1]]. */
export function checkBox(domain: unknown): readonly (readonly [number, number])[] {
  const box = domain as readonly (readonly [number, number])[];
  if (!Array.isArray(box) || box.length !== 2 || box.some((b) => !Array.isArray(b) || b.length !== 2 || !(Number.isFinite(b[0]) && Number.isFinite(b[1]) && b[0]! < b[1]!))) {
    throw new KramersError("BAD_DOMAIN", `domain must be [[x0, x1], [y0, y1]] with x0 < x1, y0 < y1, got ${JSON.stringify(domain)}`, { option: "domain" });
  }
  return box;
}

/** U at the nx × ny nodes (index i·ny + j) and its minimum; refuses non-finite values. */
export function nodeValues(p: PotentialND, nx: number, ny: number, point: (i: number, j: number) => [number, number]): { u: Float64Array; uMin: number } {
  const u = new Float64Array(nx * ny);
  let uMin = Infinity;
  for (let i = 0; i < nx; i++) {
    for (let j = 0; j < ny; j++) {
      const v = p.U(point(i, j));
      if (!Number.isFinite(v)) throw new KramersError("NOT_FINITE", `U(${point(i, j).join(", ")}) = ${v} inside the domain`, { option: "potential" });
      u[i * ny + j] = v;
      uMin = Math.min(uMin, v);
    }
  }
  return { u, uMin };
}

/** Half the thermal length √(kT/λ_max) of the stiffest direction at the minimum below `near` (a 1/16 of the box if there is none). */
export function defaultSpacing(p: PotentialND, near: ArrayLike<number>, kT: number, box: readonly (readonly [number, number])[]): number {
  const span = Math.min(box[0]![1] - box[0]![0], box[1]![1] - box[1]![0]);
  let lmax = NaN;
  try {
    lmax = localMinimum(p, near).eigenvalues[1]!;
  } catch {
    lmax = NaN;
  }
  return Number.isFinite(lmax) && lmax > 0 ? Math.min(0.5 * Math.sqrt(kT / lmax), span / 16) : span / 64;
}
