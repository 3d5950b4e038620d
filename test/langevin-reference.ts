// Private reference for the Langevin tests: the exact overdamped MFPT by quadrature (SCIENCE.md,
// "Exact 1-D answers"), T(a→b) = (γ/kT) ∫_a^b dy e^{βU(y)} ∫_L^y dz e^{−βU(z)}, b > a, with the
// exponents shifted by U(a) (no overflow for βΔU ≲ 30) and L where e^{−β(U−U(a))} < 1e-30.
// Trapezoid rule on a uniform grid of n intervals: error O(h²), below 1e-8 relative for the smooth
// potentials used here with n = 2·10^5 (checked by halving n in the test).

/** Exact MFPT from a to b > a with reflecting wall at L (found automatically if omitted). */
export function exactMfpt(U: (x: number) => number, kT: number, a: number, b: number, gamma = 1, n = 200_000, L?: number): number {
  const beta = 1 / kT;
  const ua = U(a);
  let left = L ?? a;
  if (L === undefined) {
    let step = 0.1;
    while (beta * (U(left) - ua) < 70) {
      left -= step;
      step *= 1.2;
    }
  }
  const h = (b - left) / n;
  let inner = 0;
  let outer = 0;
  let prevInner = 0, prevOuter = 0;
  for (let i = 0; i <= n; i++) {
    const y = left + i * h;
    const eMinus = Math.exp(-beta * (U(y) - ua));
    if (i > 0) inner += 0.5 * h * (prevInner + eMinus);
    prevInner = eMinus;
    const integrand = y >= a ? Math.exp(beta * (U(y) - ua)) * inner : 0;
    if (i > 0 && y > a) {
      const y0 = y - h;
      const w = y0 >= a ? h : y - a; // partial first interval
      outer += 0.5 * w * ((y0 >= a ? prevOuter : integrand) + integrand);
    }
    prevOuter = integrand;
  }
  return (gamma / kT) * outer;
}
