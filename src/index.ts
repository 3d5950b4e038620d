/**
 * kramers — thermally activated escape over energy barriers.
 *
 * Potentials → landscape → methods (formulas, exact quadrature, Fokker–Planck, Langevin) → results.
 * @packageDocumentation
 */
export { KramersError, type KramersErrorCode } from "./errors.js";
export { type ResultWarning, MIN_REDUCED_BARRIER } from "./result.js";
export { type Expr, type BinaryOperator, type UnaryFunction, UNARY_FUNCTIONS } from "./potential/expression/ast.js";
export * from "./units.js";
export * from "./potential/index.js";
export { loadWasm, type KramersWasm, type KramersWasmExports } from "./wasm/loader.js";
export * from "./landscape/index.js";
export * from "./plot/index.js";
export * from "./rates/index.js";
export * from "./fokker-planck/index.js";
export * from "./turnover/index.js";
export { simulate, simulateND, type SimulateNDOptions, type SimulateNDResult, type HalfSpaceTarget, type SimulateOptions, type SimulateResult, type SimulateProgress, type ExponentialKsTest, type FirstPassageStatistics, type OverdampedIntegrator, type UnderdampedIntegrator } from "./langevin/index.js";
export * from "./exact/index.js";
