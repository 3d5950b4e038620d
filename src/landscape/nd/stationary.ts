// Stationary points of an N-D potential: local minima by Newton's method on the exact (or
// numerical) Hessian with the eigenvalues made positive and a backtracking line search; index-1
// saddles by partitioned rational-function optimization (P-RFO, Baker 1986, J. Comput. Chem. 7,
// 385) in a trust region, following the Hessian mode closest to a given direction.
import { KramersError } from "../../errors.js";
import { symmetricEigen } from "../../linalg/dense.js";
import type { PotentialND } from "../../potential/types.js";

/** A stationary point (∇U = 0) with its Hessian spectrum. */
export interface StationaryPoint {
  /** Coordinates. */
  readonly x: Float64Array;
  /** U(x). */
  readonly U: number;
  /** |∇U(x)| at the returned point. */
  readonly gradientNorm: number;
  /** The Hessian at x (n×n row-major). */
  readonly hessian: Float64Array;
  /** Its eigenvalues, ascending. */
  readonly eigenvalues: Float64Array;
  /** Its unit eigenvectors: column k (n×n row-major) belongs to eigenvalues[k]. */
  readonly eigenvectors: Float64Array;
  /** Number of negative eigenvalues: 0 at a minimum, 1 at a transition state (index-1 saddle). */
  readonly index: number;
  /** Newton / P-RFO steps taken. */
  readonly iterations: number;
}

const norm = (v: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < v.length; i++) s += v[i]! ** 2;
  return Math.sqrt(s);
};

/** |∇U| small against the curvature scale: ≤ 1e-9·max|λ(H)|·max(1, |x|) (rounding of ∇U is ≈ ε of that). */
function stationaryEnough(g: Float64Array, values: Float64Array, x: Float64Array): boolean {
  const curvature = Math.max(Math.abs(values[0]!), Math.abs(values[values.length - 1]!), Number.MIN_VALUE);
  return norm(g) <= 1e-9 * curvature * Math.max(1, norm(x));
}

function describe(p: PotentialND, x: Float64Array, iterations: number): StationaryPoint {
  const n = p.dimension;
  const g = p.gradient(x);
  const hessian = p.hessian(x);
  const { values, vectors } = symmetricEigen(hessian, n);
  // an eigenvalue within rounding of 0 counts as neither sign for the index
  const tiny = 1e-10 * Math.max(Math.abs(values[0]!), Math.abs(values[n - 1]!));
  let index = 0;
  for (let k = 0; k < n; k++) if (values[k]! < -tiny) index++;
  return { x, U: p.U(x), gradientNorm: norm(g), hessian, eigenvalues: values, eigenvectors: vectors, index, iterations };
}

function checkedStart(p: PotentialND, start: ArrayLike<number>, what: string): Float64Array {
  if (start === null || typeof start !== "object" || typeof (start as ArrayLike<number>).length !== "number" || start.length !== p.dimension) {
    throw new KramersError("INVALID_ARGUMENT", `${what} must be a point with ${p.dimension} coordinates, got ${JSON.stringify(start)}`, { option: what });
  }
  const x = Float64Array.from({ length: p.dimension }, (_, i) => start[i]!);
  if (!x.every(Number.isFinite)) throw new KramersError("NOT_FINITE", `${what} has a non-finite coordinate: ${JSON.stringify(Array.from(x))}`, { option: what });
  const u = p.U(x);
  if (!Number.isFinite(u)) throw new KramersError("NOT_FINITE", `U(${what}) = ${u}`, { option: what });
  return x;
}

/**
 * The local minimum of U reached from `start` by Newton steps on |H| (the Hessian with its
 * eigenvalues replaced by their absolute values, floored at 1e-8 of the largest) with a
 * backtracking (Armijo) line search and steps at most `maxStep` long; quadratic convergence at
 * the end, so ∇U comes out at rounding level.
 *
 * @param p - the potential
 * @param start - the starting point
 * @param maxStep - longest step (coordinate units) @default 0.5·max(1, |start|)
 * @param maxIterations - @default 500
 * @throws KramersError NOT_CONVERGED (no minimum within maxIterations, or U unbounded below along the way), NOT_FINITE
 */
export function localMinimum(p: PotentialND, start: ArrayLike<number>, maxStep?: number, maxIterations = 500): StationaryPoint {
  const n = p.dimension;
  let x = checkedStart(p, start, "start");
  const stepCap = maxStep ?? 0.5 * Math.max(1, norm(x));
  let u = p.U(x);
  for (let it = 0; it < maxIterations; it++) {
    const g = p.gradient(x);
    const { values, vectors } = symmetricEigen(p.hessian(x), n);
    if (!g.every(Number.isFinite) || !values.every(Number.isFinite)) throw new KramersError("NOT_FINITE", `∇U or the Hessian is not finite at ${JSON.stringify(Array.from(x))}`);
    if (values[0]! > 0 && stationaryEnough(g, values, x)) return describe(p, x, it);
    const floor = 1e-8 * Math.max(Math.abs(values[0]!), Math.abs(values[n - 1]!), Number.MIN_VALUE);
    // p = −V |Λ|⁻¹ Vᵀ g
    const step = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      let gk = 0;
      for (let i = 0; i < n; i++) gk += vectors[i * n + k]! * g[i]!;
      const c = -gk / Math.max(Math.abs(values[k]!), floor);
      for (let i = 0; i < n; i++) step[i]! += c * vectors[i * n + k]!;
    }
    const len = norm(step);
    if (len > stepCap) for (let i = 0; i < n; i++) step[i]! *= stepCap / len;
    let slope = 0;
    for (let i = 0; i < n; i++) slope += g[i]! * step[i]!;
    let alpha = 1, accepted = false;
    for (let k = 0; k < 60; k++) {
      const y = x.map((xi, i) => xi + alpha * step[i]!);
      const uy = p.U(y);
      if (uy <= u + 1e-4 * alpha * slope || (Math.abs(uy - u) <= 4 * Number.EPSILON * Math.abs(u) && k > 0)) {
        x = y;
        u = uy;
        accepted = true;
        break;
      }
      alpha *= 0.5;
    }
    if (!accepted) {
      // no decrease along a descent direction: only rounding is left
      const d = describe(p, x, it);
      if (d.index === 0) return d;
      break;
    }
  }
  throw new KramersError("NOT_CONVERGED", `no local minimum reached from ${JSON.stringify(Array.from(start as ArrayLike<number>))} within ${maxIterations} Newton steps (U unbounded below, or a very flat landscape)`, { option: "start" });
}

