// `npm run bench`: every engine's benchmark in turn, with the options recorded in bench/README.md.
// Run it on an otherwise idle machine; each script prints its own table.
import { spawnSync } from "node:child_process";

const benches = [
  ["fokker-planck.mjs", ["--sizes", "10000,100000,1000000", "--reps", "3"]],
  ["langevin.mjs", ["--reps", "5"]],
  ["turnover.mjs", ["--reps", "2"]],
  ["mfpt.mjs", ["--reps", "10"]],
];
const only = process.argv.slice(2);
let failed = 0;
for (const [script, args] of benches) {
  if (only.length && !only.some((o) => script.startsWith(o))) continue;
  console.log(`\n=== bench/${script} ${args.join(" ")} ===`);
  const r = spawnSync(process.execPath, [new URL(script, import.meta.url).pathname, ...args], { stdio: "inherit" });
  if (r.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
