// Every command's --svg FILE writes its figure (the figures themselves are tested in test/plot.test.ts).
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFlags } from "../src/cli/args.js";
import { COMMANDS } from "../src/cli/commands/index.js";

const U = "x^4/4 - x^2/2";
const ARGS: Record<string, string[]> = {
  landscape: ["--domain", "-2,2"],
  rate: ["--kT", "0.05", "--from", "-1"],
  mfpt: ["--kT", "0.05", "--from", "-1", "--to", "1"],
  spectrum: ["--kT", "0.05", "--domain", "-2,2", "--count", "3"],
  simulate: ["--kT", "0.1", "--from", "-1", "--to", "1", "--particles", "200", "--seed", "5"],
  turnover: ["--kT", "0.1", "--from", "-1", "--to", "1", "--gammas", "0.3,1,3"],
};

describe("--svg FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "kramers-svg-"));
  for (const [name, args] of Object.entries(ARGS)) {
    it(`kramers ${name} --svg writes an SVG figure and names it in the JSON`, async () => {
      const command = COMMANDS.find((c) => c.name === name);
      expect(command, name).toBeDefined();
      const file = join(dir, `${name}.svg`);
      const out = await command!.run(parseFlags(["--potential", U, ...args, "--svg", file], command!.flags));
      expect((out.json as { svg?: string }).svg).toBe(file);
      expect(out.text.at(-1)).toContain(file);
      const svg = readFileSync(file, "utf8");
      expect(svg.startsWith("<svg")).toBe(true);
      expect(svg).toContain("</svg>");
      // a real figure: axes with tick labels and at least one drawn path
      expect((svg.match(/<text/g) ?? []).length).toBeGreaterThan(5);
      expect(svg).toContain("<path");
    });
  }
});
