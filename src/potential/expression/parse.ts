// Recursive-descent parser for potential expressions such as "x^4/4 - x^2/2 + 0.1*x".
// Grammar (lowest to highest precedence):
//   sum     := product (("+" | "-") product)*
//   product := unary (("*" | "/") unary)*
//   unary   := ("-" | "+") unary | power
//   power   := atom (("^" | "**") unary)?          right-associative; -x^2 = -(x^2)
//   atom    := number | name | name "(" sum ")" | "(" sum ")"
import { KramersError } from "../../errors.js";
import {
  CONSTANTS, FUNCTION_ALIASES, UNARY_FUNCTIONS, add, call, div, mul, neg, num, pow, sub,
  type Expr, type UnaryFunction,
} from "./ast.js";

interface Token {
  readonly kind: "num" | "name" | "op" | "(" | ")" | "end";
  readonly text: string;
  readonly pos: number;
  readonly value?: number;
}

/** Deepest nesting of parentheses, unary signs, powers and calls the parser accepts (keeps its recursion off the stack limit). */
export const MAX_NESTING = 1000;
/** Deepest tree accepted (long sums are left-deep); differentiation and evaluation recurse over it. */
export const MAX_TREE_DEPTH = 2000;

/** Options of {@link parseExpression}. */
export interface ParseOptions {
  /** Coordinate names in order; index i becomes variable i. @default ["x"] */
  readonly variables?: readonly string[];
  /** Named parameters substituted as constants. */
  readonly parameters?: Readonly<Record<string, number>>;
}

function fail(source: string, pos: number, message: string): never {
  const caret = `${source}\n${" ".repeat(Math.max(0, pos))}^`;
  throw new KramersError("PARSE_ERROR", `${message} at position ${pos + 1} in expression:\n${caret}`, {
    position: pos,
    expression: source,
  });
}

// sticky (y) patterns match at lastIndex without copying the rest of the source (O(n) tokenizing)
const NUMBER = /(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z_0-9]*/y;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") {
      i++;
      continue;
    }
    NUMBER.lastIndex = i;
    const numberMatch = NUMBER.exec(source);
    if (numberMatch) {
      const text = numberMatch[0];
      tokens.push({ kind: "num", text, pos: i, value: Number(text) });
      i += text.length;
      continue;
    }
    NAME.lastIndex = i;
    const nameMatch = NAME.exec(source);
    if (nameMatch) {
      tokens.push({ kind: "name", text: nameMatch[0], pos: i });
      i += nameMatch[0].length;
      continue;
    }
    if (source.startsWith("**", i)) {
      tokens.push({ kind: "op", text: "^", pos: i });
      i += 2;
      continue;
    }
    if ("+-*/^\u2212".includes(c)) {
      // U+2212 (the typographic minus of formulas copied from papers and docs) is a minus
      tokens.push({ kind: "op", text: c === "\u2212" ? "-" : c, pos: i });
      i++;
      continue;
    }
    if (c === "(" || c === ")") {
      tokens.push({ kind: c, text: c, pos: i });
      i++;
      continue;
    }
    fail(source, i, `unexpected character ${JSON.stringify(c)}`);
  }
  tokens.push({ kind: "end", text: "", pos: source.length });
  return tokens;
}

/**
 * Parse an expression string into a tree. Constants and parameters are folded.
 * Throws a `KramersError` with code `PARSE_ERROR` that shows the position of the problem.
 */
