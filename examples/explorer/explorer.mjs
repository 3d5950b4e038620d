// The explorer page: controls → potential, landscape and rates (cheap, on the page) → figures.
// Heavy work (the live ensemble, escape-time ensembles, exact MFPT, the turnover) runs in Web
// Workers (worker.mjs), so the page never freezes. The library is imported straight from the built
// bundle, as a user's page would: no bundler, the WASM core is inlined in it.
import * as k from "/dist/kramers.mjs";

const $ = (id) => document.getElementById(id);

/** Presets: label, expression, domain, a kT that makes the barrier interesting. */
const PRESETS = [
  { label: "Symmetric double well  x⁴/4 − x²/2", expr: "x^4/4 - x^2/2", domain: [-1.9, 1.9], kT: 0.05 },
  { label: "Tilted double well  x⁴/4 − x²/2 + 0.1x", expr: "x^4/4 - x^2/2 + 0.1*x", domain: [-1.9, 1.9], kT: 0.05 },
  { label: "Memory element (βΔU = 20 at kT = 0.0125)", expr: "x^4/4 - x^2/2", domain: [-1.9, 1.9], kT: 0.0125 },
  { label: "Metastable cubic  x²/2 − x³/3", expr: "x^2/2 - x^3/3", domain: [-0.9, 1.6], kT: 0.03 },
  { label: "Triple well", expr: "x^6/6 - 1.1*x^4 + 1.5*x^2", domain: [-2.6, 2.6], kT: 0.25 },
  { label: "Tilted washboard  −cos x − 0.3x", expr: "-cos(x) - 0.3*x", domain: [-3.5, 9], kT: 0.15 },
  { label: "Asymmetric double well", expr: "x^4 - 2*x^2 + 0.4*x^3", domain: [-2.1, 1.6], kT: 0.1 },
];

const has = (name) => typeof k[name] === "function";
$("build").textContent = `library: ${["landscape", "rate", "mfpt", "spectrum", "stationaryDensity", "simulate", "turnover"].map((n) => `${n} ${has(n) ? "✓" : "–"}`).join(" · ")}`;

for (const [i, p] of PRESETS.entries()) $("preset").add(new Option(p.label, String(i)));

const fmt = (v) => {
  if (v === undefined || v === null || Number.isNaN(v)) return "—";
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e5) ? v.toExponential(3) : String(Number(v.toPrecision(4)));
};

// ---------- state ----------
const logSlider = (id) => 10 ** Number($(id).value);
function setLogSlider(id, value) {
  $(id).value = String(Math.log10(value));
}
function applyPreset(i) {
  const p = PRESETS[i];
  $("expr").value = p.expr;
  $("domain-left").value = String(p.domain[0]);
  $("domain-right").value = String(p.domain[1]);
  setLogSlider("kT", p.kT);
}

function readControls() {
  return {
    expr: $("expr").value.trim(),
    domain: [Number($("domain-left").value), Number($("domain-right").value)],
    kT: logSlider("kT"),
    gamma: logSlider("gamma"),
    mass: logSlider("mass"),
    fromIndex: $("from").selectedIndex,
  };
}

/** What the page currently shows, derived from the controls (null when the input is invalid). */
let current = null;

function analyse(c) {
  const potential = k.expression(c.expr);
  const land = k.landscape({ potential, domain: c.domain, mass: c.mass });
  if (land.minima.length === 0) throw new Error("no minimum in the domain: widen it or change U");
  // the start well and the escape route over its lower neighbouring barrier
  const fromIndex = Math.min(Math.max(0, c.fromIndex), land.minima.length - 1);
  const well = land.minima[fromIndex];
  const left = land.maxima.filter((b) => b.x < well.x).at(-1);
  const right = land.maxima.find((b) => b.x > well.x);
  const top = !left ? right : !right ? left : left.U < right.U ? left : right;
  let target;
  if (top) {
    const dir = Math.sign(top.x - well.x);
    const next = dir > 0 ? land.minima.find((m) => m.x > top.x) : land.minima.filter((m) => m.x < top.x).at(-1);
    target = next ? next.x : top.x + (top.x - well.x);
  }
  return { ...c, potential, land, fromIndex, well, top, target };
}

