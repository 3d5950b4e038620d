// Langevin simulation: simulate() and its types, plus the statistics helpers it uses.
export { simulate, CHUNK_SIZE, type SimulateResult } from "./simulate.js";
export { checkSimulateOptions, type SimulateOptions, type SimulateProgress, type CheckedSimulateOptions, type OverdampedIntegrator, type UnderdampedIntegrator } from "./options.js";
export { exponentialRate, gammaP, gammaQuantile, kolmogorovQ, ksExponential, meanEstimate, type ExponentialKsTest, type FirstPassageStatistics, type MeanEstimate } from "./stats.js";
export { simulateND, type SimulateNDOptions, type SimulateNDResult, type HalfSpaceTarget } from "./simulate-nd.js";
