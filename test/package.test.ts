// The built package as a user meets it: ESM and CJS entry points, types, the bin, the exports map.
// `npm test` builds dist/ first.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

const root = new URL("..", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("package.json", root), "utf8"));

describe("the built package", () => {
  it("has every file its exports map, main, module, types and bin point to", () => {
    const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin as Record<string, string>), ...Object.values(pkg.exports["."] as Record<string, string>)];
    for (const t of targets) expect(existsSync(new URL(t, root)), t).toBe(true);
  });

  it("loads as ESM and evaluates a potential in WASM", async () => {
    const k = await import(new URL("dist/kramers.mjs", root).href);
    const wasm = await k.loadWasm();
    const p = k.expression("x^4/4 - x^2/2");
    const ptr = wasm.copyIn(p.descriptor());
    // U(1.5) = 1.265625 - 1.125 = 0.140625, exactly representable
    expect(wasm.exports.potentialDerivative(ptr, 1.5, 0)).toBe(0.140625);
    wasm.free(ptr);
  });

  it("loads as CommonJS with the same exports as ESM", async () => {
    const require = createRequire(import.meta.url);
    const cjs = require(new URL("dist/kramers.cjs", root).pathname);
    const esm = await import(new URL("dist/kramers.mjs", root).href);
    expect(Object.keys(cjs).sort()).toEqual(Object.keys(esm).filter((k) => k !== "default").sort());
    expect(cjs.thermalEnergy(300, "kJ/mol")).toBeCloseTo(2.494338785, 8);
  });

  it("types declare the public API", () => {
    const dts = readFileSync(new URL(pkg.types, root), "utf8");
    for (const name of ["KramersError", "expression", "polynomial", "Potential1D", "loadWasm", "thermalEnergy"]) {
      expect(dts).toContain(name);
    }
  });

  it("the kramers bin prints usage and exits non-zero without a command", () => {
    let status = 0;
    let out = "";
    try {
      execFileSync(process.execPath, [new URL("bin/kramers.mjs", root).pathname], { encoding: "utf8" });
    } catch (e) {
      const err = e as { status: number; stdout: string };
      status = err.status;
      out = err.stdout;
    }
    expect(status).toBe(1);
    expect(out).toContain("usage: kramers <command>");
  });

  it("if given an unknown command, the bin exits with code 2 and says so", () => {
    try {
      execFileSync(process.execPath, [new URL("bin/kramers.mjs", root).pathname, "frobnicate"], { encoding: "utf8", stdio: "pipe" });
      expect.unreachable();
    } catch (e) {
      const err = e as { status: number; stderr: string };
      expect(err.status).toBe(2);
      expect(err.stderr).toContain('unknown command "frobnicate"');
    }
  });
});