export function parseExpression(source: string, options: ParseOptions = {}): Expr {
  if (typeof source !== "string") {
    throw new KramersError("INVALID_ARGUMENT", `expression must be a string, got ${typeof source}`);
  }
  const variables = options.variables ?? ["x"];
  const parameters = options.parameters ?? {};
  for (const [name, value] of Object.entries(parameters)) {
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw new KramersError("NOT_FINITE", `parameter ${name} must be a finite number, got ${String(value)}`, { option: name, value });
    }
    if (variables.includes(name)) {
      throw new KramersError("INVALID_ARGUMENT", `parameter ${name} has the name of a coordinate`, { option: name });
    }
  }
  const tokens = tokenize(source);
  let k = 0;
  let nesting = 0;
  // constant folding must not turn a valid-looking constant into NaN/±Infinity (e.g. acos(pi), 1e999, 10^400)
  const finite = (e: Expr, pos: number, what: string): Expr => {
    if (e.type === "num" && !Number.isFinite(e.value)) fail(source, pos, `${what} evaluates to ${e.value}; constants must be finite`);
    return e;
  };
  const peek = (): Token => tokens[k]!;
  const next = (): Token => tokens[k++]!;

  const expectClose = (open: Token): void => {
    const t = next();
    if (t.kind !== ")") fail(source, t.pos, t.kind === "end" ? `missing ")" to close the "(" opened at position ${open.pos + 1}` : `expected ")" but found ${JSON.stringify(t.text)}`);
  };

  function sum(): Expr {
    let left = product();
    for (;;) {
      const t = peek();
      if (t.kind === "op" && (t.text === "+" || t.text === "-")) {
        next();
        const right = product();
        left = finite(t.text === "+" ? add(left, right) : sub(left, right), t.pos, `the constant sum at "${t.text}"`);
      } else return left;
    }
  }

  function product(): Expr {
    let left = unary();
    for (;;) {
      const t = peek();
      if (t.kind === "op" && (t.text === "*" || t.text === "/")) {
        next();
        const right = unary();
        left = finite(t.text === "*" ? mul(left, right) : div(left, right), t.pos, `the constant product at "${t.text}"`);
      } else if (t.kind === "num" || t.kind === "name" || t.kind === "(") {
        fail(source, t.pos, `missing operator before ${JSON.stringify(t.text)} (write "*" for products, e.g. "2*x")`);
      } else return left;
    }
  }

  function unary(): Expr {
    const t = peek();
    if (++nesting > MAX_NESTING) fail(source, t.pos, `expression nested too deeply (more than ${MAX_NESTING} levels of parentheses, signs, powers or calls)`);
    try {
      if (t.kind === "op" && (t.text === "-" || t.text === "+")) {
        next();
        const arg = unary();
        return t.text === "-" ? neg(arg) : arg;
      }
      return power();
    } finally {
      nesting--;
    }
  }

  function power(): Expr {
    const base = atom();
    const t = peek();
    if (t.kind === "op" && t.text === "^") {
      next();
      return finite(pow(base, unary()), t.pos, "the constant power");
    }
    return base;
  }

  function atom(): Expr {
    const t = next();
    switch (t.kind) {
      case "num":
        return finite(num(t.value!), t.pos, `the number ${t.text}`);
      case "(": {
        const inner = sum();
        expectClose(t);
        return inner;
      }
      case "name": {
        const lower = t.text;
        const fnName = (FUNCTION_ALIASES[lower] ?? lower) as UnaryFunction;
        if ((UNARY_FUNCTIONS as readonly string[]).includes(fnName)) {
          const open = next();
          if (open.kind !== "(") fail(source, open.pos, `function ${t.text} must be followed by "("`);
          if (peek().kind === ")") fail(source, peek().pos, `function ${t.text} needs an argument`);
          const arg = sum();
          expectClose(open);
          return finite(call(fnName, arg), t.pos, `${t.text}(…) of a constant`);
        }
        const vi = variables.indexOf(t.text);
        if (vi >= 0) return { type: "var", index: vi, name: t.text };
        if (Object.prototype.hasOwnProperty.call(parameters, t.text)) return num(parameters[t.text]!);
        if (Object.prototype.hasOwnProperty.call(CONSTANTS, t.text)) return num(CONSTANTS[t.text]!);
        const known = [...variables, ...Object.keys(parameters), ...Object.keys(CONSTANTS)];
        return fail(source, t.pos, `unknown name ${JSON.stringify(t.text)} (known: ${known.join(", ")}; functions: ${UNARY_FUNCTIONS.join(", ")})`);
      }
      case "end":
        return fail(source, t.pos, "unexpected end of expression");
      default:
        return fail(source, t.pos, `unexpected ${JSON.stringify(t.text)}`);
    }
  }

  if (peek().kind === "end") fail(source, 0, "empty expression");
  const tree = sum();
  const rest = peek();
  if (rest.kind !== "end") fail(source, rest.pos, rest.kind === ")" ? `unmatched ")"` : `unexpected ${JSON.stringify(rest.text)}`);
  if (treeDepth(tree) > MAX_TREE_DEPTH) fail(source, 0, `expression too deep (more than ${MAX_TREE_DEPTH} nested operations, e.g. a sum of that many terms)`);
  return tree;
}

/** Depth of a tree, without recursion (the tree may be too deep for the stack). */
function treeDepth(root: Expr): number {
  let max = 0;
  const stack: [Expr, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [e, d] = stack.pop()!;
    if (d > max) max = d;
    if (e.type === "neg" || e.type === "call") stack.push([e.arg, d + 1]);
    else if (e.type === "bin") stack.push([e.left, d + 1], [e.right, d + 1]);
  }
  return max;
}
