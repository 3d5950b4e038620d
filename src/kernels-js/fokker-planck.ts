/**
 * Pure-JS twin of `assembly/fokker_planck.ts`: the same algorithms, line for line, on
 * Float64Arrays instead of pointers. Used as the `engine: "js"` fallback, in the benchmark and in
 * the tests that check WASM and JS agree. See the assembly file for the mathematics.
 * @packageDocumentation
 */

const REFLECTING = 0;
const ABSORBING = 1;
const PERIODIC = 2;
const TINY = -1e-300;

/** Scalar side results of the last call (same slots as the WASM `fpInfo`). */
export const fpInfoJs = new Float64Array(10);

function edgeRates(delta: number, w: number): void {
  const a = Math.abs(delta);
  let down = 1.0;
  let upv = 1.0;
  if (a > 0.5) {
    const e = Math.exp(-a);
    down = a / (1.0 - e);
    upv = down * e;
  } else if (a > 0.0) {
    const om = -Math.expm1(-a);
    down = a / om;
    upv = down * (1.0 - om);
  }
  if (delta > 0.0) {
    fpInfoJs[6] = w * upv;
    fpInfoJs[7] = w * down;
  } else {
    fpInfoJs[6] = w * down;
    fpInfoJs[7] = w * upv;
  }
}

/** JS twin of fpAssemble; `U` replaces the WASM descriptor. */
export function fpAssembleJs(U: (x: number) => number, n: number, left: number, h: number, beta: number, diffusion: number, boundary: number, u: Float64Array, up: Float64Array, down: Float64Array): void {
  let umin = Infinity;
  for (let i = 0; i < n; i++) {
    const v = beta * U(left + (i + 0.5) * h);
    u[i] = v;
    if (v < umin) umin = v;
  }
  const w = diffusion / (h * h);
  let maxJump = 0.0;
  let maxJumpLow = 0.0;
  let prev = u[0]!;
  for (let i = 0; i < n - 1; i++) {
    const next = u[i + 1]!;
    const delta = next - prev;
    edgeRates(delta, w);
    up[i] = fpInfoJs[6]!;
    down[i + 1] = fpInfoJs[7]!;
    const lower = Math.min(prev, next) - umin;
    if (lower <= 200.0) maxJump = Math.max(maxJump, Math.abs(delta));
    if (lower <= 60.0) maxJumpLow = Math.max(maxJumpLow, Math.abs(delta));
    prev = next;
  }
  const uL = beta * U(left);
  const uR = beta * U(left + n * h);
  const un = beta * U(left + (n + 0.5) * h);
  if (boundary === ABSORBING) {
    edgeRates(uL - u[0]!, 2.0 * w);
    down[0] = fpInfoJs[6]!;
    edgeRates(uR - u[n - 1]!, 2.0 * w);
    up[n - 1] = fpInfoJs[6]!;
  } else if (boundary === PERIODIC) {
    edgeRates(un - u[n - 1]!, w);
    up[n - 1] = fpInfoJs[6]!;
    down[0] = fpInfoJs[7]!;
  } else {
    down[0] = 0.0;
    up[n - 1] = 0.0;
  }
  fpInfoJs[0] = umin;
  fpInfoJs[1] = maxJump;
  fpInfoJs[2] = uL;
  fpInfoJs[3] = uR;
  fpInfoJs[4] = un;
  let maxRate = 0.0;
  for (let i = 0; i < n; i++) maxRate = Math.max(maxRate, Math.max(up[i]!, down[i]!));
  fpInfoJs[5] = maxRate;
  fpInfoJs[8] = maxJumpLow;
}

/** JS twin of fpFactor (p, q are read from `offset` onward). */
export function fpFactorJs(p: Float64Array, pOff: number, q: Float64Array, qOff: number, m: number, d: Float64Array, e: Float64Array, lld: Float64Array): void {
  let a = p[pOff]!;
  for (let i = 0; i < m - 1; i++) {
    const di = a + q[qOff + i]!;
    d[i] = di;
    const pn = p[pOff + i + 1]!;
    const qp = q[qOff + i]! * pn;
    e[i] = -Math.sqrt(qp);
    lld[i] = qp / di;
    a = pn * (a / di);
  }
  d[m - 1] = a + q[qOff + m - 1]!;
}

