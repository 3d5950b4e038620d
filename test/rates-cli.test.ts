// The `kramers landscape` and `kramers rate` commands: JSON shape (by calling run() and, when the
// bundle is built, by spawning the real bin), tables, and errors.
import { describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { landscapeCommand } from "../src/cli/commands/landscape.js";
import { rateCommand } from "../src/cli/commands/rate.js";
import { parseFlags } from "../src/cli/args.js";
import { KramersError } from "../src/index.js";

const run = async (cmd: typeof rateCommand, argv: string[]) => cmd.run(parseFlags(argv, cmd.flags));
const RATE_KEYS = ["arrhenius", "tst", "kramersOverdamped", "kramersFull", "energyDiffusion", "melnikovPollak"];

describe("kramers landscape", () => {
  it("returns minima and maxima with x, U, curvature in JSON", async () => {
    const out = await run(landscapeCommand, ["--potential", "x^4/4 - x^2/2", "--domain", "-2,2", "--json"]);
    const j = out.json as { minima: { x: number; U: number; curvature: number }[]; maxima: { x: number; U: number; curvature: number }[] };
    expect(j.minima).toHaveLength(2);
    expect(j.minima[0]).toMatchObject({ x: expect.closeTo(-1, 12), U: expect.closeTo(-0.25, 12), curvature: expect.closeTo(2, 12) });
    expect(j.maxima[0]).toMatchObject({ x: expect.closeTo(0, 12), U: expect.closeTo(0, 12), curvature: expect.closeTo(-1, 12) });
    expect(out.text.join("\n")).toMatch(/minimum\s+-1\s+-0\.25\s+2/);
  });

  it("uses --mass in the frequencies", async () => {
    const out = await run(landscapeCommand, ["--potential", "x^4/4 - x^2/2", "--domain", "-2,2", "--mass", "4"]);
    expect((out.json as { maxima: { frequency: number }[] }).maxima[0]!.frequency).toBeCloseTo(0.5, 12);
  });

  it("without --domain for a bare expression, fails with BAD_DOMAIN", async () => {
    await expect(run(landscapeCommand, ["--potential", "x^2"])).rejects.toMatchObject({ code: "BAD_DOMAIN" });
  });
});

describe("kramers rate", () => {
  it("returns barrier, all six rates and warnings in JSON", async () => {
    const out = await run(rateCommand, ["--potential", "x^4/4 - x^2/2", "--kT", "0.025", "--from", "-0.7", "--domain", "-2,2", "--gamma", "2", "--mass", "1"]);
    const j = out.json as { barrier: number; barrierCrossing: { height: number }; rates: Record<string, number>; warnings: unknown[] };
    expect(j.barrier).toBeCloseTo(0.25, 13);
    expect(j.barrierCrossing.height).toBe(j.barrier);
    for (const k of RATE_KEYS) expect(Number.isFinite(j.rates[k])).toBe(true);
    expect(j.rates.kramersOverdamped).toBeCloseTo((Math.SQRT2 / (2 * Math.PI * 2)) * Math.exp(-10), 18);
    expect(Array.isArray(j.warnings)).toBe(true);
    expect(out.text.join("\n")).toMatch(/melnikovPollak/);
  });

  it("honours --to and rejects bad input with a KramersError", async () => {
    const out = await run(rateCommand, ["--potential", "x^6/6 - 5*x^4/4 + 2*x^2", "--kT", "0.1", "--from", "0.1", "--to", "2", "--domain", "-3,3"]);
    expect((out.json as { barrierCrossing: { top: number } }).barrierCrossing.top).toBeCloseTo(1, 12);
    await expect(run(rateCommand, ["--potential", "x^4/4 - x^2/2", "--kT", "0", "--from", "-1", "--domain", "-2,2"])).rejects.toBeInstanceOf(KramersError);
    await expect(run(rateCommand, ["--potential", "x^2", "--kT", "1", "--from", "0.3", "--domain", "-2,2"])).rejects.toMatchObject({ code: "NO_BARRIER" });
  });
});

describe.skipIf(!existsSync("dist/cli.mjs"))("the built bin (node bin/kramers.mjs, after npm run build)", () => {
  it("prints the landscape JSON", () => {
    const j = JSON.parse(execFileSync("node", ["bin/kramers.mjs", "landscape", "--potential", "x^4/4 - x^2/2", "--domain", "-2,2", "--json"], { encoding: "utf8" }));
    expect(j.minima.map((m: { x: number }) => m.x)).toEqual([expect.closeTo(-1, 12), expect.closeTo(1, 12)]);
    expect(j.maxima[0].curvature).toBeCloseTo(-1, 12);
  });

  it("prints the rate JSON and exits 2 with an error object on bad input", () => {
    const j = JSON.parse(execFileSync("node", ["bin/kramers.mjs", "rate", "--potential", "x^4/4 - x^2/2", "--kT", "0.025", "--from", "-1", "--domain", "-2,2", "--json"], { encoding: "utf8" }));
    expect(Object.keys(j.rates)).toEqual(expect.arrayContaining(RATE_KEYS));
    expect(j.barrier).toBeCloseTo(0.25, 13);
    expect(j.barrierCrossing.height).toBe(j.barrier);
    const bad = spawnSync("node", ["bin/kramers.mjs", "rate", "--potential", "x^4/4 - x^2/2", "--kT", "-1", "--from", "-1", "--domain", "-2,2", "--json"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(JSON.parse(bad.stdout).error.code).toBe("NOT_POSITIVE");
  });
});
