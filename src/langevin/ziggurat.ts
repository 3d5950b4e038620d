// Ziggurat tables shared by the WASM kernel and its JS twin (computed once here, so both engines
// use bit-identical tables). 256 layers, Doornik's ZIGNOR construction: X[0] = V/f(R), X[1] = R,
// X[i+1] = √(−2 ln(V/X[i] + f(X[i]))), X[256] = 0, with f(x) = exp(−x²/2) and V the common layer area.

/** Tail start R of the 256-layer ziggurat. */
export const ZIGGURAT_R = 3.6541528853610088;
/** Area of each layer (in units where f(0) = 1). */
export const ZIGGURAT_V = 0.00492867323399;
/** Number of layers. */
export const ZIGGURAT_LAYERS = 256;

let tables: Float64Array | undefined;

/**
 * The ziggurat tables as one Float64Array of 1025 values: [0..256] the layer edges X[i],
 * [257..512] the ratios X[i+1]/X[i] (the fast-path acceptance bounds), then [513..1024] the same
 * two interleaved as pairs (X[i], X[i+1]/X[i]) so a SIMD kernel fetches both with one load.
 * Layout contract of `assembly/rng.ts`.
 */
export function zigguratTables(): Float64Array {
  if (tables) return tables;
  const f = (x: number) => Math.exp(-0.5 * x * x);
  const X = new Float64Array(ZIGGURAT_LAYERS + 1);
  X[0] = ZIGGURAT_V / f(ZIGGURAT_R);
  X[1] = ZIGGURAT_R;
  for (let i = 1; i < ZIGGURAT_LAYERS - 1; i++) X[i + 1] = Math.sqrt(-2 * Math.log(ZIGGURAT_V / X[i]! + f(X[i]!)));
  X[ZIGGURAT_LAYERS] = 0;
  const t = new Float64Array(4 * ZIGGURAT_LAYERS + 1);
  t.set(X, 0);
  for (let i = 0; i < ZIGGURAT_LAYERS; i++) {
    const ratio = X[i + 1]! / X[i]!;
    t[ZIGGURAT_LAYERS + 1 + i] = ratio;
    t[2 * ZIGGURAT_LAYERS + 1 + 2 * i] = X[i]!;
    t[2 * ZIGGURAT_LAYERS + 2 + 2 * i] = ratio;
  }
  tables = t;
  return t;
}
