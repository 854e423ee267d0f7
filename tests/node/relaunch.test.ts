/**
 * The command line relaunched with the single-threaded collector (real processes): the
 * child carries the flag, the parent stands in for it (exit code, signals), and one Ctrl-C
 * that reaches both processes, as a terminal sends it, still stops the run cleanly (the
 * child may see it twice: tests/experiment/cli.test.ts checks that case on its own).
 */
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { SINGLE_THREADED_GC } from "../../src/node/gcLaunch.ts";

const bin = new URL("../../bin/whsim.js", import.meta.url).pathname;
const tiny = new URL("../experiment/fixtures/tiny.yaml", import.meta.url).pathname;
const tiny4 = new URL("../experiment/fixtures/tiny-4-pickers.yaml", import.meta.url).pathname;
const tmp = mkdtempSync(join(tmpdir(), "whsim-relaunch-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const cores = availableParallelism();
const hasProc = existsSync("/proc/self/task");

/** Command lines of the processes `pid` started (Linux /proc). */
function childCommands(pid: number): string[][] {
  const ids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
  if (ids === "") return [];
  return ids.split(" ").map((id) => {
    try {
      return readFileSync(`/proc/${id}/cmdline`, "utf8").split("\0").filter(Boolean);
    } catch {
      return [];
    }
  });
}

/** Starts a long compare (it takes minutes) and resolves once it has started running. */
async function startLongCompare(
  out: string,
  workers: number,
  detached = false,
): Promise<{
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<[number | null, string | null]>;
}> {
  const child = spawn(
    process.execPath,
    [
      bin,
      "compare",
      tiny,
      tiny4,
      "--replications",
      "4000",
      "--workers",
      String(workers),
      "--out",
      out,
    ],
    { stdio: ["ignore", "pipe", "pipe"], detached },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const exited = new Promise<[number | null, string | null]>((resolve) =>
    child.on("exit", (code, signal) => resolve([code, signal])),
  );
  while (!stderr.includes("Ctrl-C stops")) await new Promise((r) => setTimeout(r, 100));
  return { child, stderr: () => stderr, exited };
}

describe.runIf(hasProc)("relaunching with the single-threaded collector", () => {
  it("the child carries the flag; SIGTERM to the parent ends both, the parent by SIGTERM", async () => {
    const run = await startLongCompare(join(tmp, "term"), cores);
    const pid = run.child.pid as number;
    const whsimChildren = childCommands(pid).filter((cmd) => cmd.includes(bin));
    expect(whsimChildren).toHaveLength(1);
    expect(whsimChildren[0]).toContain(SINGLE_THREADED_GC);
    expect(whsimChildren[0].slice(-2)).toEqual(["--out", join(tmp, "term")]);
    const childPid = Number(
      readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(" ")[0],
    );
    run.child.kill("SIGTERM");
    const [code, signal] = await run.exited;
    expect(code).toBeNull();
    expect(signal).toBe("SIGTERM");
    // The child got the signal too and is gone.
    await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(`/proc/${childPid}`)).toBe(false);
  });

  // On one core, one worker already fills it.
  it.runIf(cores >= 2)("fewer workers than cores: no second process", async () => {
    const run = await startLongCompare(join(tmp, "one"), 1);
    const pid = run.child.pid as number;
    expect(childCommands(pid).filter((cmd) => cmd.includes(bin))).toHaveLength(0);
    run.child.kill("SIGKILL");
    await run.exited;
  });

  it("one Ctrl-C sent to the whole process group (as a terminal does) stops cleanly", async () => {
    const out = join(tmp, "group");
    const run = await startLongCompare(out, cores, true);
    await new Promise((r) => setTimeout(r, 2000));
    process.kill(-(run.child.pid as number), "SIGINT");
    const [code] = await run.exited;
    expect(run.stderr()).toMatch(/stopping: keeping the finished replications/);
    expect(code).toBe(130);
    const doc = JSON.parse(readFileSync(join(out, "comparison.json"), "utf8"));
    expect(doc.aborted).toBe(true);
    const rows = readFileSync(join(out, "replications.csv"), "utf8").trim().split("\n").length - 1;
    expect(rows).toBeGreaterThan(0);
  });
});