// ---------- rates (cheap, on the page) ----------
function fallbackRates(s) {
  // Used only when this build has no rate(): the SCIENCE.md closed forms.
  const { well, top, kT, gamma, mass } = s;
  const dU = top.U - well.U;
  const wa = Math.sqrt(well.curvature / mass);
  const wb = Math.sqrt(-top.curvature / mass);
  const arr = Math.exp(-dU / kT);
  return {
    transitionState: { value: (wa / (2 * Math.PI)) * arr },
    kramersOverdamped: { value: (Math.sqrt(well.curvature * -top.curvature) / (2 * Math.PI * gamma)) * arr },
    kramersFull: { value: (wa / (2 * Math.PI * wb)) * (Math.sqrt((gamma * gamma) / (4 * mass * mass) + wb * wb) - gamma / (2 * mass)) * arr },
  };
}

function rateValue(r) {
  if (typeof r === "number") return r;
  if (r && typeof r === "object") return r.value ?? r.rate;
  return undefined;
}

const RATE_LABELS = {
  arrhenius: "Arrhenius factor exp(−βΔU)",
  tst: "Transition-state theory",
  transitionState: "Transition-state theory",
  kramersOverdamped: "Kramers, overdamped",
  kramersFull: "Kramers, full (moderate friction)",
  energyDiffusion: "Energy diffusion (low friction)",
  melnikovPollak: "Mel'nikov–Pollak (turnover)",
  melnikovPollakDoubleWell: "Mel'nikov–Pollak, symmetric double-well form",
  eyring: "Eyring",
};

/** Rows of the rate table: [method, value, note]. Exact and simulated rows arrive from the worker. */
let rateRows = [];
let exactRows = [];
let spectrumRow = null;
let simulatedRow = null;
let headlineKey = null;

function computeRates(s) {
  rateRows = [];
  if (!s.top) {
    $("headline-rate").textContent = "no barrier";
    $("headline-barrier").textContent = "—";
    renderRates([]);
    return;
  }
  const dU = s.top.U - s.well.U;
  $("headline-barrier").textContent = fmt(dU / s.kT);
  let rates;
  let warnings = [];
  let recommended;
  if (has("rate")) {
    try {
      const r = k.rate({ potential: s.potential, kT: s.kT, from: s.well.x, gamma: s.gamma, mass: s.mass, domain: s.domain });
      rates = r.rates ?? r;
      warnings = r.warnings ?? [];
      recommended = r.recommended;
    } catch (e) {
      warnings = [{ message: `rate(): ${e.message}` }];
    }
  }
  const source = rates ? "rate()" : "page fallback (this build has no rate())";
  rates ??= fallbackRates(s);
  for (const [key, r] of Object.entries(rates)) {
    const v = rateValue(r);
    if (typeof v !== "number") continue;
    const notes = [key === "arrhenius" ? "dimensionless factor, not a rate" : r?.regime, ...(r?.warnings ?? []).map((w) => w.message)].filter(Boolean).join("; ");
    rateRows.push({ key, method: RATE_LABELS[key] ?? key, value: v, note: notes, source });
  }
  // The headline: the method rate() recommends for this regime; else Mel'nikov–Pollak (every friction), else full Kramers.
  const best = rateRows.find((r) => r.key === recommended) ?? rateRows.find((r) => r.key === "melnikovPollak") ?? rateRows.find((r) => r.key === "kramersFull") ?? rateRows[0];
  headlineKey = best?.key ?? null;
  $("headline-rate").textContent = best ? fmt(best.value) : "—";
  $("headline-method").textContent = best ? `(${best.method})` : "";
  renderRates(warnings);
}

function renderRates(warnings) {
  const rows = [...rateRows];
  rows.push(...exactRows);
  if (spectrumRow) rows.push(spectrumRow);
  if (simulatedRow) rows.push(simulatedRow);
  const tr = (r) => `<tr data-key="${r.key}"${r.key === headlineKey ? ' style="font-weight:600"' : ""}><td>${r.method}</td><td class="num" id="rate-${r.key}">${fmt(r.value)}</td><td class="warn">${r.note ?? ""}</td></tr>`;
  $("rates").innerHTML =
    `<table><thead><tr><th>method</th><th>rate k (1/time)</th><th>regime / notes</th></tr></thead><tbody>${rows.map(tr).join("")}</tbody></table>` +
    (warnings.length ? `<p class="warn">${warnings.map((w) => w.message).join("<br>")}</p>` : "") +
    `<p class="hint">Formula rates: ${rows[0]?.source ?? "—"}. Rates are escape rates out of the chosen well (1/time). The Kramers-equation rows are exact for the underdamped dynamics at this γ and m; the Fokker–Planck spectrum and the MFPT quadrature are exact for overdamped dynamics (γ dx = −U′dt + √(2γkT) dW). Every row's definition of "rate" is in its note.</p>`;
}

