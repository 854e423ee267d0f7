/**
 * Runs the whsim CLI in the test's own process and captures what it writes. The output
 * streams and `process.exitCode` are restored afterwards, whatever the command did.
 */
import { vi } from "vitest";
import { main } from "../../src/cli/main.ts";

/** A command's exit code and what it wrote to each stream. */
export interface CliOutcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** `whsim <args>` in this process. */
export async function whsim(...args: string[]): Promise<CliOutcome> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  const exitCodeBefore = process.exitCode;
  try {
    const code = await main(["node", "whsim", ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
    process.exitCode = exitCodeBefore;
  }
}
