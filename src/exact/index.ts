// Exact overdamped answers in 1-D by quadrature: mean first-passage times (and FPT variance),
// splitting probabilities.
export { mfpt, checkMfptOptions, type MfptOptions, type MfptResult, type CheckedMfptOptions } from "./mfpt.js";
export { splittingProbability, checkSplittingOptions, type SplittingOptions, type SplittingResult, type CheckedSplittingOptions } from "./splitting.js";
