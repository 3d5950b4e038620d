// Rates from the spectrum. Reflecting walls: the two-state reduction λ1 = k₊ + k₋ with
// k₊/k₋ fixed by detailed balance (k₊ p_left = k₋ p_right), the populations being the equilibrium
// mass on either side of the barrier top crossed by the slowest mode. Absorbing walls: the lowest
// eigenvalue is the escape rate out of the quasi-stationary density.
import { MIN_REDUCED_BARRIER, type Warnings } from "../result.js";
import type { GeneratorHandle } from "./backend.js";

/** Rates implied by the spectrum; `rateDefinition` says which rate each number is. */
export type SpectralRates =
  | {
      readonly kind: "two-state";
      /** "two-state: λ1 = k(left→right) + k(right→left), k(left→right)·p_left = k(right→left)·p_right". */
      readonly rateDefinition: string;
      /** k(left well → right well) = λ1·p_right. */
      readonly rateForward: number;
      /** k(right well → left well) = λ1·p_left. */
      readonly rateBackward: number;
      /** λ1/2, the rate of either direction when the wells are symmetric (populations equal to 1e-6). */
      readonly symmetricRate?: number;
      /** Equilibrium populations [left, right], split at the barrier top. */
      readonly populations: readonly [number, number];
      /** Position of the barrier top between the two wells (grid maximum, parabola-refined). */
      readonly barrierX: number;
      /** Positions of the two well bottoms (grid minima). */
      readonly wellX: readonly [number, number];
      /** Reduced barriers βΔU seen from the left and the right well (on the grid). */
      readonly reducedBarriers: readonly [number, number];
      /** λ2/λ1: the two-state picture needs this ≫ 1. */
      readonly timescaleSeparation: number | undefined;
    }
  | {
      readonly kind: "escape";
      /** "lowest eigenvalue with absorbing walls (escape rate from the quasi-stationary density)". */
      readonly rateDefinition: string;
      /** The escape rate λ1. */
      readonly escapeRate: number;
      /** Quasi-stationary density at the cell centres (∫ = 1). */
      readonly quasiStationaryDensity: Float64Array;
      /** Cell centres of the density. */
      readonly x: Float64Array;
      /** λ2/λ1 (escape is exponential after a transient when ≫ 1). */
      readonly timescaleSeparation: number | undefined;
    }
  | { readonly kind: "none"; readonly rateDefinition: string };

function centres(g: GeneratorHandle): Float64Array {
  const { cells, left, h } = g.grid;
  const x = new Float64Array(cells);
  for (let i = 0; i < cells; i++) x[i] = left + (i + 0.5) * h;
  return x;
}

