// `kramers langer`: an N-D barrier (minima, the minimum-energy path's transition states) and
// Langer's rate through the exit saddle.
import { langerRate } from "../../rates/langer.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotLandscape2D } from "../../plot/figures.js";
import { KramersError } from "../../errors.js";

/** Coordinates for the table, rounding-level values (below 1e-12 of the point's size) shown as 0. */
const point = (v: Float64Array | readonly number[]) => {
  const size = Math.max(1, ...Array.from(v, Math.abs));
  return `(${Array.from(v, (x) => fmt(Math.abs(x) < 1e-12 * size ? 0 : x)).join(", ")})`;
};

/** `kramers langer --potential EXPR --kT K --from x,y[,z] (--to x,y[,z] | --saddle x,y[,z]) [--gamma G] [--mass M] [--svg FILE [--domain x0,x1,y0,y1]] [--json]`. */
export const langerCommand: Command = {
  name: "langer",
  summary: "N-D: the minima and transition states between two basins (string method + P-RFO) and Langer's rate (overdamped, full, TST)",
  flags: [
    { ...COMMON_FLAGS.potential, help: "potential U(x, y[, z]) as an expression, e.g. \"(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2\"" },
    COMMON_FLAGS.kT,
    { name: "from", type: "numbers", help: "a point in the starting basin, x,y[,z]", required: true },
    { name: "to", type: "numbers", help: "a point in the target basin (the saddle is the first one on the minimum-energy path)" },
    { name: "saddle", type: "numbers", help: "or a point near the transition state (P-RFO from there)" },
    COMMON_FLAGS.gamma,
    COMMON_FLAGS.mass,
    { name: "domain", type: "numbers", help: "with --svg: the box x0,x1,y0,y1 to draw (default: around the path)" },
    SVG_FLAG,
    COMMON_FLAGS.json,
  ],
  run(flags) {
    const r = langerRate({
      potential: flags.potential as string,
      kT: flags.kT as number,
      from: flags.from as number[],
      ...(flags.to !== undefined ? { to: flags.to as number[] } : {}),
      ...(flags.saddle !== undefined ? { saddle: flags.saddle as number[] } : {}),
      ...(flags.gamma !== undefined ? { gamma: flags.gamma as number } : {}),
      ...(flags.mass !== undefined ? { mass: flags.mass as number } : {}),
    });
    const stationary = (s: typeof r.well) => ({ x: Array.from(s.x), U: s.U, eigenvalues: Array.from(s.eigenvalues), index: s.index });
    const json = {
      rate: r.rate,
      rates: r.rates,
      barrierHeight: r.barrierHeight,
      reducedBarrier: r.reducedBarrier,
      well: stationary(r.well),
      saddle: stationary(r.saddle),
      ...(r.barrier ? { saddles: r.barrier.saddles.map(stationary), intermediateMinima: r.barrier.intermediateMinima.map(stationary), to: stationary(r.barrier.to) } : {}),
      ingredients: { ...r.ingredients, unstableMode: Array.from(r.ingredients.unstableMode), wellFrequencies: Array.from(r.ingredients.wellFrequencies), saddleFrequencies: Array.from(r.ingredients.saddleFrequencies) },
      rateDefinition: r.rateDefinition,
      warnings: r.warnings,
    };
    const points = [["well", r.well] as const, ...(r.barrier ? r.barrier.saddles.map((s, i) => [`saddle ${i + 1}${s === r.saddle ? " (exit)" : ""}`, s] as const) : [["saddle (exit)", r.saddle] as const]), ...(r.barrier ? r.barrier.intermediateMinima.map((m, i) => [`intermediate minimum ${i + 1}`, m] as const) : []), ...(r.barrier ? [["target minimum", r.barrier.to] as const] : [])];
    const text = [
      `Langer's rate for U = ${String(flags.potential)}, kT = ${String(flags.kT)}: ΔU = ${fmt(r.barrierHeight)} (βΔU = ${fmt(r.reducedBarrier)})`,
      "",
      ...table(["point", "coordinates", "U", "Hessian eigenvalues"], points.map(([name, s]) => [name, point(s.x), fmt(s.U), Array.from(s.eigenvalues, (v) => fmt(v)).join(", ")])),
      "",
      ...table(["rate", "value (1/time)"], [["Langer, γ = " + fmt((flags.gamma as number | undefined) ?? 1), fmt(r.rates.full)], ["Langer, overdamped", fmt(r.rates.overdamped)], ["harmonic TST", fmt(r.rates.tst)]]),
      "",
      `rate = ${r.rateDefinition}`,
      ...r.warnings.map((w) => `warning ${w.code}: ${w.message}`),
    ];
    const svg = writeSvgOption(flags, () => {
      const b = r.barrier;
      if (!b || b.potential.dimension !== 2) throw new KramersError("INVALID_ARGUMENT", "--svg draws 2-D landscapes found with --to", { option: "svg" });
      let box: [number, number][];
      if (flags.domain !== undefined) {
        const d = flags.domain as number[];
        if (d.length !== 4) throw new KramersError("INVALID_ARGUMENT", `--domain expects x0,x1,y0,y1, got ${d.join(",")}`, { option: "domain" });
        box = [[d[0]!, d[1]!], [d[2]!, d[3]!]];
      } else {
        // the path's bounding box, widened by half its size
        const xs = Array.from({ length: b.path.images }, (_, i) => b.path.points[2 * i]!), ys = Array.from({ length: b.path.images }, (_, i) => b.path.points[2 * i + 1]!);
        const pad = (lo: number, hi: number): [number, number] => [lo - 0.5 * Math.max(hi - lo, 0.2), hi + 0.5 * Math.max(hi - lo, 0.2)];
        box = [pad(Math.min(...xs), Math.max(...xs)), pad(Math.min(...ys), Math.max(...ys))];
      }
      return plotLandscape2D({ potential: b.potential, domain: box, barrier: b, kT: flags.kT as number });
    });
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
