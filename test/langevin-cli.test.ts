// `kramers simulate`: JSON shape and agreement with the library (run() and, when the bundle is
// built, the real bin with --workers 2), and errors.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { parseFlags } from "../src/cli/args.js";
import { simulateCommand } from "../src/cli/commands/simulate.js";
import { simulate } from "../src/langevin/index.js";

const argv = ["--potential", "x^2/2", "--kT", "1", "--from", "0", "--to", "1", "--particles", "5000", "--dt", "0.01", "--tmax", "50", "--seed", "4", "--json"];
const run = (a: string[]) => simulateCommand.run(parseFlags(a, simulateCommand.flags));

describe("kramers simulate", () => {
  it("prints mfpt, stderr, rate, rateCI, escaped, censored equal to simulate()", async () => {
    const j = (await run(argv)).json as Record<string, unknown>;
    for (const k of ["mfpt", "stderr", "rate", "rateCI", "escaped", "censored"]) expect(j).toHaveProperty(k);
    const r = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 5000, dt: 0.01, tmax: 50, seed: 4 });
    expect(j.mfpt).toBe(r.mfpt);
    expect(j.rateCI).toEqual(r.rateCI);
    expect(j.escaped).toBe(5000);
  });
  it("takes the dynamics, integrator, engine and workers flags and renders a table", async () => {
    const out = await run(["--potential", "x^4/4 - x^2/2", "--kT", "0.2", "--from", "-1", "--to", "0", "--particles", "300", "--dt", "0.05", "--tmax", "200", "--dynamics", "underdamped", "--integrator", "obabo", "--engine", "js"]);
    expect((out.json as { integrator: string }).integrator).toBe("obabo");
    expect(out.text.join("\n")).toMatch(/MFPT\s+[0-9.]+\s+\[/);
  });
  it("rejects bad input with a KramersError code", async () => {
    await expect(run(["--potential", "x^2/2", "--kT", "-1", "--from", "0", "--to", "1"])).rejects.toMatchObject({ code: "NOT_POSITIVE" });
    await expect(run(["--potential", "x^2/2", "--kT", "1", "--from", "0", "--to", "1", "--dynamics", "ballistic"])).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
  it.runIf(existsSync("dist/cli.mjs"))("works from the built bin with 2 workers, same numbers", async () => {
    const args = argv.map((a, i) => (argv[i - 1] === "--particles" ? "9000" : a));
    const p = spawnSync("node", ["bin/kramers.mjs", "simulate", ...args, "--workers", "2"], { encoding: "utf8" });
    expect(p.status).toBe(0);
    const j = JSON.parse(p.stdout) as { mfpt: number; workers: number };
    const r = await simulate({ potential: "x^2/2", kT: 1, from: 0, to: 1, particles: 9000, dt: 0.01, tmax: 50, seed: 4 });
    expect(j.workers).toBe(2);
    expect(j.mfpt).toBe(r.mfpt);
  });
});
