/**
 * The viewer tests' runs: `whsim run tests/fixtures/viewer-scenario.yaml --trace` twice (seeds
 * 3 and 4), in process through the run command alone (importing the whole CLI costs seconds),
 * into a temporary folder; returns the two results folders.
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { runCommand } from "../../src/cli/commands/run.ts";

/** The small one-day scenario the viewer tests simulate. */
export const VIEWER_SCENARIO = join(import.meta.dirname, "../fixtures/viewer-scenario.yaml");

/**
 * Runs `scenario` (default: the viewer scenario) with `--trace` for each seed; returns the
 * results folders in seed order.
 */
export async function generateRuns(seeds: number[], scenario = VIEWER_SCENARIO): Promise<string[]> {
  const root = mkdtempSync(join(tmpdir(), "whsim-viewer-runs-"));
  const dirs: string[] = [];
  const write = process.stdout.write;
  // The run command prints its KPI table; the tests only need the files.
  process.stdout.write = (() => true) as typeof process.stdout.write;
  try {
    for (const seed of seeds) {
      const out = join(root, `seed-${seed}`);
      const program = new Command("whsim").exitOverride();
      runCommand(program);
      const argv = ["node", "whsim", "run", scenario, "--trace", "--seed", String(seed)];
      await program.parseAsync([...argv, "--out", out]);
      if (process.exitCode) throw new Error(`whsim run set exit code ${process.exitCode}`);
      dirs.push(out);
    }
  } finally {
    process.stdout.write = write;
  }
  return dirs;
}
