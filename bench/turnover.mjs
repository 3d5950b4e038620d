// Turnover benchmark: the 20-point Kramers turnover curve of the quartic double well
// U = x⁴/4 − x²/2 at βΔU = 8 (kT = 1/32), tolerance 1e-4, every column (analytic rates + exact
// λ₁-based rate + exact MFPT bottom → other bottom), one thread: γ = 0.01 … 10 (the range)
// and γ = 0.1 … 10. Accuracy is measured, not assumed: at 5 frictions of the 0.1 … 10 curve the
// exact columns are recomputed with tolerance 1e-6 (which selects the pivoted-LU "full" solver, so
// this is also a check of the reduced solver against the other algorithm). The linear solvers are
// compared on one grid (reduced LDLᵀ vs pivoted band LU, WASM), λ₁ on the whole grid vs the
// antisymmetric half (mode-major band, nested dissection), the node-system factorizations (band vs
// nested dissection) on the γ = 0.01 MFPT grid, and the pure-JS twins run the same algorithms (a
// 5-point subset of the curve; one nested-dissection solve).
// Each timing is the best of REPS runs (shared machine).
// Usage: npm run build && node bench/turnover.mjs [--reps 2]
import { readFileSync } from "node:fs";
import { tsImport } from "tsx/esm/api";
import { kramersEquation, turnover } from "../dist/kramers.mjs";

// offline reference at the three lowest frictions (scripts/fixtures/kramers_low_friction.py: SciPy
// SuperLU of the whole operator, mode-converged on grids up to 4× finer than the solver's, Romberg in h)
const reference = JSON.parse(readFileSync(new URL("../test/fixtures/kramers_low_friction.json", import.meta.url), "utf8"));
const refFor = (gamma) => reference.cases.find((c) => Math.abs(c.gamma / gamma - 1) < 1e-9);

const i = process.argv.indexOf("--reps");
const REPS = i >= 0 ? Number(process.argv[i + 1]) : 2;
const base = { potential: "x^4/4 - x^2/2", kT: 1 / 32, from: -1, to: 1, domain: [-3, 3] };
const curve = (lo) => Array.from({ length: 20 }, (_, k) => lo * Math.pow(10 / lo, k / 19));

const best = async (f, reps = REPS) => {
  let t = Infinity, r;
  for (let k = 0; k < reps; k++) {
    const t0 = performance.now();
    r = await f();
    t = Math.min(t, performance.now() - t0);
  }
  return { t, r };
};
const rel = (row) => Math.max(row.exactRateError / row.exactRate, row.exactMfptError / row.exactMfpt);

const wide = await best(() => turnover({ ...base, gammas: curve(0.01) }));
const nconv = wide.r.rows.filter((row) => rel(row) <= 1e-4).length;
console.log(`turnover(): 20 frictions 0.01 … 10, βΔU = 8, tolerance 1e-4 (default budget: maxModes 1000, 256 MB)`);
console.log(`  all columns: ${(wide.t / 1000).toFixed(2)} s; ${nconv}/20 frictions with estimated relative error ≤ 1e-4`);
for (const row of wide.r.rows.slice(0, 4)) {
  const ref = refFor(row.gamma);
  const actual = ref ? `; actual ${Math.abs(row.lambda1 / ref.lambda1.value - 1).toExponential(1)} / ${Math.abs(row.exactMfpt / ref.mfpt.value - 1).toExponential(1)} against the offline reference` : "";
  console.log(`    γ = ${row.gamma.toPrecision(3).padEnd(7)} rate ${row.exactRate.toExponential(6)} (est. ${(row.exactRateError / row.exactRate).toExponential(1)})   MFPT ${row.exactMfpt.toExponential(6)} (est. ${(row.exactMfptError / row.exactMfpt).toExponential(1)})${actual}`);
}

const both = await best(() => turnover({ ...base, gammas: curve(0.1) }));
const rateOnly = await best(() => turnover({ ...base, gammas: curve(0.1), compute: "rate" }));
console.log(`\nturnover(): 20 frictions 0.1 … 10`);
console.log(`  all columns (λ₁ rate + MFPT): ${(both.t / 1000).toFixed(2)} s   λ₁ rate only: ${(rateOnly.t / 1000).toFixed(2)} s`);
console.log(`  γ at the maximum of the exact rate: ${both.r.gammaAtMaximum.toPrecision(5)}, rate there ${both.r.rateAtMaximum.toExponential(5)}`);
console.log(`  largest estimated relative error over the curve: ${Math.max(...both.r.rows.map(rel)).toExponential(1)}`);
console.log("\n  γ        exact rate     rel.diff to tol 1e-6   exact MFPT     rel.diff to tol 1e-6");
for (const k of [0, 5, 10, 15, 19]) {
  const row = both.r.rows[k];
  const ref = await kramersEquation({ ...base, gamma: row.gamma, tolerance: 1e-6 });
  console.log(`  ${row.gamma.toPrecision(4).padEnd(8)} ${row.exactRate.toExponential(6).padEnd(14)} ${Math.abs(row.exactRate / ref.exactRate - 1).toExponential(1).padEnd(22)} ${row.exactMfpt.toPrecision(8).padEnd(14)} ${Math.abs(row.exactMfpt / ref.mfpt - 1).toExponential(1)}`);
}

