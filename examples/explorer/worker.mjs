// The explorer's Web Worker: everything that takes more than a frame. The page runs two of these,
// one animating the live ensemble and one for jobs (exact MFPT, turnover, escape ensembles,
// spectrum). Jobs are cut into slices with a yield between them, so a newer request cancels an
// older one and progress reaches the page.
import * as k from "/dist/kramers.mjs";

const has = (name) => typeof k[name] === "function";
const sleep = () => new Promise((r) => setTimeout(r, 0));
const wasmPromise = k.loadWasm();

// ---------- small, seeded RNG for the explorer's own walkers (display and fallback only) ----------
function rng(seed) {
  // sfc32 with Box–Muller normals
  let a = 0x9e3779b9, b = 0x243f6a88, c = 0xb7e15162, d = seed >>> 0;
  const u32 = () => {
    a >>>= 0; b >>>= 0; c >>>= 0; d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
  for (let i = 0; i < 12; i++) u32();
  let spare = NaN;
  return () => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = NaN;
      return s;
    }
    const u = (u32() + 0.5) / 4294967296;
    const v = (u32() + 0.5) / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
}

/** U′ evaluated by the WASM core (the potential's compiled descriptor; no JS tree walking). */
async function forceField(expr, domain) {
  const wasm = await wasmPromise;
  const p = k.expression(expr);
  const desc = wasm.copyIn(p.descriptor(domain));
  const dU = (x) => wasm.exports.potentialDerivative(desc, x, 1);
  // stiffest curvature on the domain → a stable BAOAB step (ω dt ≲ 0.2)
  let maxCurv = 1e-12;
  for (let i = 0; i <= 400; i++) {
    const x = domain[0] + ((domain[1] - domain[0]) * i) / 400;
    maxCurv = Math.max(maxCurv, Math.abs(wasm.exports.potentialDerivative(desc, x, 2)));
  }
  return { p, dU, maxCurv, free: () => wasm.free(desc) };
}

/**
 * One BAOAB step for walkers (x, v, f = U′(x)) in place; conventions of SCIENCE.md:
 * m dv = −U′dt − γ v dt + √(2γkT) dW. The O-step is exact, so any γ dt/m is stable.
 */
function baoab(xs, vs, fs, n, dU, dt, mass, c, noise, gauss) {
  const h = 0.5 * dt;
  for (let i = 0; i < n; i++) {
    let v = vs[i] - (h * fs[i]) / mass;
    let x = xs[i] + h * v;
    v = c * v + noise * gauss();
    x += h * v;
    const f = dU(x);
    vs[i] = v - (h * f) / mass;
    xs[i] = x;
    fs[i] = f;
  }
}

// ---------- the live ensemble ----------
let anim = null;
let animTimer = 0;

async function animate(m) {
  const field = await forceField(m.expr, m.domain);
  anim?.field.free();
  const n = 240;
  const gauss = rng(12345);
  const xs = new Float64Array(n);
  const vs = new Float64Array(n);
  const fs = new Float64Array(n);
  // start in equilibrium: positions from exp(−U/kT) (inverse CDF on a grid), Maxwellian velocities
  const [L, R] = m.domain;
  const G = 2000;
  const cdf = new Float64Array(G + 1);
  const us = Array.from({ length: G + 1 }, (_, j) => field.p.U(L + ((R - L) * j) / G));
  const umin = Math.min(...us);
  for (let j = 1; j <= G; j++) cdf[j] = cdf[j - 1] + Math.exp(-(us[j] - umin) / m.kT) + Math.exp(-(us[j - 1] - umin) / m.kT);
  for (let i = 0; i < n; i++) {
    const target = ((i + 0.5) / n) * cdf[G];
    let j = 1;
    while (j < G && cdf[j] < target) j++;
    xs[i] = L + ((R - L) * (j - 1 + (target - cdf[j - 1]) / (cdf[j] - cdf[j - 1] || 1))) / G;
    vs[i] = Math.sqrt(m.kT / m.mass) * gauss();
    fs[i] = field.dU(xs[i]);
  }
  const omega = Math.sqrt(field.maxCurv / m.mass);
  const dt = Math.min(0.15 / omega, 0.05);
  anim = { ...m, field, n, xs, vs, fs, gauss, dt, c: Math.exp((-m.gamma * dt) / m.mass), noise: Math.sqrt((1 - Math.exp((-2 * m.gamma * dt) / m.mass)) * (m.kT / m.mass)) };
  clearTimeout(animTimer);
  tick();
}

