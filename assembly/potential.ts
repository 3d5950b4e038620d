// Potential evaluator shared by every kernel: hot loops call potentialU / potentialDU with a
// descriptor pointer and never call back into JS. A descriptor is an f64 array:
//   [0] kind   0 = polynomial, 1 = program (stack machine), 2 = table (cubic Hermite)
//   polynomial: [1] n, [2 .. 2+n) coefficients c0 … c(n-1), U = Σ c_k x^k
//   program:    [1] lenU, [2] lenDU, [3] lenD2U, [4 ..) the three programs back to back
//   table:      [1] n nodes, [2] x0, [3] h, [4 ..) U[n], U'[n], U''[n]; beyond the ends U′ is
//               continued linearly with the end curvature
//   N-D program (kind 3): [1] n coordinates, [2] len U, [3 .. 3+n) len ∂U/∂x_i, then the n + 1
//               programs back to back (potentialND, gradientND)
//   N-D monomials (kind 4): [1] n, [2] max power, then for U and each ∂U/∂x_i: a term count and
//               the terms (coefficient, n exponents) — polynomials, from a table of powers
// Opcodes mirror src/potential/expression/bytecode.ts.

const KIND_POLYNOMIAL: i32 = 0;
const KIND_PROGRAM: i32 = 1;
const KIND_TABLE: i32 = 2;

const OP_CONST: i32 = 0;
const OP_VAR: i32 = 1;
const OP_ADD: i32 = 2;
const OP_SUB: i32 = 3;
const OP_MUL: i32 = 4;
const OP_DIV: i32 = 5;
const OP_NEG: i32 = 6;
const OP_POW: i32 = 7;
const OP_POWI: i32 = 8;
const OP_FN: i32 = 16;

const STACK_DEPTH: i32 = 64;
const stack = memory.data(STACK_DEPTH * 8);

@inline function at(p: usize, i: i32): f64 {
  return load<f64>(p + (<usize>i << 3));
}

function powi(b: f64, n: i32): f64 {
  let e = n < 0 ? -n : n;
  let r: f64 = 1.0;
  let base = b;
  while (e > 0) {
    if (e & 1) r *= base;
    base *= base;
    e >>= 1;
  }
  return n < 0 ? 1.0 / r : r;
}

function applyFn(k: i32, v: f64): f64 {
  switch (k) {
    case 0: return Math.sin(v);
    case 1: return Math.cos(v);
    case 2: return Math.tan(v);
    case 3: return Math.exp(v);
    case 4: return Math.log(v);
    case 5: return Math.sqrt(v);
    case 6: return Math.tanh(v);
    case 7: return Math.sinh(v);
    case 8: return Math.cosh(v);
    case 9: return Math.abs(v);
    case 10: return Math.atan(v);
    case 11: return Math.asin(v);
    case 12: return Math.acos(v);
    case 13: return Math.cbrt(v);
  }
  return NaN;
}

/** Run a program of `len` f64 slots at `prog`; `vars` points to the coordinates (1-D: one f64). */
export function runProgram(prog: usize, len: i32, vars: usize): f64 {
  let sp: usize = stack;
  let i: i32 = 0;
  while (i < len) {
    const op = <i32>at(prog, i);
    i++;
    if (op == OP_CONST) {
      store<f64>(sp, at(prog, i));
      i++;
      sp += 8;
    } else if (op == OP_VAR) {
      store<f64>(sp, load<f64>(vars + (<usize>(<i32>at(prog, i)) << 3)));
      i++;
      sp += 8;
    } else if (op == OP_NEG) {
      store<f64>(sp - 8, -load<f64>(sp - 8));
    } else if (op == OP_POWI) {
      store<f64>(sp - 8, powi(load<f64>(sp - 8), <i32>at(prog, i)));
      i++;
    } else if (op >= OP_FN) {
      store<f64>(sp - 8, applyFn(op - OP_FN, load<f64>(sp - 8)));
    } else {
      const b = load<f64>(sp - 8);
      sp -= 8;
      const a = load<f64>(sp - 8);
      let r: f64;
      if (op == OP_ADD) r = a + b;
      else if (op == OP_SUB) r = a - b;
      else if (op == OP_MUL) r = a * b;
      else if (op == OP_DIV) r = a / b;
      else if (op == OP_POW) r = Math.pow(a, b);
      else r = NaN;
      store<f64>(sp - 8, r);
    }
  }
  return load<f64>(stack);
}

