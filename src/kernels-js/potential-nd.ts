// Pure-JS twin of the N-D monomial evaluator in assembly/potential.ts (kind-4 descriptors): the
// same powers and the same order of products and sums, so both engines compute the same forces.

/** ∇U from a kind-4 descriptor, or null for other kinds. */
export function monomialGradient(desc: Float64Array): ((x: Float64Array, out: Float64Array) => void) | null {
  if (desc[0] !== 4) return null;
  const n = desc[1]!, maxPower = desc[2]!, stride = maxPower + 1;
  const powers = new Float64Array(n * stride);
  // offsets of the component tables (after U's)
  const starts: number[] = [];
  let p = 3;
  p += 1 + desc[p]! * (n + 1);
  for (let i = 0; i < n; i++) {
    starts.push(p);
    p += 1 + desc[p]! * (n + 1);
  }
  return (x, out) => {
    for (let d = 0; d < n; d++) {
      let v = 1;
      powers[d * stride] = v;
      for (let k = 1; k <= maxPower; k++) {
        v *= x[d]!;
        powers[d * stride + k] = v;
      }
    }
    for (let i = 0; i < n; i++) {
      let q = starts[i]!;
      const count = desc[q]!;
      q++;
      let acc = 0;
      for (let t = 0; t < count; t++) {
        let v = desc[q]!;
        for (let d = 0; d < n; d++) {
          const e = desc[q + 1 + d]!;
          if (e !== 0) v *= powers[d * stride + e]!;
        }
        acc += v;
        q += n + 1;
      }
      out[i] = acc;
    }
  };
}