function tick() {
  const a = anim;
  if (!a) return;
  const t0 = performance.now();
  // ~0.25 time units of dynamics per frame, at most ~8 ms of work
  const steps = Math.min(400, Math.ceil(0.25 / a.dt));
  const [L, R] = a.domain;
  for (let s = 0; s < steps; s++) {
    baoab(a.xs, a.vs, a.fs, a.n, a.field.dU, a.dt, a.mass, a.c, a.noise, a.gauss);
    // reflect at the domain edges so walkers stay on screen
    for (let i = 0; i < a.n; i++) {
      if (a.xs[i] < L) { a.xs[i] = 2 * L - a.xs[i]; a.vs[i] = -a.vs[i]; a.fs[i] = a.field.dU(a.xs[i]); }
      else if (a.xs[i] > R) { a.xs[i] = 2 * R - a.xs[i]; a.vs[i] = -a.vs[i]; a.fs[i] = a.field.dU(a.xs[i]); }
    }
    if (performance.now() - t0 > 8) break;
  }
  postMessage({ type: "frame", configId: a.configId, positions: a.xs.slice() });
  animTimer = setTimeout(tick, 40);
}

// ---------- jobs ----------
const active = {};
const controllers = {};

function progress(job, id, fraction, label) {
  postMessage({ type: "progress", job, id, fraction, label });
}

function rateOf(v) {
  if (typeof v === "number") return v;
  if (v && typeof v === "object") return v.value ?? v.rate;
  return undefined;
}

async function exact(m) {
  // exact answers at the current parameters: the Kramers equation (underdamped, any γ) when this
  // build has turnover(), and the overdamped MFPT quadrature when it has mfpt(). Each is tried on
  // its own, so one failing method shows as a row with its error and the others still arrive.
  const rows = [];
  const failed = (key, method, e) => rows.push({ key, method, value: NaN, note: `failed: ${e?.message ?? e}` });
  if (has("turnover")) {
    progress("exact", m.id, 0.2, "exact: solving the Kramers equation …");
    try {
      const r = await k.turnover({ potential: m.expr, kT: m.kT, from: m.from, to: m.to, mass: m.mass, gammas: [m.gamma], domain: m.domain, tolerance: 1e-3 });
      const row = r.rows[0];
      const conv = (c) => (c ? (c.converged === false ? "NOT converged" : "converged") : "");
      rows.push({ key: "exactRate", method: "Exact, Kramers equation (λ₁-based)", value: row.exactRate, note: `${r.rateDefinitions?.exactRate ?? ""}; ± ${Number(row.exactRateError).toPrecision(2)} ${conv(row.convergence?.rate)}` });
      rows.push({ key: "exactMfptRate", method: "Exact, Kramers equation (1/MFPT)", value: row.exactMfptRate, note: `${r.rateDefinitions?.exactMfptRate ?? ""}; MFPT = ${Number(row.exactMfpt).toPrecision(5)} ${conv(row.convergence?.mfpt)}` });
    } catch (e) {
      failed("exactRate", "Exact, Kramers equation", e);
    }
  }
  if (active.exact !== m.id) return;
  if (has("mfpt")) {
    const reflect = m.to > m.from ? m.domain[0] : m.domain[1];
    try {
      const r = await k.mfpt({ potential: m.expr, kT: m.kT, gamma: m.gamma, from: m.from, to: m.to, reflect });
      const T = r.mfpt?.value ?? r.mfpt;
      rows.push({ key: "mfpt", method: "Exact overdamped 1/MFPT (quadrature)", value: rateOf(r.rate) ?? 1 / T, note: `${r.rateDefinition ?? ""}; MFPT = ${Number(T).toPrecision(5)}, reflecting wall at ${reflect}; overdamped dynamics γ dx = −U′dt + √(2γkT) dW` });
    } catch (e) {
      failed("mfpt", "Exact overdamped 1/MFPT (quadrature)", e);
    }
  }
  postMessage({ type: "exact", id: m.id, rows });
  progress("exact", m.id, 1, "exact rates done");
}

