// `kramers landscape`: minima, maxima, degenerate points and barriers of a 1-D potential.
import { landscape } from "../../landscape/landscape.js";
import type { CriticalPoint } from "../../landscape/types.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotPotential } from "../../plot/figures.js";

const point = (c: CriticalPoint) => ({ x: c.x, U: c.U, curvature: c.curvature, frequency: c.frequency, kind: c.kind, degenerate: c.degenerate });

/** `kramers landscape --potential EXPR --domain L,R [--mass M] [--json]`. */
export const landscapeCommand: Command = {
  name: "landscape",
  summary: "minima, maxima, degenerate points and barrier heights of U(x) in a domain",
  flags: [COMMON_FLAGS.potential, { ...COMMON_FLAGS.domain, help: "domain L,R to search (required for expressions)" }, COMMON_FLAGS.mass, SVG_FLAG, COMMON_FLAGS.json],
  run(flags) {
    const l = landscape({
      potential: flags.potential as string,
      ...(flags.domain !== undefined ? { domain: flags.domain as [number, number] } : {}),
      ...(flags.mass !== undefined ? { mass: flags.mass as number } : {}),
    });
    const json = {
      potential: flags.potential,
      domain: l.domain,
      method: l.method,
      minima: l.minima.map(point),
      maxima: l.maxima.map(point),
      degenerate: l.degenerate.map(point),
      barriers: l.barriers,
      edges: l.edges,
      singularities: l.singularities,
      undefinedRegions: l.undefinedRegions,
      warnings: l.warnings,
    };
    const rows = [...l.minima, ...l.maxima, ...l.degenerate.filter((d) => d.kind === "inflection" || d.kind === "flat")]
      .sort((a, b) => a.x - b.x)
      .map((c) => [c.kind + (c.degenerate ? " (degenerate)" : ""), fmt(c.x), fmt(c.U), fmt(c.curvature), fmt(c.frequency)]);
    const text = [
      `landscape of U(x) = ${String(flags.potential)} on [${l.domain[0]}, ${l.domain[1]}] (${l.method})`,
      "",
      ...table(["kind", "x", "U", "U''", "omega"], rows),
    ];
    if (l.barriers.length > 0) {
      text.push("", ...table(["from", "to", "top", "dU forward", "dU backward"], l.barriers.map((b) => [fmt(b.from), fmt(b.to), fmt(b.top), fmt(b.forward), fmt(b.backward)])));
    }
    for (const w of l.warnings) text.push(`warning ${w.code}: ${w.message}`);
    const svg = writeSvgOption(flags, () => plotPotential({ potential: flags.potential as string, domain: l.domain, landscape: l }));
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
