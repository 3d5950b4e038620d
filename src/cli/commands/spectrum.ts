// `kramers spectrum`: the lowest Fokker–Planck eigenvalues (relative accuracy at any barrier),
// Richardson-refined to --tol, with the rates they imply.
import { spectrum } from "../../fokker-planck/spectrum.js";
import { COMMON_FLAGS, fmt, table, type Command } from "../command.js";
import { SVG_FLAG, writeSvgOption } from "../svg.js";
import { plotDensity } from "../../plot/figures.js";

/** `kramers spectrum --potential EXPR --kT K --domain L,R [--count N] [--grid CELLS] [--tol T] [--gamma G] [--boundary B] [--engine wasm|js] [--json]`. */
export const spectrumCommand: Command = {
  name: "spectrum",
  summary: "lowest Fokker–Planck eigenvalues λ0 = 0 < λ1 ≤ … (relative accuracy at any barrier), implied timescales and spectral rates",
  flags: [
    COMMON_FLAGS.potential,
    COMMON_FLAGS.kT,
    { ...COMMON_FLAGS.domain, help: "domain L,R (walls at both ends)" },
    { name: "count", type: "number", help: "number of eigenvalues, λ0 included for reflecting walls (default 5)" },
    { name: "grid", type: "number", help: "fixed number of cells (no refinement; default: refine to --tol)" },
    { name: "tol", type: "number", help: "relative tolerance of the Richardson-extrapolated eigenvalues (default 1e-8)" },
    COMMON_FLAGS.gamma,
    { name: "boundary", type: "string", help: "reflecting | absorbing | periodic (default reflecting)" },
    { name: "engine", type: "string", help: "wasm | js (default wasm)" },
    SVG_FLAG,
    COMMON_FLAGS.json,
  ],
  async run(flags) {
    const r = await spectrum({
      potential: flags.potential as string,
      kT: flags.kT as number,
      ...(flags.domain !== undefined ? { domain: flags.domain as [number, number] } : {}),
      ...(flags.count !== undefined ? { count: flags.count as number } : {}),
      ...(flags.grid !== undefined ? { grid: flags.grid as number } : {}),
      ...(flags.tol !== undefined ? { tol: flags.tol as number } : {}),
      ...(flags.gamma !== undefined ? { gamma: flags.gamma as number } : {}),
      ...(flags.boundary !== undefined ? { boundary: flags.boundary as "reflecting" } : {}),
      ...(flags.engine !== undefined ? { engine: flags.engine as "wasm" } : {}),
    });
    const rates =
      r.rates.kind === "escape"
        ? { kind: r.rates.kind, rateDefinition: r.rates.rateDefinition, escapeRate: r.rates.escapeRate, timescaleSeparation: r.rates.timescaleSeparation ?? null }
        : r.rates;
    const json = {
      potential: flags.potential,
      eigenvalues: r.eigenvalues,
      errorEstimates: r.errorEstimates,
      errorEstimate: r.errorEstimate,
      converged: r.converged,
      refinements: r.refinements,
      timescales: r.timescales,
      rates,
      ...(r.current ? { current: r.current } : {}),
      // the cell count of the finest grid used; domain, spacing and refinement sequence in gridDetails
      grid: r.grid.cells,
      gridDetails: r.grid,
      boundary: r.boundary,
      kT: r.kT,
      gamma: r.gamma,
      engine: r.engine,
      warnings: r.warnings,
    };
    const rows = r.eigenvalues.map((v, j) => [
      r.boundary === "absorbing" ? `λ${j + 1}` : `λ${j}`,
      fmt(v),
      fmt(r.errorEstimates[j]),
      v > 0 ? fmt(1 / v) : "—",
    ]);
    const text = [
      `Fokker–Planck spectrum of U(x) = ${String(flags.potential)}, kT = ${fmt(r.kT)}, γ = ${fmt(r.gamma)}, ${r.boundary} walls on [${r.grid.domain.join(", ")}]`,
      `grid ${r.grid.cells} cells (sequence ${r.grid.sequence.join(" → ")}), relative error estimate ${fmt(r.errorEstimate)}, converged ${r.converged}`,
      "",
      ...table(["", "eigenvalue (1/time)", "error estimate", "timescale 1/λ"], rows),
      "",
    ];
    if (r.rates.kind === "two-state") {
      text.push(
        `two-state rates: k(left→right) = ${fmt(r.rates.rateForward)}, k(right→left) = ${fmt(r.rates.rateBackward)}` +
          (r.rates.symmetricRate !== undefined ? `, symmetric k = λ1/2 = ${fmt(r.rates.symmetricRate)}` : ""),
        `populations ${fmt(r.rates.populations[0])} | ${fmt(r.rates.populations[1])} split at the barrier x = ${fmt(r.rates.barrierX)}`,
      );
    } else if (r.rates.kind === "escape") {
      text.push(`escape rate λ1 = ${fmt(r.rates.escapeRate)} (${r.rates.rateDefinition})`);
    }
    if (r.current) text.push(`stationary current J = ${fmt(r.current.current)}, mean velocity ⟨ẋ⟩ = ${fmt(r.current.meanVelocity)}`);
    text.push(`rate definition: ${r.rates.rateDefinition}`);
    for (const w of r.warnings) text.push(`warning ${w.code}: ${w.message}`);
    const svg = writeSvgOption(flags, () => plotDensity({ potential: flags.potential as string, kT: flags.kT as number, domain: r.grid.domain }));
    return svg ? { json: { ...json, svg: svg.file }, text: [...text, svg.line] } : { json, text };
  },
};