// ---------- figures ----------
function svgInto(figureId, svg) {
  const el = document.querySelector(`#${figureId} .plot`);
  el.innerHTML = svg;
  return el.querySelector("svg");
}

let potentialSvg = null;
let walkerLayer = null;
/** The live ensemble's last frame, redrawn when the potential figure is rebuilt. */
let lastFrame = null;

function drawPotential(s) {
  potentialSvg = svgInto("fig-potential", k.plotPotential({ potential: s.potential, domain: s.domain, kT: s.kT, landscape: s.land, width: 620, height: 380 }));
  const [lx, ly, w, h] = potentialSvg.dataset.plotArea.split(" ").map(Number);
  walkerLayer = document.createElementNS("http://www.w3.org/2000/svg", "g");
  walkerLayer.setAttribute("class", "walkers");
  potentialSvg.appendChild(walkerLayer);
  potentialSvg.__map = {
    x: axisMap(potentialSvg.dataset.xDomain, lx, lx + w),
    y: axisMap(potentialSvg.dataset.yDomain, ly + h, ly),
  };
  if (lastFrame) renderWalkers(lastFrame.positions, false);
}

function axisMap(domainAttr, p0, p1) {
  const [d0, d1] = domainAttr.split(" ").map(Number);
  return (v) => p0 + ((v - d0) / (d1 - d0)) * (p1 - p0);
}

// density: Boltzmann vs the live ensemble's position histogram (accumulated)
const DENSITY_BINS = 60;
let occupancy = new Float64Array(DENSITY_BINS);
let occupancyTotal = 0;

function drawDensity(s) {
  const series = [];
  if (occupancyTotal > 0) {
    const [L, R] = s.domain;
    const w = (R - L) / DENSITY_BINS;
    const xs = Array.from({ length: DENSITY_BINS }, (_, i) => L + (i + 0.5) * w);
    series.push({ x: xs, y: Array.from(occupancy, (c) => c / (occupancyTotal * w)), label: "live ensemble (positions)", dash: "2 2" });
  }
  if (spectrumSeries) series.push(spectrumSeries);
  svgInto("fig-density", k.plotDensity({ potential: s.potential, kT: s.kT, domain: s.domain, series, width: 620, height: 340 }));
}

let spectrumSeries = null;
let turnoverData = null;
let simulatedPoints = [];

function drawTurnover(s) {
  if (!turnoverData) return;
  // y-range from the curves that hold at every friction (the limiting laws diverge at the ends)
  const central = turnoverData.curves.filter((c) => /Pollak|exact|Kramers \(full\)/.test(c.label)).flatMap((c) => Array.from(c.rate)).concat(simulatedPoints.map((p) => p.rate)).filter((v) => v > 0);
  const yDomain = central.length ? [Math.min(...central) / 5, Math.max(...central) * 20] : undefined;
  const svg = k.plotTurnover({ gamma: turnoverData.gamma, curves: turnoverData.curves, points: simulatedPoints, pointsLabel: "explorer ensembles", width: 620, height: 360, legend: "bottom-left", ...(yDomain ? { yDomain } : {}) });
  const el = svgInto("fig-turnover", svg);
  // mark the current γ (overlay in the SVG's own coordinates)
  const [lx, ly, w, h] = el.dataset.plotArea.split(" ").map(Number);
  const [g0, g1] = el.dataset.xDomain.split(" ").map(Number);
  const px = lx + ((Math.log10(s.gamma) - Math.log10(g0)) / (Math.log10(g1) - Math.log10(g0))) * w;
  if (px >= lx && px <= lx + w) {
    el.insertAdjacentHTML("beforeend", `<path d="M${px},${ly}v${h}" stroke="#CC79A7" stroke-dasharray="4 3" stroke-width="1.5"/><text x="${px + 4}" y="${ly + 12}" font-size="11" fill="#CC79A7">γ = ${fmt(s.gamma)}</text>`);
  }
  $("turnover-caption").textContent = turnoverData.caption;
}

