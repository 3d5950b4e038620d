// The single WASM module. Each engine's hot loops live in their own file; this file only
// re-exports them. Kernels take pointers to caller-owned buffers and never allocate in loops.
export { bandLDLT, ldltPartial } from "./ldlt";
export { mfFactor, mfForward, mfBack } from "./multifrontal";
export { allocF64, allocI32, free } from "./memory";
export { evaluatePotential, potentialDerivative, potentialND, gradientND } from "./potential";
export { fpInfo, fpAssemble, fpFactor, fpNegcount, fpNegcount2, fpNegcount4, fpTwisted, fpTwisted4, fpModeFromVector, fpStationary, fpPeriodicStationary, fpEvolve } from "./fokker_planck";
export { fp2dAssemble, fp2dDirichletForm, fp2dInverseIteration } from "./fokker_planck_nd";
export { rngNormals, rngPhilox, rngUniforms, rngXoshiro } from "./rng";
export { langevinInit, langevinRun, langevinWorkBytes } from "./langevin";
export { langevinNDInit, langevinNDRun } from "./langevin_nd";
export { kramersPotentialAt, kramersAssemble, bandFactor, bandSolve, kramersEquilibrium, kramersInverseIteration, kramersThermalAverage, kramersAbsorbingEdge, kramersNodeCouplings, kramersReducedAssemble, kramersReducedEll, kramersAbsorbingRow, kramersBorderFactor, kramersReducedSolve, kramersReducedInverseIteration } from "./kramers_equation";