/** JS twin of fpNegcount. */
export function fpNegcountJs(d: Float64Array, lld: Float64Array, m: number, sigma: number): number {
  let s = -sigma;
  let neg = 0;
  for (let i = 0; i < m - 1; i++) {
    let dp = d[i]! + s;
    if (dp === 0.0) dp = TINY;
    if (dp < 0.0) neg++;
    s = lld[i]! * (s / dp) - sigma;
  }
  const last = d[m - 1]! + s;
  if (last <= 0.0) neg++;
  return neg;
}

/** JS twin of fpNegcount2: returns count(sigmaA); count(sigmaB) in fpInfoJs[5]. */
export function fpNegcount2Js(d: Float64Array, lld: Float64Array, m: number, sigmaA: number, sigmaB: number): number {
  let sa = -sigmaA;
  let sb = -sigmaB;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < m - 1; i++) {
    const di = d[i]!;
    const l2 = lld[i]!;
    let pa = di + sa;
    let pb = di + sb;
    if (pa === 0.0) pa = TINY;
    if (pb === 0.0) pb = TINY;
    if (pa < 0.0) na++;
    if (pb < 0.0) nb++;
    sa = l2 * (sa / pa) - sigmaA;
    sb = l2 * (sb / pb) - sigmaB;
  }
  const dl = d[m - 1]!;
  if (dl + sa <= 0.0) na++;
  if (dl + sb <= 0.0) nb++;
  fpInfoJs[5] = nb;
  return na;
}

/** JS twin of fpTwisted. */
export function fpTwistedJs(d: Float64Array, e: Float64Array, lld: Float64Array, m: number, sigma: number, s: Float64Array, pp: Float64Array, z: Float64Array, storeVector: number): number {
  let sv = -sigma;
  let pv = d[m - 1]! - sigma;
  s[0] = sv;
  pp[m - 1] = pv;
  let neg = 0;
  for (let i = 0; i < m - 1; i++) {
    let dplus = d[i]! + sv;
    if (dplus === 0.0) dplus = TINY;
    if (dplus < 0.0) neg++;
    sv = lld[i]! * (sv / dplus) - sigma;
    s[i + 1] = sv;
    const k = m - 2 - i;
    let dminus = lld[k]! + pv;
    if (dminus === 0.0) dminus = TINY;
    pv = pv * (d[k]! / dminus) - sigma;
    pp[k] = pv;
  }
  if (d[m - 1]! + sv <= 0.0) neg++;
  let r = 0;
  let gmin = Infinity;
  let gr = 0.0;
  for (let k = 0; k < m; k++) {
    const g = s[k]! + pp[k]! + sigma;
    const ag = Math.abs(g);
    if (ag < gmin) {
      gmin = ag;
      gr = g;
      r = k;
    }
  }
  const store = storeVector !== 0;
  if (store) z[r] = 1.0;
  let norm = 1.0;
  let zi = 1.0;
  for (let i = r - 1; i >= 0; i--) {
    let dplus = d[i]! + s[i]!;
    if (dplus === 0.0) dplus = TINY;
    zi = -(e[i]! / dplus) * zi;
    if (store) z[i] = zi;
    norm += zi * zi;
  }
  zi = 1.0;
  for (let i = r; i < m - 1; i++) {
    let dminus = lld[i]! + pp[i + 1]!;
    if (dminus === 0.0) dminus = TINY;
    zi = -(e[i]! / dminus) * zi;
    if (store) z[i + 1] = zi;
    norm += zi * zi;
  }
  if (gr === 0.0) gr = 1e-300;
  fpInfoJs[0] = gr;
  fpInfoJs[1] = norm;
  fpInfoJs[2] = r;
  fpInfoJs[3] = neg;
  return gr / norm;
}

