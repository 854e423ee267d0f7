/**
 * JSON that keeps every number exactly: -0, NaN and ±Infinity become tagged objects, so a
 * value that went through Redis or the result store is bit-for-bit what the job produced
 * (plain JSON would turn -0 into 0 and NaN into null). Finite numbers round-trip as-is.
 */

const TAG = "$whsimNumber";

/** Serialises `value` to JSON, tagging -0, NaN and ±Infinity. */
export function encodeJson(value: unknown): string {
  return JSON.stringify(toTagged(value));
}

/** Parses JSON written by `encodeJson`, restoring tagged numbers. */
export function decodeJson(text: string): unknown {
  return fromTagged(JSON.parse(text));
}

/** Replaces non-JSON numbers by `{ $whsimNumber: "-0" | "NaN" | "Infinity" | "-Infinity" }`. */
export function toTagged(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isFinite(value) && !Object.is(value, -0)) return value;
    return { [TAG]: Object.is(value, -0) ? "-0" : String(value) };
  }
  if (Array.isArray(value)) return value.map(toTagged);
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v !== undefined) out[k] = toTagged(v);
    }
    return out;
  }
  return value;
}

/** Inverse of `toTagged` on a parsed JSON tree. */
export function fromTagged(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromTagged);
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0][0] === TAG) return Number(entries[0][1] as string);
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) out[k] = fromTagged(v);
    return out;
  }
  return value;
}
