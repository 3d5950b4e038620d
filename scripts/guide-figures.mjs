#!/usr/bin/env node
// Regenerates the figures and numbers of docs/guide.md from the built package:
//   npm run build && node scripts/guide-figures.mjs
// Writes docs/img/guide-*.svg and prints the numbers quoted in the guide.
import { mkdirSync, writeFileSync } from "node:fs";
import * as k from "../dist/kramers.mjs";

const out = new URL("../docs/img/", import.meta.url);
mkdirSync(out, { recursive: true });
const save = (name, svg) => writeFileSync(new URL(name, out), svg + "\n");
const U = "x^4/4 - x^2/2";
const domain = [-2, 2];

// 1. The memory element: ΔU = 20 kT0, then the noise doubles.
console.log("# memory element (ΔU = 1/4, kT0 = 1/80)");
const mem = {};
for (const kT of [0.0125, 0.025]) {
  const r = k.rate({ potential: U, kT, from: -1, domain });
  const s = await k.spectrum({ potential: U, kT, domain });
  mem[kT] = { formula: r.rates.kramersOverdamped, exact: s.rates.rateForward };
  console.log(`kT=${kT}: overdamped Kramers ${r.rates.kramersOverdamped.toExponential(5)}, Fokker–Planck ${s.rates.rateForward.toExponential(5)}`);
}
console.log(`ratio formula ${(mem[0.025].formula / mem[0.0125].formula).toFixed(1)}, e^10 = ${Math.exp(10).toFixed(1)}, ratio exact ${(mem[0.025].exact / mem[0.0125].exact).toFixed(1)}`);
save("guide-memory-density.svg", k.plotDensity({
  potential: U, kT: 0.0125, domain: [-1.6, 1.6], logY: true, title: "Memory element: stationary density at kT0 and 2·kT0",
  series: [(() => {
    const xs = Array.from({ length: 321 }, (_, i) => -1.6 + i / 100);
    const w = xs.map((x) => Math.exp(-(x ** 4 / 4 - x ** 2 / 2 + 0.25) / 0.025));
    const z = w.reduce((a, b) => a + b, 0) / 100;
    return { x: xs, y: w.map((v) => v / z), label: "exp(−U/kT)/Z, kT = 2·kT0" };
  })()],
}));

// 2. The double well: the seed's formula against the exact overdamped rate.
console.log("\n# double well U = x^4/4 - x^2/2, γ = 1 (overdamped)");
console.log("kT | βΔU | √2/(2π)·exp(−1/(4kT)) | overdamped Kramers | Fokker–Planck λ1/2 | 1/MFPT(−1→1) | formula/(1/MFPT)");
for (const kT of [0.25, 0.1, 0.05, 0.025, 0.0125]) {
  const seed = (Math.SQRT2 / (2 * Math.PI)) * Math.exp(-1 / (4 * kT));
  const r = k.rate({ potential: U, kT, from: -1, domain });
  const s = await k.spectrum({ potential: U, kT, domain });
  const t = await k.mfpt({ potential: U, kT, from: -1, to: 1 });
  console.log(`${kT} | ${0.25 / kT} | ${seed.toExponential(4)} | ${r.rates.kramersOverdamped.toExponential(4)} | ${s.rates.rateForward.toExponential(4)} | ${t.rate.toExponential(4)} | ${(r.rates.kramersOverdamped / t.rate).toFixed(4)}`);
}
save("guide-double-well.svg", k.plotPotential({ potential: U, domain: [-1.8, 1.8], kT: 0.05, title: "U = x⁴/4 − x²/2 at kT = 0.05 (βΔU = 5)" }));

// 3. The turnover at kT = 0.05, m = 1.
console.log("\n# turnover, kT = 0.05, m = 1");
const gamma = Array.from({ length: 41 }, (_, i) => 10 ** (-2 + i / 10));
const cols = { energyDiffusion: [], melnikovPollak: [], kramersFull: [], kramersOverdamped: [], tst: [] };
for (const g of gamma) {
  const r = k.rate({ potential: U, kT: 0.05, from: -1, gamma: g, domain });
  for (const key of Object.keys(cols)) cols[key].push(r.rates[key]);
}
const iMax = cols.melnikovPollak.indexOf(Math.max(...cols.melnikovPollak));
console.log(`Mel'nikov–Pollak maximum ${cols.melnikovPollak[iMax].toExponential(4)} at γ ≈ ${gamma[iMax].toPrecision(3)}; TST ${cols.tst[0].toExponential(4)}`);
for (const g of [0.01, 0.1, 1, 10, 100]) {
  const i = gamma.findIndex((v) => Math.abs(v / g - 1) < 1e-9);
  console.log(`γ=${g}: ED ${cols.energyDiffusion[i].toExponential(3)}, MP ${cols.melnikovPollak[i].toExponential(3)}, full ${cols.kramersFull[i].toExponential(3)}, overdamped ${cols.kramersOverdamped[i].toExponential(3)}`);
}
save("guide-turnover.svg", k.plotTurnover({
  gamma, title: "Kramers turnover, U = x⁴/4 − x²/2, kT = 0.05",
  yDomain: [1e-5, 1e-1],
  curves: [
    { label: "energy diffusion (low γ)", rate: cols.energyDiffusion, dash: "6 3" },
    { label: "Mel'nikov–Pollak", rate: cols.melnikovPollak },
    { label: "Kramers, full", rate: cols.kramersFull, dash: "2 2" },
    { label: "Kramers, overdamped", rate: cols.kramersOverdamped, dash: "6 3" },
    { label: "TST", rate: cols.tst, dash: "1 3" },
  ],
}));
// §4: the Müller–Brown surface with its minimum-energy path and transition states
const mb = k.barrierND({ potential: k.muellerBrown(), from: [-0.5, 1.5], to: [0.6, 0] });
save("guide-mueller-brown.svg", k.plotLandscape2D({ potential: k.muellerBrown(), barrier: mb, kT: 15, samples: 48, title: "Müller–Brown: minimum-energy path and transition states (contours every kT = 15)", width: 620, height: 460 }));
console.log("\nwrote docs/img/guide-*.svg");