/** JS twin of fpModeFromVector. */
export function fpModeFromVectorJs(z: Float64Array, u: Float64Array, up: Float64Array, n: number, boundary: number, umin: number, h: number, f: Float64Array, psi: Float64Array): void {
  let zpi = 0.0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(-(u[i]! - umin));
    psi[i] = w;
    zpi += w;
  }
  if (boundary === ABSORBING) {
    for (let i = 0; i < n; i++) {
      const w = psi[i]!;
      f[i] = z[i]! * (w > 1e-290 ? 1.0 / Math.sqrt(w) : Math.exp(Math.min(0.5 * (u[i]! - umin), 700.0)));
    }
  } else {
    let fi = 0.0;
    f[0] = 0.0;
    let mean = 0.0;
    for (let i = 0; i < n - 1; i++) {
      const zi = z[i]!;
      if (zi !== 0.0) {
        const w = psi[i]!;
        const inv = w > 1e-290 ? 1.0 / Math.sqrt(w) : Math.exp(Math.min(0.5 * (u[i]! - umin), 700.0));
        fi += (zi * inv) / Math.sqrt(up[i]!);
      }
      f[i + 1] = fi;
    }
    for (let i = 0; i < n; i++) mean += psi[i]! * f[i]!;
    mean /= zpi;
    for (let i = 0; i < n; i++) f[i] = f[i]! - mean;
  }
  let norm = 0.0;
  let big = 0.0;
  for (let i = 0; i < n; i++) {
    const fi = f[i]!;
    norm += psi[i]! * fi * fi;
    if (Math.abs(fi) > Math.abs(big)) big = fi;
  }
  const scale = (big < 0.0 ? -1.0 : 1.0) / Math.sqrt(norm / zpi);
  for (let i = 0; i < n; i++) {
    const fi = f[i]! * scale;
    f[i] = fi;
    psi[i] = ((psi[i]! / zpi) * fi) / h;
  }
}

/** JS twin of fpStationary. */
export function fpStationaryJs(u: Float64Array, n: number, umin: number, h: number, rho: Float64Array): number {
  let z = 0.0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(-(u[i]! - umin));
    rho[i] = w;
    z += w;
  }
  const inv = 1.0 / (z * h);
  for (let i = 0; i < n; i++) rho[i] = rho[i]! * inv;
  return z;
}

/** JS twin of fpPeriodicStationary. */
export function fpPeriodicStationaryJs(u: Float64Array, up: Float64Array, n: number, un: number, h: number, rho: Float64Array): number {
  let umax = -Infinity;
  for (let i = 0; i < n; i++) umax = Math.max(umax, u[i]!);
  const a = un - u[0]!;
  let total = 0.0;
  for (let i = 0; i < n; i++) total += Math.exp(u[i]! - umax) / up[i]!;
  let sign = 1.0;
  if (a === 0.0) {
    let zs = 0.0;
    for (let i = 0; i < n; i++) {
      const w = Math.exp(-(u[i]! - umax));
      rho[i] = w;
      zs += w;
    }
    for (let i = 0; i < n; i++) rho[i] = rho[i]! / (zs * h);
    fpInfoJs[0] = 1.0;
    return 0.0;
  }
  if (a < 0.0) {
    const g0 = total / -Math.expm1(a);
    let g = g0 * Math.exp(a);
    for (let i = n - 1; i >= 1; i--) {
      g += Math.exp(u[i]! - umax) / up[i]!;
      rho[i] = g;
    }
    rho[0] = g0;
  } else {
    sign = -1.0;
    let g = total / Math.expm1(a);
    rho[0] = g;
    for (let i = 0; i < n - 1; i++) {
      g += Math.exp(u[i]! - umax) / up[i]!;
      rho[i + 1] = g;
    }
  }
  let mass = 0.0;
  for (let i = 0; i < n; i++) {
    const v = Math.exp(-(u[i]! - umax)) * rho[i]!;
    rho[i] = v;
    mass += v;
  }
  for (let i = 0; i < n; i++) rho[i] = rho[i]! / (mass * h);
  fpInfoJs[0] = 1.0;
  return sign / mass;
}

