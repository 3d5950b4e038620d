// A small, strict argv parser: `--name value`, `--name=value`, boolean flags. Unknown flags are errors.
import { KramersError } from "../errors.js";

/** Declared flag of a command. */
export interface FlagSpec {
  /** Flag name without dashes, e.g. "kT". */
  readonly name: string;
  /** What the value is. */
  readonly type: "number" | "string" | "boolean" | "numbers" | "interval";
  /** One-line help. */
  readonly help: string;
  /** Required unless a default is applied by the command. */
  readonly required?: boolean;
}

/** Parsed flag values. */
export type ParsedFlags = Record<string, number | string | boolean | number[] | [number, number] | undefined>;

/** Decimal numbers with an optional exponent, and ±Infinity (Number() alone also takes "0x10", "0b1", " "). */
const NUMBER = /^[+-]?(?:(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?|Infinity)$/;

function toNumber(flag: string, text: string): number {
  const t = text.trim();
  const v = Number(t);
  if (!NUMBER.test(t) || Number.isNaN(v)) {
    throw new KramersError("INVALID_ARGUMENT", `--${flag} expects a number, got ${JSON.stringify(text)}`, { option: flag });
  }
  return v;
}

/** Parse argv against the command's flags. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const out: ParsedFlags = {};
  const byName = new Map(specs.map((s) => [s.name.toLowerCase(), s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      throw new KramersError("INVALID_ARGUMENT", `unexpected argument ${JSON.stringify(arg)} (flags start with --)`);
    }
    let name = arg.slice(2);
    let value: string | undefined;
    const eq = name.indexOf("=");
    if (eq >= 0) {
      value = name.slice(eq + 1);
      name = name.slice(0, eq);
    }
    const spec = byName.get(name.toLowerCase());
    if (!spec) {
      throw new KramersError("INVALID_ARGUMENT", `unknown flag --${name}; this command takes ${specs.map((s) => `--${s.name}`).join(", ")}`, { option: name });
    }
    if (spec.type !== "boolean" && out[spec.name] !== undefined) {
      throw new KramersError("INVALID_ARGUMENT", `--${spec.name} is given twice`, { option: spec.name });
    }
    if (spec.type === "boolean") {
      out[spec.name] = value === undefined ? true : value !== "false";
      continue;
    }
    if (value === undefined) {
      value = argv[++i];
      if (value === undefined) throw new KramersError("INVALID_ARGUMENT", `--${spec.name} needs a value`, { option: spec.name });
    }
    switch (spec.type) {
      case "number":
        out[spec.name] = toNumber(spec.name, value);
        break;
      case "string":
        out[spec.name] = value;
        break;
      case "numbers":
        out[spec.name] = value.split(",").map((t) => toNumber(spec.name, t));
        break;
      case "interval": {
        const parts = value.split(",").map((t) => toNumber(spec.name, t));
        if (parts.length !== 2) throw new KramersError("INVALID_ARGUMENT", `--${spec.name} expects two numbers L,R, got ${JSON.stringify(value)}`, { option: spec.name });
        out[spec.name] = [parts[0]!, parts[1]!];
        break;
      }
    }
  }
  for (const s of specs) {
    if (s.required && out[s.name] === undefined) {
      throw new KramersError("INVALID_ARGUMENT", `--${s.name} is required (${s.help})`, { option: s.name });
    }
  }
  return out;
}
