import { describe, expect, it } from "vitest";
import { decodeJson, encodeJson } from "../../src/distributed/numberCodec.ts";

describe("numberCodec", () => {
  it("decodeJson(encodeJson(x)) keeps -0, NaN and ±Infinity", () => {
    const value = {
      a: -0,
      b: Number.NaN,
      c: [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY],
      d: 0.1 + 0.2,
    };
    const back = decodeJson(encodeJson(value)) as typeof value;
    expect(Object.is(back.a, -0)).toBe(true);
    expect(Number.isNaN(back.b)).toBe(true);
    expect(back.c).toEqual([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]);
    expect(back.d).toBe(0.30000000000000004);
  });

  it("encodeJson() of finite numbers is plain JSON", () => {
    const value = { kpis: { waitS: 1.25, n: 3 }, list: [0, -1.5e-300], s: "x" };
    expect(encodeJson(value)).toBe(JSON.stringify(value));
  });

  it("encodeJson() drops undefined members as JSON does", () => {
    expect(encodeJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });
});
