/**
 * A fuzz of the command line: bundled scenarios, layouts and generated CSVs mutated by
 * fast-check (tests/cli/fuzzCases.ts) go through `whsim validate` and `whsim run` (one
 * replication, one simulated day). Every case must exit 0 or 2 within a time bound, print no
 * stack trace or internal error, leave no temp folder and write nothing outside its output
 * folder. Most cases run in this process through the CLI's main(); a few as real processes.
 * `npm test` runs a short fuzz; WHSIM_LONG=1 runs 1,000 cases (WHSIM_FUZZ_SEED picks the seed).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/main.ts";
import { readScenarioFile } from "../../src/node/readScenarioFile.ts";
import { estimateRunSize } from "../../src/scenario/index.ts";
import { caseArb, type FuzzCase, writeCase } from "./fuzzCases.ts";

const LONG = process.env.WHSIM_LONG === "1";
const SEED = Number(process.env.WHSIM_FUZZ_SEED ?? 20_261_207);
/** Cases: validate-only, validate then run, and real processes. */
const COUNTS = LONG
  ? { validate: 700, run: 280, spawned: 20 }
  : { validate: 40, run: 6, spawned: 1 };
/** Time bounds on a busy 2-core machine, ms. */
const VALIDATE_BOUND_MS = 30_000;
const RUN_BOUND_MS = 120_000;
/** A real process pays for loading the TypeScript sources too. */
const SPAWNED_BOUND_MS = 180_000;
/** Runs estimated above this many lines are validated only (a large valid run is slow, not hung). */
const RUN_LINES_BUDGET = 30_000;

const bin = new URL("../../bin/whsim.js", import.meta.url).pathname;
const fuzzRoot = mkdtempSync(join(tmpdir(), "whsim-fuzz-"));
afterAll(() => rmSync(fuzzRoot, { recursive: true, force: true }));

/** A stack frame or an internal error in the output. */
const STACK = /\n\s+at .+:\d+:\d+|internal error|Maximum call stack/;

interface Outcome {
  code: number;
  err: string;
  ms: number;
}

/** Tallies of the fuzz, printed at the end. */
const tally = {
  cases: 0,
  calls: 0,
  exit0: 0,
  exit2: 0,
  crashes: 0,
  hangs: 0,
  stackTraces: 0,
  tempLeft: 0,
  outside: 0,
  runsSkippedAsLarge: 0,
  slowestMs: 0,
};
const failures: string[] = [];

async function inProcess(args: string[]): Promise<Outcome> {
  let err = "";
  const o = vi.spyOn(process.stdout, "write").mockImplementation(() => true);
  const e = vi.spyOn(process.stderr, "write").mockImplementation((chunk: any) => {
    err += String(chunk);
    return true;
  });
  const started = performance.now();
  try {
    const code = await main(["node", "whsim", ...args]).catch((error: unknown) => {
      err += `\nuncaught: ${error instanceof Error ? error.stack : String(error)}`;
      return -1;
    });
    return { code, err, ms: performance.now() - started };
  } finally {
    o.mockRestore();
    e.mockRestore();
    process.exitCode = undefined;
  }
}

function spawned(args: string[], boundMs: number): Outcome {
  const started = performance.now();
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: "utf8", timeout: boundMs });
  return { code: r.status ?? -1, err: r.stderr ?? "", ms: performance.now() - started };
}

/** Checks one call's outcome; records what went wrong. */
function check(label: string, outcome: Outcome, boundMs: number): void {
  tally.calls++;
  tally.slowestMs = Math.max(tally.slowestMs, outcome.ms);
  const problems: string[] = [];
  if (outcome.code === 0) tally.exit0++;
  else if (outcome.code === 2) tally.exit2++;
  else {
    tally.crashes++;
    problems.push(`exit ${outcome.code}`);
  }
  if (outcome.ms > boundMs) {
    tally.hangs++;
    problems.push(`took ${Math.round(outcome.ms)} ms`);
  }
  if (STACK.test(outcome.err)) {
    tally.stackTraces++;
    problems.push("stack trace or internal error");
  }
  if (problems.length > 0)
    failures.push(`${label}: ${problems.join(", ")}\n${outcome.err.slice(0, 600)}`);
}

