import { describe, expect, it } from "vitest";
import { MAX_WORKERS_FLAG, workerCount } from "../../src/cli/workerCount.ts";

function count(requested: number | undefined, tasks?: number) {
  const notes: string[] = [];
  const used = workerCount(requested, { tasks, cores: 4, warn: (line) => notes.push(line) });
  return { used, notes };
}

describe("workerCount()", () => {
  it("uses the cores by default, without a note", () => {
    expect(count(undefined)).toEqual({ used: 4, notes: [] });
    expect(count(undefined, 2)).toEqual({ used: 2, notes: [] });
  });

  it("keeps a request within the cores and the tasks", () => {
    expect(count(3, 10)).toEqual({ used: 3, notes: [] });
    expect(count(1)).toEqual({ used: 1, notes: [] });
  });

  it("caps a request above the cores or the tasks with a note naming both", () => {
    expect(count(MAX_WORKERS_FLAG, 2)).toEqual({
      used: 2,
      notes: ["note: --workers 1024 capped at 2 (4 core(s), 2 task(s))\n"],
    });
    expect(count(16)).toEqual({
      used: 4,
      notes: ["note: --workers 16 capped at 4 (4 core(s))\n"],
    });
  });
});