// the two linear solvers on one discretization (γ = 0.03: 173 nodes, N = 280 modes)
const { wasmBackend } = await tsImport("../src/turnover/engine.ts", import.meta.url);
const { loadWasm } = await tsImport("../src/wasm/loader.ts", import.meta.url);
const { expression } = await tsImport("../src/potential/index.ts", import.meta.url);
const be = wasmBackend(await loadWasm(), expression("x^4/4 - x^2/2"), [-3, 3]);
const phys = { beta: 32, vth: Math.sqrt(1 / 32), frictionRate: 0.03, uRef: -0.25 };
const K = 172, M = 140;
const eig = { x0: -1.72, dx: 3.44 / (2 * K), P: 2 * K + 1, M };
const mf = { x0: -1.72, dx: 2.72 / (2 * K), P: 2 * K + 1, M };
const pStart = 2 * Math.round(0.72 / (2 * mf.dx));
console.log(`\none discretization (γ = 0.03, ${K + 1} nodes, N = ${2 * M} modes), WASM:`);
const res = {};
for (const method of ["reduced", "full"]) {
  const e = await best(() => be.eigen({ ...eig, method }, phys, true, 5e-4, 0, 200, 1e-13));
  const m = await best(() => be.mfpt({ ...mf, method }, phys, pStart, K));
  res[method] = { e, m };
  console.log(`  ${method.padEnd(8)} λ₁ solve ${(e.t / 1000).toFixed(3)} s   MFPT solve ${(m.t / 1000).toFixed(3)} s   λ = ${e.r.lambda.toExponential(10)}  T = ${m.r.bottom.toExponential(10)}`);
}
console.log(`  full/reduced time: λ₁ ${(res.full.e.t / res.reduced.e.t).toFixed(1)}×, MFPT ${(res.full.m.t / res.reduced.m.t).toFixed(1)}×; relative differences λ ${Math.abs(res.full.e.r.lambda / res.reduced.e.r.lambda - 1).toExponential(1)}, T ${Math.abs(res.full.m.r.bottom / res.reduced.m.r.bottom - 1).toExponential(1)}`);

// λ₁ of the symmetric double well on one grid at γ = 0.01, N = 600: the whole grid (345 nodes,
// node-major band), the antisymmetric half (173 nodes), which with 172 band nodes < 300 modes is
// factored mode-major (band nb + 1 instead of M + 1), and the half by nested dissection
{
  const physLow = { beta: 32, vth: Math.sqrt(1 / 32), frictionRate: 0.01, uRef: -0.25 };
  const half = 1.7802, Kh = 172, Mh = 300, hh = half / Kh;
  const whole = await best(() => be.eigen({ x0: -half, dx: hh / 2, P: 4 * Kh + 1, M: Mh, method: "reduced", nodeSolver: "band" }, physLow, true, 2e-4, 0, 500, 1e-13));
  const halfSolve = await best(() => be.eigen({ x0: -half, dx: hh / 2, P: 2 * Kh + 1, M: Mh, method: "reduced", antisymmetricEnd: true, nodeSolver: "band" }, physLow, false, 2e-4, 0, 500, 1e-13));
  const halfNd = await best(() => be.eigen({ x0: -half, dx: hh / 2, P: 2 * Kh + 1, M: Mh, method: "reduced", antisymmetricEnd: true, nodeSolver: "dissection" }, physLow, false, 2e-4, 0, 500, 1e-13));
  console.log(`\none λ₁ discretization at γ = 0.01 (N = ${2 * Mh}), WASM: whole grid ${2 * Kh + 1} nodes (node-major band) ${(whole.t / 1000).toFixed(3)} s, antisymmetric half ${Kh + 1} nodes: mode-major band ${(halfSolve.t / 1000).toFixed(3)} s (${(whole.t / halfSolve.t).toFixed(1)}×), nested dissection ${(halfNd.t / 1000).toFixed(3)} s; λ differ by ${Math.abs(halfSolve.r.lambda / whole.r.lambda - 1).toExponential(1)} and ${Math.abs(halfNd.r.lambda / whole.r.lambda - 1).toExponential(1)}`);
}