const scalar = memory.data(8);

@inline function runProgram1D(prog: usize, len: i32, x: f64): f64 {
  store<f64>(scalar, x);
  return runProgram(prog, len, scalar);
}

/** Horner: Σ c_k x^k and its first two derivatives, selected by `order` (0, 1, 2). */
function polynomial(desc: usize, x: f64, order: i32): f64 {
  const n = <i32>at(desc, 1);
  const c = desc + 16;
  let p: f64 = 0.0, dp: f64 = 0.0, d2p: f64 = 0.0;
  for (let k = n - 1; k >= 0; k--) {
    d2p = d2p * x + 2.0 * dp;
    dp = dp * x + p;
    p = p * x + at(c, k);
  }
  return order == 0 ? p : order == 1 ? dp : d2p;
}

/** Cubic Hermite interpolation of f from f and f' at nodes (order 0 → U, 1 → U', 2 → U''). */
function table(desc: usize, x: f64, order: i32): f64 {
  const n = <i32>at(desc, 1);
  const x0 = at(desc, 2);
  const h = at(desc, 3);
  const u = desc + 32;
  const du = u + (<usize>n << 3);
  const d2u = du + (<usize>n << 3);
  const s = (x - x0) / h;
  if (s <= 0.0 || s >= <f64>(n - 1)) {
    // continue quadratically beyond the table ends (U' linearly)
    const j = s <= 0.0 ? 0 : n - 1;
    const dx = x - (x0 + <f64>j * h);
    const g = at(du, j), c = at(d2u, j);
    if (order == 0) return at(u, j) + g * dx + 0.5 * c * dx * dx;
    if (order == 1) return g + c * dx;
    return c;
  }
  let j = <i32>s;
  if (j > n - 2) j = n - 2;
  const t = s - <f64>j;
  const t2 = t * t, t3 = t2 * t;
  if (order == 2) return at(d2u, j) * (1.0 - t) + at(d2u, j + 1) * t;
  const fa = order == 0 ? at(u, j) : at(du, j);
  const fb = order == 0 ? at(u, j + 1) : at(du, j + 1);
  const ga = (order == 0 ? at(du, j) : at(d2u, j)) * h;
  const gb = (order == 0 ? at(du, j + 1) : at(d2u, j + 1)) * h;
  return (2.0 * t3 - 3.0 * t2 + 1.0) * fa + (t3 - 2.0 * t2 + t) * ga + (-2.0 * t3 + 3.0 * t2) * fb + (t3 - t2) * gb;
}

/** d^order U / dx^order at x for the descriptor at `desc` (order 0, 1 or 2). */
export function potentialDerivative(desc: usize, x: f64, order: i32): f64 {
  const kind = <i32>at(desc, 0);
  if (kind == KIND_POLYNOMIAL) return polynomial(desc, x, order);
  if (kind == KIND_PROGRAM) {
    const lenU = <i32>at(desc, 1), lenDU = <i32>at(desc, 2), lenD2U = <i32>at(desc, 3);
    const p0 = desc + 32;
    if (order == 0) return runProgram1D(p0, lenU, x);
    const p1 = p0 + (<usize>lenU << 3);
    if (order == 1) return runProgram1D(p1, lenDU, x);
    return runProgram1D(p1 + (<usize>lenDU << 3), lenD2U, x);
  }
  if (kind == KIND_TABLE) return table(desc, x, order);
  return NaN;
}

