// `kramers spectrum`: JSON shape and values (run() and, when the bundle contains the command, the
// real bin), the table, and errors.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseFlags } from "../src/cli/args.js";
import { spectrumCommand } from "../src/cli/commands/spectrum.js";
import { spectrum } from "../src/index.js";

const run = async (argv: string[]) => spectrumCommand.run(parseFlags(argv, spectrumCommand.flags));

describe("kramers spectrum", () => {
  it("prints {eigenvalues: [λ0, λ1, …], grid, errorEstimate} equal to the library call", async () => {
    const out = await run(["--potential", "x^4/4 - x^2/2", "--kT", "0.05", "--domain", "-2,2", "--count", "3", "--json"]);
    const j = out.json as { eigenvalues: number[]; grid: number; gridDetails: { cells: number }; errorEstimate: number; converged: boolean; rates: { kind: string } };
    const lib = await spectrum({ potential: "x^4/4 - x^2/2", kT: 0.05, domain: [-2, 2], count: 3 });
    expect(j.eigenvalues).toEqual(lib.eigenvalues);
    expect(j.eigenvalues[0]).toBe(0);
    expect(j.grid).toBe(lib.grid.cells);
    expect(j.gridDetails.cells).toBe(j.grid);
    expect(j.errorEstimate).toBeLessThan(1e-8);
    expect(j.converged).toBe(true);
    expect(j.rates.kind).toBe("two-state");
    expect(JSON.parse(JSON.stringify(j))).toEqual(j); // plain JSON (no typed arrays, no Infinity)
    expect(out.text.join("\n")).toMatch(/λ1/);
  });

  it("honours --grid, --boundary absorbing, --gamma and --engine js", async () => {
    const a = await run(["--potential", "3*x^2 - 2*x^3", "--kT", "0.1", "--domain", "-1,1.5", "--boundary", "absorbing", "--grid", "2000", "--count", "2", "--gamma", "2", "--engine", "js"]);
    const j = a.json as { eigenvalues: number[]; grid: number; gridDetails: { cells: number }; rates: { kind: string; escapeRate: number } };
    expect(j.grid).toBe(2000);
    expect(j.rates.kind).toBe("escape");
    expect(j.rates.escapeRate).toBe(j.eigenvalues[0]);
    // γ = 2 halves every rate (the generator is proportional to 1/γ); the two runs take different rounding
    // paths (JS vs WASM, different iterates), agreeing to ~1e-14
    const b = await run(["--potential", "3*x^2 - 2*x^3", "--kT", "0.1", "--domain", "-1,1.5", "--boundary", "absorbing", "--grid", "2000", "--count", "2"]);
    expect(Math.abs(j.eigenvalues[0]! * 2 - (b.json as { eigenvalues: number[] }).eigenvalues[0]!)).toBeLessThan(1e-12 * j.eigenvalues[0]!);
    expect(a.text.join("\n")).toMatch(/escape rate/);
  });

  it("rejects bad input with a KramersError", async () => {
    await expect(run(["--potential", "x^4/4 - x^2/2", "--kT", "-1", "--domain", "-2,2"])).rejects.toMatchObject({ code: "NOT_POSITIVE" });
    await expect(run(["--potential", "x^4/4 - x^2/2", "--kT", "0.1", "--domain", "2,-2"])).rejects.toMatchObject({ code: "BAD_DOMAIN" });
    await expect(run(["--potential", "x^4/4 - x^2/2", "--kT", "0.1", "--domain", "-2,2", "--boundary", "sticky"])).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
    await expect(run(["--potential", "x^4/4 - x^2/2", "--kT", "0.0005", "--domain", "-2,2", "--grid", "40"])).rejects.toMatchObject({ code: "GRID_TOO_COARSE" });
  });
});

const built = existsSync("dist/cli.mjs") && readFileSync("dist/cli.mjs", "utf8").includes("lowest Fokker–Planck eigenvalues");
describe.skipIf(!built)("the built bin: kramers spectrum (after npm run build)", () => {
  it("prints the eigenvalues as JSON and exits 2 with an error object on bad input", () => {
    const ok = spawnSync(process.execPath, ["bin/kramers.mjs", "spectrum", "--potential", "x^4/4 - x^2/2", "--kT", "0.05", "--domain", "-2,2", "--count", "2", "--json"], { encoding: "utf8" });
    expect(ok.status).toBe(0);
    const j = JSON.parse(ok.stdout) as { eigenvalues: number[] };
    expect(j.eigenvalues.length).toBe(2);
    expect(j.eigenvalues[1]).toBeGreaterThan(0);
    const bad = spawnSync(process.execPath, ["bin/kramers.mjs", "spectrum", "--potential", "x^4/4 - x^2/2", "--kT", "0", "--domain", "-2,2", "--json"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect((JSON.parse(bad.stdout) as { error: { code: string } }).error.code).toBe("NOT_POSITIVE");
  });
});
