// The landscape box: critical points, barriers, wells (1-D); stationary points, paths and barriers (N-D, in nd/).
export type { CriticalPoint, CriticalKind, Barrier, DomainEdge, LandscapeOptions, LandscapeResult } from "./types.js";
export { landscape, checkLandscapeOptions, type CheckedLandscapeOptions } from "./landscape.js";
export { findWell, findBarrier, type BarrierCrossing, type BarrierToward } from "./wells.js";
export { evalInterval, evalCentered, type Interval } from "./interval.js";
export { brentRoot, type RootResult } from "./roots.js";
export { searchDomain } from "./domain.js";
export * from "./nd/index.js";