const TURNOVER_LABELS = {
  tst: "TST", energyDiffusion: "energy diffusion", melnikovPollak: "Mel'nikov–Pollak", kramersFull: "Kramers (full)",
  kramersOverdamped: "Kramers (overdamped)", melnikovPollakDoubleWell: "Mel'nikov–Pollak (double well)",
  exactRate: "exact λ₁ (Kramers equation)", exactMfptRate: "exact 1/MFPT (Kramers equation)",
};
const ANALYTIC = ["tst", "energyDiffusion", "melnikovPollak", "melnikovPollakDoubleWell", "kramersFull", "kramersOverdamped"];

async function turnover(m) {
  const gammas = Array.from({ length: 17 }, (_, i) => 10 ** (-2 + i / 4));
  const columns = {};
  const add = (key, i, v) => {
    if (typeof v !== "number" || !Number.isFinite(v)) return;
    (columns[key] ??= new Array(gammas.length).fill(NaN))[i] = v;
  };
  // analytic columns: fast, every γ
  let source = "closed forms (this build has no rate())";
  for (let i = 0; i < gammas.length; i++) {
    const g = gammas[i];
    if (has("rate")) {
      source = "rate() at each γ";
      const r = k.rate({ potential: m.expr, kT: m.kT, from: m.from, gamma: g, mass: m.mass, domain: m.domain });
      for (const key of ANALYTIC) add(key, i, rateOf(r.rates?.[key]));
    } else {
      const dU = m.top.U - m.well.U;
      const wa = Math.sqrt(m.well.curvature / m.mass);
      const wb = Math.sqrt(-m.top.curvature / m.mass);
      const arr = Math.exp(-dU / m.kT);
      add("tst", i, (wa / (2 * Math.PI)) * arr);
      add("kramersFull", i, (wa / (2 * Math.PI * wb)) * (Math.sqrt((g * g) / (4 * m.mass * m.mass) + wb * wb) - g / (2 * m.mass)) * arr);
      add("kramersOverdamped", i, (Math.sqrt(m.well.curvature * -m.top.curvature) / (2 * Math.PI * g)) * arr);
    }
  }
  const send = (caption) => {
    const curves = Object.entries(columns).map(([key, rate]) => ({ label: TURNOVER_LABELS[key] ?? key, rate: rate.slice(), ...(key.startsWith("exact") ? {} : { dash: key === "melnikovPollak" ? "8 3" : "3 3" }) }));
    postMessage({ type: "turnover", id: m.id, gamma: gammas, curves, caption });
  };
  send(`Curves: ${source}. Points: the explorer's Langevin ensembles (95% CI). Vertical line: current γ.`);
  // exact columns: the Kramers equation, from high friction (cheap) down; stop when a solve gets slow
  if (!has("turnover")) return;
  let done = 0;
  for (let i = gammas.length - 1; i >= 0; i--) {
    await sleep();
    if (active.turnover !== m.id) return; // superseded
    const t0 = performance.now();
    const r = await k.turnover({ potential: m.expr, kT: m.kT, from: m.from, to: m.to, mass: m.mass, gammas: [gammas[i]], domain: m.domain, tolerance: 1e-3 });
    add("exactRate", i, r.rows[0].exactRate);
    add("exactMfptRate", i, r.rows[0].exactMfptRate);
    done++;
    progress("turnover", m.id, done / gammas.length, `turnover: Kramers equation at γ = ${gammas[i].toPrecision(2)}`);
    send(`Curves: ${source}; solid: exact Kramers equation (turnover()) down to γ = ${gammas[i].toPrecision(2)}. Points: the explorer's Langevin ensembles (95% CI). Vertical line: current γ.`);
    if (performance.now() - t0 > 2500) break; // lower friction only gets slower
  }
}

