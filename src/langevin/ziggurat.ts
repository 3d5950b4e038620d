// Ziggurat tables shared by the WASM kernel and its JS twin (computed once here, so both engines
// use bit-identical tables). 1024 layers, Doornik's ZIGNOR construction: X[0] = V/f(R), X[1] = R,
// X[i+1] = √(−2 ln(V/X[i] + f(X[i]))), X[1024] = 0, with f(x) = exp(−x²/2) and V the common layer
// area. R and V close the construction (X[1023] reaches f⁻¹(1 − V/X[1023])); solved with 40-digit
// mpmath by scripts/fixtures/ziggurat_constants.py. With 1024 layers a candidate is accepted on the fast path 99.57 % of the time
// (256 layers: 98.5 %), which matters because every rejection costs a Philox block and an exp.

/** Tail start R of the 1024-layer ziggurat. */
export const ZIGGURAT_R = 4.038849846109504;
/** Area of each layer (in units where f(0) = 1). */
export const ZIGGURAT_V = 0.001226324646353088;
/** Number of layers (a candidate word spends log2 of it on the layer, the rest on the abscissa). */
export const ZIGGURAT_LAYERS = 1024;

let tables: Float64Array | undefined;

/**
 * The ziggurat tables as one Float64Array of 3N + 2 values (N = 1024 layers): [0 .. N] the layer
 * edges X[i]; [N+1 .. 2N] the ratios X[i+1]/X[i] (the fast-path acceptance bounds); [2N+1 .. 3N+1]
 * the densities f(X[i]) for the wedge test. Layout contract of `assembly/rng.ts`.
 */
export function zigguratTables(): Float64Array {
  if (tables) return tables;
  const N = ZIGGURAT_LAYERS;
  const f = (x: number) => Math.exp(-0.5 * x * x);
  const X = new Float64Array(N + 1);
  X[0] = ZIGGURAT_V / f(ZIGGURAT_R);
  X[1] = ZIGGURAT_R;
  for (let i = 1; i < N - 1; i++) X[i + 1] = Math.sqrt(-2 * Math.log(ZIGGURAT_V / X[i]! + f(X[i]!)));
  X[N] = 0;
  const t = new Float64Array(3 * N + 2);
  t.set(X, 0);
  for (let i = 0; i < N; i++) t[N + 1 + i] = X[i + 1]! / X[i]!;
  for (let i = 0; i <= N; i++) t[2 * N + 1 + i] = f(X[i]!);
  tables = t;
  return t;
}
