// The potential layer: what U(x) is, how it is written, and how the WASM core evaluates it.
export type { Potential1D, PotentialND, DerivativeSource } from "./types.js";
export { expression, polynomial, type ExpressionOptions } from "./expression-potential.js";
export { fromFunction, riddersDerivative, type FunctionPotentialOptions, type DerivativeEstimate } from "./function-potential.js";
export {
  symmetricDoubleWell, tiltedDoubleWell, asymmetricDoubleWell, metastableCubic, tiltedWashboard, harmonic, tripleWell,
  type DoubleWellOptions, type TiltedDoubleWellOptions, type AsymmetricDoubleWellOptions, type MetastableCubicOptions,
  type WashboardOptions, type HarmonicOptions, type TripleWellOptions,
} from "./families.js";
export { toPotential, type PotentialInput } from "./resolve.js";
export { expressionND, fromFunctionND, muellerBrown, toPotentialND, type ExpressionNDOptions, type FunctionNDOptions, type PotentialNDInput } from "./nd.js";
