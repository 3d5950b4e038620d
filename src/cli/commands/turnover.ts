// `kramers turnover`: every escape rate across a list of frictions, the exact Kramers-equation
// rate and MFPT among them, and the friction at the maximum.
import { turnover } from "../../turnover/turnover.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotTurnover } from "../../plot/figures.js";

/** Clip the limiting laws, which diverge at the ends, to a window around the exact and TST rates. */
function turnoverWindow(rows: readonly { readonly exactRate?: number; readonly tst: number }[]): [number, number] {
  const exact = rows.map((r) => r.exactRate ?? NaN).filter((v) => v > 0);
  const lo = Math.min(...exact, ...rows.map((r) => r.tst));
  const hi = Math.max(...rows.map((r) => r.tst));
  return [lo / 5, hi * 5];
}

/** `kramers turnover --potential EXPR --kT K --from A --to B [--mass M] --gammas g1,g2,… [--domain L,R] [--tolerance T] [--json]`. */
export const turnoverCommand: Command = {
  name: "turnover",
  summary: "the Kramers turnover: TST, energy diffusion, Mel'nikov–Pollak, Kramers and the exact (Kramers-equation) rate and MFPT for each friction",
  flags: [
    COMMON_FLAGS.potential,
    COMMON_FLAGS.kT,
    { name: "from", type: "number", help: "a point in the starting well", required: true },
    { name: "to", type: "number", help: "MFPT target beyond the barrier (first passage to x ≥ to); default: the next minimum" },
    COMMON_FLAGS.mass,
    { name: "gammas", type: "numbers", help: "friction values g1,g2,… (mass/time)", required: true },
    { ...COMMON_FLAGS.domain, help: "domain L,R for the landscape (default: from ± 4|to − from|)" },
    { name: "tolerance", type: "number", help: "relative accuracy of the exact columns (default 1e-4)" },
    { name: "start", type: "string", help: "MFPT start: bottom (x_a, Maxwellian v; default) or well (Boltzmann in the well)" },
    SVG_FLAG,
    COMMON_FLAGS.json,
  ],
  async run(flags) {
    const t = await turnover({
      potential: flags.potential as string,
      kT: flags.kT as number,
      from: flags.from as number,
      ...(flags.to !== undefined ? { to: flags.to as number } : {}),
      ...(flags.mass !== undefined ? { mass: flags.mass as number } : {}),
      gammas: flags.gammas as number[],
      ...(flags.domain !== undefined ? { domain: flags.domain as [number, number] } : {}),
      ...(flags.tolerance !== undefined ? { tolerance: flags.tolerance as number } : {}),
      ...(flags.start !== undefined ? { start: flags.start as "bottom" | "well" } : {}),
    });
    const json = {
      rows: t.rows.map((r) => ({
        gamma: r.gamma,
        tst: r.tst,
        energyDiffusion: r.energyDiffusion,
        melnikovPollak: r.melnikovPollak,
        melnikovPollakDoubleWell: r.melnikovPollakDoubleWell,
        kramersFull: r.kramersFull,
        kramersOverdamped: r.kramersOverdamped,
        exactRate: r.exactRate,
        exactRateError: r.exactRateError,
        exactMfpt: r.exactMfpt,
        exactMfptError: r.exactMfptError,
        exactMfptRate: r.exactMfptRate,
      })),
      gammaAtMaximum: t.gammaAtMaximum,
      rateAtMaximum: t.rateAtMaximum,
      barrier: t.barrier,
      rateDefinitions: t.rateDefinitions,
      warnings: t.warnings,
    };
    const rows = t.rows.map((r) => [fmt(r.gamma), fmt(r.tst), fmt(r.energyDiffusion), fmt(r.melnikovPollak), fmt(r.melnikovPollakDoubleWell), fmt(r.kramersFull), fmt(r.kramersOverdamped), fmt(r.exactRate), fmt(r.exactMfpt), fmt(r.exactMfptRate)]);
    const text = [
      `Kramers turnover for U(x) = ${String(flags.potential)}, kT = ${String(flags.kT)}: ΔU = ${fmt(t.barrier.height)} (βΔU = ${fmt(t.barrier.reducedHeight)}), well ${fmt(t.barrier.from)} → top ${fmt(t.barrier.top)}, MFPT target ${fmt(t.barrier.target)}`,
      "",
      ...table(["gamma", "TST", "energy diff.", "Mel'nikov-Pollak", "MP double well", "Kramers full", "overdamped", "exact rate", "exact MFPT", "1/MFPT"], rows),
      "",
      `friction at the maximum of the exact rate: ${t.gammaAtMaximum === null ? "— (no interior maximum in this range)" : fmt(t.gammaAtMaximum)}`,
      `exact rate = ${t.rateDefinitions.exactRate}`,
      `exact MFPT = ${t.rateDefinitions.exactMfpt}`,
    ];
    for (const w of t.warnings.filter((w) => w.code !== "FRICTION_REGIME")) text.push(`warning ${w.code}: ${w.message}`);
    const regime = t.warnings.filter((w) => w.code === "FRICTION_REGIME").length;
    if (regime) text.push(`(${regime} FRICTION_REGIME notes on the analytic columns: see --json)`);
    const svg = writeSvgOption(flags, () => plotTurnover({ gamma: t.rows.map((row) => row.gamma), yDomain: turnoverWindow(t.rows), curves: (["tst", "energyDiffusion", "melnikovPollak", "kramersFull", "kramersOverdamped", "exactRate"] as const).map((k) => ({ label: k, rate: t.rows.map((row) => row[k] ?? NaN) })) }));
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
