// `--svg FILE`: the shared way for a CLI command to also write its figure. A command adds
// SVG_FLAG to its flags and, after computing, calls writeSvgOption(flags, () => plotXxx({...}));
// the figure is rendered only when the flag is given.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { KramersError } from "../errors.js";
import type { FlagSpec, ParsedFlags } from "./args.js";

/** The `--svg FILE` flag. */
export const SVG_FLAG: FlagSpec = { name: "svg", type: "string", help: "also write the figure to FILE as SVG" };

/** What {@link writeSvgOption} did: the absolute path written and a line for the text output. */
export interface SvgWritten {
  readonly file: string;
  readonly line: string;
}

/**
 * If `--svg FILE` was given, render the figure and write it to FILE.
 *
 * @param flags - the parsed flags of the command
 * @param render - builds the SVG string (called only when the flag is present)
 * @returns the file written and a message line, or undefined when `--svg` was not given
 * @example
 * ```ts
 * const svg = writeSvgOption(flags, () => plotPotential({ potential, domain, landscape: l }));
 * if (svg) { text.push(svg.line); json.svg = svg.file; }
 * ```
 */
export function writeSvgOption(flags: ParsedFlags, render: () => string): SvgWritten | undefined {
  const target = flags.svg;
  if (target === undefined || target === false) return undefined;
  if (typeof target !== "string" || target.trim() === "") {
    throw new KramersError("INVALID_ARGUMENT", `--svg expects a file name, got ${JSON.stringify(target)}`, { option: "svg" });
  }
  const file = resolve(target);
  const svg = render();
  try {
    writeFileSync(file, svg.endsWith("\n") ? svg : `${svg}\n`, "utf8");
  } catch (e) {
    throw new KramersError("INVALID_ARGUMENT", `--svg: cannot write ${file}: ${(e as Error).message}`, { option: "svg", value: target });
  }
  return { file, line: `figure written to ${file}` };
}