/** JS twin of fpEvolve. */
export function fpEvolveJs(up: Float64Array, down: Float64Array, n: number, boundary: number, dt: number, theta: number, steps: number, p: Float64Array, cp: Float64Array, inv: Float64Array, rhs: Float64Array, y: Float64Array, survival: Float64Array, outflow: Float64Array): void {
  const a = theta * dt;
  const periodic = boundary === PERIODIC;
  const cornerLow = periodic ? -a * down[0]! : 0.0;
  const cornerHigh = periodic ? -a * up[n - 1]! : 0.0;
  const gam = -(1.0 + a * (up[0]! + down[0]!));
  let prevCp = 0.0;
  for (let i = 0; i < n; i++) {
    let diag = 1.0 + a * (up[i]! + down[i]!);
    if (periodic) {
      if (i === 0) diag -= gam;
      if (i === n - 1) diag -= (cornerLow * cornerHigh) / gam;
    }
    const sub = i > 0 ? -a * up[i - 1]! : 0.0;
    const den = diag - sub * prevCp;
    const iv = 1.0 / den;
    inv[i] = iv;
    const sup = i < n - 1 ? -a * down[i + 1]! : 0.0;
    prevCp = sup * iv;
    cp[i] = prevCp;
  }
  if (periodic) {
    let prev = 0.0;
    for (let i = 0; i < n; i++) {
      const ui = i === 0 ? gam : i === n - 1 ? cornerLow : 0.0;
      const sub = i > 0 ? -a * up[i - 1]! : 0.0;
      prev = (ui - sub * prev) * inv[i]!;
      y[i] = prev;
    }
    for (let i = n - 2; i >= 0; i--) y[i] = y[i]! - cp[i]! * y[i + 1]!;
  }
  const yfac = periodic ? 1.0 / (1.0 + y[0]! + (cornerHigh / gam) * y[n - 1]!) : 0.0;
  for (let k = 0; k < steps; k++) {
    const outOld = down[0]! * p[0]! + up[n - 1]! * p[n - 1]!;
    let prev = 0.0;
    let fluxIn = periodic ? up[n - 1]! * p[n - 1]! - down[0]! * p[0]! : -down[0]! * p[0]!;
    for (let i = 0; i < n; i++) {
      const fluxOut = i < n - 1 ? up[i]! * p[i]! - down[i + 1]! * p[i + 1]! : periodic ? up[n - 1]! * p[n - 1]! - down[0]! * p[0]! : up[n - 1]! * p[n - 1]!;
      const r = dt * (fluxIn - fluxOut);
      fluxIn = fluxOut;
      const sub = i > 0 ? -a * up[i - 1]! : 0.0;
      prev = (r - sub * prev) * inv[i]!;
      rhs[i] = prev;
    }
    let next = rhs[n - 1]!;
    for (let i = n - 2; i >= 0; i--) {
      next = rhs[i]! - cp[i]! * next;
      rhs[i] = next;
    }
    if (periodic) {
      const f = (rhs[0]! + (cornerHigh / gam) * rhs[n - 1]!) * yfac;
      for (let i = 0; i < n; i++) rhs[i] = rhs[i]! - f * y[i]!;
    }
    let mass = 0.0;
    for (let i = 0; i < n; i++) {
      const v = p[i]! + rhs[i]!;
      p[i] = v;
      mass += v;
    }
    const outNew = down[0]! * p[0]! + up[n - 1]! * p[n - 1]!;
    survival[k] = mass;
    outflow[k] = boundary === ABSORBING ? theta * outNew + (1.0 - theta) * outOld : 0.0;
  }
}

