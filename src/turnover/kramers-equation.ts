// kramersEquation(): the exact rate (lowest nonzero eigenvalue λ₁) and the exact mean first-passage
// time of the underdamped dynamics m dv = −U′dt − γv dt + √(2γkT) dW for one friction value,
// from the Kramers equation (Hermite expansion in v, staggered grid in x; see
// assembly/kramers_equation.ts for the discretization and why). This file holds the problem set-up
// (wells, barrier, grid ends) and the convergence loops (mode count, then grid refinement with
// Richardson extrapolation); every per-cell loop runs in the back end (WASM or its JS twin).
import { KramersError } from "../errors.js";
import { analyseLandscape, resolveDomain } from "../landscape/landscape.js";
import type { CriticalPoint } from "../landscape/types.js";
import { barrierIn, wellIn } from "../landscape/wells.js";
import { toPotential, type PotentialInput } from "../potential/resolve.js";
import type { Potential1D } from "../potential/types.js";
import { Warnings, type ResultWarning } from "../result.js";
import { requireFinite, requireInteger, requireInterval, requireOneOf, requireOptions, requirePositive } from "../validate.js";
import { loadWasm } from "../wasm/loader.js";
import { fullBandStorage, fullSolveStorage, reducedRoundoff, reducedStorage, jsBackend, wasmBackend, type KramersBackend, type KramersGrid, type KramersPhysics } from "./engine.js";

/** Options of {@link kramersEquation}. */
export interface KramersEquationOptions {
  /** The potential: expression string, potential object or function U(x). */
  readonly potential: PotentialInput;
  /** Thermal energy kT > 0. */
  readonly kT: number;
  /** A point in the starting well (snapped to its minimum x_a). */
  readonly from: number;
  /**
   * The MFPT target: the first passage to x ≥ to (or x ≤ to when to < from). It must lie beyond
   * the barrier top. @default the next minimum beyond the barrier, else the barrier top
   */
  readonly to?: number;
  /** Friction γ > 0 (mass/time). @default 1 */
  readonly gamma?: number;
  /** Mass m > 0. @default 1 */
  readonly mass?: number;
  /** Domain for the landscape search; the solver's grid never leaves it. @default the potential's suggestedDomain, else from ± 4|to − from| */
  readonly domain?: readonly [number, number];
  /** Target relative error of λ₁ and of the MFPT. @default 1e-4 */
  readonly tolerance?: number;
  /** The MFPT's initial condition: "bottom" = x_a with Maxwellian velocities; "well" = the Boltzmann distribution of (x, v) restricted to the starting well (x on the well's side of the barrier top). @default "bottom" */
  readonly start?: "bottom" | "well";
  /** What to compute. @default "both" */
  readonly compute?: "both" | "rate" | "mfpt";
  /** Back end: the WASM kernels or their pure-JS twins. @default "wasm" */
  readonly engine?: "wasm" | "js";
  /**
   * Largest number of Hermite modes N (even). At βΔU = 8 the default reaches 1e-4 down to
   * γ/(m ω_a) ≈ 0.007 (N = 986 at γ = 0.01); lower friction needs more (N grows like γ^−0.8). @default 1000
   */
  readonly maxModes?: number;
  /** Memory budget of one discrete solve (factor, fronts and vectors), in MB of f64. @default 256 */
  readonly maxMemoryMB?: number;
}

/** Convergence record of one exact quantity. */
export interface KramersConvergence {
  /** True when errorEstimate ≤ tolerance·|value|. */
  readonly converged: boolean;
  /** Estimated absolute error: mode truncation + grid (Richardson) parts. */
  readonly errorEstimate: number;
  /** Mode-truncation part: from the change N → 1.25N at the finest spacing, extrapolated with the convergence rate of the last two steps (see modeTail). */
  readonly modeError: number;
  /** Grid part: |Q(h/2) − Q(h)|/3 after one refinement, then the Romberg estimate |R_k − R_{k−1}|/15, or |d_k|/(2^p − 1) with the observed order p where it is not ≈ 2. */
  readonly gridError: number;
  /** Hermite modes N of the final solves. */
  readonly modes: number;
  /** x nodes of the finest solve (for λ₁ of a mirror-symmetric double well: of the near half, the top included). */
  readonly nodes: number;
  /** Node spacing of the finest solve. */
  readonly spacing: number;
  /** Number of discrete solves (factorizations) used. */
  readonly iterations: number;
  /**
   * Linear solver: "reduced" (faces eliminated; the symmetric node system factored by band LDLᵀ or,
   * where cheaper, by a multifrontal LDLᵀ along a nested dissection of the node × mode lattice) or
   * "full" (pivoted band LU; high barriers, tight tolerances).
   */
  readonly method: "reduced" | "full";
}