// the node system of the MFPT at γ = 0.01 on a grid like the finest the curve uses (267 nodes: 196
// spacings from the well bottom to the target at the other bottom, 71 behind the well; N = 788
// modes): its absorbing border keeps the band node-major (nodes·modes³ flops); nested dissection of
// the node × mode lattice needs ≈ 1/15 of that
{
  const { reducedPlan } = await tsImport("../src/turnover/engine.ts", import.meta.url);
  const physLow = { beta: 32, vth: Math.sqrt(1 / 32), frictionRate: 0.01, uRef: -0.25 };
  const Km = 196, Mm = 394;
  const hh = 2 / Km, J = Math.ceil(0.72 / hh);
  const grid = { x0: -1 - J * hh, dx: hh / 2, P: 2 * (J + Km) + 1, M: Mm, method: "reduced" };
  const nb = J + Km;
  const rows = [];
  for (const nodeSolver of ["band", "dissection"]) {
    const plan = reducedPlan(grid.P, Mm, nb, true, nodeSolver);
    const r = await best(() => be.mfpt({ ...grid, nodeSolver }, physLow, 2 * J, 2 * (J + Km)), 1);
    rows.push({ nodeSolver, plan, r });
  }
  console.log(`\nthe MFPT node system at γ = 0.01 (${nb} band nodes × ${Mm} modes, absorbing border), WASM, one solve:`);
  for (const { nodeSolver, plan, r } of rows) console.log(`  ${nodeSolver.padEnd(10)} ${(r.t / 1000).toFixed(3)} s   ${plan.flops.toExponential(2)} multiply-adds   ${(plan.storage * 8 / 2 ** 20).toFixed(0)} MB   T = ${r.r.bottom.toPrecision(12)}`);
  console.log(`  band/dissection: time ${(rows[0].r.t / rows[1].r.t).toFixed(1)}×, flops ${(rows[0].plan.flops / rows[1].plan.flops).toFixed(1)}×, memory ${(rows[0].plan.storage / rows[1].plan.storage).toFixed(1)}×; T differ by ${Math.abs(rows[1].r.r.bottom / rows[0].r.r.bottom - 1).toExponential(1)}`);
  // the same algorithm in the pure-JS twin, on a smaller lattice (γ = 0.03, 172 × 117)
  const jb = (await tsImport("../src/turnover/engine.ts", import.meta.url)).jsBackend(expression("x^4/4 - x^2/2"));
  const K3 = 172, M3 = 117, h3 = 2 / K3, J3 = Math.ceil(0.72 / h3);
  const g3 = { x0: -1 - J3 * h3, dx: h3 / 2, P: 2 * (J3 + K3) + 1, M: M3, method: "reduced", nodeSolver: "dissection" };
  const ph3 = { ...physLow, frictionRate: 0.03 };
  const tw = await best(() => be.mfpt(g3, ph3, 2 * J3, 2 * (J3 + K3)));
  const tj = await best(() => jb.mfpt(g3, ph3, 2 * J3, 2 * (J3 + K3)));
  console.log(`  nested dissection, ${J3 + K3} × ${M3}: WASM ${tw.t.toFixed(0)} ms, pure-JS twin ${tj.t.toFixed(0)} ms (JS/WASM = ${(tj.t / tw.t).toFixed(2)}); T differ by ${Math.abs(tj.r.bottom / tw.r.bottom - 1).toExponential(1)}`);
}

const subset = [0, 5, 10, 15, 19].map((k) => curve(0.1)[k]);
const w = await best(() => turnover({ ...base, gammas: subset, compute: "rate" }));
const j = await best(() => turnover({ ...base, gammas: subset, compute: "rate", engine: "js" }));
console.log(`\n  5-point λ₁ curve: WASM ${(w.t / 1000).toFixed(2)} s, pure-JS twin ${(j.t / 1000).toFixed(2)} s (JS/WASM = ${(j.t / w.t).toFixed(2)})`);
let diff = 0;
for (let k = 0; k < 5; k++) diff = Math.max(diff, Math.abs(w.r.rows[k].exactRate / j.r.rows[k].exactRate - 1));
console.log(`  largest relative difference between the engines' rates: ${diff.toExponential(1)} (same operations; Math.exp may differ in the last ulp)`);
