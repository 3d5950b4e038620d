// 2-D Fokker–Planck benchmark: one backward-equation MFPT solve (gridMfpt2D's grid, fixed spacing)
// on the coupled well U = (x² − 1)² + 2(y − 0.3x²)² at kT = 0.1, from (−1, 0.3) to x ≥ 1, box
// [−1.9, 1.2] × [−1, 1.6]: the nested-dissection multifrontal LDLᵀ in WASM, the same algorithm in
// the pure-JS twin, and SciPy's sparse direct solver (SuperLU via spsolve, COLAMD ordering) on the
// same matrix (bench/fokker_planck_2d_scipy.py), when Python and SciPy are on the machine.
// Usage: npm run build && node bench/fokker-planck-2d.mjs [--reps 3]
import { execFileSync } from "node:child_process";
import { gridMfpt2D } from "../dist/kramers.mjs";

const i = process.argv.indexOf("--reps");
const REPS = i >= 0 ? Number(process.argv[i + 1]) : 3;
const best = async (f) => {
  let t = Infinity, r;
  for (let k = 0; k < REPS; k++) {
    const t0 = performance.now();
    r = await f();
    t = Math.min(t, performance.now() - t0);
  }
  return { t, r };
};
const base = { potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", kT: 0.1, from: [-1, 0.3], target: { axis: 0, at: 1 }, domain: [[-1.9, 1.2], [-1, 1.6]], tolerance: 1e9, maxMemoryMB: 512 };
console.log("gridMfpt2D with a given coarse spacing h and a tolerance that never stops it early: exactly two grids (h, h/2) and the Richardson value; best of", REPS);
console.log("h        finest nodes WASM ms   JS ms    JS/WASM   SciPy ms  SciPy/WASM   T (WASM)          |T_JS/T_WASM − 1|  |T_SciPy/T_WASM − 1|");
for (const h of [0.04, 0.02, 0.01]) {
  const w = await best(() => gridMfpt2D({ ...base, spacing: h }));
  const j = await best(() => gridMfpt2D({ ...base, spacing: h, engine: "js" }));
  let scipy = { ms: NaN, T: NaN };
  try {
    scipy = JSON.parse(execFileSync("python3", [new URL("./fokker_planck_2d_scipy.py", import.meta.url).pathname, String(h), String(h / 2), String(REPS)], { encoding: "utf8" }));
  } catch {
    /* no Python/SciPy here */
  }
  const T = w.r.levels[1].mfpt;
  console.log(`${String(h).padEnd(8)} ${`${w.r.nodes[0]}×${w.r.nodes[1]}`.padEnd(12)} ${w.t.toFixed(0).padStart(7)}  ${j.t.toFixed(0).padStart(7)}  ${(j.t / w.t).toFixed(2).padStart(7)}  ${scipy.ms.toFixed(0).padStart(9)}  ${(scipy.ms / w.t).toFixed(2).padStart(10)}   ${T.toPrecision(12).padEnd(16)}  ${Math.abs(j.r.levels[1].mfpt / T - 1).toExponential(1).padStart(16)}  ${Math.abs(scipy.T / T - 1).toExponential(1).padStart(19)}`);
}

// λ₁ of the same well in the box [−1.9, 1.9] × [−1, 1.6] (gridSpectrum2D, default tolerance 1e-4)
{
  const { gridSpectrum2D } = await import("../dist/kramers.mjs");
  const opts = { potential: base.potential, kT: 0.1, domain: [[-1.9, 1.9], [-1, 1.6]] };
  const w = await best(() => gridSpectrum2D(opts));
  const j = await best(() => gridSpectrum2D({ ...opts, engine: "js" }));
  console.log(`\ngridSpectrum2D (λ₁, tolerance 1e-4, ${w.r.levels.length} grids up to ${w.r.nodes[0]}×${w.r.nodes[1]}): WASM ${w.t.toFixed(0)} ms, JS twin ${j.t.toFixed(0)} ms (JS/WASM = ${(j.t / w.t).toFixed(2)}); λ₁ = ${w.r.lambda1.toPrecision(10)} (est. ${(w.r.lambda1Error / w.r.lambda1).toExponential(1)}), engines differ by ${Math.abs(j.r.lambda1 / w.r.lambda1 - 1).toExponential(1)}`);
}
