// The expression tree shared by the parser, the symbolic derivative, the evaluators,
// the polynomial detector, interval arithmetic and the WASM bytecode emitter.

/** Functions of one argument that expressions may call. */
export const UNARY_FUNCTIONS = [
  "sin", "cos", "tan", "exp", "log", "sqrt", "tanh", "sinh", "cosh", "abs", "atan", "asin", "acos", "cbrt",
] as const;

/** A built-in function name. */
export type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];

/** Aliases accepted by the parser. */
export const FUNCTION_ALIASES: Readonly<Record<string, UnaryFunction>> = { ln: "log" };

/** Named constants. */
export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

/** Binary operators. `^` is power. */
export type BinaryOperator = "+" | "-" | "*" | "/" | "^";

/** A node of an expression tree. Variables are coordinates (`x`, or `x0…` in N-D later). */
export type Expr =
  | { readonly type: "num"; readonly value: number }
  | { readonly type: "var"; readonly index: number; readonly name: string }
  | { readonly type: "neg"; readonly arg: Expr }
  | { readonly type: "bin"; readonly op: BinaryOperator; readonly left: Expr; readonly right: Expr }
  | { readonly type: "call"; readonly fn: UnaryFunction; readonly arg: Expr };

export const num = (value: number): Expr => ({ type: "num", value });
export const ZERO = num(0);
export const ONE = num(1);

const isNum = (e: Expr, v?: number): e is { type: "num"; value: number } =>
  e.type === "num" && (v === undefined || e.value === v);

/** `a + b`, folding constants and zeros. */
export function add(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b)) return num(a.value + b.value);
  if (isNum(a, 0)) return b;
  if (isNum(b, 0)) return a;
  if (b.type === "neg") return sub(a, b.arg);
  return { type: "bin", op: "+", left: a, right: b };
}

/** `a - b`, folding constants and zeros. */
export function sub(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b)) return num(a.value - b.value);
  if (isNum(b, 0)) return a;
  if (isNum(a, 0)) return neg(b);
  if (b.type === "neg") return add(a, b.arg);
  return { type: "bin", op: "-", left: a, right: b };
}

/** `-a`. */
export function neg(a: Expr): Expr {
  if (isNum(a)) return num(-a.value);
  if (a.type === "neg") return a.arg;
  return { type: "neg", arg: a };
}

/** `a * b`, folding constants, zeros and ones. */
export function mul(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b)) return num(a.value * b.value);
  if (isNum(a, 0) || isNum(b, 0)) return ZERO;
  if (isNum(a, 1)) return b;
  if (isNum(b, 1)) return a;
  if (isNum(a, -1)) return neg(b);
  if (isNum(b, -1)) return neg(a);
  if (a.type === "neg") return neg(mul(a.arg, b));
  if (b.type === "neg") return neg(mul(a, b.arg));
  // keep constants in front so (c * (d * f)) folds
  if (isNum(b)) return mul(b, a);
  if (isNum(a) && b.type === "bin" && b.op === "*" && isNum(b.left)) return mul(num(a.value * b.left.value), b.right);
  return { type: "bin", op: "*", left: a, right: b };
}

/** `a / b`, folding constants and ones. Division by a literal zero is kept (it evaluates to ±Infinity/NaN and is reported by the caller). */
export function div(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b) && b.value !== 0) return num(a.value / b.value);
  if (isNum(a, 0) && !isNum(b, 0)) return ZERO;
  if (isNum(b, 1)) return a;
  if (isNum(b) && b.value !== 0) return mul(num(1 / b.value), a);
  return { type: "bin", op: "/", left: a, right: b };
}

/** `a ^ b`, folding constants and trivial exponents. */
export function pow(a: Expr, b: Expr): Expr {
  if (isNum(a) && isNum(b)) return num(Math.pow(a.value, b.value));
  if (isNum(b, 0)) return ONE;
  if (isNum(b, 1)) return a;
  return { type: "bin", op: "^", left: a, right: b };
}

/** `fn(a)`, folding constant arguments. */
export function call(fn: UnaryFunction, a: Expr): Expr {
  if (isNum(a)) return num(applyUnary(fn, a.value));
  return { type: "call", fn, arg: a };
}

/** The numeric value of a built-in function. */
export function applyUnary(fn: UnaryFunction, v: number): number {
  switch (fn) {
    case "sin": return Math.sin(v);
    case "cos": return Math.cos(v);
    case "tan": return Math.tan(v);
    case "exp": return Math.exp(v);
    case "log": return Math.log(v);
    case "sqrt": return Math.sqrt(v);
    case "tanh": return Math.tanh(v);
    case "sinh": return Math.sinh(v);
    case "cosh": return Math.cosh(v);
    case "abs": return Math.abs(v);
    case "atan": return Math.atan(v);
    case "asin": return Math.asin(v);
    case "acos": return Math.acos(v);
    case "cbrt": return Math.cbrt(v);
  }
}

/** Whether the tree depends on variable `index`. */
export function dependsOn(e: Expr, index: number): boolean {
  switch (e.type) {
    case "num": return false;
    case "var": return e.index === index;
    case "neg": return dependsOn(e.arg, index);
    case "call": return dependsOn(e.arg, index);
    case "bin": return dependsOn(e.left, index) || dependsOn(e.right, index);
  }
}

const PRECEDENCE: Record<BinaryOperator, number> = { "+": 1, "-": 1, "*": 2, "/": 2, "^": 4 };

/** Print a tree back as an expression string (parseable; minimal parentheses). */
export function format(e: Expr, parent = 0): string {
  switch (e.type) {
    case "num": {
      const s = Number.isInteger(e.value) || Math.abs(e.value) >= 1e-4 ? String(e.value) : e.value.toExponential();
      return e.value < 0 && parent > 0 ? `(${s})` : s;
    }
    case "var": return e.name;
    case "neg": {
      const s = `-${format(e.arg, 3)}`;
      return parent > 1 ? `(${s})` : s;
    }
    case "call": return `${e.fn}(${format(e.arg)})`;
    case "bin": {
      const p = PRECEDENCE[e.op];
      // ^ is right-associative, the others left-associative; a right operand of equal precedence
      // keeps its parentheses even for + and *, because floating-point a+(b+c) ≠ (a+b)+c and the
      // printed text must parse back to the same tree (the same rounding)
      const leftP = e.op === "^" ? p + 1 : p;
      const rightP = e.op === "^" ? p : p + 1;
      const s = `${format(e.left, leftP)} ${e.op} ${format(e.right, rightP)}`.replace(/ \^ /g, "^");
      return p < parent ? `(${s})` : s;
    }
  }
}
