// N-D Langevin first passage to a half-space (hot loop of src/langevin/simulate-nd.ts).
//
// Walkers move in n coordinates under an N-D program potential (assembly/potential.ts, kind 3)
// until n̂·x ≥ c (n̂ a unit normal) or a step limit. Overdamped: Euler–Maruyama with a Brownian-
// bridge test along n̂ (a crossing inside a step, probability exp(−2 s₀ s₁/σ²) from the distances
// s = c − n̂·x before and after and the step variance σ² = 2kT·dt/γ), so the first-passage time
// has an O(dt) bias instead of O(√dt). Underdamped: BAOAB (Leimkuhler–Matthews), one force per step.
//
// Random numbers: normal k of walker w is the same stream as the 1-D engine's (assembly/rng.ts,
// Philox block (k >> 2, 0, w, 0) through the ziggurat): overdamped step s uses k = s·n + d,
// underdamped the initial velocity k = d and step s uses k = (s + 1)·n + d; the bridge uniform of
// step s is Philox (s, 0, w, 1). Results are a pure function of (seed, walker).
//
// params (f64): [0] dynamics (0 overdamped, 1 underdamped), [1] dt, [2] kT, [3] γ, [4] m,
//   [5] c, [6] k0, [7] k1, [8] maxSteps, [9 .. 9+n) n̂, [9+n .. 9+2n) start point.
// Per walker i of the chunk (global index firstWalker + i): x, v, g (n f64 each: position,
// velocity, force −∇U at x for BAOAB), steps (f64), status (i32: 0 running, 1 absorbed,
// 3 censored at maxSteps, 4 not finite).
import { gradientND } from "./potential";
import { normalAt, philox, philoxOut, resetNormalCache, uniform52 } from "./rng";

/** 2s₀s₁/σ² above which the bridge test is skipped (crossing probability e^{−40} < 2^{−52}). */
const BRIDGE_SKIP: f64 = 40.0;

@inline function ld(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}
@inline function st(p: usize, i: i32, v: f64): void {
  store<f64>(p + (<usize>i << 3), v);
}

/** Place `count` walkers at the start (and draw Maxwellian velocities, underdamped). */
export function langevinNDInit(desc: usize, n: i32, zig: usize, params: usize, count: i32, firstWalker: i32, x: usize, v: usize, g: usize, steps: usize, status: usize): void {
  const under = ld(params, 0) != 0.0;
  const kT = ld(params, 2), m = ld(params, 4);
  const k0 = <u32>ld(params, 6), k1 = <u32>ld(params, 7);
  const vth = Math.sqrt(kT / m);
  resetNormalCache();
  for (let i = 0; i < count; i++) {
    const w = <u32>(firstWalker + i);
    const xi = x + (<usize>(i * n) << 3);
    for (let d = 0; d < n; d++) {
      st(xi, d, ld(params, 9 + n + d));
      st(v + (<usize>(i * n) << 3), d, under ? vth * normalAt(zig, <u32>d, w, k0, k1) : 0.0);
    }
    if (under) {
      const gi = g + (<usize>(i * n) << 3);
      gradientND(desc, xi, gi);
      for (let d = 0; d < n; d++) st(gi, d, -ld(gi, d));
    }
    st(steps, i, 0.0);
    store<i32>(status + (<usize>i << 2), 0);
  }
  resetNormalCache();
}

/**
 * Advance the running walkers of the chunk until absorbed, non-finite, or `stepEnd` steps
 * (censored when that reaches maxSteps). `grad` is n f64 of scratch. Returns the walkers still running.
 */
