// The CLI's shared `--svg FILE` helper.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseFlags } from "../src/cli/args.js";
import { SVG_FLAG, writeSvgOption } from "../src/cli/svg.js";
import { KramersError } from "../src/errors.js";
import { plotPotential } from "../src/plot/index.js";

describe("--svg FILE", () => {
  const dir = mkdtempSync(join(tmpdir(), "kramers-svg-"));

  it("writes the figure to the file named by --svg", () => {
    const file = join(dir, "well.svg");
    const flags = parseFlags(["--svg", file], [SVG_FLAG]);
    const out = writeSvgOption(flags, () => plotPotential({ potential: "x^4/4 - x^2/2", domain: [-2, 2] }));
    expect(out?.file).toBe(file);
    expect(out?.line).toContain(file);
    const text = readFileSync(file, "utf8");
    expect(text.startsWith("<svg")).toBe(true);
    expect(text.trimEnd().endsWith("</svg>")).toBe(true);
    expect(text.match(/<title>minimum/g)).toHaveLength(2);
  });

  it("does nothing, and does not render, without the flag", () => {
    let rendered = false;
    const out = writeSvgOption(parseFlags([], [SVG_FLAG]), () => {
      rendered = true;
      return "<svg/>";
    });
    expect(out).toBeUndefined();
    expect(rendered).toBe(false);
  });

  it("reports an unwritable path as a KramersError naming --svg", () => {
    const flags = parseFlags(["--svg", join(dir, "no-such-dir", "x.svg")], [SVG_FLAG]);
    expect(() => writeSvgOption(flags, () => "<svg/>")).toThrow(KramersError);
    expect(() => writeSvgOption(flags, () => "<svg/>")).toThrow(/--svg: cannot write/);
  });
});