// ---------- workers ----------
const animator = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
const computer = new Worker(new URL("./worker.mjs", import.meta.url), { type: "module" });
let jobId = 0;
const latest = { exact: 0, turnover: 0, ensemble: 0, spectrum: 0, landscape2d: 0 };

function post(worker, type, payload) {
  const id = ++jobId;
  worker.postMessage({ type, id, ...payload });
  return id;
}

function setStatus(text, fraction) {
  $("status").textContent = text;
  if (fraction !== undefined) $("progress").value = fraction;
}

// the live walkers on the potential figure (also redrawn when the figure is rebuilt, so they never vanish)
function renderWalkers(xs, count) {
  const { x: mx, y: my } = potentialSvg.__map;
  // reuse circles; one per walker
  while (walkerLayer.childElementCount < xs.length) {
    const c = document.createElementNS("http://www.w3.org/2000/svg", "circle");
    c.setAttribute("r", "3");
    c.setAttribute("fill", "#D55E00");
    c.setAttribute("fill-opacity", "0.55");
    walkerLayer.appendChild(c);
  }
  const [L, R] = current.domain;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i];
    const c = walkerLayer.children[i];
    c.setAttribute("cx", mx(x).toFixed(1));
    c.setAttribute("cy", my(current.potential.U(x)).toFixed(1));
    if (!count) continue;
    const b = Math.floor(((x - L) / (R - L)) * DENSITY_BINS);
    if (b >= 0 && b < DENSITY_BINS) {
      occupancy[b]++;
      occupancyTotal++;
    }
  }
}

animator.onmessage = (ev) => {
  const m = ev.data;
  if (m.type === "frame" && current && walkerLayer && m.configId === configId) {
    lastFrame = { configId: m.configId, positions: m.positions };
    renderWalkers(m.positions, true);
    $("fig-potential").dataset.frames = String(Number($("fig-potential").dataset.frames ?? 0) + 1);
  } else if (m.type === "error") {
    setStatus(`ensemble animation: ${m.message}`);
  }
};

computer.onmessage = (ev) => {
  const m = ev.data;
  if (m.type === "progress") {
    if (m.id === latest[m.job]) setStatus(m.label, m.fraction);
    return;
  }
  if (m.type === "error") {
    if (m.id === latest[m.job]) setStatus(`${m.job}: ${m.message}`, 0);
    if (m.job === "ensemble") $("run").disabled = false;
    if (m.job === "landscape2d" && m.id === latest.landscape2d) {
      $("run2d").disabled = false;
      $("error2d").textContent = m.message;
    }
    return;
  }
  if (m.type === "landscape2d") {
    if (m.id !== latest.landscape2d) return;
    if (m.stage === "landscape") {
      svgInto("fig-landscape2d", m.svg);
      l2d = { langer: m.langer, barrier: m.barrier, saddle: m.saddle, warnings: m.warnings };
    } else {
      l2d = { ...l2d, mfptRate: m.mfptRate, lambdaHalf: m.lambdaHalf, warnings: [...(l2d?.warnings ?? []), ...m.warnings] };
      $("run2d").disabled = false;
    }
    renderRates2d();
    return;
  }
  if (m.id !== latest[m.type] || !current) return; // stale
  if (m.type === "exact") {
    exactRows = m.rows ?? [];
    renderRates([]);
  } else if (m.type === "turnover") {
    turnoverData = m;
    drawTurnover(current);
  } else if (m.type === "spectrum") {
    spectrumSeries = m.series ?? null;
    spectrumRow = m.rate > 0 ? { key: "spectrum", method: "Fokker–Planck spectrum (overdamped, two-state λ1)", value: m.rate, note: [m.note, ...(m.warnings ?? [])].filter(Boolean).join("; ") } : null;
    renderRates([]);
    drawDensity(current);
  } else if (m.type === "ensemble") {
    $("run").disabled = false;
    setStatus("ensemble done", 1);
    $("ensemble-summary").textContent = `ensemble at γ = ${fmt(m.gamma)}: ${m.escaped} escaped, ${m.censored} censored (${m.engine}, ${(m.elapsed / 1000).toFixed(1)} s)`;
    const note = `${m.escaped}/${m.particles} escaped; 95% CI [${fmt(m.ci[0])}, ${fmt(m.ci[1])}]; ${m.engine}`;
    simulatedRow = { key: "simulated", method: "Langevin ensemble (underdamped)", value: m.rate, note };
    renderRates([]);
    const predicted = rateRows.find((r) => r.key === headlineKey);
    svgInto("fig-histogram", k.plotHistogram({
      samples: m.times, rate: m.rate > 0 ? m.rate : false, ...(predicted ? { predictedRate: predicted.value } : {}),
      xLabel: `first-passage time to x = ${fmt(m.target)}`, width: 620, height: 340,
    }));
    $("histogram-caption").textContent = `${m.escaped} of ${m.particles} walkers escaped by t = ${fmt(m.tmax)}; censoring-aware MLE k = escaped / Σ min(t, tmax) = ${fmt(m.rate)}${predicted ? `; dashed: ${predicted.method}` : ""}.`;
    simulatedPoints = [...simulatedPoints.filter((p) => p.gamma !== m.gamma), { gamma: m.gamma, rate: m.rate, lower: m.ci[0], upper: m.ci[1] }];
    drawTurnover(current);
  }
};