/** Result of {@link kramersEquation}. */
export interface KramersEquationResult {
  readonly gamma: number;
  readonly mass: number;
  readonly kT: number;
  /** Starting minimum x_a, barrier top x_b, the minimum beyond (if any) and the MFPT target. */
  readonly well: CriticalPoint;
  readonly top: CriticalPoint;
  readonly otherWell?: CriticalPoint;
  readonly target: number;
  /** Reduced barrier βΔU. */
  readonly reducedBarrier: number;
  /** Lowest nonzero eigenvalue of the Kramers operator (reflecting ends with two wells; absorbing beyond `target` with one). NaN if not computed. */
  readonly lambda1: number;
  /** The exact rate from λ₁ (see rateDefinition); NaN if not computed. */
  readonly exactRate: number;
  readonly exactRateError: number;
  /** What exactRate is. */
  readonly rateDefinition: string;
  /** Mean first-passage time (see mfptDefinition); NaN if not computed. */
  readonly mfpt: number;
  readonly mfptError: number;
  readonly mfptDefinition: string;
  /** 1/mfpt. */
  readonly mfptRate: number;
  readonly rateConvergence?: KramersConvergence;
  readonly mfptConvergence?: KramersConvergence;
  /** True when every computed quantity met the tolerance (see the convergence records). */
  readonly converged: boolean;
  readonly warnings: ResultWarning[];
}

/** Checked, defaulted options. */
export interface CheckedKramersEquationOptions {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly from: number;
  readonly to?: number;
  readonly gamma: number;
  readonly mass: number;
  readonly domain: [number, number];
  readonly tolerance: number;
  readonly start: "bottom" | "well";
  readonly compute: "both" | "rate" | "mfpt";
  readonly engine: "wasm" | "js";
  readonly maxModes: number;
  readonly maxMemoryMB: number;
}

const KNOWN = ["potential", "kT", "from", "to", "gamma", "mass", "domain", "tolerance", "start", "compute", "engine", "maxModes", "maxMemoryMB"];

/** The domain: the caller's, the potential's suggestion, or from ± 4|to − from| (± 4 without `to`). */
export function defaultDomain(potential: Potential1D, domain: unknown, from: number, to: number | undefined): [number, number] {
  if (domain !== undefined || potential.suggestedDomain) return resolveDomain(potential, domain);
  const span = 4 * (to === undefined ? 1 : Math.abs(to - from) || 1);
  return [Math.min(from, to ?? from) - span, Math.max(from, to ?? from) + span];
}

/** Fill defaults and validate the options of {@link kramersEquation} (`extra` lists more known keys for callers that wrap it). */
export function checkKramersEquationOptions(options: unknown, extra: readonly string[] = []): CheckedKramersEquationOptions {
  const o = requireOptions("kramersEquation options", options, [...KNOWN, ...extra]);
  const potential = toPotential(o.potential);
  const kT = requirePositive("kT", o.kT);
  if (o.from === undefined) throw new KramersError("INVALID_ARGUMENT", "from is required: a point in the starting well", { option: "from" });
  const from = requireFinite("from", o.from);
  const to = o.to === undefined ? undefined : requireFinite("to", o.to);
  const gamma = o.gamma === undefined ? 1 : requirePositive("gamma", o.gamma);
  const mass = o.mass === undefined ? 1 : requirePositive("mass", o.mass);
  const domain = o.domain === undefined ? defaultDomain(potential, undefined, from, to) : requireInterval("domain", o.domain);
  const tolerance = o.tolerance === undefined ? 1e-4 : requirePositive("tolerance", o.tolerance);
  if (tolerance >= 0.5) throw new KramersError("INVALID_ARGUMENT", `tolerance must be < 0.5 (a relative error), got ${tolerance}`, { option: "tolerance", value: tolerance });
  const start = o.start === undefined ? "bottom" : requireOneOf("start", o.start, ["bottom", "well"] as const);
  const compute = o.compute === undefined ? "both" : requireOneOf("compute", o.compute, ["both", "rate", "mfpt"] as const);
  const engine = o.engine === undefined ? "wasm" : requireOneOf("engine", o.engine, ["wasm", "js"] as const);
  const maxModes = o.maxModes === undefined ? 1000 : requireInteger("maxModes", o.maxModes, 8);
  const maxMemoryMB = o.maxMemoryMB === undefined ? 256 : requirePositive("maxMemoryMB", o.maxMemoryMB);
  return { potential, kT, from, ...(to !== undefined ? { to } : {}), gamma, mass, domain, tolerance, start, compute, engine, maxModes, maxMemoryMB };
}

