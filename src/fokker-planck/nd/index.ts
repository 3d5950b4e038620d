// Fokker–Planck in more than one dimension: grid generators solved by nested dissection.
export { gridMfpt2D, type GridMfpt2DOptions, type GridMfpt2DResult, type HalfPlaneTarget } from "./grid-mfpt.js";
export { gridSpectrum2D, type GridSpectrum2DOptions, type GridSpectrum2DResult } from "./grid-spectrum.js";
export type { Grid2DOptions, Grid2DResult } from "./grid.js";
