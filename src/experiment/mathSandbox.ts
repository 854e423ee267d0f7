/**
 * Safe evaluation of sweep values such as `3000*1.1^k`: a mathjs instance built from a
 * handful of arithmetic factories only (no import, createUnit, evaluate, parse, simplify,
 * derivative, resolve, reviver inside expressions), and every parsed expression is checked
 * against an allow-list of node types and names before it runs. Only numbers come out.
 */
import {
  absDependencies,
  addDependencies,
  ceilDependencies,
  create,
  divideDependencies,
  expDependencies,
  floorDependencies,
  log10Dependencies,
  logDependencies,
  type MathNode,
  maxDependencies,
  minDependencies,
  modDependencies,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  roundDependencies,
  sqrtDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
} from "mathjs";

/** Functions an expression may call. */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  "abs",
  "ceil",
  "exp",
  "floor",
  "log",
  "log10",
  "max",
  "min",
  "mod",
  "round",
  "sqrt",
];

const ALLOWED_OPERATORS = new Set([
  "add",
  "subtract",
  "multiply",
  "divide",
  "pow",
  "unaryMinus",
  "unaryPlus",
  "mod",
]);
const ALLOWED_CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

/** A compiled numeric expression and the variable names it reads. */
export interface NumericExpression {
  source: string;
  variables: string[];
  evaluate(scope?: Record<string, number>): number;
}

/** A restricted mathjs instance; build one per batch of expressions (it takes milliseconds). */
export type MathSandbox = ReturnType<typeof createMathSandbox>;

/** Builds the restricted mathjs instance (only the arithmetic factories listed above). */
export function createMathSandbox() {
  return create(
    {
      parseDependencies,
      addDependencies,
      subtractDependencies,
      multiplyDependencies,
      divideDependencies,
      powDependencies,
      unaryMinusDependencies,
      unaryPlusDependencies,
      sqrtDependencies,
      expDependencies,
      logDependencies,
      log10Dependencies,
      absDependencies,
      minDependencies,
      maxDependencies,
      roundDependencies,
      floorDependencies,
      ceilDependencies,
      modDependencies,
    },
    { number: "number" },
  );
}

/** Why an expression is refused, or undefined when it is allowed. Collects variables. */
function check(node: MathNode, variables: Set<string>): string | undefined {
  const n = node as MathNode & Record<string, any>;
  switch (n.type) {
    case "ConstantNode":
      return typeof n.value === "number" ? undefined : "only numbers are allowed";
    case "ParenthesisNode":
      return check(n.content, variables);
    case "OperatorNode":
      if (!ALLOWED_OPERATORS.has(n.fn)) return `operator ${n.op} is not allowed`;
      for (const arg of n.args) {
        const why = check(arg, variables);
        if (why) return why;
      }
      return undefined;
    case "SymbolNode":
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n.name)) return `name ${n.name} is not allowed`;
      if (!(n.name in ALLOWED_CONSTANTS)) variables.add(n.name);
      return undefined;
    case "FunctionNode": {
      const name = n.fn?.type === "SymbolNode" ? n.fn.name : undefined;
      if (name === undefined || !ALLOWED_FUNCTIONS.includes(name)) {
        return `function ${name ?? "expression"} is not allowed (allowed: ${ALLOWED_FUNCTIONS.join(", ")})`;
      }
      for (const arg of n.args) {
        const why = check(arg, variables);
        if (why) return why;
      }
      return undefined;
    }
    default:
      return `${String(n.type).replace(/Node$/, "").toLowerCase()} syntax is not allowed (numbers, + - * / ^ %, parentheses and ${ALLOWED_FUNCTIONS.join(", ")} only)`;
  }
}

/** Result of compileExpression(): an expression or the reason it was refused. */
export type CompileResult =
  | { ok: true; expression: NumericExpression }
  | { ok: false; reason: string };

/**
 * Parses and checks `source`. Variables are plain names given at evaluation time; a
 * missing variable or a non-finite result throws a RangeError naming it.
 */
export function compileExpression(
  source: string,
  math: MathSandbox = createMathSandbox(),
): CompileResult {
  if (source.length > 200) return { ok: false, reason: "expression longer than 200 characters" };
  let node: MathNode;
  try {
    node = math.parse(source);
  } catch (error) {
    return { ok: false, reason: `not a valid expression: ${(error as Error).message}` };
  }
  const variables = new Set<string>();
  const why = check(node, variables);
  if (why) return { ok: false, reason: why };
  const code = node.compile();
  const names = [...variables].sort();
  return {
    ok: true,
    expression: {
      source,
      variables: names,
      evaluate(scope = {}) {
        const vars = new Map<string, number>();
        for (const [k, v] of Object.entries(ALLOWED_CONSTANTS)) vars.set(k, v);
        for (const name of names) {
          const v = Object.hasOwn(scope, name) ? scope[name] : undefined;
          if (typeof v !== "number") throw new RangeError(`unknown variable ${name}`);
          vars.set(name, v);
        }
        const value: unknown = code.evaluate(vars);
        if (typeof value !== "number" || !Number.isFinite(value)) {
          throw new RangeError(`expression ${source} gives ${String(value)}, not a finite number`);
        }
        return value === 0 ? 0 : value;
      },
    },
  };
}
