// The lowest eigenvalues of the positive-definite core T of a generator, to full relative
// precision. (1) Sturm-count multisection (four shifts per pass, geometric while the bracket is
// wide, so 1e-18 costs no more than 1) isolates each eigenvalue in a bracket that holds it alone;
// seeds from a coarser grid need only one check. (2) Rayleigh-quotient iteration on twisted
// factorizations, up to four eigenvalues in lockstep (one pass), each iterate kept inside its
// bracket; it stops at machine precision or at the rounding floor of the recurrences (≈ 1e-12
// relative on 10^6 cells). (3) Every accepted value is verified by two Sturm counts at λ(1 ± δ);
// what fails (a near-degenerate neighbour) is finished by bisection. Every count tightens the
// brackets of all eigenvalues, so the iteration cannot report the wrong eigenvalue.
import type { GeneratorHandle } from "./backend.js";

/** Eigenvalues of T in ascending order plus their modes when asked for. */
export interface CoreSpectrum {
  /** The lowest `count` eigenvalues of T (ascending). */
  readonly values: number[];
  /** Relative rounding floor of each eigenvalue (last Rayleigh correction, at least 8ε). */
  readonly roundoff: number[];
  /** Density modes ψ_j (from the twisted-factorization vectors) when `vectors` was set. */
  readonly modes: { f: Float64Array; psi: Float64Array }[];
  /** Sturm counts + twisted factorizations used (each is one pass over the grid). */
  readonly passes: number;
  /** Whether every eigenvalue met the relative stopping rule. */
  readonly converged: boolean;
}

const EPS = 2.220446049250313e-16;

/**
 * The lowest `count` eigenvalues of the generator's core T.
 * @param g the assembled generator
 * @param count how many
 * @param vectors for which indices to return modes (sorted)
 * @param seeds approximate eigenvalues (e.g. from a coarser grid) to start from
 */
