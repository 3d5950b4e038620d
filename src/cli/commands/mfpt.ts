// `kramers mfpt`: the exact overdamped mean first-passage time (and FPT variance) by quadrature.
import { mfpt } from "../../exact/mfpt.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotPotential } from "../../plot/figures.js";

/** `kramers mfpt --potential EXPR --kT K --from A --to B [--reflect L] [--gamma G] [--domain L,R] [--json]`. */
export const mfptCommand: Command = {
  name: "mfpt",
  summary: "exact overdamped mean first-passage time from A to B (reflecting wall at L or none), its variance and 1/MFPT",
  flags: [
    COMMON_FLAGS.potential,
    COMMON_FLAGS.kT,
    { name: "from", type: "number", help: "start point A", required: true },
    { name: "to", type: "number", help: "absorbing target B", required: true },
    { name: "reflect", type: "number", help: "reflecting wall on the far side of A (default: none, i.e. ∓∞; U must confine)" },
    COMMON_FLAGS.gamma,
    { ...COMMON_FLAGS.domain, help: "domain L,R where U is defined (an infinite wall must be negligible inside it)" },
    { name: "tolerance", type: "number", help: "relative accuracy per quadrature panel (default 1e-12)" },
    SVG_FLAG,
    COMMON_FLAGS.json,
  ],
  run(flags) {
    const r = mfpt({
      potential: flags.potential as string,
      kT: flags.kT as number,
      from: flags.from as number,
      to: flags.to as number,
      ...(flags.reflect !== undefined ? { reflect: flags.reflect as number } : {}),
      ...(flags.gamma !== undefined ? { gamma: flags.gamma as number } : {}),
      ...(flags.domain !== undefined ? { domain: flags.domain as [number, number] } : {}),
      ...(flags.tolerance !== undefined ? { tolerance: flags.tolerance as number } : {}),
    });
    // JSON has no ±Infinity: an infinite wall is written as null
    const json = {
      potential: flags.potential,
      mfpt: r.mfpt,
      logMfpt: r.logMfpt,
      rate: r.rate,
      rateDefinition: r.rateDefinition,
      variance: r.variance,
      stdDev: r.stdDev,
      secondMoment: r.secondMoment,
      errorEstimate: r.errorEstimate,
      converged: r.converged,
      evaluations: r.evaluations,
      reducedBarrier: r.reducedBarrier ?? null,
      from: r.from,
      to: r.to,
      reflect: Number.isFinite(r.reflect) ? r.reflect : null,
      truncatedAt: r.truncatedAt ?? null,
      kT: flags.kT,
      gamma: (flags.gamma as number | undefined) ?? 1,
      diffusion: r.diffusion,
      units: r.units,
      warnings: r.warnings,
    };
    const wall = Number.isFinite(r.reflect) ? `reflecting wall at ${fmt(r.reflect)}` : `no wall (U confines; cut at ${fmt(r.truncatedAt)})`;
    const text = [
      `exact overdamped MFPT of U(x) = ${String(flags.potential)} from ${fmt(r.from)} to ${fmt(r.to)}, ${wall}`,
      `kT = ${fmt(flags.kT as number)}, γ = ${fmt((flags.gamma as number | undefined) ?? 1)}, D = kT/γ = ${fmt(r.diffusion)}${r.reducedBarrier !== undefined ? `, βΔU = ${fmt(r.reducedBarrier)}` : ""}`,
      "",
      ...table(["quantity", "value", "units"], [
        ["mfpt", fmt(r.mfpt), `time (${r.units.time})`],
        ["rate = 1/mfpt", fmt(r.rate), `1/time`],
        ["stdDev", fmt(r.stdDev), "time"],
        ["variance / mfpt²", fmt(r.variance !== undefined ? r.variance / (r.mfpt * r.mfpt) : undefined), "—"],
        ["ln mfpt", fmt(r.logMfpt), "—"],
        ["errorEstimate (rel.)", fmt(r.errorEstimate), "—"],
        ["converged", String(r.converged), "—"],
        ["evaluations", String(r.evaluations), "—"],
      ]),
      `rate definition: ${r.rateDefinition}`,
    ];
    for (const w of r.warnings) text.push(`warning ${w.code}: ${w.message}`);
    const svg = writeSvgOption(flags, () => plotPotential({ potential: flags.potential as string, ...(flags.domain !== undefined ? { domain: flags.domain as [number, number] } : { domain: [Math.min(r.from, r.to) - 1, Math.max(r.from, r.to) + 1] as [number, number] }), kT: flags.kT as number, marks: [{ x: r.from, label: "from" }, { x: r.to, label: "to" }] }));
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