/** Rates from the eigenvalues (λ0 first for reflecting walls) and the slowest mode on the finest grid. */
export function spectralRates(g: GeneratorHandle, eigenvalues: readonly number[], mode: { f: Float64Array; psi: Float64Array } | undefined, warnings: Warnings): SpectralRates {
  if (g.boundary === "absorbing") {
    const lambda1 = eigenvalues[0]!;
    const x = centres(g);
    let qsd = new Float64Array(g.grid.cells);
    if (mode) {
      let mass = 0;
      for (let i = 0; i < qsd.length; i++) mass += mode.psi[i]!;
      mass *= g.grid.h;
      qsd = mode.psi.map((v) => v / mass);
    }
    const sep = eigenvalues.length > 1 ? eigenvalues[1]! / lambda1 : undefined;
    if (sep !== undefined && sep < 10) warnings.add("NO_TIMESCALE_SEPARATION", `λ2/λ1 = ${sep.toPrecision(3)}: escape is not a single exponential; the lowest eigenvalue is an asymptotic decay rate, not a rate constant`);
    return { kind: "escape", rateDefinition: "lowest eigenvalue with absorbing walls (escape rate from the quasi-stationary density)", escapeRate: lambda1, quasiStationaryDensity: qsd, x, timescaleSeparation: sep };
  }
  const lambda1 = eigenvalues[1];
  if (lambda1 === undefined || !mode) return { kind: "none", rateDefinition: "none (count < 2)" };
  const f = mode.f;
  const u = g.reducedPotential();
  const n = u.length;
  // the slowest mode changes sign once: the barrier is the grid maximum uphill from there
  let cross = -1;
  let best = -1;
  for (let i = 0; i < n - 1; i++) {
    if (f[i]! * f[i + 1]! <= 0) {
      const jump = Math.abs(f[i + 1]! - f[i]!);
      if (jump > best) {
        best = jump;
        cross = i;
      }
    }
  }
  let ib = cross < 0 ? 0 : u[cross + 1]! > u[cross]! ? cross + 1 : cross;
  while (ib + 1 < n && u[ib + 1]! > u[ib]!) ib++;
  while (ib > 0 && u[ib - 1]! > u[ib]!) ib--;
  if (cross < 0 || ib === 0 || ib === n - 1) {
    warnings.add("NO_BARRIER", "no barrier between two wells on the domain: λ1 is an intra-well relaxation rate, not a transition rate");
    return { kind: "none", rateDefinition: "none (no barrier: λ1 is a relaxation rate)" };
  }
  const { left, h } = g.grid;
  const a = u[ib - 1]!, b = u[ib]!, c = u[ib + 1]!;
  const denom = a - 2 * b + c;
  const shift = denom < 0 ? (0.5 * (a - c)) / denom : 0;
  const barrierX = left + (ib + 0.5 + shift) * h;
  const rho = g.stationary();
  // the part of cell ib left of the barrier top goes to the left well
  const frac = Math.min(1, Math.max(0, (barrierX - (left + ib * h)) / h));
  let pLeft = frac * rho[ib]! * h;
  for (let i = 0; i < ib; i++) pLeft += rho[i]! * h;
  const pRight = Math.max(0, 1 - pLeft);
  let ia = 0, ic = ib + 1;
  for (let i = 0; i < ib; i++) if (u[i]! < u[ia]!) ia = i;
  for (let i = ib + 1; i < n; i++) if (u[i]! < u[ic]!) ic = i;
  // extremal values refined by the parabola through the grid extremum and its neighbours
  const vertex = (k: number): number => {
    if (k <= 0 || k >= n - 1) return u[k]!;
    const p = u[k - 1]!, q = u[k]!, r = u[k + 1]!;
    const dd = p - 2 * q + r;
    return dd !== 0 ? q - ((p - r) * (p - r)) / (8 * dd) : q;
  };
  const top = vertex(ib);
  const reducedBarriers: [number, number] = [top - vertex(ia), top - vertex(ic)];
  const sep = eigenvalues.length > 2 ? eigenvalues[2]! / lambda1 : undefined;
  if (Math.min(...reducedBarriers) < MIN_REDUCED_BARRIER) {
    warnings.add("LOW_BARRIER", `βΔU = ${Math.min(...reducedBarriers).toFixed(2)} < ${MIN_REDUCED_BARRIER}: the two-state rates are rough (wells are not well separated states)`);
  }
  if (sep !== undefined && sep < 10) warnings.add("NO_TIMESCALE_SEPARATION", `λ2/λ1 = ${sep.toPrecision(3)} < 10: the two-state reduction of λ1 is not justified`);
  const symmetric = Math.abs(pLeft - pRight) < 1e-6;
  return {
    kind: "two-state",
    rateDefinition: "two-state: λ1 = k(left→right) + k(right→left), k(left→right)·p_left = k(right→left)·p_right",
    rateForward: lambda1 * pRight,
    rateBackward: lambda1 * pLeft,
    ...(symmetric ? { symmetricRate: lambda1 / 2 } : {}),
    populations: [pLeft, pRight],
    barrierX,
    wellX: [left + (ia + 0.5) * h, left + (ic + 0.5) * h],
    reducedBarriers,
    timescaleSeparation: sep,
  };
}
