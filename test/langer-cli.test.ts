// The `kramers langer` command: JSON shape and values (against langerRate and the published
// Müller–Brown saddle), the table, and errors.
import { describe, expect, it } from "vitest";
import { parseFlags } from "../src/cli/args.js";
import { langerCommand } from "../src/cli/commands/langer.js";
import { langerRate } from "../src/rates/langer.js";
import { expressionND, muellerBrown } from "../src/potential/nd.js";

const run = async (argv: string[]) => langerCommand.run(parseFlags(argv, langerCommand.flags));

describe("kramers langer", () => {
  it("prints the stationary points and the three rates; JSON equals langerRate", async () => {
    const argv = ["--potential", "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", "--kT", "0.1", "--from", "-1,0.3", "--to", "1,0.3", "--gamma", "2"];
    const out = await run(argv);
    const j = out.json as { rate: number; rates: { full: number; overdamped: number; tst: number }; saddle: { x: number[]; index: number }; saddles: unknown[] };
    const direct = langerRate({ potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.1, from: [-1, 0.3], to: [1, 0.3], gamma: 2 });
    expect(j.rates).toEqual(direct.rates);
    expect(j.rate).toBe(direct.rates.full);
    expect(j.saddle.index).toBe(1);
    expect(j.saddles).toHaveLength(1);
    const text = out.text.join("\n");
    expect(text).toMatch(/saddle 1 \(exit\)\s+\(0, 0\)\s+1\s+-4, 4/);
    expect(text).toMatch(/Langer, overdamped/);
  });

  it("takes an expression of the Müller–Brown surface and finds the published exit saddle", async () => {
    // the same surface as an expression string (the CLI has no families)
    const expr = "(-200)*exp(-(x-1)^2 - 10*y^2) + (-100)*exp(-x^2 - 10*(y-0.5)^2) + (-170)*exp(-6.5*(x+0.5)^2 + 11*(x+0.5)*(y-1.5) - 6.5*(y-1.5)^2) + 15*exp(0.7*(x+1)^2 + 0.6*(x+1)*(y-1) + 0.7*(y-1)^2)";
    // it is the library's surface, written out
    for (const pt of [[-0.5, 1.5], [0.2, 0.3], [-1, 1]]) expect(expressionND(expr).U(pt)).toBeCloseTo(muellerBrown().U(pt), 10);
    const out = await run(["--potential", expr, "--kT", "10", "--from", "-0.5,1.5", "--to", "0.6,0", "--json"]);
    const j = out.json as { saddle: { x: number[]; U: number }; warnings: { code: string }[] };
    expect(Math.hypot(j.saddle.x[0]! + 0.822, j.saddle.x[1]! - 0.624)).toBeLessThan(1e-3);
    expect(j.saddle.U).toBeCloseTo(-40.66, 1);
    expect(j.warnings.map((w) => w.code)).toContain("INTERMEDIATE_MINIMUM");
  });

  it("needs --to or --saddle", async () => {
    await expect(run(["--potential", "x^2 + y^2", "--kT", "1", "--from", "0,0"])).rejects.toMatchObject({ code: "INVALID_ARGUMENT" });
  });
});

describe("kramers langer --svg", () => {
  it("writes the 2-D landscape with the path and the saddle", async () => {
    const { mkdtempSync, readFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { tmpdir } = await import("node:os");
    const file = join(mkdtempSync(join(tmpdir(), "kramers-langer-")), "landscape.svg");
    const out = await run(["--potential", "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", "--kT", "0.1", "--from", "-1,0.3", "--to", "1,0.3", "--svg", file, "--json"]);
    expect((out.json as { svg: string }).svg).toBe(file);
    const svg = readFileSync(file, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.match(/<title>transition state \(/g)).toHaveLength(1);
    await expect(run(["--potential", "x^2 + y^2 + (z^2 - 1)^2", "--kT", "0.1", "--from", "0,0,-1", "--to", "0,0,1", "--svg", file])).rejects.toThrow(/2-D/);
  });
});
