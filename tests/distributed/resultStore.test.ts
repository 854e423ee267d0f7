import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { InputError } from "../../src/common/inputError.ts";
import { ResultStore } from "../../src/distributed/resultStore.ts";
import type { ReplicationOutcome } from "../../src/experiment/types.ts";

const dir = mkdtempSync(join(tmpdir(), "whsim-store-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function outcome(key: string, waitS: number): ReplicationOutcome {
  return {
    key,
    candidate: "a",
    replication: 0,
    kpis: { waitS },
    breakdown: { order: { wait: waitS }, worker: {} },
  };
}

describe("ResultStore", () => {
  it("store.get() returns what store.put() stored, and undefined for other keys", () => {
    const store = new ResultStore(":memory:");
    expect(store.put("k1", outcome("k1", 1.5))).toBe(true);
    expect(store.get("k1")).toEqual(outcome("k1", 1.5));
    expect(store.get("k2")).toBeUndefined();
    store.close();
  });

  it("store.put() stores a key once and keeps the first outcome", () => {
    const store = new ResultStore(":memory:");
    expect(store.put("k", outcome("k", 1))).toBe(true);
    expect(store.put("k", outcome("k", 2))).toBe(false);
    expect(store.get("k")?.kpis.waitS).toBe(1);
    expect(store.count()).toBe(1);
    store.close();
  });

  it("new ResultStore(path) sees outcomes written before a reopen, in a folder it creates", () => {
    const path = join(dir, "nested", "jobs.sqlite");
    const first = new ResultStore(path);
    first.put("k", outcome("k", -0));
    first.close();
    const second = new ResultStore(path);
    expect(Object.is(second.get("k")?.kpis.waitS, -0)).toBe(true);
    expect(second.count()).toBe(1);
    second.close();
  });

  it("new ResultStore() under a file throws InputError naming the path", () => {
    const file = join(dir, "plain.txt");
    writeFileSync(file, "x");
    const path = join(file, "jobs.sqlite");
    expect(() => new ResultStore(path)).toThrow(InputError);
    expect(() => new ResultStore(path)).toThrow(
      `${JSON.stringify(path)} (a folder whsim can create`,
    );
  });

  it("new ResultStore() under /proc fails at once with InputError instead of looping", () => {
    // A child process with a timeout: a synchronous loop could not be stopped from here.
    const script = `import("./src/distributed/resultStore.ts").then((m) => {
      try { new m.ResultStore("/proc/self/whsim-none/jobs.sqlite"); console.log("opened"); }
      catch (e) { console.log(e.name); }
    });`;
    const out = execFileSync(process.execPath, ["--import", "tsx", "-e", script], {
      cwd: resolve(import.meta.dirname, "../.."),
      encoding: "utf8",
      timeout: 20_000,
    });
    expect(out.trim()).toBe("InputError");
  }, 30_000);
});
