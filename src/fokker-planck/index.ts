// The Fokker–Planck engine: spectra with relative accuracy at any barrier, rates from the
// spectrum, stationary and time-dependent densities, and currents on tilted periodic potentials.
export { spectrum, type SpectrumResult, type SpectrumGrid } from "./spectrum.js";
export { stationaryDensity, stationaryCurrent, evolveDensity, type StationaryDensityResult, type StationaryCurrentResult, type EvolveDensityOptions, type EvolveDensityResult } from "./densities.js";
export { type FokkerPlanckOptions, type SpectrumOptions } from "./options.js";
export { type SpectralRates } from "./rates.js";
export { type Boundary, type FokkerPlanckEngine } from "./backend.js";
export * from "./nd/index.js";