// ---------- update loop ----------
let configId = 0;
let landscapeKey = "";

function update({ heavy = true } = {}) {
  const c = readControls();
  $("kT-value").textContent = fmt(c.kT);
  $("gamma-value").textContent = fmt(c.gamma);
  $("mass-value").textContent = fmt(c.mass);
  let s;
  try {
    s = analyse(c);
    $("expr-error").textContent = "";
  } catch (e) {
    $("expr-error").textContent = e.message;
    return;
  }
  writeHash(c);
  const key = `${c.expr}|${c.domain}|${c.mass}`;
  if (key !== landscapeKey) {
    landscapeKey = key;
    const sel = $("from");
    const keep = sel.selectedIndex;
    sel.innerHTML = "";
    s.land.minima.forEach((m, i) => sel.add(new Option(`x = ${fmt(m.x)}  (U = ${fmt(m.U)})`, String(i))));
    sel.selectedIndex = Math.min(Math.max(0, keep), s.land.minima.length - 1);
    simulatedPoints = [];
  }
  const paramsChanged = !current || current.expr !== s.expr || String(current.domain) !== String(s.domain) || current.kT !== s.kT || current.fromIndex !== s.fromIndex;
  if (!current || paramsChanged || current.gamma !== s.gamma || current.mass !== s.mass) exactRows = [];
  current = s;
  drawPotential(s);
  computeRates(s);
  if (paramsChanged) {
    occupancy = new Float64Array(DENSITY_BINS);
    occupancyTotal = 0;
    exactRows = [];
    spectrumSeries = null;
    spectrumRow = null;
    simulatedRow = null;
  }
  drawDensity(s);
  configId++;
  animator.postMessage({ type: "animate", configId, expr: s.expr, domain: s.domain, kT: s.kT, gamma: s.gamma, mass: s.mass, starts: s.land.minima.map((m) => m.x) });
  if (!heavy) return;
  if (s.top) {
    latest.exact = post(computer, "exact", { expr: s.expr, domain: s.domain, kT: s.kT, gamma: s.gamma, from: s.well.x, to: s.target });
    latest.turnover = post(computer, "turnover", { expr: s.expr, domain: s.domain, kT: s.kT, mass: s.mass, from: s.well.x, to: s.target, top: s.top, well: s.well });
  }
  if (has("spectrum") || has("stationaryDensity")) latest.spectrum = post(computer, "spectrum", { expr: s.expr, domain: s.domain, kT: s.kT, gamma: s.gamma, from: s.well.x });
}

let timer = 0;
function scheduleUpdate() {
  // light redraw at once (rate, potential), heavy jobs after the user pauses
  update({ heavy: false });
  clearTimeout(timer);
  timer = setTimeout(() => update({ heavy: true }), 250);
}

