/**
 * The whsim command line: parses arguments with commander, runs a sub-command, and turns
 * bad input into exit code 2 with one line per problem (never a stack trace).
 */
import { Command, CommanderError } from "commander";
import { formatIssue, isInputError } from "../common/inputError.ts";
import { VERSION } from "../common/version.ts";
import { commands } from "./commands/index.ts";

/** Exit codes: 0 ok, 1 internal failure, 2 bad input. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_BAD_INPUT = 2;

/** Builds the commander program with every sub-command registered. */
export function buildProgram(): Command {
  const program = new Command("whsim")
    .description("Discrete-event simulation of a whole warehouse, layout optimizer and reports")
    .version(VERSION)
    .exitOverride()
    .showHelpAfterError();
  for (const register of commands) register(program);
  return program;
}

/** Runs the CLI on `argv` (as in process.argv) and returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT_OK;
  } catch (error) {
    return reportError(error);
  }
}

/** Prints an error the way a user should see it and returns the exit code. */
export function reportError(error: unknown): number {
  if (error instanceof CommanderError) {
    if (error.code === "commander.helpDisplayed" || error.code === "commander.version") {
      return EXIT_OK;
    }
    if (error.code === "commander.help") return EXIT_OK;
    return EXIT_BAD_INPUT;
  }
  if (isInputError(error)) {
    for (const issue of error.issues) process.stderr.write(`error: ${formatIssue(issue)}\n`);
    return EXIT_BAD_INPUT;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`whsim: internal error: ${message}\n`);
  if (process.env.WHSIM_DEBUG && error instanceof Error && error.stack) {
    process.stderr.write(`${error.stack}\n`);
  } else {
    process.stderr.write("(set WHSIM_DEBUG=1 for the stack trace)\n");
  }
  return EXIT_INTERNAL;
}
