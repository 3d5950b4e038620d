// Fokker–Planck bench: lowest 5 eigenvalues of the SG generator of U = x⁴/4 − x²/2 on [−2, 2]
// on 10^4 … 10^6 cells — WASM vs the pure-JS twin (same algorithm, same inputs) vs SciPy on the
// same symmetric tridiagonal matrix (eigh_tridiagonal, and eigsh shift-invert), plus the whole
// `kramers spectrum` process. Run after `npm run build`:
//   node bench/fokker-planck.mjs [--sizes 10000,100000,1000000] [--kT 0.05] [--no-scipy] [--reps 3]
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spectrum } from "../dist/kramers.mjs";

const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : dflt;
};
const sizes = arg("sizes", "10000,100000,1000000").split(",").map(Number);
const kT = Number(arg("kT", "0.05"));
const reps = Number(arg("reps", "3"));
const scipy = !argv.includes("--no-scipy");
const potential = "x^4/4 - x^2/2";
const domain = [-2, 2];

function best(fn) {
  let t = Infinity;
  let out;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    out = fn();
    t = Math.min(t, performance.now() - t0);
  }
  return { ms: t, out };
}
async function bestAsync(fn) {
  let t = Infinity;
  let out;
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    out = await fn();
    t = Math.min(t, performance.now() - t0);
  }
  return { ms: t, out };
}

// The same symmetric tridiagonal matrix (−S, S the symmetrized SG generator), built in plain JS.
function sgMatrix(n) {
  const beta = 1 / kT;
  const h = (domain[1] - domain[0]) / n;
  const w = kT / (h * h);
  const u = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = domain[0] + (i + 0.5) * h;
    u[i] = beta * (x ** 4 / 4 - x ** 2 / 2);
  }
  const diag = new Float64Array(n);
  const off = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    const d = u[i + 1] - u[i];
    const a = Math.abs(d);
    const down = a === 0 ? 1 : a / -Math.expm1(-a);
    const upv = a === 0 ? 1 : down * Math.exp(-a);
    const [r, l] = d > 0 ? [upv, down] : [down, upv];
    diag[i] += w * r;
    diag[i + 1] += w * l;
    off[i] = -w * Math.sqrt(r * l);
  }
  return { diag, off };
}

const PY = `
import sys, time, numpy as np
from scipy.linalg import eigh_tridiagonal
from scipy.sparse import diags
from scipy.sparse.linalg import eigsh
d = np.fromfile(sys.argv[1]); e = np.fromfile(sys.argv[2]); reps = int(sys.argv[3])
best = 1e9
for _ in range(reps):
    t0 = time.perf_counter(); w = eigh_tridiagonal(d, e, eigvals_only=True, select='i', select_range=(0, 4)); best = min(best, time.perf_counter() - t0)
A = diags([e, d, e], [-1, 0, 1], format='csc')
best2 = 1e9; w2 = None
for _ in range(reps):
    t0 = time.perf_counter()
    try:
        w2 = np.sort(eigsh(A, k=5, sigma=-1e-3 * float(np.abs(w[1])), which='LM', return_eigenvectors=False))
    except Exception as ex:
        w2 = [float('nan')] * 5
    best2 = min(best2, time.perf_counter() - t0)
print(best * 1000, best2 * 1000, *w, *w2)
`;

const dir = mkdtempSync(join(tmpdir(), "fp-bench-"));
writeFileSync(join(dir, "b.py"), PY);
console.log(`Fokker–Planck bench: U = ${potential}, kT = ${kT} (βΔU = ${0.25 / kT}), domain [${domain}], lowest 5 eigenvalues, best of ${reps}`);
console.log("cells      wasm ms   js ms   js/wasm  scipy eigh ms  eigsh ms  CLI process ms  λ1 (wasm)                rel.err eigh  rel.err eigsh  λ0 eigh");
await spectrum({ potential, kT, domain, grid: 1000, engine: "wasm" }); // compile + warm up
await spectrum({ potential, kT, domain, grid: 1000, engine: "js" });
for (const n of sizes) {
  const wasm = await bestAsync(() => spectrum({ potential, kT, domain, grid: n, count: 5, engine: "wasm" }));
  const js = await bestAsync(() => spectrum({ potential, kT, domain, grid: n, count: 5, engine: "js" }));
  const lambda1 = wasm.out.eigenvalues[1];
  const jsAgree = Math.max(...wasm.out.eigenvalues.map((v, j) => (v === 0 ? 0 : Math.abs(v - js.out.eigenvalues[j]) / v)));
  let sp = { eigh: NaN, eigsh: NaN, errEigh: NaN, errEigsh: NaN, l0: NaN };
  if (scipy) {
    const { diag, off } = sgMatrix(n);
    writeFileSync(join(dir, "d.bin"), Buffer.from(diag.buffer));
    writeFileSync(join(dir, "e.bin"), Buffer.from(off.buffer));
    const r = spawnSync("python3", [join(dir, "b.py"), join(dir, "d.bin"), join(dir, "e.bin"), String(reps)], { encoding: "utf8" });
    const v = r.stdout.trim().split(/\s+/).map(Number);
    if (v.length >= 12) sp = { eigh: v[0], eigsh: v[1], errEigh: Math.abs(v[3] - lambda1) / lambda1, errEigsh: Math.abs(v[8] - lambda1) / lambda1, l0: v[2] };
    else console.error(r.stderr);
  }
  const cli = best(() => {
    const r = spawnSync(process.execPath, ["bin/kramers.mjs", "spectrum", "--potential", potential, "--kT", String(kT), "--domain", domain.join(","), "--grid", String(n), "--count", "5", "--json"], { encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
    return JSON.parse(r.stdout);
  });
  console.log(
    [String(n).padEnd(9), wasm.ms.toFixed(1).padStart(8), js.ms.toFixed(1).padStart(7), (js.ms / wasm.ms).toFixed(2).padStart(8), sp.eigh.toFixed(1).padStart(14), sp.eigsh.toFixed(1).padStart(9), cli.ms.toFixed(0).padStart(15),
      ("  " + lambda1.toPrecision(16)).padEnd(24), sp.errEigh.toExponential(1).padStart(13), sp.errEigsh.toExponential(1).padStart(14), sp.l0.toExponential(1).padStart(9)].join(" "),
  );
  if (jsAgree > 1e-12) console.log(`  (wasm and js differ by ${jsAgree.toExponential(1)})`);
}
rmSync(dir, { recursive: true, force: true });
