// Audit of the CLI's error paths: non-zero exit, one line on stderr, and a JSON error object on
// stdout with --json — for unknown commands, bad numbers, repeated flags and internal errors.
import { afterEach, describe, expect, it, vi } from "vitest";
import { main } from "../src/cli/main.js";
import { parseFlags } from "../src/cli/args.js";
import { COMMANDS } from "../src/cli/commands/index.js";
import { KramersError } from "../src/index.js";

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [], err: string[] = [];
  const log = vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
  const error = vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void err.push(a.join(" ")));
  try {
    const code = await main(argv);
    return { code, out: out.join("\n"), err: err.join("\n") };
  } finally {
    log.mockRestore();
    error.mockRestore();
  }
}
afterEach(() => vi.restoreAllMocks());

describe("kramers CLI errors", () => {
  it("an unknown command with --json prints a JSON error object and exits 2", async () => {
    // before: nothing on stdout (only the usage on stderr), so a JSON consumer saw empty output
    const r = await cli(["frobnicate", "--json"]);
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out) as { error: { code: string; message: string } };
    expect(j.error.code).toBe("INVALID_ARGUMENT");
    expect(j.error.message).toContain("frobnicate");
    // one line on stderr (before: the whole usage text)
    expect(r.err.split("\n")).toHaveLength(1);
    expect(r.err).toContain("landscape, rate, mfpt");
  });

  it("hexadecimal, binary and blank numbers are rejected, naming the flag", () => {
    // before: --kT 0x10 was read as 16
    const rate = COMMANDS.find((c) => c.name === "rate")!;
    for (const bad of ["0x10", "0b1", "1e", "--", "1,5", "½"]) {
      let e: unknown;
      try {
        parseFlags(["--potential", "x^2", "--kT", bad, "--from", "0"], rate.flags);
      } catch (x) {
        e = x;
      }
      expect(e, bad).toBeInstanceOf(KramersError);
      expect((e as KramersError).message).toContain("--kT");
    }
    // decimal, exponent and infinite values still parse (the library then judges them)
    expect(parseFlags(["--potential", "x^2", "--kT", "2.5e-3", "--from", "-.5"], rate.flags)).toMatchObject({ kT: 2.5e-3, from: -0.5 });
    expect(parseFlags(["--potential", "x^2", "--kT", "1", "--from", "0", "--to", "-Infinity"], rate.flags).to).toBe(-Infinity);
  });

  it("a flag given twice is an error rather than last-one-wins", async () => {
    const r = await cli(["rate", "--potential", "x^4/4 - x^2/2", "--kT", "0.05", "--kT", "0.5", "--from", "-1", "--json"]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { error: { message: string } }).error.message).toContain("--kT is given twice");
    expect(r.err.split("\n")).toHaveLength(1);
  });

  it("an unexpected (non-KramersError) failure still gives exit 1, one stderr line and a JSON error", async () => {
    const rate = COMMANDS.find((c) => c.name === "rate")!;
    const spy = vi.spyOn(rate, "run").mockImplementation(() => {
      throw new TypeError("boom");
    });
    const r = await cli(["rate", "--potential", "x^2", "--kT", "1", "--from", "0", "--json"]);
    spy.mockRestore();
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual({ error: { code: "INTERNAL", message: "TypeError: boom" } });
    expect(r.err.split("\n")).toHaveLength(1);
  });

  it("a library error gives exit 2 and the KramersError code in JSON", async () => {
    const r = await cli(["mfpt", "--potential", "x^4/4 - x^2/2", "--kT", "-1", "--from", "-1", "--to", "1", "--json"]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { error: { code: string } }).error.code).toBe("NOT_POSITIVE");
  });
});

describe("--json=true is --json for error output too", () => {
  it("a bad flag with --json=true prints the JSON error object", async () => {
    // before: only --json (exactly) switched errors to JSON
    const r = await cli(["rate", "--json=true", "--potential", "x^2", "--kT", "abc", "--from", "0"]);
    expect(r.code).toBe(2);
    expect((JSON.parse(r.out) as { error: { message: string } }).error.message).toContain("--kT");
  });
});
