// Turnover benchmark: the 20-point Kramers turnover curve of the quartic double well
// U = x⁴/4 − x²/2 at βΔU = 8 (kT = 1/32), γ = 0.1 … 10 log-spaced, tolerance 1e-4 (every column:
// analytic rates + exact λ₁-based rate + exact MFPT bottom → other bottom), one thread.
// Accuracy is measured, not assumed: at 5 of the frictions the exact columns are recomputed with
// tolerance 1e-6 and the relative differences reported. The pure-JS twin runs the same algorithm
// on a 5-point subset (ratio WASM : JS). Each timing is the best of REPS runs (shared machine).
// Usage: npm run build && node bench/turnover.mjs [--reps 2]
import { kramersEquation, turnover } from "../dist/kramers.mjs";

const i = process.argv.indexOf("--reps");
const REPS = i >= 0 ? Number(process.argv[i + 1]) : 2;
const base = { potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, domain: [-3, 3] };
const gammas = Array.from({ length: 20 }, (_, k) => 0.1 * Math.pow(100, k / 19));

const best = async (f) => {
  let t = Infinity, r;
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    r = await f();
    t = Math.min(t, performance.now() - t0);
  }
  return { t, r };
};

const both = await best(() => turnover({ ...base, gammas }));
const rateOnly = await best(() => turnover({ ...base, gammas, compute: "rate" }));
console.log(`turnover(): 20 frictions 0.1 … 10, βΔU = 8, tolerance 1e-4`);
console.log(`  all columns (λ₁ rate + MFPT): ${(both.t / 1000).toFixed(2)} s   λ₁ rate only: ${(rateOnly.t / 1000).toFixed(2)} s`);
console.log(`  γ at the maximum of the exact rate: ${both.r.gammaAtMaximum.toPrecision(5)}, rate there ${both.r.rateAtMaximum.toExponential(5)}`);
let worstEst = 0;
for (const r of both.r.rows) worstEst = Math.max(worstEst, r.exactRateError / r.exactRate, r.exactMfptError / r.exactMfpt);
console.log(`  largest estimated relative error over the curve: ${worstEst.toExponential(1)}`);

console.log("\n  γ        exact rate     rel.diff to tol 1e-6   exact MFPT     rel.diff to tol 1e-6");
for (const k of [0, 5, 10, 15, 19]) {
  const row = both.r.rows[k];
  const ref = await kramersEquation({ ...base, gamma: row.gamma, tolerance: 1e-6 });
  console.log(`  ${row.gamma.toPrecision(4).padEnd(8)} ${row.exactRate.toExponential(6).padEnd(14)} ${Math.abs(row.exactRate / ref.exactRate - 1).toExponential(1).padEnd(22)} ${row.exactMfpt.toPrecision(8).padEnd(14)} ${Math.abs(row.exactMfpt / ref.mfpt - 1).toExponential(1)}`);
}

const subset = [0, 5, 10, 15, 19].map((k) => gammas[k]);
const w = await best(() => turnover({ ...base, gammas: subset, compute: "rate" }));
const j = await best(() => turnover({ ...base, gammas: subset, compute: "rate", engine: "js" }));
console.log(`\n  5-point λ₁ curve: WASM ${(w.t / 1000).toFixed(2)} s, pure-JS twin ${(j.t / 1000).toFixed(2)} s (JS/WASM = ${(j.t / w.t).toFixed(2)})`);
let same = true;
for (let k = 0; k < 5; k++) same &&= Math.abs(w.r.rows[k].exactRate / j.r.rows[k].exactRate - 1) < 1e-12;
console.log(`  same numbers from both engines (to 1e-12): ${same}`);