/** Everything about the landscape a solve needs; shared by every friction value of a turnover curve. */
export interface KramersProblem {
  readonly potential: Potential1D;
  readonly kT: number;
  readonly mass: number;
  readonly domain: [number, number];
  readonly well: CriticalPoint;
  readonly top: CriticalPoint;
  readonly otherWell?: CriticalPoint;
  /** +1: escape toward larger x. */
  readonly direction: 1 | -1;
  readonly target: number;
  /** Thermal length √(kT/max(U″_a, |U″_b|)): the smallest feature the grid must resolve. */
  readonly thermalLength: number;
  /** Grid ends (in x) for the eigenvalue problem: outer edge behind the well, outer edge beyond the far well (or the target). */
  readonly eigenEnds: [number, number];
  /** Outer edge behind the well for the MFPT grid. */
  readonly mfptOuter: number;
  /** Boltzmann weight of the far well over both: λ₁ × this is the one-way rate (two wells). */
  readonly farFraction: number;
  /**
   * U is mirror-symmetric about the barrier top over the eigenvalue grid (β|U(x_b + y) − U(x_b − y)|
   * ≤ 1e-9 at 257 points): λ₁'s mode is odd under (x, v) → (2x_b − x, −v) and is solved on the
   * near half (see KramersGrid.antisymmetricEnd), at half the cost.
   */
  readonly mirrorSymmetric: boolean;
  readonly warnings: ResultWarning[];
}

/** Outer grid edges are placed where β(U − U_ref) ≥ this (the density there is below e^{−36}). */
const EDGE_REDUCED_ENERGY = 36;

/** Walk from x0 in direction dir until β(U − uRef) ≥ EDGE_REDUCED_ENERGY, U turns down (another barrier) or the domain ends. */
function outerEdge(p: Potential1D, x0: number, dir: number, uRef: number, beta: number, step: number, domain: [number, number], w: Warnings, what: string): number {
  let x = x0;
  let u = p.U(x);
  for (let k = 0; k < 100000; k++) {
    const xn = x + dir * step;
    if (xn < domain[0] || xn > domain[1]) {
      const edge = dir > 0 ? domain[1] : domain[0];
      const be = beta * (p.U(edge) - uRef);
      if (be < EDGE_REDUCED_ENERGY) w.add("DOMAIN_EDGE", `the ${what} grid ends at the domain edge x = ${edge} where β(U − U_min) = ${be.toPrecision(3)}: a reflecting wall there is part of the model`);
      return edge;
    }
    const un = p.U(xn);
    if (!Number.isFinite(un)) throw new KramersError("NOT_FINITE", `U(${xn}) = ${un} while placing the ${what} grid`, { option: "potential" });
    if (beta * (un - uRef) >= EDGE_REDUCED_ENERGY) return xn;
    if (un < u && beta * (u - uRef) > 1) {
      w.add("DOMAIN_EDGE", `the ${what} grid ends at x = ${x.toPrecision(6)}, a maximum of U with β(U − U_min) = ${(beta * (u - uRef)).toPrecision(3)}: wells beyond it are left out (reflecting wall)`);
      return x;
    }
    x = xn;
    u = un;
  }
  return x;
}

/** Locate the well, barrier, far well and target, and the grid edges. */
export function kramersProblem(o: CheckedKramersEquationOptions): KramersProblem {
  const p = o.potential;
  const w = new Warnings();
  const l = analyseLandscape(p, o.domain, o.mass);
  const well = wellIn(p, l, o.from, "from");
  let crossing;
  if (o.to !== undefined) crossing = barrierIn(p, l, o.from, o.to, "from", "to");
  else {
    const sides = [];
    for (const direction of [-1, 1] as const) {
      try {
        sides.push(barrierIn(p, l, well.x, { direction }, "from"));
      } catch (e) {
        if (!(e instanceof KramersError && e.code === "NO_BARRIER")) throw e;
      }
    }
    if (sides.length === 0) throw new KramersError("NO_BARRIER", `the well at x = ${well.x.toPrecision(8)} has no barrier inside the domain [${o.domain[0]}, ${o.domain[1]}]`, { option: "from" });
    crossing = sides.reduce((a, b) => (b.height < a.height ? b : a));
  }
  const top = crossing.top;
  const d = crossing.direction;
  const other = crossing.to;
  const target = o.to ?? other?.x ?? top.x;
  if ((target - top.x) * d < 0) throw new KramersError("INVALID_ARGUMENT", `to = ${target} lies before the barrier top x = ${top.x}`, { option: "to" });
  const beta = 1 / o.kT;
  const curv = Math.max(well.curvature, Math.abs(top.curvature), other ? other.curvature : 0);
  if (!(curv > 0)) throw new KramersError("INVALID_ARGUMENT", "the well and barrier are flat (U″ = 0): no thermal length to build a grid on", { option: "potential" });
  const thermalLength = Math.sqrt(o.kT / curv);
  const step = thermalLength / 8;
  const behind = outerEdge(p, well.x, -d, well.U, beta, step, o.domain, w, "well");
  let beyond: number;
  let farFraction = NaN;
  if (other) {
    beyond = outerEdge(p, other.x, d, other.U, beta, step, o.domain, w, "far-well");
    // Boltzmann populations on either side of the top (trapezoid on a fine grid; exponents combined)
    const umin = Math.min(well.U, other.U);
    const pop = (a: number, b: number) => {
      const n = 4000;
      const hh = (b - a) / n;
      let s = 0;
      for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 0.5 : 1) * Math.exp(-beta * (p.U(a + i * hh) - umin));
      return Math.abs(s * hh);
    };
    const pa = pop(behind, top.x), pc = pop(top.x, beyond);
    farFraction = pc / (pa + pc);
  } else {
    beyond = target;
  }
  if ((target - beyond) * d > 0) w.add("DOMAIN_EDGE", `the target ${target} lies beyond the far well's thermal edge ${beyond}`);
  const eigenEnds: [number, number] = [behind, other ? beyond : target];
  let mirrorSymmetric = false;
  if (other) {
    const span = Math.max(Math.abs(top.x - behind), Math.abs(beyond - top.x));
    mirrorSymmetric = top.x - span >= o.domain[0] && top.x + span <= o.domain[1];
    for (let i = 1; i <= 256 && mirrorSymmetric; i++) {
      const y = (span * i) / 256;
      mirrorSymmetric = beta * Math.abs(p.U(top.x + y) - p.U(top.x - y)) <= 1e-9;
    }
  }
  return { potential: p, kT: o.kT, mass: o.mass, domain: o.domain, well, top, ...(other ? { otherWell: other } : {}), direction: d, target, thermalLength, eigenEnds, mfptOuter: behind, farFraction, mirrorSymmetric, warnings: w.list };
}

