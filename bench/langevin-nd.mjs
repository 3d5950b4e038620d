// N-D Langevin benchmark: simulateND first passage (overdamped, Euler–Maruyama + bridge) in 2-D
// and 3-D, WASM kernel vs its pure-JS twin, same walkers and streams (results identical for these
// polynomial potentials). Reports walker-steps per second, best of REPS.
// Usage: npm run build && node bench/langevin-nd.mjs [--reps 3]
import { simulateND } from "../dist/kramers.mjs";

const i = process.argv.indexOf("--reps");
const REPS = i >= 0 ? Number(process.argv[i + 1]) : 3;
const cases = [
  { label: "2-D x⁴/4 − x²/2 + 2y²", potential: "x^4/4 - x^2/2 + 2*y^2", from: [-1, 0], normal: [1, 0] },
  { label: "2-D coupled (x²−1)² + 2(y−0.3x²)²", potential: "(x^2 - 1)^2 + 2*(y - 0.3*x^2)^2", from: [-1, 0.3], normal: [1, 0], kT: 0.5, dt: 0.002 },
  { label: "3-D x⁴/4 − x²/2 + 2y² + z²", potential: "x^4/4 - x^2/2 + 2*y^2 + z^2", from: [-1, 0, 0], normal: [1, 0, 0] },
];
console.log(`walkers 2000, kT = 1/8 and dt = 0.005 (coupled: kT = 0.5, dt = 0.002; βΔU = 2 throughout), to the plane x = 1; best of ${REPS}`);
console.log("case                                  WASM Msteps/s   JS Msteps/s   WASM/JS   same MFPT");
for (const c of cases) {
  const run = async (engine) => {
    let best = Infinity, r;
    for (let k = 0; k < REPS; k++) {
      const t0 = performance.now();
      r = await simulateND({ potential: c.potential, kT: c.kT ?? 1 / 8, from: c.from, target: { normal: c.normal, offset: 1 }, dt: c.dt ?? 0.005, tmax: 5000, particles: 2000, seed: 3, engine });
      best = Math.min(best, (performance.now() - t0) / 1000);
    }
    return { rate: r.walkerSteps / best / 1e6, mfpt: r.mfpt };
  };
  const w = await run("wasm"), j = await run("js");
  console.log(`${c.label.padEnd(38)}${w.rate.toFixed(1).padStart(13)}${j.rate.toFixed(1).padStart(14)}${(w.rate / j.rate).toFixed(2).padStart(10)}   ${w.mfpt === j.mfpt}`);
}

// two threads (the calling one and a worker), 8192 walkers = 2 chunks, same numbers
{
  const opts = { potential: "x^4/4 - x^2/2 + 2*y^2", kT: 1 / 8, from: [-1, 0], target: { normal: [1, 0], offset: 1 }, dt: 0.005, tmax: 5000, particles: 8192, seed: 3 };
  const time = async (workers) => {
    let best = Infinity, r;
    for (let k = 0; k < REPS; k++) {
      const t0 = performance.now();
      r = await simulateND({ ...opts, workers });
      best = Math.min(best, performance.now() - t0);
    }
    return { t: best, r };
  };
  const one = await time(1), two = await time(2);
  console.log(`\nworkers: 2 vs 1 (2-D x⁴/4 − x²/2 + 2y², 8192 walkers): ${(one.t / 1000).toFixed(2)} s → ${(two.t / 1000).toFixed(2)} s (${(one.t / two.t).toFixed(2)}×), same MFPT: ${one.r.mfpt === two.r.mfpt}`);
}
