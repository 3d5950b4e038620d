// The turnover box: the Kramers equation solved exactly for one friction, and the table of every rate across frictions.
export {
  kramersEquation, checkKramersEquationOptions,
  type KramersEquationOptions, type KramersEquationResult, type KramersConvergence, type CheckedKramersEquationOptions,
} from "./kramers-equation.js";
export { turnover, checkTurnoverOptions, type TurnoverOptions, type TurnoverResult, type TurnoverRow } from "./turnover.js";