/** Checks that the case folder holds only its inputs and `out`, and the fuzz root only cases. */
function checkFolders(label: string, dir: string, inputs: string[]): void {
  const extra = readdirSync(dir).filter((f) => !inputs.includes(f) && f !== "out");
  if (extra.some((f) => f.includes(".tmp-"))) {
    tally.tempLeft++;
    failures.push(`${label}: temp folder left: ${extra.join(", ")}`);
  } else if (extra.length > 0) {
    tally.outside++;
    failures.push(`${label}: wrote outside its output folder: ${extra.join(", ")}`);
  }
  const strays = readdirSync(fuzzRoot).filter((f) => !f.startsWith("case-"));
  if (strays.length > 0) {
    tally.outside++;
    failures.push(`${label}: wrote outside its case folder: ${strays.join(", ")}`);
    for (const f of strays) rmSync(join(fuzzRoot, f), { recursive: true, force: true });
  }
}

/** Lines a valid case would simulate, or undefined when it does not validate. */
function estimatedLines(file: string): number | undefined {
  try {
    return estimateRunSize(readScenarioFile(file)).lines;
  } catch {
    return undefined;
  }
}

async function fuzzCase(index: number, c: FuzzCase, mode: "validate" | "run" | "spawned") {
  const dir = join(fuzzRoot, `case-${index}`);
  mkdirSync(dir);
  const file = writeCase(dir, c, mode === "run");
  const inputs = readdirSync(dir);
  const label = `case ${index} (${mode}, seed ${SEED}): ${JSON.stringify(c).slice(0, 400)}`;
  tally.cases++;
  if (mode === "spawned") {
    check(label, spawned(["validate", file], SPAWNED_BOUND_MS), SPAWNED_BOUND_MS);
  } else {
    check(label, await inProcess(["validate", file]), VALIDATE_BOUND_MS);
  }
  if (mode === "run") {
    const lines = estimatedLines(file);
    if (lines !== undefined && lines > RUN_LINES_BUDGET) tally.runsSkippedAsLarge++;
    else {
      const args = [
        "run",
        file,
        "--replications",
        "1",
        "--workers",
        "1",
        "--out",
        join(dir, "out"),
      ];
      check(label, await inProcess(args), RUN_BOUND_MS);
    }
  }
  checkFolders(label, dir, inputs);
  rmSync(dir, { recursive: true, force: true });
}

describe(`CLI fuzz (${LONG ? "long" : "short"}: seed ${SEED})`, () => {
  it(
    "every mutated scenario, layout and CSV exits 0 or 2, in time, without a stack trace or stray files",
    async () => {
      const plan: [FuzzCase, "validate" | "run" | "spawned"][] = [
        ...fc
          .sample(caseArb({ long: LONG, runnable: false }), {
            numRuns: COUNTS.validate,
            seed: SEED,
          })
          .map((c) => [c, "validate"] as [FuzzCase, "validate"]),
        ...fc
          .sample(caseArb({ long: LONG, runnable: true }), { numRuns: COUNTS.run, seed: SEED + 1 })
          .map((c) => [c, "run"] as [FuzzCase, "run"]),
        ...fc
          .sample(caseArb({ long: false, runnable: false }), {
            numRuns: COUNTS.spawned,
            seed: SEED + 2,
          })
          .map((c) => [c, "spawned"] as [FuzzCase, "spawned"]),
      ];
      for (const [i, [c, mode]] of plan.entries()) await fuzzCase(i, c, mode);
      process.stdout.write(
        `fuzz: ${JSON.stringify({ ...tally, slowestMs: Math.round(tally.slowestMs) })}\n`,
      );
      expect(failures.slice(0, 5)).toEqual([]);
      expect(tally.cases).toBe(COUNTS.validate + COUNTS.run + COUNTS.spawned);
      // The fuzz reaches both outcomes: valid cases and refused ones.
      expect(tally.exit0).toBeGreaterThan(0);
      expect(tally.exit2).toBeGreaterThan(0);
    },
    LONG ? 6 * 3600_000 : 300_000,
  );
});
