// `kramers simulate`: Langevin first-passage ensemble (MFPT, rate with CI).
import { simulate } from "../../langevin/simulate.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotHistogram } from "../../plot/figures.js";

/**
 * `kramers simulate --potential EXPR --kT K --from A --to B [--particles N] [--dt DT] [--tmax T]
 * [--seed S] [--gamma G] [--mass M] [--dynamics overdamped|underdamped] [--integrator NAME]
 * [--workers W] [--engine wasm|js] [--json]`.
 */
export const simulateCommand: Command = {
  name: "simulate",
  summary: "Langevin simulation to first passage: MFPT and escape rate with confidence intervals",
  flags: [
    COMMON_FLAGS.potential,
    COMMON_FLAGS.kT,
    { name: "from", type: "number", help: "start point of every walker", required: true },
    { name: "to", type: "number", help: "first-passage threshold (x ≥ B if B > from, x ≤ B if B < from)", required: true },
    { name: "particles", type: "number", help: "number of walkers (default 10000)" },
    { name: "dt", type: "number", help: "time step (default: γ/(100 U''(from)) overdamped)" },
    { name: "tmax", type: "number", help: "censoring time (default 10^6 dt)" },
    { name: "seed", type: "number", help: "random seed (default 1)" },
    COMMON_FLAGS.gamma,
    COMMON_FLAGS.mass,
    { name: "dynamics", type: "string", help: "overdamped | underdamped (default overdamped)" },
    { name: "integrator", type: "string", help: "euler-maruyama | leimkuhler-matthews | baoab | obabo" },
    { name: "workers", type: "number", help: "threads: this one plus W − 1 worker threads (default 1; results identical for any count)" },
    { name: "engine", type: "string", help: "wasm | js (default wasm)" },
    SVG_FLAG,
    COMMON_FLAGS.json,
  ],
  async run(flags) {
    const opt = <T>(name: string): Partial<Record<string, T>> => (flags[name] !== undefined ? { [name]: flags[name] as T } : {});
    const r = await simulate({
      potential: flags.potential as string,
      kT: flags.kT as number,
      from: flags.from as number,
      to: flags.to as number,
      ...opt<number>("particles"),
      ...opt<number>("dt"),
      ...opt<number>("tmax"),
      ...opt<number>("seed"),
      ...opt<number>("gamma"),
      ...opt<number>("mass"),
      ...(opt<string>("dynamics") as { dynamics?: "overdamped" | "underdamped" }),
      ...(opt<string>("integrator") as { integrator?: "euler-maruyama" }),
      ...opt<number>("workers"),
      ...(opt<string>("engine") as { engine?: "wasm" | "js" }),
      ...(flags.svg !== undefined ? { keepTimes: true } : {}),
    });
    const json = {
      mfpt: r.mfpt,
      stderr: r.stderr,
      mfptCI: r.mfptCI,
      rate: r.rate,
      rateCI: r.rateCI,
      rateDefinition: r.rateDefinition,
      escaped: r.escaped,
      censored: r.censored,
      particles: r.particles,
      ksTest: r.ksTest,
      dt: r.dt,
      tmax: r.tmax,
      dynamics: r.dynamics,
      integrator: r.integrator,
      bridge: r.bridge,
      engine: r.engine,
      workers: r.workers,
      seed: r.seed,
      warnings: r.warnings,
    };
    const text = [
      `${r.particles} walkers of U(x) = ${String(flags.potential)} from x = ${fmt(flags.from as number)} to ${fmt(flags.to as number)}, kT = ${fmt(flags.kT as number)}`,
      `${r.dynamics} ${r.integrator}${r.bridge ? " + bridge correction" : ""}, dt = ${fmt(r.dt)}, tmax = ${fmt(r.tmax)}, seed ${r.seed}, ${r.engine} on ${r.workers} thread(s)`,
      "",
      ...table(
        ["quantity", "value", "95% CI"],
        [
          ["MFPT", fmt(r.mfpt), `[${fmt(r.mfptCI[0])}, ${fmt(r.mfptCI[1])}]`],
          ["rate", fmt(r.rate), `[${fmt(r.rateCI[0])}, ${fmt(r.rateCI[1])}]`],
          ["escaped", String(r.escaped), ""],
          ["censored", String(r.censored), ""],
          ["KS p (exponential)", r.ksTest ? fmt(r.ksTest.pValue) : "—", ""],
        ],
      ),
      `rate: ${r.rateDefinition}`,
    ];
    for (const w of r.warnings) text.push(`warning ${w.code}: ${w.message}`);
    const svg = writeSvgOption(flags, () => plotHistogram({ samples: r.times ?? [], rate: r.rate, xLabel: "escape time" }));
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