interface Evaluation {
  value: number;
  nodes: number;
  spacing: number;
}

/** One buffer of the WASM heap (TLSF) stays below 1 GiB; all buffers of a solve within the budget. */
const fitsMemory = (P: number, M: number, maxDoubles: number, method: "reduced" | "full"): boolean => {
  if (method === "full") return fullSolveStorage(P, M) <= maxDoubles && fullBandStorage(P, M) < 2 ** 27;
  const s = reducedStorage(P, M);
  return s.total <= maxDoubles && s.largest < 2 ** 27;
};

/**
 * Grid refinements at most (h0/2^8: 256× the coarse grid). Second-order cases stop after 1–3; a
 * target on the barrier top converges at first order and may need 6–8 (the memory budget bounds
 * the cost: each level doubles the nodes).
 */
const MAX_LEVELS = 8;

/** Mode counts tried: N = 2M with M = 8, 12, 18, 27, … (×1.5). */
const nextModes = (M: number) => Math.ceil(M * 1.5);

/**
 * The mode check at the finest spacing: N → 1.25N, up to maxModes. At a fixed grid the change in N
 * falls off faster than geometrically once N resolves the grid (γ = 0.01, βΔU = 8, 345 nodes: the
 * values at N = 420, 630, 1420 differ from N = 2130 by 8.7e-4, 6.1e-5, 1.8e-9; offline SuperLU
 * fixture), so the smaller step still shows the error of N while costing 1.25³ ≈ 2× the finest
 * solve instead of 1.5³ ≈ 3.4×.
 */
const checkModes = (M: number, maxM: number) => Math.min(Math.ceil(M * 1.25), Math.floor(maxM / 2));

/**
 * The mode-truncation error left after a step M → s₂M that changed the value by d₂, in the model
 * E(M) = C·M^−p (the slow, algebraic regime of the Hermite truncation; once N resolves the grid
 * the convergence is faster and p comes out larger): p from the ratio to the previous change d₁
 * (step s₁), then E = d₂/(s₂^p − 1), at least d₂/10. With equal steps this is the geometric
 * d₂·r/(1 − r), r = d₂/d₁; with one change only, p = 3 — below every rate measured at γ = 0.01,
 * βΔU = 8 (offline fixture): the Richardson values between N = 280, 420, 630 converge like N^−4,
 * the finest grid's values (345 nodes, N = 420, 630, ∞) like N^−6.5.
 */
export function modeTail(d2: number, s2: number, d1 = NaN, s1 = NaN): number {
  let p = 3;
  if (d1 > 0 && d2 > 0 && s1 > 1) {
    const target = Math.log(d2 / d1);
    const g = (q: number) => -q * Math.log(s1) + Math.log(1 - s2 ** -q) - Math.log(1 - s1 ** -q) - target;
    let lo = 0.25, hi = 60;
    if (g(lo) <= 0) p = lo;
    else if (g(hi) >= 0) p = hi;
    else {
      for (let i = 0; i < 60; i++) {
        const mid = 0.5 * (lo + hi);
        if (g(mid) > 0) lo = mid;
        else hi = mid;
      }
      p = 0.5 * (lo + hi);
    }
  } else if (d1 === 0 && d2 === 0) return 0;
  return Math.max(d2 / (s2 ** p - 1), 0.1 * d2);
}

