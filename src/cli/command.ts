// The shape of a CLI command. Each command lives in src/cli/commands/<name>.ts and is listed in
// src/cli/commands/index.ts; main.ts only dispatches.
import type { FlagSpec, ParsedFlags } from "./args.js";

/** What a command returns: machine output for --json and lines for the human-readable table. */
export interface CommandOutput {
  /** The object printed with --json. */
  readonly json: unknown;
  /** The human-readable rendering (tables), one string per line. */
  readonly text: readonly string[];
}

/** A `kramers <name>` sub-command. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
  run(flags: ParsedFlags): Promise<CommandOutput> | CommandOutput;
}

/** Flags most commands share. */
export const COMMON_FLAGS = {
  potential: { name: "potential", type: "string", help: "potential U(x) as an expression, e.g. \"x^4/4 - x^2/2\"", required: true },
  kT: { name: "kT", type: "number", help: "thermal energy kT (> 0)", required: true },
  gamma: { name: "gamma", type: "number", help: "friction γ (mass/time) (default 1)" },
  mass: { name: "mass", type: "number", help: "mass m (default 1)" },
  domain: { name: "domain", type: "interval", help: "domain L,R" },
  json: { name: "json", type: "boolean", help: "print JSON instead of a table" },
} as const satisfies Record<string, FlagSpec>;

/** Format a table with aligned columns. */
export function table(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => (r[j] ?? "").length)));
  const line = (cells: readonly string[]) => cells.map((c, j) => c.padEnd(widths[j]!)).join("  ").trimEnd();
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)];
}

/** A number for tables: 6 significant digits. */
export function fmt(v: number | undefined | null): string {
  if (v === undefined || v === null) return "—";
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return "0";
  const a = Math.abs(v);
  return a >= 1e-3 && a < 1e6 ? Number(v.toPrecision(6)).toString() : v.toExponential(5);
}
