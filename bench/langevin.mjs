// Langevin engine benchmark: walker-steps per second for the overdamped double well
// U = x⁴/4 − x²/2 (γ = 1, kT = 0.1, dt = 0.01), 10^5 walkers from x = −1 to the barrier top
// x = 0, 500 steps (tmax = 5), Euler–Maruyama with the Brownian-bridge correction (and once
// without it: plain Euler–Maruyama to a threshold, the workload of the NumPy loops).
// Engines: WASM (1 and 2 workers), the pure-JS twin, NumPy (vectorized EM, a plain and an in-place
// loop, when python3 with numpy is here) and the native C build of the same kernel (gcc -O3
// -march=native, when gcc is here). Each engine runs `REPS` times, interleaved; the best time is reported (the machine is
// shared, and the minimum is the least disturbed run) together with the median.
// Usage: npm run build && node bench/langevin.mjs [--reps 3] [--particles 100000] [--steps 500]
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { simulate } from "../dist/kramers.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const arg = (name, def) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const REPS = arg("reps", 3);
const N = arg("particles", 100000);
const STEPS = arg("steps", 500);
const dt = 0.01, kT = 0.1, upper = 0, seed = 1;

const engines = [];
const add = (name, run) => engines.push({ name, run, times: [], cpu: [], steps: 0, escaped: 0 });
const sim = (extra) => async () => {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await simulate({ potential: "x^4/4 - x^2/2", kT, from: -1, to: upper, particles: N, dt, tmax: STEPS * dt, seed, keepTimes: false, ...extra });
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, walkerSteps: r.walkerSteps, escaped: r.escaped };
};
add("wasm (1 thread)", sim({}));
add("wasm (2 workers)", sim({ workers: 2 }));
add("wasm, no bridge (NumPy's workload)", sim({ bridge: false }));
add("js twin", sim({ engine: "js" }));

const py = spawnSync("python3", ["-c", "import numpy"], { encoding: "utf8" });
if (py.status === 0) {
  for (const variant of ["plain", "inplace"]) {
    add(`numpy (${variant})`, async () => JSON.parse(execFileSync("python3", [join(here, "langevin_numpy.py"), N, STEPS, dt, kT, upper, seed, variant], { encoding: "utf8" })));
  }
}
const gcc = spawnSync("gcc", ["--version"], { encoding: "utf8" });
if (gcc.status === 0) {
  const exe = join(mkdtempSync(join(tmpdir(), "kramers-bench-")), "langevin");
  execFileSync("gcc", ["-O3", "-march=native", "-o", exe, join(here, "native", "langevin.c"), "-lm"]);
  add("native C (gcc -O3 -march=native)", async () => JSON.parse(execFileSync(exe, [N, STEPS, dt, kT, upper, seed], { encoding: "utf8" })));
}

// warm-up (WASM compilation and tier-up, JIT of the JS twin)
await sim({ particles: Math.min(N, 8192) })();
await sim({ engine: "js", particles: 4096 })();

for (let rep = 0; rep < REPS; rep++) {
  for (const e of engines) {
    const r = await e.run();
    e.times.push(r.seconds);
    e.cpu.push(r.cpuSeconds);
    e.steps = r.walkerSteps;
    e.escaped = r.escaped;
  }
}

const ns = (e, t) => (t * 1e9) / e.steps;
const best = (e) => Math.min(...e.times);
const median = (e) => [...e.times].sort((a, b) => a - b)[Math.floor(e.times.length / 2)];
const wasm = engines[0];
console.log(`Langevin bench: ${N} walkers × ${STEPS} steps, overdamped double well, EM (+bridge in kramers/C), ${REPS} reps`);
console.log(`machine: ${cpus().length} × ${cpus()[0]?.model ?? "?"}, node ${process.version}, load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);
// CPU time (process.cpuUsage, process_time, CLOCK_PROCESS_CPUTIME_ID) counts only time on a core,
// so on a shared machine it is steadier than wall time; for workers it sums the threads.
const bestCpu = (e) => Math.min(...e.cpu);
console.log("engine".padEnd(36) + "ns/walker-step: wall best  median  CPU best   walker-steps/s   escaped  WASM speed-up (wall, CPU)");
for (const e of engines) {
  console.log(
    e.name.padEnd(36) +
      ns(e, best(e)).toFixed(2).padStart(14) +
      ns(e, median(e)).toFixed(2).padStart(8) +
      ns(e, bestCpu(e)).toFixed(2).padStart(10) +
      (e.steps / best(e)).toExponential(2).padStart(17) +
      String(e.escaped).padStart(10) +
      ((ns(e, best(e)) / ns(wasm, best(wasm))).toFixed(2) + "×").padStart(12) +
      ((ns(e, bestCpu(e)) / ns(wasm, bestCpu(wasm))).toFixed(2) + "×").padStart(8),
  );
}
const two = engines[1];
console.log(`2 workers vs 1 thread: ${(best(wasm) / best(two)).toFixed(2)}× (best), ${(median(wasm) / median(two)).toFixed(2)}× (median)`);