/**
 * Converge Q(h, M). (1) Mode count at the coarse spacing h0 (cheap; extrapolated change ≤ tol/4).
 * (2) At that mode count, halve h until the Romberg estimate ≤ tol/2. (3) Check the mode count
 * again at the finest spacing (N → 1.25N) — a coarse grid cannot show the error of the high
 * (fast-velocity) modes: at low friction the Hermite coefficients of mode n oscillate in x with a
 * wavenumber ∝ √n, so a finer grid resolves, and needs, more modes — and, while the change is too
 * large, raise the mode count and repeat (2) on the same nested grids. The value is the
 * Richardson-extrapolated one plus the mode correction measured at the finest spacing.
 */
function converge(evaluate: (h: number, M: number) => Evaluation, h0: number, tol: number, maxM: number, fits: (h: number, M: number) => boolean, w: Warnings, what: string, method: "reduced" | "full", minLevels = 1, startM = 0): { value: number; conv: KramersConvergence; gridModes: number } {
  let solves = 0;
  // a raised mode count re-runs the grid loop, whose finest level was just solved by the mode
  // check: keep every discretization's value (the most expensive solve is never repeated)
  const memo = new Map<string, Evaluation>();
  const ev = (h: number, M: number) => {
    const key = `${h}:${M}`;
    const hit = memo.get(key);
    if (hit) return hit;
    solves++;
    const r = evaluate(h, M);
    memo.set(key, r);
    return r;
  };
  const canRaise = (h: number, M: number) => 2 * nextModes(M) <= maxM && fits(h, nextModes(M));
  const canCheck = (h: number, M: number) => checkModes(M, maxM) >= M + Math.max(2, Math.ceil(0.1 * M)) && fits(h, checkModes(M, maxM));
  let M = 8;
  let cur = ev(h0, M);
  let prevDiff = NaN;
  let modeError = Infinity;
  for (;;) {
    // leave room for at least one grid refinement at the final mode count
    if (!canRaise(h0 / 2, M)) break;
    const M2 = nextModes(M);
    const nxt = ev(h0, M2);
    const diff = Math.abs(nxt.value - cur.value);
    const r = diff / prevDiff;
    modeError = r < 0.9 ? (diff * r) / (1 - r) : diff * 2;
    M = M2;
    cur = nxt;
    prevDiff = diff;
    if (modeError <= 0.25 * tol * Math.abs(cur.value)) break;
  }
  // (2) grid: Q_k at h0/2^k. The scheme is second order: R_k = Q_k + (Q_k − Q_{k−1})/3, with error
  // |Q_1 − Q_0|/3 after one refinement (that of Q_1, conservative) and the Romberg estimate
  // |R_k − R_{k−1}|/15 after more. From three grids on, the observed order is checked: where it is
  // not ≈ 2 (an absorbing edge on the barrier converges at first order) the extrapolation and the
  // error use the observed order p: R = Q_k + d_k/(2^p − 1), error d_k/(2^p − 1).
  const gridLoop = (Mg: number, start: Evaluation) => {
    let h = h0;
    const qs = [start.value];
    let value = start.value;
    let prevR = NaN;
    let gridError = Infinity;
    let finest = start;
    let hFinest = h0;
    for (let level = 1; level <= MAX_LEVELS; level++) {
      if (!fits(h / 2, Mg)) {
        w.add("NOT_CONVERGED", `${what}: grid refinement stopped at spacing ${h.toPrecision(3)} (maxMemoryMB)`);
        if (level === 1) gridError = Math.abs(value) * 0.01;
        break;
      }
      const fine = ev(h / 2, Mg);
      finest = fine;
      hFinest = h / 2;
      qs.push(fine.value);
      const k = qs.length - 1;
      const dk = qs[k]! - qs[k - 1]!;
      const R2 = qs[k]! + dk / 3;
      if (k === 1) {
        value = R2;
        gridError = Math.abs(dk) / 3;
      } else {
        const ratio = (qs[k - 1]! - qs[k - 2]!) / dk;
        if (ratio > 3.2 && ratio < 5.7) {
          gridError = Math.abs(R2 - prevR) / 15;
          value = R2;
        } else if (ratio > 1.05) {
          const q = Math.pow(2, Math.min(2, Math.max(0.5, Math.log2(ratio)))) - 1;
          value = qs[k]! + dk / q;
          gridError = Math.abs(dk) / q;
        } else {
          value = qs[k]!;
          gridError = 2 * Math.abs(dk);
        }
      }
      prevR = R2;
      h /= 2;
      if (level >= minLevels && gridError <= 0.5 * tol * Math.abs(value)) break;
    }
    return { value, gridError, finest, hFinest };
  };
  // a hint from a related solve (λ₁ before the MFPT: the same dynamics need about as many modes at
  // the same spacing): start the grid loop at its mode count, leaving room for the check at the
  // finest spacing; the check decides as before
  const hinted = Math.min(startM, Math.floor(maxM / 2.5));
  if (hinted > M && fits(h0 / 4, checkModes(hinted, maxM))) {
    M = hinted;
    cur = ev(h0, M);
  }
  let gridModes = M;
  let g = gridLoop(M, cur);
  let value = g.value;
  let modeDiffPrev = NaN;
  let modeStepPrev = NaN;
  for (let round = 0; round < 8; round++) {
    if (!canCheck(g.hFinest, M)) {
      w.add("NOT_CONVERGED", `${what}: mode count capped at N = ${2 * M} (maxModes / maxMemoryMB)`);
      // never checked at the finest spacing: the coarse-grid geometric extrapolation is too
      // optimistic there (the modes needed grow as the grid refines; measured at γ = 0.01, βΔU = 8:
      // MFPT estimate 4e-3, actual 5.9e-3 at N = 280), and the actual error is 0.8–1.04× the last
      // coarse-grid change (N = 280, 420), so take twice that change
      if (round === 0) modeError = Math.max(modeError, Number.isFinite(prevDiff) ? 2 * prevDiff : 0, Math.abs(value) * tol);
      break;
    }
    const M2 = checkModes(M, maxM);
    const check = ev(g.hFinest, M2);
    const diff = Math.abs(check.value - g.finest.value);
    value = g.value + (check.value - g.finest.value);
    // the steps may differ (the last one shortened by maxModes): modeTail models the change per step
    const step = M2 / M;
    modeError = modeTail(diff, step, modeDiffPrev, modeStepPrev);
    modeDiffPrev = diff;
    modeStepPrev = step;
    if (modeError <= 0.25 * tol * Math.abs(value)) {
      M = M2;
      break;
    }
    M = M2;
    gridModes = M;
    g = gridLoop(M, ev(h0, M));
    value = g.value;
  }
  const gridError = g.gridError;
  const finest = g.finest;
  const errorEstimate = modeError + gridError;
  const converged = errorEstimate <= tol * Math.abs(value);
  if (!converged) w.add("NOT_CONVERGED", `${what}: estimated relative error ${(errorEstimate / Math.abs(value)).toPrecision(2)} > tolerance ${tol}`);
  return { value, conv: { converged, errorEstimate, modeError, gridError, modes: 2 * M, nodes: Math.ceil(finest.nodes), spacing: finest.spacing, iterations: solves, method }, gridModes };
}

