// Small input checks shared by every options checker. Messages name the option and the value.
import { KramersError } from "./errors.js";

function show(value: unknown): string {
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A finite number, or throw NOT_FINITE / INVALID_ARGUMENT naming `name`. */
export function requireFinite(name: string, value: unknown): number {
  if (typeof value !== "number") {
    throw new KramersError("INVALID_ARGUMENT", `${name} must be a number, got ${show(value)}`, { option: name, value });
  }
  if (!Number.isFinite(value)) {
    throw new KramersError("NOT_FINITE", `${name} must be finite, got ${show(value)}`, { option: name, value });
  }
  return value;
}

/** A finite number > 0. */
export function requirePositive(name: string, value: unknown): number {
  const v = requireFinite(name, value);
  if (!(v > 0)) {
    throw new KramersError("NOT_POSITIVE", `${name} must be > 0, got ${show(value)}`, { option: name, value });
  }
  return v;
}

/** A whole number ≥ `min`. */
export function requireInteger(name: string, value: unknown, min = 0): number {
  const v = requireFinite(name, value);
  if (!Number.isInteger(v) || v < min) {
    throw new KramersError("INVALID_ARGUMENT", `${name} must be an integer ≥ ${min}, got ${show(value)}`, { option: name, value });
  }
  return v;
}

/** A finite interval [lo, hi] with lo < hi. */
export function requireInterval(name: string, value: unknown): [number, number] {
  if (!Array.isArray(value) || value.length !== 2) {
    throw new KramersError("INVALID_ARGUMENT", `${name} must be a pair [left, right], got ${show(value)}`, { option: name, value });
  }
  const lo = requireFinite(`${name}[0]`, value[0]);
  const hi = requireFinite(`${name}[1]`, value[1]);
  if (!(lo < hi)) {
    throw new KramersError("BAD_DOMAIN", `${name} must satisfy left < right, got [${lo}, ${hi}]`, { option: name, value });
  }
  return [lo, hi];
}

/** One of the allowed string values. */
export function requireOneOf<T extends string>(name: string, value: unknown, allowed: readonly T[]): T {
  if (typeof value !== "string" || !(allowed as readonly string[]).includes(value)) {
    throw new KramersError("INVALID_ARGUMENT", `${name} must be one of ${allowed.map((a) => JSON.stringify(a)).join(", ")}, got ${show(value)}`, { option: name, value });
  }
  return value as T;
}

/** Reject options objects that are not plain objects and keys that are not known (typos). */
export function requireOptions(name: string, value: unknown, known: readonly string[]): Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    throw new KramersError("INVALID_ARGUMENT", `${name} must be an options object, got ${show(value)}`, { option: name, value });
  }
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      throw new KramersError("INVALID_ARGUMENT", `${name} has an unknown option ${JSON.stringify(key)}; known options: ${known.join(", ")}`, { option: key });
    }
  }
  return value as Record<string, unknown>;
}