async function ensemble(m) {
  const t0 = performance.now();
  const n = m.particles;
  const dir = m.to > m.from ? 1 : -1;
  const field = await forceField(m.expr, m.domain);
  const omega = Math.sqrt(field.maxCurv / m.mass);
  const dt = Math.min(0.1 / omega, 0.05);
  // budget: ~3·10⁷ walker-steps; the run is censored at tmax if escape is slower than that
  const maxSteps = Math.floor(3e7 / n);
  const wanted = m.predictedRate > 0 ? 8 / m.predictedRate : Infinity;
  const tmax = Math.min(wanted, maxSteps * dt);
  if (has("simulate")) {
    try {
      progress("ensemble", m.id, 0.05, "ensemble: running simulate() …");
      // a newer ensemble request aborts this one
      controllers.ensemble?.abort();
      const controller = (controllers.ensemble = new AbortController());
      const r = await k.simulate({
        potential: m.expr, kT: m.kT, from: m.from, to: m.to, particles: n, dt, tmax, seed: 2024, gamma: m.gamma, mass: m.mass,
        dynamics: "underdamped", keepTimes: true, signal: controller.signal,
        onProgress: (p) => progress("ensemble", m.id, p.fraction, `ensemble (simulate): ${Math.round(100 * p.fraction)} %`),
      });
      const times = Array.from(r.times ?? r.firstPassageTimes ?? r.escapeTimes ?? []).filter((t) => Number.isFinite(t) && t <= tmax);
      if (times.length || r.escaped !== undefined) {
        field.free();
        return finishEnsemble(m, times, n, tmax, `simulate() (WASM)`, t0, rateOf(r.rate), r.rateCI);
      }
    } catch (e) {
      if (e?.code === "ABORTED" || active.ensemble !== m.id) return field.free();
      progress("ensemble", m.id, 0, `simulate() failed (${e.message}); using the explorer's JS walkers`);
    }
  }
  // Fallback: the explorer's own BAOAB walkers (forces from the WASM core), stopped at first passage.
  const gauss = rng(2024);
  let xs = new Float64Array(n);
  let vs = new Float64Array(n);
  let fs = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    xs[i] = m.from;
    vs[i] = Math.sqrt(m.kT / m.mass) * gauss(); // Maxwellian start
    fs[i] = field.dU(m.from);
  }
  const c = Math.exp((-m.gamma * dt) / m.mass);
  const noise = Math.sqrt((1 - c * c) * (m.kT / m.mass));
  const times = [];
  let alive = n;
  let t = 0;
  const chunk = 200;
  while (alive > 0 && t < tmax) {
    if (active.ensemble !== m.id) return field.free();
    for (let s = 0; s < chunk && alive > 0 && t < tmax; s++) {
      baoab(xs, vs, fs, alive, field.dU, dt, m.mass, c, noise, gauss);
      t += dt;
      for (let i = 0; i < alive; i++) {
        if ((xs[i] - m.to) * dir >= 0) {
          times.push(t);
          alive--;
          xs[i] = xs[alive]; vs[i] = vs[alive]; fs[i] = fs[alive];
          i--;
        }
      }
    }
    progress("ensemble", m.id, Math.max(t / tmax, (n - alive) / n), `ensemble: t = ${t.toPrecision(3)} of ${tmax.toPrecision(3)}, ${n - alive}/${n} escaped`);
    await sleep();
  }
  field.free();
  finishEnsemble(m, times, n, tmax, "explorer JS walkers (BAOAB, WASM forces)", t0);
}

function finishEnsemble(m, times, n, tmax, engine, t0, rate, rateCI) {
  const escaped = times.length;
  const censored = n - escaped;
  // censoring-aware MLE: k = escaped / total time at risk; 95% CI from the Poisson count (log-normal approx.)
  const atRisk = times.reduce((a, b) => a + b, 0) + censored * tmax;
  const kHat = rate ?? (escaped > 0 ? escaped / atRisk : 0);
  const ci = rateCI ?? (escaped > 0 ? [kHat * Math.exp(-1.96 / Math.sqrt(escaped)), kHat * Math.exp(1.96 / Math.sqrt(escaped))] : [0, 3 / atRisk]);
  postMessage({ type: "ensemble", id: m.id, times, escaped, censored, particles: n, tmax, rate: kHat, ci, engine, gamma: m.gamma, target: m.to, elapsed: performance.now() - t0 });
}