/** The back end for a problem. */
export async function kramersBackend(problem: KramersProblem, engine: "wasm" | "js"): Promise<KramersBackend> {
  if (engine === "js") return jsBackend(problem.potential);
  const wasm = await loadWasm();
  return wasmBackend(wasm, problem.potential, problem.domain);
}

/** Solve one friction value on a prepared problem (used by {@link kramersEquation} and turnover()). */
export function solveKramers(problem: KramersProblem, backend: KramersBackend, o: { gamma: number; tolerance: number; start: "bottom" | "well"; compute: "both" | "rate" | "mfpt"; maxModes: number; maxMemoryMB: number }): KramersEquationResult {
  const { kT, mass, well, top, direction: d, target } = problem;
  const gamma = o.gamma;
  const beta = 1 / kT;
  const w = new Warnings();
  w.addAll(problem.warnings);
  const phys: KramersPhysics = { beta, vth: Math.sqrt(kT / mass), frictionRate: gamma / mass, uRef: well.U };
  const maxDoubles = (o.maxMemoryMB * 1024 * 1024) / 8;
  const h0 = problem.thermalLength / 3;
  const reducedBarrier = beta * (top.U - well.U);
  const omegaA = Math.sqrt(well.curvature / mass);
  // the reduced (face-eliminated, LDLᵀ) solve where its rounding error is ≤ tolerance/100, else the pivoted LU
  const method: "reduced" | "full" = reducedRoundoff(reducedBarrier, gamma / mass, omegaA) <= 0.01 * o.tolerance ? "reduced" : "full";

  let lambda1 = NaN, exactRate = NaN, exactRateError = NaN, rateConvergence: KramersConvergence | undefined;
  let rateDefinition = "not computed";
  let rateGridModes = 0;
  if (o.compute !== "mfpt") {
    // eigenvalue grid: nodes at both (mirrored) ends, reflecting (two wells) or absorbing (one well: end on a face)
    const twoWells = problem.otherWell !== undefined;
    // a mirror-symmetric double well: the odd λ₁ mode on the near half, ending on a node at the top
    const half = twoWells && problem.mirrorSymmetric && method === "reduced";
    const y0 = d * problem.eigenEnds[0], y1 = half ? d * top.x : d * problem.eigenEnds[1];
    // nested grids: the spacing halves exactly (h = h0/2^k), so Richardson's h² ratio is exactly 4
    const K0 = Math.max(4, Math.ceil((y1 - y0) / h0));
    const gridFor = (h: number, M: number): KramersGrid & { K: number; hh: number } => {
      const K = K0 * Math.round(h0 / h);
      const hh = (y1 - y0) / K;
      // P = 2K + 1: node … node; reflecting ends (two wells) or an absorbing edge at the target node (one well)
      return { x0: d * y0, dx: (d * hh) / 2, P: 2 * K + 1, M, K, hh, method, ...(half ? { antisymmetricEnd: true } : {}) };
    };
    // shift: well below the intra-well relaxation rates, so λ₁ dominates the inverse, but not far
    // above λ₁ itself (λ₁ = −(shift + 1/μ) loses ≈ log10(shift/λ₁) digits): 10× the two-way TST rate,
    // an upper bound of λ₁ at any friction, keeps both
    const relax = Math.min(gamma / mass, omegaA, (mass * omegaA * omegaA) / gamma);
    const tstBound = (omegaA / Math.PI) * Math.exp(-reducedBarrier);
    const shift = Math.min(0.02 * relax, Math.max(10 * tstBound, 1e-300));
    const evaluate = (h: number, M: number): Evaluation => {
      const g = gridFor(h, M);
      const r = backend.eigen(g, phys, twoWells && !half, shift, top.x, 500, 1e-13);
      if (!(r.change <= 1e-9)) w.add("NOT_CONVERGED", `λ₁ inverse iteration at N = ${2 * M}, ${g.K + 1} nodes stopped with relative change ${r.change.toPrecision(2)}`);
      return { value: r.lambda, nodes: g.K + 1, spacing: g.hh };
    };
    const fits = (h: number, M: number) => fitsMemory(gridFor(h, M).P, M, maxDoubles, method);
    const c = converge(evaluate, h0, o.tolerance, o.maxModes, fits, w, "λ₁", method);
    rateGridModes = c.gridModes;
    lambda1 = c.value;
    rateConvergence = c.conv;
    if (twoWells) {
      exactRate = lambda1 * problem.farFraction;
      exactRateError = c.conv.errorEstimate * problem.farFraction;
      rateDefinition = `λ₁·π_far/(π_near + π_far): the one-way rate from the two-well relaxation rate λ₁ = k₊ + k₋ (= λ₁/2 for a symmetric double well; π = Boltzmann populations either side of the barrier top)`;
    } else {
      exactRate = lambda1;
      exactRateError = c.conv.errorEstimate;
      rateDefinition = `λ₁ of the Kramers operator absorbed at x ${d > 0 ? "≥" : "≤"} ${target}: the quasi-stationary escape rate`;
    }
    if (!(lambda1 > 0)) throw new KramersError("NOT_CONVERGED", `λ₁ = ${lambda1} is not positive: the discretization failed`, { gamma });
  }

  let mfpt = NaN, mfptError = NaN, mfptConvergence: KramersConvergence | undefined;
  const mfptDefinition = `mean first-passage time to x ${d > 0 ? "≥" : "≤"} ${target} from ${o.start === "bottom" ? `x_a = ${well.x} with Maxwellian velocities` : "the Boltzmann distribution of (x, v) in the starting well (x on its side of the barrier top)"}`;
  if (o.compute !== "rate") {
    const ya = d * well.x, yt = d * target, yo = d * problem.mfptOuter, yb = d * top.x;
    const K0 = Math.max(2, Math.ceil((yt - ya) / h0));
    const gridFor = (h: number, M: number) => {
      const K = K0 * Math.round(h0 / h);
      const hh = (yt - ya) / K;
      const J = Math.max(1, Math.ceil((ya - yo) / hh));
      const y0 = ya - J * hh;
      // nodes at y_a (p = 2J) and at the target (p = 2(J + K), the last position, with the absorbing edge)
      return { x0: d * y0, dx: (d * hh) / 2, P: 2 * (J + K) + 1, M, J, K, hh, pWellEnd: 2 * (J + Math.floor((yb - ya) / hh)), method };
    };
    const evaluate = (h: number, M: number): Evaluation => {
      const g = gridFor(h, M);
      const r = backend.mfpt(g, phys, 2 * g.J, g.pWellEnd);
      return { value: o.start === "bottom" ? r.bottom : r.well, nodes: g.J + g.K, spacing: g.hh };
    };
    const fits = (h: number, M: number) => fitsMemory(gridFor(h, M).P, M, maxDoubles, method);
    // a target on the barrier: the absorbing edge converges at first order in h, so take at least three grids to see the order
    const onBarrier = beta * (top.U - problem.potential.U(target)) < 3;
    const c = converge(evaluate, h0, o.tolerance, o.maxModes, fits, w, "MFPT", method, onBarrier ? 2 : 1, rateGridModes);
    mfpt = c.value;
    mfptError = c.conv.errorEstimate;
    mfptConvergence = c.conv;
    if (!(mfpt > 0)) throw new KramersError("NOT_CONVERGED", `MFPT = ${mfpt} is not positive: the discretization failed`, { gamma });
  }
  if (o.compute !== "rate") {
    const below = beta * (top.U - problem.potential.U(target));
    if (below < 3) {
      w.add(
        "ABSORBING_EDGE",
        `the MFPT target x = ${target} lies on the barrier (β(U_b − U(to)) = ${below.toPrecision(3)}): the half-range absorbing edge converges slowly there (first order in the grid spacing, and more Hermite modes on finer grids); the extrapolation uses the observed order, but the error estimate is less reliable than for a target at the far minimum, which converges fast; a target a few kT below the top (β(U_b − U(to)) ≳ 3) converges at second order`,
      );
    }
  }
  if (reducedBarrier < 1) w.add("LOW_BARRIER", `βΔU = ${reducedBarrier.toPrecision(3)}: λ₁ is not separated from the intra-well relaxation; exactRate is a relaxation rate, not an escape rate`);
  return {
    gamma, mass, kT, well, top, ...(problem.otherWell ? { otherWell: problem.otherWell } : {}), target, reducedBarrier,
    lambda1, exactRate, exactRateError, rateDefinition,
    mfpt, mfptError, mfptDefinition, mfptRate: 1 / mfpt,
    ...(rateConvergence ? { rateConvergence } : {}), ...(mfptConvergence ? { mfptConvergence } : {}),
    converged: (rateConvergence?.converged ?? true) && (mfptConvergence?.converged ?? true),
    warnings: w.list,
  };
}

