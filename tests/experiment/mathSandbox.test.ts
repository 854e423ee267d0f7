import { describe, expect, it } from "vitest";
import { compileExpression } from "../../src/experiment/mathSandbox.ts";

function value(source: string, scope?: Record<string, number>): number {
  const compiled = compileExpression(source);
  if (!compiled.ok) throw new Error(compiled.reason);
  return compiled.expression.evaluate(scope);
}

function refused(source: string): string {
  const compiled = compileExpression(source);
  if (compiled.ok) {
    // Allowed to parse: it must still be unable to run anything but arithmetic.
    try {
      compiled.expression.evaluate({});
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error(`${source} was accepted`);
  }
  return compiled.reason;
}

describe("compileExpression()", () => {
  it("compileExpression() evaluates arithmetic with variables", () => {
    expect(value("3000*1.1^k", { k: 2 })).toBeCloseTo(3630, 9);
    expect(value("(2 + 3) * 4 - 6 / 3")).toBe(18);
    expect(value("max(1, 7, 3) + min(4, 2) + sqrt(16) + round(2.6) + floor(2.6) + ceil(2.1)")).toBe(
      7 + 2 + 4 + 3 + 2 + 3,
    );
    expect(value("7 % 3")).toBe(1);
    expect(value("-2^2")).toBe(-4);
    expect(value("pi")).toBe(Math.PI);
    expect(compileExpression("base * 1.3 + k").ok && compileExpression("base*1.3+k")).toBeTruthy();
  });

  it("compileExpression() lists the variables it reads", () => {
    const c = compileExpression("a * b + pi + sqrt(a)");
    expect(c.ok && c.expression.variables).toEqual(["a", "b"]);
  });

  it("compileExpression() refuses import, evaluate, parse, createUnit, simplify, derivative, resolve, reviver", () => {
    for (const name of [
      "import",
      "evaluate",
      "parse",
      "createUnit",
      "simplify",
      "derivative",
      "resolve",
      "reviver",
      "compile",
      "help",
      "chain",
      "typed",
      "config",
    ]) {
      expect(refused(`${name}("1")`)).toMatch(/not allowed/);
    }
    expect(refused("import({x: 1}, {override: true})")).toMatch(/not allowed/);
  });

  it("compileExpression() refuses property access, constructors, assignments, objects, matrices, strings, units", () => {
    expect(refused("a.constructor")).toMatch(/not allowed/);
    expect(refused('x["constructor"]')).toMatch(/not allowed/);
    expect(refused('sqrt.constructor("return process")')).toMatch(/not allowed/);
    expect(refused("f(x) = x")).toMatch(/not allowed/);
    expect(refused("a = 1")).toMatch(/not allowed/);
    expect(refused("{a: 1}")).toMatch(/not allowed/);
    expect(refused("[1, 2]")).toMatch(/not allowed/);
    expect(refused('"text"')).toMatch(/only numbers/);
    expect(refused("1 cm")).toMatch(/not allowed|unknown variable/);
    expect(refused("1:3")).toMatch(/not allowed/);
    expect(refused("1 ? 2 : 3")).toMatch(/not allowed/);
    expect(refused("1 == 1")).toMatch(/not allowed/);
    expect(refused("a; b")).toMatch(/not allowed/);
    expect(refused("cos(1)")).toMatch(/not allowed/);
  });

  it("compileExpression() refuses unknown variables and non-finite results at evaluation", () => {
    const c = compileExpression("k + 1");
    expect(c.ok).toBe(true);
    if (c.ok) {
      expect(() => c.expression.evaluate({})).toThrow(/unknown variable k/);
      expect(() => c.expression.evaluate({ constructor: 1 } as never)).toThrow(
        /unknown variable k/,
      );
    }
    const d = compileExpression("1/0");
    expect(d.ok && (() => d.expression.evaluate())).toThrow(/not a finite number/);
  });
});
