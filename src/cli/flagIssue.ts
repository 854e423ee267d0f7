/** A problem with a command-line flag, in the shared input-problem form. */
import type { InputIssue } from "../common/inputError.ts";

/** `--flag: value (expected)`. */
export function flagIssue(flag: string, value: unknown, expected: string): InputIssue {
  return { file: flag, path: "", value, expected };
}