$("preset").addEventListener("change", () => {
  applyPreset(Number($("preset").value));
  $("from").selectedIndex = 0;
  scheduleUpdate();
});
for (const id of ["kT", "gamma", "mass"]) $(id).addEventListener("input", scheduleUpdate);
for (const id of ["expr", "domain-left", "domain-right"]) $(id).addEventListener("input", scheduleUpdate);
$("from").addEventListener("change", scheduleUpdate);
$("run").addEventListener("click", () => {
  if (!current?.top) return;
  $("run").disabled = true;
  setStatus("ensemble: starting…", 0);
  const s = current;
  const predicted = rateRows.find((r) => r.key === "kramersFull") ?? rateRows[0];
  latest.ensemble = post(computer, "ensemble", {
    expr: s.expr, domain: s.domain, kT: s.kT, gamma: s.gamma, mass: s.mass, from: s.well.x, to: s.target,
    wellCurvature: s.well.curvature, barrierCurvature: s.top.curvature, predictedRate: predicted?.value, particles: 800,
  });
});

// periodic density refresh while the ensemble animates
setInterval(() => current && occupancyTotal > 0 && drawDensity(current), 1000);

// the state lives in the URL hash, so a view can be bookmarked or shared
function writeHash(c) {
  const q = new URLSearchParams({ U: c.expr, L: String(c.domain[0]), R: String(c.domain[1]), kT: $("kT").value, gamma: $("gamma").value, mass: $("mass").value, from: String(c.fromIndex) });
  history.replaceState(null, "", `#${q}`);
}
function readHash() {
  const q = new URLSearchParams(location.hash.slice(1));
  if (!q.has("U")) return false;
  $("expr").value = q.get("U");
  $("domain-left").value = q.get("L") ?? "-2";
  $("domain-right").value = q.get("R") ?? "2";
  for (const id of ["kT", "gamma", "mass"]) if (q.has(id)) $(id).value = q.get(id);
  pendingFrom = Number(q.get("from") ?? 0);
  return true;
}
let pendingFrom = 0;

// ---------- two dimensions ----------
let l2d = null;
function renderRates2d() {
  if (!l2d) return;
  const rows = [
    ["Langer (harmonic, overdamped)", l2d.langer, "l2d-langer"],
    ["exact 1/MFPT (backward equation)", l2d.mfptRate, "l2d-mfpt"],
    ["exact λ₁/2 (2-D spectrum)", l2d.lambdaHalf, "l2d-lambda"],
  ];
  const ref = l2d.mfptRate;
  $("rates2d").innerHTML = `<p class="hint">ΔU/kT = ${fmt(l2d.barrier)}; saddle at (${l2d.saddle.map((v) => fmt(Math.abs(v) < 1e-12 ? 0 : v)).join(", ")})</p><table><tr><th>method</th><th>rate</th><th>/ exact 1/MFPT</th></tr>${rows
    .map(([name, v, id]) => `<tr><td>${name}</td><td class="num" id="${id}">${v === undefined ? "…" : fmt(v)}</td><td class="num">${v !== undefined && ref ? fmt(v / ref) : ""}</td></tr>`)
    .join("")}</table>${l2d.warnings.map((w) => `<p class="warn">${w}</p>`).join("")}`;
}
function run2d() {
  $("error2d").textContent = "";
  const nums = (id, n) => {
    const v = $(id).value.split(",").map((t) => Number(t.trim()));
    if (v.length !== n || !v.every(Number.isFinite)) throw new Error(`${id.replace("2d", "")}: expected ${n} numbers`);
    return v;
  };
  try {
    const kT = Number($("kT2d").value);
    if (!(kT > 0)) throw new Error("kT must be a positive number");
    const b = nums("box2d", 4);
    l2d = null;
    $("rates2d").textContent = "";
    $("run2d").disabled = true;
    latest.landscape2d = post(computer, "landscape2d", { expr: $("expr2d").value, kT, from: nums("from2d", 2), to: nums("to2d", 2), box: [[b[0], b[1]], [b[2], b[3]]] });
  } catch (e) {
    $("error2d").textContent = e.message;
  }
}
$("run2d").addEventListener("click", run2d);

if (!readHash()) applyPreset(0);
update();
if (pendingFrom > 0 && pendingFrom < $("from").options.length) {
  $("from").selectedIndex = pendingFrom;
  update();
}
window.kramersExplorer = { get state() { return current; }, k };