async function spectrum(m) {
  // Fokker–Planck (overdamped): the stationary density on the grid, and the rate from λ1
  const out = { type: "spectrum", id: m.id };
  if (has("stationaryDensity")) {
    const d = await k.stationaryDensity({ potential: m.expr, kT: m.kT, gamma: m.gamma, domain: m.domain });
    // thin to ≤ 400 points for drawing
    const stride = Math.max(1, Math.floor(d.x.length / 400));
    const x = [];
    const y = [];
    for (let i = 0; i < d.x.length; i += stride) {
      x.push(d.x[i]);
      y.push(d.density[i]);
    }
    out.series = { x, y, label: "Fokker–Planck stationary density", dash: "1 3" };
  }
  if (active.spectrum !== m.id) return;
  progress("spectrum", m.id, 0.5, "Fokker–Planck spectrum …");
  if (has("spectrum")) {
    const r = await k.spectrum({ potential: m.expr, kT: m.kT, gamma: m.gamma, domain: m.domain });
    const rates = r.rates ?? {};
    if (rates.kind === "two-state") {
      const fromLeft = Math.abs(m.from - rates.wellX[0]) < Math.abs(m.from - rates.wellX[1]);
      out.rate = fromLeft ? rates.rateForward : rates.rateBackward;
      const lambda1 = r.eigenvalues.find((v) => v > 0) ?? NaN;
      out.note = `λ1 = ${lambda1.toExponential(4)}; k = λ1·p(other well); ${r.converged ? "converged" : "NOT converged"}, error ≈ ${Number(r.errorEstimate).toPrecision(2)}`;
    } else if (rates.kind === "escape") {
      out.rate = rates.escapeRate;
      out.note = rates.rateDefinition;
    }
    out.warnings = (r.warnings ?? []).map((w) => w.message);
  }
  postMessage(out);
  progress("spectrum", m.id, 1, "Fokker–Planck spectrum done");
}

/** 2-D: the barrier (minima, saddles, path), Langer's rate, and the exact overdamped rates on grids. */
async function landscape2d(m) {
  if (!has("barrierND") || !has("gridMfpt2D")) throw new Error("this build has no N-D functions");
  progress("landscape2d", m.id, 0.05, "2-D: minima, transition states and the path…");
  const p = k.expressionND(m.expr);
  if (p.dimension !== 2) throw new Error(`U(x, y) must depend on x and y only (got ${p.dimension} coordinates)`);
  const b = k.barrierND({ potential: p, from: m.from, to: m.to });
  const langer = k.langerRate({ potential: p, kT: m.kT, from: m.from, to: m.to, gamma: 1 });
  const svg = k.plotLandscape2D({ potential: p, domain: m.box, barrier: b, kT: m.kT, samples: 60, width: 620, height: 420 });
  postMessage({ type: "landscape2d", id: m.id, stage: "landscape", svg, langer: langer.rates.overdamped, barrier: langer.barrierHeight / m.kT, saddle: Array.from(b.saddle.x),
    // this section's model is overdamped: the warnings about inertia (γ/m against ω_b) do not apply
    warnings: langer.warnings.filter((w) => w.code !== "OVERDAMPED_INVALID" && w.code !== "FRICTION_REGIME").map((w) => w.message) });
  await sleep();
  if (active.landscape2d !== m.id) return;
  progress("landscape2d", m.id, 0.4, "2-D: exact MFPT (backward equation)…");
  // the target line through `to`, perpendicular to x: first passage toward the other well
  const dir = Math.sign(m.to[0] - m.from[0]) || 1;
  const T = await k.gridMfpt2D({ potential: p, kT: m.kT, from: b.from.x, target: { axis: 0, at: b.to.x[0], side: dir > 0 ? "above" : "below" }, domain: m.box, tolerance: 1e-3 });
  if (active.landscape2d !== m.id) return;
  progress("landscape2d", m.id, 0.7, "2-D: Fokker–Planck spectrum…");
  await sleep();
  const S = await k.gridSpectrum2D({ potential: p, kT: m.kT, domain: m.box, tolerance: 1e-3 });
  postMessage({ type: "landscape2d", id: m.id, stage: "exact", mfptRate: T.rate, lambdaHalf: S.lambda1 / 2, warnings: [...T.warnings, ...S.warnings].map((w) => w.message) });
  progress("landscape2d", m.id, 1, "2-D analysis done");
}

const JOBS = { exact, turnover, ensemble, spectrum, landscape2d };

onmessage = async (ev) => {
  const m = ev.data;
  try {
    if (m.type === "animate") return await animate(m);
    const job = JOBS[m.type];
    if (!job) return;
    active[m.type] = m.id;
    await job(m);
  } catch (e) {
    postMessage({ type: "error", job: m.type, id: m.id, message: e?.message ?? String(e) });
  }
};
