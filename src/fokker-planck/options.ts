// Options shared by the Fokker–Planck functions, and their checker.
import { KramersError } from "../errors.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { requireInteger, requireInterval, requireOneOf, requireOptions, requirePositive } from "../validate.js";
import type { Boundary, FokkerPlanckEngine } from "./backend.js";

/** Options of {@link spectrum} (and the base of the other Fokker–Planck functions). */
export interface FokkerPlanckOptions {
  /** The potential U(x): an expression string, a potential object or a function. */
  readonly potential: PotentialInput;
  /** Thermal energy kT (> 0), in the potential's energy unit. */
  readonly kT: number;
  /** Domain [left, right]. @default the potential's `suggestedDomain` */
  readonly domain?: readonly [number, number];
  /** Friction γ (> 0); the diffusion coefficient is D = kT/γ. @default 1 */
  readonly gamma?: number;
  /**
   * Walls: `"reflecting"` (no flux; λ0 = 0), `"absorbing"` (density 0 at both ends; the lowest
   * eigenvalue is the escape rate), `"periodic"` (the domain is one period of U′; tilted
   * washboards carry a stationary current). @default "reflecting"
   */
  readonly boundary?: Boundary;
  /** Fixed number of cells (no refinement). @default automatic refinement to `tol` */
  readonly grid?: number;
  /** Relative tolerance of the Richardson-extrapolated result. @default 1e-8 */
  readonly tol?: number;
  /** Largest grid the automatic refinement may use (≥ 128, the smallest starting grid). @default 2097152 */
  readonly maxCells?: number;
  /** Kernels: the shared WebAssembly core or the pure-JS twin. @default "wasm" */
  readonly engine?: FokkerPlanckEngine;
}

/** Options of {@link spectrum}. */
export interface SpectrumOptions extends FokkerPlanckOptions {
  /** How many eigenvalues (λ0 = 0 included for reflecting walls); at most 128, or at most `grid` with a fixed grid. @default 5 */
  readonly count?: number;
}

/** Checked, filled-in options. */
export interface CheckedFokkerPlanckOptions {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly domain: readonly [number, number];
  readonly gamma: number;
  readonly boundary: Boundary;
  readonly grid: number | undefined;
  readonly tol: number;
  readonly maxCells: number;
  readonly engine: FokkerPlanckEngine;
}

export const BASE_KEYS = ["potential", "kT", "domain", "gamma", "boundary", "grid", "tol", "maxCells", "engine"] as const;

/** Check the shared options; `extra` lists further keys the caller accepts. */
export function checkFokkerPlanckOptions(name: string, options: unknown, extra: readonly string[] = []): CheckedFokkerPlanckOptions {
  const o = requireOptions(name, options, [...BASE_KEYS, ...extra]);
  const potential = toPotential(o.potential);
  const kT = requirePositive("kT", o.kT);
  const gamma = requirePositive("gamma", o.gamma ?? 1);
  const rawDomain = o.domain ?? potential.suggestedDomain;
  if (rawDomain === undefined) {
    throw new KramersError("BAD_DOMAIN", `domain is required for a potential without a suggested domain (${potential.label})`, { option: "domain" });
  }
  const domain = requireInterval("domain", rawDomain);
  const boundary = requireOneOf("boundary", o.boundary ?? "reflecting", ["reflecting", "absorbing", "periodic"] as const);
  const grid = o.grid === undefined ? undefined : requireInteger("grid", o.grid, 8);
  const tol = requirePositive("tol", o.tol ?? 1e-8);
  // a relative tolerance of 1 or more asks for no digits at all (a typo for e.g. 1e-2)
  if (!(tol < 1)) throw new KramersError("INVALID_ARGUMENT", `tol is a relative tolerance and must be < 1, got ${tol}`, { option: "tol", value: tol });
  // the automatic refinement starts on at least 128 cells, so a smaller cap could not be honoured
  const maxCells = requireInteger("maxCells", o.maxCells ?? 2_097_152, 128);
  const engine = requireOneOf("engine", o.engine ?? "wasm", ["wasm", "js"] as const);
  if (boundary === "periodic") {
    const L = domain[1] - domain[0];
    if (potential.period !== undefined) {
      const ratio = L / potential.period;
      if (Math.abs(ratio - Math.round(ratio)) > 1e-9 || Math.round(ratio) < 1) {
        throw new KramersError("BAD_DOMAIN", `periodic boundary: the domain length ${L} must be a whole number of periods of U′ (${potential.period})`, { option: "domain" });
      }
    } else {
      const a = potential.dU(domain[0]);
      const b = potential.dU(domain[1]);
      if (!(Math.abs(a - b) <= 1e-8 * (1 + Math.abs(a) + Math.abs(b)))) {
        throw new KramersError("BAD_DOMAIN", `periodic boundary: U′ must take the same value at both ends of the domain, got U′(${domain[0]}) = ${a} and U′(${domain[1]}) = ${b}`, { option: "domain" });
      }
    }
  }
  return { potential, kT, domain, gamma, boundary, grid, tol, maxCells, engine };
}

/** Check {@link SpectrumOptions}. */
export function checkSpectrumOptions(options: unknown): CheckedFokkerPlanckOptions & { readonly count: number } {
  const base = checkFokkerPlanckOptions("spectrum options", options, ["count"]);
  const count = requireInteger("count", (options as SpectrumOptions).count ?? 5, 1);
  // a grid of n cells has n eigenvalues; the automatic refinement may start on 128 cells
  const most = base.grid ?? 128;
  if (count > most) {
    throw new KramersError(
      "INVALID_ARGUMENT",
      base.grid !== undefined
        ? `count = ${count} exceeds the ${base.grid} eigenvalues of a ${base.grid}-cell grid`
        : `count = ${count} is more than the automatic refinement can deliver (at most 128, its smallest starting grid); pass grid: N ≥ count for more`,
      { option: "count", value: count },
    );
  }
  return { ...base, count };
}
