import { describe, expect, it } from "vitest";
import { jobKey, scenarioHash, sha256Hex, stableStringify } from "../../src/experiment/hash.ts";
import { buildJobs } from "../../src/experiment/jobs.ts";

describe("sha256Hex()", () => {
  it("sha256Hex() matches the FIPS 180-4 test vectors", () => {
    expect(sha256Hex("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
    expect(sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
  });
  it("sha256Hex() hashes a million characters (multi-block messages)", () => {
    expect(sha256Hex("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });
});

describe("stableStringify() and jobKey()", () => {
  it("stableStringify() ignores key order", () => {
    expect(stableStringify({ b: 1, a: { d: [1, 2], c: "x" } })).toBe(
      '{"a":{"c":"x","d":[1,2]},"b":1}',
    );
    expect(scenarioHash({ a: 1, b: 2 })).toBe(scenarioHash({ b: 2, a: 1 }));
  });
  it("jobKey() changes with each of its parts", () => {
    const base = { scenarioHash: "h", candidate: "a", replication: 0, seed: 1 };
    const keys = new Set([
      jobKey(base),
      jobKey({ ...base, scenarioHash: "g" }),
      jobKey({ ...base, candidate: "b" }),
      jobKey({ ...base, replication: 1 }),
      jobKey({ ...base, seed: 2 }),
    ]);
    expect(keys.size).toBe(5);
    expect(jobKey(base)).toBe(jobKey({ ...base }));
  });
  it("buildJobs() gives every candidate the same seed and replication indices", () => {
    const jobs = buildJobs(
      [
        { id: "a", scenario: { x: 1 } },
        { id: "b", scenario: { x: 2 } },
      ],
      { seed: 7, replications: 3, firstReplication: 2 },
    );
    expect(jobs.map((j) => [j.candidate, j.replication, j.seed])).toEqual([
      ["a", 2, 7],
      ["b", 2, 7],
      ["a", 3, 7],
      ["b", 3, 7],
      ["a", 4, 7],
      ["b", 4, 7],
    ]);
    expect(new Set(jobs.map((j) => j.key)).size).toBe(6);
  });
});
