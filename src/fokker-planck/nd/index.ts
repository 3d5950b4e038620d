// Fokker–Planck in more than one dimension: grid generators solved by nested dissection.
export { gridMfpt2D, type GridMfpt2DOptions, type GridMfpt2DResult, type HalfPlaneTarget } from "./grid-mfpt.js";
