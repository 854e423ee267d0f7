import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { createRedisExecutor, isRedisAddress } from "../../src/distributed/createRedisExecutor.ts";

function issueOf(run: () => unknown): { file: string; path: string } | undefined {
  try {
    run();
  } catch (error) {
    if (isInputError(error)) return error.issues[0];
    throw error;
  }
  return undefined;
}

describe("createRedisExecutor()", () => {
  it("isRedisAddress() is true for redis:// and rediss:// only", () => {
    expect(isRedisAddress("redis://127.0.0.1:6379")).toBe(true);
    expect(isRedisAddress("rediss://h:1")).toBe(true);
    expect(isRedisAddress("http://h:1")).toBe(false);
    expect(isRedisAddress("127.0.0.1:6379")).toBe(false);
  });

  it("createRedisExecutor() reports a bad address as --executor input", () => {
    expect(issueOf(() => createRedisExecutor({ url: "redis://h:1/notadb" }))).toMatchObject({
      file: "--executor",
      path: "database",
    });
  });

  it("createRedisExecutor() reports a model the workers cannot run", () => {
    expect(
      issueOf(() =>
        createRedisExecutor({ url: "redis://127.0.0.1:1", model: "script", storePath: ":memory:" }),
      ),
    ).toMatchObject({ file: "--executor", path: "model" });
  });
});
