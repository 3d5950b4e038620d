// Finding a domain when the caller gives none: grow an interval around the start until it holds
// the start's well, the barrier(s) that matter, and the far turning point of the well's orbit.
import { KramersError } from "../errors.js";
import { requireFinite } from "../validate.js";
import type { Potential1D } from "../potential/types.js";
import { analyseLandscape } from "./landscape.js";
import type { LandscapeResult } from "./types.js";
import { barrierIn, wellIn } from "./wells.js";

/** Doublings of the search interval before giving up (width grows by 2^MAX_DOUBLINGS). */
const MAX_DOUBLINGS = 14;

/**
 * Whether `l` resolves escape from the well of `from`: the well lies inside, the barrier toward
 * `to` (or, without `to`, every barrier that could be the lowest) is inside, and on any side
 * without a barrier U climbs above the lowest barrier top by the edge, so no lower barrier and no
 * orbit turning point lies outside.
 */
function resolves(p: Potential1D, l: LandscapeResult, from: number, to: number | undefined): boolean {
  let well;
  try {
    well = wellIn(p, l, from, "from");
  } catch (e) {
    // a start at a maximum or flat point is the caller's error at any width; otherwise the
    // descent ran off an edge and the well is further out
    if (e instanceof KramersError && e.details?.at !== undefined) throw e;
    return false;
  }
  const tops: number[] = [];
  const open: Array<1 | -1> = [];
  for (const direction of [-1, 1] as const) {
    try {
      tops.push(barrierIn(p, l, well.x, { direction }, "from").top.U);
    } catch {
      open.push(direction);
    }
  }
  if (to !== undefined) {
    const [L, R] = l.domain;
    const margin = 0.05 * (R - L);
    if (to < L + margin || to > R - margin) return false;
  }
  if (tops.length === 0) return false;
  const lowest = Math.min(...tops);
  const [L, R] = l.domain;
  return open.every((d) => p.U(d < 0 ? L : R) >= lowest);
}

/**
 * A domain around `from` (and `to`) wide enough for escape-rate work, found by doubling an
 * interval until it resolves escape from the well (see `resolves`). Throws NO_BARRIER (with the last interval tried) if
 * none is found: the well has no barrier, or it lies beyond 2^14 times the starting width.
 *
 * @param potential - the potential
 * @param from - a point in the starting well
 * @param to - an optional target beyond the barrier
 * @returns the domain [left, right]
 */
export function searchDomain(potential: Potential1D, from: number, to?: number): [number, number] {
  requireFinite("from", from);
  if (to !== undefined) requireFinite("to", to);
  const center = to === undefined ? from : (from + to) / 2;
  let half = Math.max(1, Math.abs(from) / 2, to === undefined ? 0 : Math.abs(to - from));
  let last: [number, number] = [center - half, center + half];
  for (let i = 0; i <= MAX_DOUBLINGS; i++) {
    const d: [number, number] = [center - half, center + half];
    if (!Number.isFinite(potential.U(d[0])) || !Number.isFinite(potential.U(d[1]))) break; // U undefined out there
    last = d;
    if (resolves(potential, analyseLandscape(potential, d), from, to)) return d;
    half *= 2;
  }
  throw new KramersError(
    "NO_BARRIER",
    `no barrier found around from = ${from}${to === undefined ? "" : ` toward to = ${to}`} up to the domain [${last[0]}, ${last[1]}]; pass a domain if the landscape is elsewhere`,
    { option: "domain", tried: last },
  );
}
