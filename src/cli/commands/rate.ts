// `kramers rate`: every analytic escape rate for one well and barrier.
import { rate } from "../../rates/rate.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotPotential } from "../../plot/figures.js";

/** The well, the barrier and as much again on either side. */
function figureDomain(a: number, b: number): [number, number] {
  const w = Math.abs(b - a);
  return [Math.min(a, b) - w, Math.max(a, b) + w];
}

/** `kramers rate --potential EXPR --kT K --from XA [--to XB] [--gamma G] [--mass M] [--domain L,R] [--json]`. */
export const rateCommand: Command = {
  name: "rate",
  summary: "analytic escape rates (Arrhenius, TST, Kramers, energy diffusion, Mel'nikov–Pollak) from a well",
  flags: [
    COMMON_FLAGS.potential,
    COMMON_FLAGS.kT,
    { name: "from", type: "number", help: "a point in the starting well", required: true },
    { name: "to", type: "number", help: "a point beyond the barrier (default: the lower barrier side)" },
    COMMON_FLAGS.gamma,
    COMMON_FLAGS.mass,
    { ...COMMON_FLAGS.domain, help: "domain L,R for the landscape (default: grown around --from until it holds the well and its barriers)" },
    SVG_FLAG,
    COMMON_FLAGS.json,
  ],
  run(flags) {
    const r = rate({
      potential: flags.potential as string,
      kT: flags.kT as number,
      from: flags.from as number,
      ...(flags.to !== undefined ? { to: flags.to as number } : {}),
      ...(flags.gamma !== undefined ? { gamma: flags.gamma as number } : {}),
      ...(flags.mass !== undefined ? { mass: flags.mass as number } : {}),
      ...(flags.domain !== undefined ? { domain: flags.domain as [number, number] } : {}),
    });
    const json = {
      potential: flags.potential,
      // the barrier height ΔU seen from the starting well; the crossing (top, far well, direction) in barrierCrossing
      barrier: r.barrier.height,
      barrierCrossing: r.barrier,
      well: r.well,
      top: r.top,
      rates: r.rates,
      ingredients: r.ingredients,
      formulas: Object.fromEntries(Object.entries(r.details).map(([k, d]) => [k, d.formula])),
      rateDefinition: r.rateDefinition,
      regime: r.regime,
      recommended: r.recommended,
      units: r.units,
      warnings: r.warnings,
    };
    const i = r.ingredients;
    const rows = (Object.keys(r.rates) as (keyof typeof r.rates)[]).map((k) => {
      const d = r.details[k]!;
      return [k + (k === r.recommended ? " *" : ""), fmt(r.rates[k]), d.units, d.formula];
    });
    const text = [
      `escape from the well at x = ${fmt(r.well.x)} over the barrier at x = ${fmt(r.top.x)} of U(x) = ${String(flags.potential)}`,
      `ΔU = ${fmt(i.barrierHeight)}, kT = ${fmt(i.kT)}, βΔU = ${fmt(i.reducedBarrier)}, ω_a = ${fmt(i.wellFrequency)}, ω_b = ${fmt(i.barrierFrequency)}, γ = ${fmt(i.gamma)}, m = ${fmt(i.mass)}`,
      `I(E_b) = ${fmt(i.action)}, Δ = γIβ/m = ${fmt(i.delta)}, Υ(Δ) = ${fmt(i.upsilon)}; regime: ${r.regime} (* = recommended)`,
      "",
      ...table(["rate", "value", "units", "formula"], rows),
    ];
    for (const w of r.warnings) text.push(`warning ${w.code}: ${w.message}`);
    const svg = writeSvgOption(flags, () => plotPotential({ potential: flags.potential as string, domain: (flags.domain as [number, number] | undefined) ?? figureDomain(r.well.x, r.top.x), kT: r.ingredients.kT, marks: [{ x: r.well.x, label: "from" }] }));
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
