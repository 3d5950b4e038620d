// N-D landscapes: stationary points, minimum-energy paths, barriers between basins.
export { localMinimum, saddlePoint, type StationaryPoint } from "./stationary.js";
export { minimumEnergyPath, type EnergyPath } from "./path.js";
export { barrierND, type BarrierND, type BarrierNDOptions } from "./barrier.js";