/**
 * The index-1 saddle (transition state) reached from `start` by P-RFO: in the Hessian's
 * eigenbasis, maximize along one mode and minimize along the others, in a trust region whose
 * radius adapts to how well the quadratic model predicted the change of U. The mode followed is
 * the one with the largest overlap with `direction` (the previous step's mode once under way), or
 * the lowest mode without a direction.
 *
 * @param p - the potential
 * @param start - a point near the saddle (e.g. the highest image of a minimum-energy path)
 * @param direction - the reaction direction there (e.g. the path tangent) @default the lowest mode
 * @param maxIterations - @default 500
 * @throws KramersError NOT_CONVERGED (no index-1 saddle reached), NOT_FINITE
 */
export function saddlePoint(p: PotentialND, start: ArrayLike<number>, direction?: ArrayLike<number>, maxIterations = 500): StationaryPoint {
  const n = p.dimension;
  let x = checkedStart(p, start, "start");
  let follow: Float64Array | null = direction ? Float64Array.from({ length: n }, (_, i) => direction[i]!) : null;
  if (follow && !(norm(follow) > 0)) follow = null;
  let radius = 0.1 * Math.max(1, norm(x));
  let u = p.U(x);
  for (let it = 0; it < maxIterations; it++) {
    const g = p.gradient(x);
    const { values, vectors } = symmetricEigen(p.hessian(x), n);
    if (!g.every(Number.isFinite) || !values.every(Number.isFinite)) throw new KramersError("NOT_FINITE", `∇U or the Hessian is not finite at ${JSON.stringify(Array.from(x))}`);
    // the followed mode
    let m = 0;
    if (follow) {
      let best = -1;
      for (let k = 0; k < n; k++) {
        let o = 0;
        for (let i = 0; i < n; i++) o += vectors[i * n + k]! * follow[i]!;
        if (Math.abs(o) > best) {
          best = Math.abs(o);
          m = k;
        }
      }
    }
    const mode = Float64Array.from({ length: n }, (_, i) => vectors[i * n + m]!);
    const d = describe(p, x, it);
    if (d.index === 1 && values[m]! < 0 && stationaryEnough(g, values, x)) return d;
    // gradient components in the eigenbasis
    const gk = new Float64Array(n);
    for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) gk[k]! += vectors[i * n + k]! * g[i]!;
    // P-RFO shifts: maximize along m, minimize along the rest
    const lm = values[m]!;
    const muP = 0.5 * lm + 0.5 * Math.sqrt(lm * lm + 4 * gk[m]! ** 2);
    const others = Array.from({ length: n }, (_, k) => k).filter((k) => k !== m);
    // μ_n: the root of μ = Σ g_k²/(μ − λ_k) below the lowest other eigenvalue
    const lowest = others.length ? Math.min(...others.map((k) => values[k]!)) : 0;
    const f = (mu: number) => mu - others.reduce((s, k) => s + gk[k]! ** 2 / (mu - values[k]!), 0);
    let hi = lowest - 1e-12 * Math.max(1, Math.abs(lowest)), lo = Math.min(lowest, 0) - 1;
    while (f(lo) > 0) lo = lowest - 2 * (lowest - lo);
    for (let k = 0; k < 200; k++) {
      const mid = 0.5 * (lo + hi);
      if (f(mid) > 0) hi = mid;
      else lo = mid;
    }
    const muN = Math.min(0.5 * (lo + hi), 0);
    const step = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const denom = k === m ? values[k]! - muP : values[k]! - muN;
      const c = denom !== 0 ? -gk[k]! / denom : 0;
      for (let i = 0; i < n; i++) step[i]! += c * vectors[i * n + k]!;
    }
    const len = norm(step);
    if (len > radius) for (let i = 0; i < n; i++) step[i]! *= radius / len;
    // predicted change of the quadratic model, and the actual one
    let predicted = 0;
    for (let k = 0; k < n; k++) {
      let sk = 0;
      for (let i = 0; i < n; i++) sk += vectors[i * n + k]! * step[i]!;
      predicted += gk[k]! * sk + 0.5 * values[k]! * sk * sk;
    }
    const y = x.map((xi, i) => xi + step[i]!);
    const uy = p.U(y);
    if (!Number.isFinite(uy)) {
      radius *= 0.25;
      continue;
    }
    const ratio = predicted !== 0 ? (uy - u) / predicted : 1;
    if (ratio > 0.75 && len >= 0.99 * radius) radius *= 2;
    else if (ratio < 0.25 || ratio > 2) radius *= 0.5;
    x = y;
    u = uy;
    follow = mode;
    if (radius < 1e-14 * Math.max(1, norm(x))) break;
  }
  throw new KramersError("NOT_CONVERGED", `no index-1 saddle reached from ${JSON.stringify(Array.from(start as ArrayLike<number>))} within ${maxIterations} P-RFO steps: start nearer the transition state (e.g. from minimumEnergyPath)`, { option: "start" });
}
