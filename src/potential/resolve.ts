// Accept what callers pass as `potential` (an expression string, a potential object, or a
// plain function) and return a Potential1D, with a clear error otherwise.
import { KramersError } from "../errors.js";
import { expression } from "./expression-potential.js";
import { fromFunction } from "./function-potential.js";
import type { Potential1D } from "./types.js";

/** Anything the API accepts as a 1-D potential. */
export type PotentialInput = string | Potential1D | ((x: number) => number);

/** Turn a {@link PotentialInput} into a {@link Potential1D}. */
export function toPotential(input: unknown, option = "potential"): Potential1D {
  if (typeof input === "string") return expression(input);
  if (typeof input === "function") return fromFunction(input as (x: number) => number);
  if (input !== null && typeof input === "object" && (input as Potential1D).dimension === 1 && typeof (input as Potential1D).U === "function") {
    // a hand-made object must have everything the methods call
    const missing = (["dU", "d2U", "descriptor"] as const).filter((k) => typeof (input as Potential1D)[k] !== "function");
    if (missing.length > 0) {
      throw new KramersError("INVALID_ARGUMENT", `${option} object lacks ${missing.join(", ")}: build it with expression(), polynomial(), fromFunction() or a family (fromFunction(U, { dU, d2U }) takes exact derivatives)`, { option });
    }
    return input as Potential1D;
  }
  throw new KramersError("INVALID_ARGUMENT", `${option} must be an expression string, a potential object or a function U(x), got ${input === null ? "null" : typeof input}`, { option });
}
