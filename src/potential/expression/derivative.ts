// Exact symbolic differentiation of expression trees (with constant folding), so that
// expression potentials have exact U′ and U″ rather than finite differences.
import { ONE, ZERO, add, call, dependsOn, div, mul, neg, num, pow, sub, type Expr } from "./ast.js";

/** ∂e/∂x_index as a new simplified tree. */
export function differentiate(e: Expr, index = 0): Expr {
  if (!dependsOn(e, index)) return ZERO;
  switch (e.type) {
    case "num": return ZERO;
    case "var": return e.index === index ? ONE : ZERO;
    case "neg": return neg(differentiate(e.arg, index));
    case "bin": {
      const a = e.left, b = e.right;
      const da = differentiate(a, index), db = differentiate(b, index);
      switch (e.op) {
        case "+": return add(da, db);
        case "-": return sub(da, db);
        case "*": return add(mul(da, b), mul(a, db));
        case "/":
          if (!dependsOn(b, index)) return div(da, b);
          return div(sub(mul(da, b), mul(a, db)), pow(b, num(2)));
        case "^":
          if (!dependsOn(b, index)) {
            // d(a^c) = c a^(c-1) a'
            const c = b.type === "num" ? num(b.value - 1) : sub(b, ONE);
            return mul(mul(b, pow(a, c)), da);
          }
          if (!dependsOn(a, index)) return mul(mul(e, call("log", a)), db);
          return mul(e, add(mul(db, call("log", a)), div(mul(b, da), a)));
      }
    }
    // falls through: every operator returned above
    case "call": {
      const a = e.arg;
      const da = differentiate(a, index);
      switch (e.fn) {
        case "sin": return mul(call("cos", a), da);
        case "cos": return neg(mul(call("sin", a), da));
        case "tan": return div(da, pow(call("cos", a), num(2)));
        case "exp": return mul(e, da);
        // a′/a written as a′/(√a)²: the same for a > 0 (to 2ε) but NaN where log a is undefined
        // (a < 0), so U′ is not finite where U is not (the Langevin kernels only see U′)
        case "log": return div(da, pow(call("sqrt", a), num(2)));
        case "sqrt": return div(da, mul(num(2), e));
        case "tanh": return mul(sub(ONE, pow(e, num(2))), da);
        case "sinh": return mul(call("cosh", a), da);
        case "cosh": return mul(call("sinh", a), da);
        case "abs": return mul(div(a, e), da);
        case "atan": return div(da, add(ONE, pow(a, num(2))));
        case "asin": return div(da, call("sqrt", sub(ONE, pow(a, num(2)))));
        case "acos": return neg(div(da, call("sqrt", sub(ONE, pow(a, num(2))))));
        case "cbrt": return div(da, mul(num(3), pow(e, num(2))));
      }
    }
  }
  throw new Error("unreachable");
}