export function coreEigenvalues(g: GeneratorHandle, count: number, vectors: readonly number[] = [], seeds?: readonly number[]): CoreSpectrum {
  const m = g.m;
  const k = Math.min(count, m);
  const hi0 = g.upperBound * (1 + 1e-12) + Number.MIN_VALUE;
  const lo0 = hi0 * 2 ** -1000;
  let passes = 0;
  const lo = new Array<number>(k).fill(lo0);
  const hi = new Array<number>(k).fill(hi0);
  // Sturm counts at the bracket ends: eigenvalue j is isolated when cLo = j and cHi = j + 1
  const cLo = new Array<number>(k).fill(0);
  const cHi = new Array<number>(k).fill(m);
  const record = (sigma: number, c: number): void => {
    for (let j = 0; j < k; j++) {
      if (c <= j) {
        if (sigma > lo[j]!) {
          lo[j] = sigma;
          cLo[j] = c;
        }
      } else if (sigma < hi[j]!) {
        hi[j] = sigma;
        cHi[j] = c;
      }
    }
  };
  const c0 = g.negcount(lo0);
  passes++;
  if (c0 > 0) {
    // eigenvalues below 1e-301 × the largest rate: cannot happen above ~690 kT barriers
    for (let j = 0; j < Math.min(c0, k); j++) lo[j] = 0;
  }
  record(lo0, c0);
  const values = new Array<number>(k).fill(NaN);
  const roundoff = new Array<number>(k).fill(8 * EPS);
  const modes: { f: Float64Array; psi: Float64Array }[] = [];
  const converged = new Array<boolean>(k).fill(false);
  const fresh = new Array<boolean>(k).fill(false);
  // Phase 1: isolate every eigenvalue in a bracket [lo, hi] with hi/lo ≤ 1.25 holding it alone
  // (Sturm counts four shifts per pass; seeds from a coarser grid only need checking)
  const active: number[] = [];
  // seeds: bracket each at ±2 % with Sturm counts, four shifts per pass
  const checks: number[] = [];
  for (let j = 0; j < k; j++) {
    const seed = seeds?.[j];
    if (seed !== undefined && seed > lo[j]! && seed < hi[j]!) checks.push(seed * 0.98, seed * 1.02);
  }
  for (let c = 0; c < checks.length; c += 4) {
    const shifts = [0, 1, 2, 3].map((l) => checks[Math.min(c + l, checks.length - 1)]!);
    g.negcount4(shifts).forEach((cnt, l) => record(shifts[l]!, cnt));
    passes++;
  }
  for (let j = 0; j < k; j++) {
    // multisection: four shifts per pass split the bracket into five (geometrically while wide)
    while ((hi[j]! > lo[j]! * 1.25 || cLo[j] !== j || cHi[j] !== j + 1) && hi[j]! - lo[j]! > 4 * EPS * hi[j]! && hi[j]! > lo0) {
      const a = lo[j]!, b = hi[j]!;
      const shifts: number[] = [];
      if (a > 0 && b / a > 4) {
        const r = Math.pow(b / a, 0.2);
        for (let l = 1; l <= 4; l++) shifts.push(a * r ** l);
      } else {
        for (let l = 1; l <= 4; l++) shifts.push(a + ((b - a) * l) / 5);
      }
      g.negcount4(shifts).forEach((cnt, l) => record(shifts[l]!, cnt));
      passes++;
    }
    if (!(hi[j]! > lo0)) {
      // below 2^-1000 × the largest rate (underflowed rates): report 0, not converged
      values[j] = 0;
      roundoff[j] = Infinity;
      continue;
    }
    active.push(j);
  }
  // Phase 2: Rayleigh iteration on twisted factorizations, up to four eigenvalues in lockstep
  // (one pass for four shifts), each iterate kept inside its bracket.
  const sigma = new Array<number>(k).fill(NaN);
  const prevAbs = new Array<number>(k).fill(Infinity);
  const iterations = new Array<number>(k).fill(0);
  for (const j of active) {
    const seed = seeds?.[j];
    sigma[j] = seed !== undefined && seed > lo[j]! && seed < hi[j]! ? seed : 0.5 * (lo[j]! + hi[j]!);
  }
  const update = (j: number, step: { correction: number; negcount: number }, vectorStored: boolean): void => {
    const sj = sigma[j]!;
    iterations[j]!++;
    record(sj, step.negcount);
    const next = sj + step.correction;
    const size = Math.abs(step.correction) / Math.abs(sj);
    const inside = next >= lo[j]! && next <= hi[j]!;
    // converged at machine precision, or stalled at the rounding floor of the twisted factorization
    // (≈ 1e-12 relative on 10^6 cells): the correction stops shrinking while already tiny, or the
    // Sturm count at σ contradicts it (also only possible at the floor)
    if (size <= 1e-9 && !inside) {
      // the count at σ contradicts the correction: rounding floor, or a near-degenerate neighbour
      // pulling the Rayleigh quotient. Accept σ only if two counts at σ(1 ± δ) confine λ_j.
      const delta = Math.max(4 * size, 16 * EPS);
      const a = sj * (1 - delta), b = sj * (1 + delta);
      const [ca, cb] = g.negcount4([a, b, b, b]);
      passes++;
      record(a, ca!);
      record(b, cb!);
      if (ca === j && cb === j + 1) {
        values[j] = sj;
        roundoff[j] = delta;
        converged[j] = true;
        fresh[j] = vectorStored;
        return;
      }
      prevAbs[j] = Infinity;
      sigma[j] = 0.5 * (lo[j]! + hi[j]!);
      return;
    }
    if (size <= 1e-9 && (size <= 8 * EPS || Math.abs(step.correction) > 0.25 * prevAbs[j]!)) {
      values[j] = next;
      roundoff[j] = Math.max(8 * EPS, size);
      converged[j] = true;
      fresh[j] = vectorStored;
      return;
    }
    prevAbs[j] = Math.abs(step.correction);
    if (hi[j]! - lo[j]! <= 4 * EPS * hi[j]!) {
      values[j] = 0.5 * (lo[j]! + hi[j]!);
      converged[j] = true;
      return;
    }
    sigma[j] = next > lo[j]! && next < hi[j]! ? next : 0.5 * (lo[j]! + hi[j]!);
  };
  for (;;) {
    const pending = active.filter((j) => !converged[j] && iterations[j]! < 40);
    if (pending.length === 0) break;
    if (pending.length === 1) {
      const j = pending[0]!;
      const want = vectors.includes(j);
      update(j, g.twisted(sigma[j]!, want), want);
      passes++;
    } else {
      const batch = pending.slice(0, 4);
      const shifts = [0, 1, 2, 3].map((l) => sigma[batch[Math.min(l, batch.length - 1)]!]!);
      const steps = g.twisted4(shifts);
      passes++;
      batch.forEach((j, l) => update(j, steps[l]!, false));
    }
  }
  // Verify every accepted value with two Sturm counts at λ(1 ± δ) (four shifts per pass): a value
  // that does not confine λ_j (a near-degenerate neighbour) goes to bisection below
  const verify = active.filter((j) => converged[j]);
  const vShifts: number[] = [];
  // (δ above the counts' own rounding noise, which grows like √m·ε)
  const countNoise = 32 * EPS * Math.sqrt(m);
  for (const j of verify) {
    const delta = Math.max(4 * roundoff[j]!, countNoise);
    vShifts.push(values[j]! * (1 - delta), values[j]! * (1 + delta));
  }
  const vCounts: number[] = [];
  for (let c = 0; c < vShifts.length; c += 4) {
    const shifts = [0, 1, 2, 3].map((l) => vShifts[Math.min(c + l, vShifts.length - 1)]!);
    const counts = g.negcount4(shifts);
    passes++;
    counts.forEach((cnt, l) => {
      if (c + l < vShifts.length) {
        vCounts.push(cnt);
        record(shifts[l]!, cnt);
      }
    });
  }
  verify.forEach((j, q) => {
    if (!(vCounts[2 * q] === j && vCounts[2 * q + 1] === j + 1)) converged[j] = false;
  });
  let allConverged = true;
  for (const j of active) {
    if (!converged[j]) {
      // Rayleigh iteration did not settle (tight cluster): finish by bisection
      while (hi[j]! - lo[j]! > 4 * EPS * hi[j]!) {
        const s = 0.5 * (lo[j]! + hi[j]!);
        record(s, g.negcount(s));
        passes++;
      }
      values[j] = 0.5 * (lo[j]! + hi[j]!);
      converged[j] = hi[j]! - lo[j]! <= 8 * EPS * hi[j]!;
    }
    allConverged &&= converged[j]!;
    if (vectors.includes(j)) {
      if (!fresh[j]) {
        g.twisted(values[j]!, true);
        passes++;
      }
      modes[j] = g.mode();
    }
  }
  if (active.length < k) allConverged = false;
  return { values, roundoff, modes, passes, converged: allConverged };
}
