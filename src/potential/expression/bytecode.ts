// Emit expression trees as stack-machine programs for the WASM evaluator (assembly/potential.ts).
// The opcodes here and there must match; test/potential.kernel.test.ts checks that they evaluate alike.
import { UNARY_FUNCTIONS, type Expr } from "./ast.js";

/** Opcodes of the WASM stack machine. Unary functions are FUNCTION_BASE + index in UNARY_FUNCTIONS. */
export const OP = {
  CONST: 0, // followed by the value
  VAR: 1, // followed by the coordinate index
  ADD: 2,
  SUB: 3,
  MUL: 4,
  DIV: 5,
  NEG: 6,
  POW: 7,
  POWI: 8, // followed by the integer exponent
  FUNCTION_BASE: 16,
} as const;

/** The deepest stack a program needs, checked against the evaluator's fixed stack. */
export const MAX_STACK_DEPTH = 64;

/** Emit a program that leaves the value of `e` on the stack; returns [program, stack depth]. */
export function emitProgram(e: Expr): { code: number[]; depth: number } {
  const code: number[] = [];
  const depth = emit(e, code);
  return { code, depth };
}

function emit(e: Expr, code: number[]): number {
  switch (e.type) {
    case "num":
      code.push(OP.CONST, e.value);
      return 1;
    case "var":
      code.push(OP.VAR, e.index);
      return 1;
    case "neg": {
      const d = emit(e.arg, code);
      code.push(OP.NEG);
      return d;
    }
    case "call": {
      const d = emit(e.arg, code);
      code.push(OP.FUNCTION_BASE + UNARY_FUNCTIONS.indexOf(e.fn));
      return d;
    }
    case "bin": {
      const dl = emit(e.left, code);
      if (e.op === "^" && e.right.type === "num" && Number.isInteger(e.right.value) && Math.abs(e.right.value) <= 1024) {
        code.push(OP.POWI, e.right.value);
        return dl;
      }
      const dr = emit(e.right, code);
      code.push({ "+": OP.ADD, "-": OP.SUB, "*": OP.MUL, "/": OP.DIV, "^": OP.POW }[e.op]);
      return Math.max(dl, dr + 1);
    }
  }
}