/** U(x). */
@inline export function potentialU(desc: usize, x: f64): f64 {
  return potentialDerivative(desc, x, 0);
}

/** U'(x). */
@inline export function potentialDU(desc: usize, x: f64): f64 {
  return potentialDerivative(desc, x, 1);
}

/** Evaluate d^order U at n points xs into out (buffers of n f64 owned by the caller). */
export function evaluatePotential(desc: usize, xs: usize, n: i32, order: i32, out: usize): void {
  for (let i = 0; i < n; i++) {
    store<f64>(out + (<usize>i << 3), potentialDerivative(desc, load<f64>(xs + (<usize>i << 3)), order));
  }
}


const KIND_PROGRAM_ND: i32 = 3;
/** Powers x_d^k of the current point for kind-4 descriptors (n·(maxPower + 1) ≤ 1024 f64). */
const powers = memory.data(1024 * 8);

/** Fill the power table for a kind-4 descriptor at `x`; returns the stride maxPower + 1. */
@inline function fillPowers(n: i32, maxPower: i32, x: usize): i32 {
  const stride = maxPower + 1;
  for (let d = 0; d < n; d++) {
    const base = powers + (<usize>(d * stride) << 3);
    const xd = load<f64>(x + (<usize>d << 3));
    let p: f64 = 1.0;
    store<f64>(base, p);
    for (let k = 1; k <= maxPower; k++) {
      p *= xd;
      store<f64>(base + (<usize>k << 3), p);
    }
  }
  return stride;
}

/** Σ_terms c·∏ x_d^{e_d} of the term table at `p` (count, then (c, e_0 … e_{n−1}) per term); returns the slot after it. */
@inline function monomialSum(p: usize, n: i32, stride: i32, out: usize): usize {
  const count = <i32>load<f64>(p);
  let q = p + 8;
  let acc: f64 = 0.0;
  for (let t = 0; t < count; t++) {
    let v = load<f64>(q);
    for (let d = 0; d < n; d++) {
      const e = <i32>load<f64>(q + (<usize>(d + 1) << 3));
      if (e != 0) v *= load<f64>(powers + (<usize>(d * stride + e) << 3));
    }
    acc += v;
    q += <usize>(n + 1) << 3;
  }
  store<f64>(out, acc);
  return q;
}

/** U at the point `x` (n f64) of an N-D descriptor (kind 3 programs, kind 4 monomials). */
export function potentialND(desc: usize, x: usize): f64 {
  const n = <i32>at(desc, 1);
  if (<i32>at(desc, 0) == KIND_PROGRAM_ND) return runProgram(desc + (<usize>(3 + n) << 3), <i32>at(desc, 2), x);
  const stride = fillPowers(n, <i32>at(desc, 2), x);
  monomialSum(desc + 24, n, stride, scalar);
  return load<f64>(scalar);
}

/** ∇U at `x` into `out` (n f64) for an N-D descriptor (kind 3 programs, kind 4 monomials). */
export function gradientND(desc: usize, x: usize, out: usize): void {
  const n = <i32>at(desc, 1);
  if (<i32>at(desc, 0) == KIND_PROGRAM_ND) {
    let p = desc + (<usize>(3 + n) << 3) + (<usize>(<i32>at(desc, 2)) << 3);
    for (let i = 0; i < n; i++) {
      const len = <i32>at(desc, 3 + i);
      store<f64>(out + (<usize>i << 3), runProgram(p, len, x));
      p += <usize>len << 3;
    }
    return;
  }
  const stride = fillPowers(n, <i32>at(desc, 2), x);
  // skip U's table, then one table per component
  let p = desc + 24;
  p += (<usize>(<i32>load<f64>(p) * (n + 1) + 1)) << 3;
  for (let i = 0; i < n; i++) p = monomialSum(p, n, stride, out + (<usize>i << 3));
}
