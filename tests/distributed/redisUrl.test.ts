import { describe, expect, it } from "vitest";
import { isInputError } from "../../src/common/inputError.ts";
import { maskRedisUrl, parseRedisUrl, splitQueueParam } from "../../src/distributed/redisUrl.ts";

describe("redisUrl", () => {
  it("parseRedisUrl() accepts redis:// and rediss:// with password and database", () => {
    expect(parseRedisUrl("redis://127.0.0.1:6379").port).toBe("6379");
    expect(parseRedisUrl("rediss://:secret@redis.example:6380/2").protocol).toBe("rediss:");
  });

  it("parseRedisUrl() throws an InputError naming the flag for other schemes or a bad database", () => {
    for (const bad of ["http://127.0.0.1:6379", "127.0.0.1:6379", "redis://host:1/x"]) {
      let error: unknown;
      try {
        parseRedisUrl(bad, "--executor");
      } catch (e) {
        error = e;
      }
      expect(isInputError(error)).toBe(true);
      if (isInputError(error)) expect(error.issues[0].file).toBe("--executor");
    }
  });

  it("maskRedisUrl() hides the password and keeps the user", () => {
    expect(maskRedisUrl("redis://:secret@h:1")).toBe("redis://:***@h:1");
    expect(maskRedisUrl("rediss://alice:secret@h:1/0")).toBe("rediss://alice:***@h:1/0");
    expect(maskRedisUrl("redis://h:1")).toBe("redis://h:1");
  });

  it("parseRedisUrl() never shows the password in its error", () => {
    expect(() => parseRedisUrl("ftp://:secret@host:1")).toThrow(/ftp:\/\/:\*\*\*@host:1/);
  });

  it("splitQueueParam() takes ?queue=name off the address and checks it", () => {
    expect(splitQueueParam("redis://:pw@h:1/2?queue=teamA")).toEqual({
      url: "redis://:pw@h:1/2",
      queue: "teamA",
    });
    expect(splitQueueParam("redis://h:1")).toEqual({ url: "redis://h:1" });
    expect(() => splitQueueParam("redis://h:1?queue=a:b")).toThrow(/--executor: queue: "a:b"/);
  });
});
