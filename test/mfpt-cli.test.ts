// `kramers mfpt`: JSON shape and values (by calling run() and, when the bundle is built with this
// command, by spawning the real bin), the table, and errors.
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mfptCommand } from "../src/cli/commands/mfpt.js";
import { parseFlags } from "../src/cli/args.js";
import { mfpt } from "../src/index.js";

const run = async (argv: string[]) => mfptCommand.run(parseFlags(argv, mfptCommand.flags));

describe("kramers mfpt", () => {
  it("returns mfpt, rate and the variance in JSON, equal to the library call", async () => {
    const out = await run(["--potential", "x^4/4 - x^2/2", "--kT", "0.05", "--from", "-1", "--to", "1", "--gamma", "2", "--json"]);
    const j = out.json as Record<string, unknown>;
    const lib = mfpt({ potential: "x^4/4 - x^2/2", kT: 0.05, from: -1, to: 1, gamma: 2 });
    expect(j.mfpt).toBe(lib.mfpt);
    expect(j.rate).toBe(1 / lib.mfpt);
    expect(j.variance).toBe(lib.variance);
    expect(j.reflect).toBeNull(); // JSON has no −Infinity
    expect(j.rateDefinition).toBe("1/MFPT(-1 → 1)");
    expect(j.reducedBarrier).toBeCloseTo(5, 12);
    // free-diffusion check of the physics through the CLI: γ = 2 doubles T
    const one = await run(["--potential", "0*x", "--kT", "1", "--from", "0", "--to", "1", "--reflect", "0", "--gamma", "2"]);
    expect((one.json as { mfpt: number }).mfpt).toBeCloseTo(1, 13); // γ b²/(2kT)
    expect(out.text.join("\n")).toMatch(/rate = 1\/mfpt/);
  });

  it("honours --reflect and --domain, and rejects bad input with a KramersError", async () => {
    const out = await run(["--potential", "x^4/4 - x^2/2", "--kT", "0.1", "--from", "-1", "--to", "1", "--reflect", "-1.5", "--domain", "-2,2"]);
    expect((out.json as { reflect: number }).reflect).toBe(-1.5);
    await expect(run(["--potential", "x^4/4 - x^2/2", "--kT", "0", "--from", "-1", "--to", "1"])).rejects.toMatchObject({ code: "NOT_POSITIVE" });
    await expect(run(["--potential", "x^4/4 - x^2/2", "--kT", "1", "--from", "-1", "--to", "-1"])).rejects.toMatchObject({ code: "BAD_DOMAIN" });
    await expect(run(["--potential", "x^4/4 - x^2/2 +", "--kT", "1", "--from", "-1", "--to", "1"])).rejects.toMatchObject({ code: "PARSE_ERROR" });
  });
});

const built = existsSync("dist/cli.mjs") && readFileSync("dist/cli.mjs", "utf8").includes("exact overdamped mean first-passage time");
describe.skipIf(!built)("the built bin: kramers mfpt (after npm run build)", () => {
  it("prints {mfpt, rate, …} and exits 2 with an error object on bad input", () => {
    const j = JSON.parse(execFileSync("node", ["bin/kramers.mjs", "mfpt", "--potential", "x^4/4 - x^2/2", "--kT", "0.05", "--from", "-1", "--to", "1", "--json"], { encoding: "utf8" }));
    expect(j.mfpt).toBeCloseTo(729.6706919423226, 8); // mpmath fixture value
    expect(j.rate).toBeCloseTo(1 / 729.6706919423226, 14);
    const bad = spawnSync("node", ["bin/kramers.mjs", "mfpt", "--potential", "x", "--kT", "1", "--from", "0", "--to", "1", "--json"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe("NOT_FINITE");
  });
});
