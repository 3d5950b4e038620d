// The computation the package browser test runs in Chromium and in Node, to compare the two.
// Plain JavaScript module (the page loads it without a bundler).
export async function compute(k) {
  const wasm = await k.loadWasm();
  const potential = k.expression("x^4/4 - x^2/2 + a*x", { parameters: { a: 0.05 } });
  // U, U', U'' evaluated by the WASM core
  const desc = wasm.copyIn(potential.descriptor());
  const xs = [-1.5, -1, -0.25, 0, 0.4, 1, 1.7];
  const wasmValues = [];
  for (const x of xs) for (const order of [0, 1, 2]) wasmValues.push(wasm.exports.potentialDerivative(desc, x, order));
  wasm.free(desc);
  const land = k.landscape({ potential, domain: [-2, 2] });
  const out = {
    exports: Object.keys(k).sort(),
    wasmValues,
    minima: land.minima.map((m) => [m.x, m.U, m.curvature]),
    maxima: land.maxima.map((m) => [m.x, m.U, m.curvature]),
  };
  // the exact overdamped MFPT from the left well bottom to the right one (reflecting at −∞)
  const left = land.minima[0].x;
  const right = land.minima[land.minima.length - 1].x;
  const r = await k.mfpt({ potential, kT: 0.05, from: left, to: right });
  out.mfpt = r.mfpt;
  out.mfptRate = r.rate;
  return out;
}
