// Exact-MFPT benchmark: time and accuracy of mfpt() for the seed's double well U = x⁴/4 − x²/2,
// bottom → other bottom, no wall, at βΔU = 1, 5, 20, 40, 60, against the 40-digit mpmath values
// in test/fixtures/mfpt_mpmath.json, with and without the variance. The SciPy peer (nested
// scipy.integrate.quad, what a scientist would write) runs from bench/mfpt_scipy.py when python3
// with scipy is here. Each case runs REPS times; the best time is reported (shared machine).
// Usage: npm run build && node bench/mfpt.mjs [--reps 5]
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { mfpt } from "../dist/kramers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const i = process.argv.indexOf("--reps");
const REPS = i >= 0 ? Number(process.argv[i + 1]) : 5;
const fixture = JSON.parse(readFileSync(join(here, "../test/fixtures/mfpt_mpmath.json"), "utf8"));
const cases = fixture.mfpt.filter((c) => c.name.startsWith("double well, beta dU"));

const best = (f) => {
  let t = Infinity, r;
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    r = f();
    t = Math.min(t, performance.now() - t0);
  }
  return { t, r };
};

console.log("kramers mfpt(): double well −1 → 1, reflect −∞");
console.log("βΔU   T (mpmath)                rel.err T   ms (T only)  ms (T + variance)  evaluations  errorEstimate");
for (const c of cases) {
  const ref = Number(c.mfpt);
  const only = best(() => mfpt({ potential: c.potential, kT: c.kT, from: c.from, to: c.to, variance: false }));
  const both = best(() => mfpt({ potential: c.potential, kT: c.kT, from: c.from, to: c.to }));
  const B = Math.round(0.25 / c.kT);
  console.log(
    `${String(B).padEnd(5)} ${c.mfpt.slice(0, 24).padEnd(25)} ${Math.abs(only.r.mfpt / ref - 1).toExponential(1).padEnd(11)} ` +
    `${only.t.toFixed(2).padEnd(12)} ${both.t.toFixed(2).padEnd(18)} ${String(both.r.evaluations).padEnd(12)} ${both.r.errorEstimate.toExponential(1)}`,
  );
}

const py = spawnSync("python3", [join(here, "mfpt_scipy.py")], { encoding: "utf8" });
if (py.status === 0) process.stdout.write("\n" + py.stdout);
else console.log("\n(SciPy peer skipped: python3 with scipy not available)");