/** JS twin of fpTwisted4 (four shifts in lockstep; same lane layout and outputs). */
export function fpTwisted4Js(d: Float64Array, e: Float64Array, lld: Float64Array, m: number, sig: Float64Array, s4: Float64Array, p4: Float64Array, out: Float64Array): void {
  const s0 = sig[0]!, s1 = sig[1]!, s2 = sig[2]!, s3 = sig[3]!;
  let a0 = -s0, a1 = -s1, a2 = -s2, a3 = -s3;
  const dl = d[m - 1]!;
  let b0 = dl - s0, b1 = dl - s1, b2 = dl - s2, b3 = dl - s3;
  s4[0] = a0; s4[1] = a1; s4[2] = a2; s4[3] = a3;
  const lo = 4 * (m - 1);
  p4[lo] = b0; p4[lo + 1] = b1; p4[lo + 2] = b2; p4[lo + 3] = b3;
  let n0 = 0, n1 = 0, n2 = 0, n3 = 0;
  for (let i = 0; i < m - 1; i++) {
    const di = d[i]!;
    const li = lld[i]!;
    let q0 = di + a0, q1 = di + a1, q2 = di + a2, q3 = di + a3;
    if (q0 === 0.0) q0 = TINY;
    if (q1 === 0.0) q1 = TINY;
    if (q2 === 0.0) q2 = TINY;
    if (q3 === 0.0) q3 = TINY;
    if (q0 < 0.0) n0++;
    if (q1 < 0.0) n1++;
    if (q2 < 0.0) n2++;
    if (q3 < 0.0) n3++;
    a0 = li * (a0 / q0) - s0;
    a1 = li * (a1 / q1) - s1;
    a2 = li * (a2 / q2) - s2;
    a3 = li * (a3 / q3) - s3;
    const so = 4 * (i + 1);
    s4[so] = a0; s4[so + 1] = a1; s4[so + 2] = a2; s4[so + 3] = a3;
    const k = m - 2 - i;
    const dk = d[k]!;
    const lk = lld[k]!;
    let r0 = lk + b0, r1 = lk + b1, r2 = lk + b2, r3 = lk + b3;
    if (r0 === 0.0) r0 = TINY;
    if (r1 === 0.0) r1 = TINY;
    if (r2 === 0.0) r2 = TINY;
    if (r3 === 0.0) r3 = TINY;
    b0 = b0 * (dk / r0) - s0;
    b1 = b1 * (dk / r1) - s1;
    b2 = b2 * (dk / r2) - s2;
    b3 = b3 * (dk / r3) - s3;
    const po = 4 * k;
    p4[po] = b0; p4[po + 1] = b1; p4[po + 2] = b2; p4[po + 3] = b3;
  }
  if (dl + a0 <= 0.0) n0++;
  if (dl + a1 <= 0.0) n1++;
  if (dl + a2 <= 0.0) n2++;
  if (dl + a3 <= 0.0) n3++;
  const neg = [n0, n1, n2, n3];
  for (let lane = 0; lane < 4; lane++) {
    const sl = sig[lane]!;
    let r = 0;
    let gmin = Infinity;
    let gr = 0.0;
    for (let k = 0; k < m; k++) {
      const g = s4[4 * k + lane]! + p4[4 * k + lane]! + sl;
      const ag = Math.abs(g);
      if (ag < gmin) {
        gmin = ag;
        gr = g;
        r = k;
      }
    }
    let norm = 1.0;
    let zi = 1.0;
    for (let i = r - 1; i >= 0; i--) {
      let dplus = d[i]! + s4[4 * i + lane]!;
      if (dplus === 0.0) dplus = TINY;
      zi = -(e[i]! / dplus) * zi;
      norm += zi * zi;
    }
    zi = 1.0;
    for (let i = r; i < m - 1; i++) {
      let dminus = lld[i]! + p4[4 * (i + 1) + lane]!;
      if (dminus === 0.0) dminus = TINY;
      zi = -(e[i]! / dminus) * zi;
      norm += zi * zi;
    }
    if (gr === 0.0) gr = 1e-300;
    const o = 8 + 5 * lane;
    out[o] = gr / norm;
    out[o + 1] = gr;
    out[o + 2] = norm;
    out[o + 3] = r;
    out[o + 4] = neg[lane]!;
  }
}

/** JS twin of fpNegcount4: four Sturm counts in one pass, written to out[0..3]. */
export function fpNegcount4Js(d: Float64Array, lld: Float64Array, m: number, sig: Float64Array, out: Float64Array): void {
  const s0 = sig[0]!, s1 = sig[1]!, s2 = sig[2]!, s3 = sig[3]!;
  let a0 = -s0, a1 = -s1, a2 = -s2, a3 = -s3;
  let n0 = 0, n1 = 0, n2 = 0, n3 = 0;
  for (let i = 0; i < m - 1; i++) {
    const di = d[i]!;
    const li = lld[i]!;
    let q0 = di + a0, q1 = di + a1, q2 = di + a2, q3 = di + a3;
    if (q0 === 0.0) q0 = TINY;
    if (q1 === 0.0) q1 = TINY;
    if (q2 === 0.0) q2 = TINY;
    if (q3 === 0.0) q3 = TINY;
    if (q0 < 0.0) n0++;
    if (q1 < 0.0) n1++;
    if (q2 < 0.0) n2++;
    if (q3 < 0.0) n3++;
    a0 = li * (a0 / q0) - s0;
    a1 = li * (a1 / q1) - s1;
    a2 = li * (a2 / q2) - s2;
    a3 = li * (a3 / q3) - s3;
  }
  const dl = d[m - 1]!;
  out[0] = dl + a0 <= 0.0 ? n0 + 1 : n0;
  out[1] = dl + a1 <= 0.0 ? n1 + 1 : n1;
  out[2] = dl + a2 <= 0.0 ? n2 + 1 : n2;
  out[3] = dl + a3 <= 0.0 ? n3 + 1 : n3;
}