/**
 * The exact escape rate and mean first-passage time of the underdamped Langevin dynamics
 * `dx = v dt`, `m dv = −U′dt − γv dt + √(2γkT) dW` (SCIENCE.md), from the Kramers equation
 * (underdamped Fokker–Planck equation in x and v) discretized so that the Maxwell–Boltzmann
 * density is exactly stationary.
 *
 * - `lambda1`: the lowest nonzero eigenvalue (shift-invert inverse iteration). The linear
 *   systems are solved with the odd Hermite modes eliminated exactly and a band LDLᵀ of the
 *   symmetric remainder; at high barriers or tight tolerances, where that elimination's rounding
 *   (≈ e^{βΔU}·ε) would matter, with a pivoted band LU of the whole operator (`method` in the
 *   convergence records).
 *   With a well beyond the barrier, `exactRate = λ₁·π_far/(π_near + π_far)` (= λ₁/2 for a
 *   symmetric double well); with none, λ₁ of the operator absorbed at `to` (the escape rate).
 * - `mfpt`: the backward equation L†T = −1 with T = 0 once x reaches `to`, averaged over the start.
 * Both are converged in the Hermite mode count and in the grid spacing (Richardson), with
 * error estimates; `converged` is false (and a warning says why) when the budget runs out —
 * at low friction the mode count and grid needed grow quickly: at βΔU = 8 the default budget
 * reaches 1e-4 for both down to γ = 0.01 (γ/(m ω_a) ≈ 0.007; N = 986 modes, about 1 s each;
 * checked against an offline SciPy reference, test/fixtures/kramers_low_friction.json). There the
 * node system (nodes × modes unknowns, 9-point couplings) is factored along a nested dissection,
 * at ≈ 1/16 of a band factorization's flops (bench/README.md). High barriers
 * are fine: λ₁/2 and 1/MFPT agree to 1e-6 up to βΔU = 100 on the quartic double well. A target on
 * the barrier (rather than at the far minimum) converges slowly (warning ABSORBING_EDGE).
 *
 * @param options - potential, kT, from, to, gamma (1), mass (1), domain, tolerance (1e-4), start ("bottom"), compute ("both"), engine ("wasm"), maxModes (1000), maxMemoryMB (256)
 * @returns λ₁, exactRate, mfpt with error estimates, definitions, convergence records and warnings
 * @throws KramersError NOT_POSITIVE (kT, γ, m), NOT_IN_WELL, NO_BARRIER, BAD_DOMAIN, NOT_CONVERGED (factorization failure)
 * @example
 * ```ts
 * const r = await kramersEquation({ potential: "x^4/4 - x^2/2", kT: 1 / 16, from: -1, to: 1, gamma: 1, domain: [-3, 3] });
 * r.exactRate; // λ₁/2, the one-way rate between the wells
 * r.mfpt;      // ≈ 1/exactRate
 * ```
 */
export async function kramersEquation(options: KramersEquationOptions): Promise<KramersEquationResult> {
  const o = checkKramersEquationOptions(options);
  const problem = kramersProblem(o);
  const backend = await kramersBackend(problem, o.engine);
  return solveKramers(problem, backend, o);
}