export function langevinNDRun(desc: usize, n: i32, zig: usize, params: usize, count: i32, firstWalker: i32, x: usize, v: usize, g: usize, steps: usize, status: usize, stepEnd: f64, grad: usize): i32 {
  const dt = ld(params, 1), kT = ld(params, 2), gamma = ld(params, 3), m = ld(params, 4);
  // the step's constants are computed here and passed in: TurboFan would otherwise schedule these
  // loop-invariant divisions inside the walker loop (seen with perf annotate)
  const sigma = Math.sqrt(2.0 * kT * dt / gamma);
  const c1 = Math.exp(-gamma * dt / m);
  return ndSweep(desc, n, zig, params, count, firstWalker, x, v, g, steps, status, Math.min(stepEnd, ld(params, 8)), grad,
    ld(params, 0) != 0.0, dt, dt / gamma, sigma, 2.0 / (sigma * sigma), 0.5 * dt / m, c1, Math.sqrt((1.0 - c1 * c1) * kT / m));
}

/** The walker loop of {@link langevinNDRun}, with every step constant as a parameter. */
function ndSweep(desc: usize, n: i32, zig: usize, params: usize, count: i32, firstWalker: i32, x: usize, v: usize, g: usize, steps: usize, status: usize, end: f64, grad: usize,
  under: bool, dt: f64, drift: f64, sigma: f64, twoOverVar: f64, halfDtM: f64, c1: f64, c2: f64): i32 {
  const c = ld(params, 5);
  const k0 = <u32>ld(params, 6), k1 = <u32>ld(params, 7), maxSteps = ld(params, 8);
  const nrm = params + (<usize>9 << 3);
  let running = 0;
  resetNormalCache();
  for (let i = 0; i < count; i++) {
    if (load<i32>(status + (<usize>i << 2)) != 0) continue;
    const w = <u32>(firstWalker + i);
    const xi = x + (<usize>(i * n) << 3), vi = v + (<usize>(i * n) << 3), gi = g + (<usize>(i * n) << 3);
    let s = ld(steps, i);
    let state = 0;
    let dist = c;
    for (let d = 0; d < n; d++) dist -= ld(nrm, d) * ld(xi, d);
    while (s < end) {
      const step = <u32>s;
      if (!under) {
        gradientND(desc, xi, grad);
        for (let d = 0; d < n; d++) st(xi, d, ld(xi, d) - drift * ld(grad, d) + sigma * normalAt(zig, step * <u32>n + <u32>d, w, k0, k1));
      } else {
        for (let d = 0; d < n; d++) {
          const vd = ld(vi, d) + halfDtM * ld(gi, d);
          st(xi, d, ld(xi, d) + 0.5 * dt * vd);
          st(vi, d, vd);
        }
        for (let d = 0; d < n; d++) {
          const vd = c1 * ld(vi, d) + c2 * normalAt(zig, (step + 1) * <u32>n + <u32>d, w, k0, k1);
          st(xi, d, ld(xi, d) + 0.5 * dt * vd);
          st(vi, d, vd);
        }
        gradientND(desc, xi, gi);
        for (let d = 0; d < n; d++) {
          const fd = -ld(gi, d);
          st(gi, d, fd);
          st(vi, d, ld(vi, d) + halfDtM * fd);
        }
      }
      s += 1.0;
      let next = c;
      let finite = true;
      for (let d = 0; d < n; d++) {
        const xd = ld(xi, d);
        if (!isFinite(xd)) finite = false;
        next -= ld(nrm, d) * xd;
      }
      if (!finite) {
        state = 4;
        break;
      }
      if (next <= 0.0) {
        state = 1;
        break;
      }
      // a crossing inside the step that both ends miss; beyond 2s₀s₁/σ² = 40 its probability
      // (< 5e-18) is below the uniforms' resolution, so the test is skipped (in both engines)
      if (!under && twoOverVar * dist * next < BRIDGE_SKIP) {
        philox(step, 0, w, 1, k0, k1, philoxOut);
        if (uniform52(load<u32>(philoxOut), load<u32>(philoxOut, 4)) < Math.exp(-twoOverVar * dist * next)) {
          state = 1;
          break;
        }
      }
      dist = next;
    }
    if (state == 0 && s >= maxSteps) state = 3;
    st(steps, i, s);
    store<i32>(status + (<usize>i << 2), state);
    if (state == 0) running++;
  }
  resetNormalCache();
  return running;
}
