// The minimum-energy path between two minima by the simplified string method (W. E, W. Ren and
// E. Vanden-Eijnden, J. Chem. Phys. 126, 164103 (2007)): images relax down the gradient, then are
// redistributed at equal arc length; the fixed point is a path along which ∇U is tangent.
import { KramersError } from "../../errors.js";
import type { PotentialND } from "../../potential/types.js";

/** A minimum-energy path: images from one minimum to the other. */
export interface EnergyPath {
  /** Image coordinates, images × n row-major. */
  readonly points: Float64Array;
  /** Number of images. */
  readonly images: number;
  /** U at each image. */
  readonly energies: Float64Array;
  /** Arc length from the first image to each image. */
  readonly arcLength: Float64Array;
  /** Unit tangent at each image (images × n), along the path. */
  readonly tangents: Float64Array;
  /** String iterations taken. */
  readonly iterations: number;
  /** True when the largest image displacement per iteration fell below the tolerance. */
  readonly converged: boolean;
}

/**
 * Relax a string of `images` points between the minima `a` and `b` (kept fixed) to the
 * minimum-energy path. Each iteration moves every inner image by −Δt·∇U with Δt·max|∇U| at most
 * 1/(2·images) of the path length, then redistributes the images at equal arc length (linear
 * interpolation); it stops when no image moves by more than `tolerance`·length in an iteration.
 *
 * @param p - the potential
 * @param a - first minimum (coordinates)
 * @param b - second minimum
 * @param images - @default 41
 * @param tolerance - relative displacement per iteration @default 1e-8
 * @param maxIterations - @default 20000
 */
export function minimumEnergyPath(p: PotentialND, a: ArrayLike<number>, b: ArrayLike<number>, images = 41, tolerance = 1e-8, maxIterations = 20000): EnergyPath {
  const n = p.dimension;
  if (!Number.isInteger(images) || images < 5) throw new KramersError("INVALID_ARGUMENT", `images must be an integer ≥ 5, got ${images}`, { option: "images" });
  const N = images;
  const phi = new Float64Array(N * n);
  for (let i = 0; i < N; i++) for (let d = 0; d < n; d++) phi[i * n + d] = a[d]! + ((b[d]! - a[d]!) * i) / (N - 1);
  const g = new Float64Array(n), grad = new Float64Array(N * n);
  const arc = new Float64Array(N);
  const measure = (q: Float64Array) => {
    arc[0] = 0;
    for (let i = 1; i < N; i++) {
      let s = 0;
      for (let d = 0; d < n; d++) s += (q[i * n + d]! - q[(i - 1) * n + d]!) ** 2;
      arc[i] = arc[i - 1]! + Math.sqrt(s);
    }
    return arc[N - 1]!;
  };
  let converged = false, it = 0;
  const next = new Float64Array(N * n);
  for (; it < maxIterations; it++) {
    const length = measure(phi);
    if (!(length > 0)) throw new KramersError("INVALID_ARGUMENT", "the two end points of the path coincide", { option: "to" });
    let gmax = 0;
    for (let i = 1; i < N - 1; i++) {
      p.gradient(phi.subarray(i * n, (i + 1) * n), g);
      let s = 0;
      for (let d = 0; d < n; d++) {
        grad[i * n + d] = g[d]!;
        s += g[d]! ** 2;
      }
      if (!Number.isFinite(s)) throw new KramersError("NOT_FINITE", `∇U is not finite on the path at ${JSON.stringify(Array.from(phi.subarray(i * n, (i + 1) * n)))}`);
      gmax = Math.max(gmax, Math.sqrt(s));
    }
    const dt = gmax > 0 ? length / (2 * N * gmax) : 0;
    next.set(phi);
    for (let i = 1; i < N - 1; i++) for (let d = 0; d < n; d++) next[i * n + d]! -= dt * grad[i * n + d]!;
    // redistribute at equal arc length along the moved string
    const L = measure(next);
    const out = new Float64Array(N * n);
    out.set(next.subarray(0, n), 0);
    out.set(next.subarray((N - 1) * n), (N - 1) * n);
    let seg = 1;
    for (let i = 1; i < N - 1; i++) {
      const target = (L * i) / (N - 1);
      while (seg < N - 1 && arc[seg]! < target) seg++;
      const s0 = arc[seg - 1]!, s1 = arc[seg]!;
      const w = s1 > s0 ? (target - s0) / (s1 - s0) : 0;
      for (let d = 0; d < n; d++) out[i * n + d] = (1 - w) * next[(seg - 1) * n + d]! + w * next[seg * n + d]!;
    }
    let move = 0;
    for (let i = 0; i < N * n; i++) move = Math.max(move, Math.abs(out[i]! - phi[i]!));
    phi.set(out);
    if (move <= tolerance * L) {
      converged = true;
      it++;
      break;
    }
  }
  measure(phi);
  const energies = new Float64Array(N), tangents = new Float64Array(N * n);
  for (let i = 0; i < N; i++) {
    energies[i] = p.U(phi.subarray(i * n, (i + 1) * n));
    const lo = Math.max(0, i - 1), hi = Math.min(N - 1, i + 1);
    let s = 0;
    for (let d = 0; d < n; d++) {
      const t = phi[hi * n + d]! - phi[lo * n + d]!;
      tangents[i * n + d] = t;
      s += t * t;
    }
    s = Math.sqrt(s) || 1;
    for (let d = 0; d < n; d++) tangents[i * n + d]! /= s;
  }
  return { points: phi, images: N, energies, arcLength: Float64Array.from(arc), tangents, iterations: it, converged };
}
