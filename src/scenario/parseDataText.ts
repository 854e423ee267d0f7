/**
 * Reads YAML or JSON text into plain data, refusing what should never be expanded: files
 * over a size cap, YAML alias bombs, nesting deeper than a scenario needs. Syntax errors and
 * duplicate keys become input issues with a line number; the work is linear in the size.
 */
import { InputError } from "../common/inputError.ts";
import { readYaml } from "../common/readYaml.ts";

/** Largest scenario or layout text accepted, in bytes of UTF-16 text (default 4 MiB). */
export const MAX_INPUT_CHARS = 4 * 1024 * 1024;
/** Most YAML alias expansions accepted (yaml's guard against billion-laughs documents). */
export const MAX_YAML_ALIASES = 200;

/** Line and column (1-based) of a character offset in `text`. */
function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/**
 * A `.json` file must be JSON: a syntax error is reported as JSON's (with line and column),
 * not as whatever the more lenient YAML reading makes of the text.
 */
function checkJsonSyntax(text: string, file: string): void {
  if (text.trim() === "") return; // reported as an empty file by the caller
  try {
    JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /at position (\d+)/.exec(message);
    const where = position ? lineColumn(text, Number(position[1])) : undefined;
    throw new InputError({
      file,
      path: where ? `line ${where.line}, column ${where.column}` : "",
      value: message.replace(/ in JSON at position \d+.*$/, "").replace(/^JSON\.parse: /, ""),
      expected: "valid JSON",
    });
  }
}

/** Parses `text` from `file` (YAML, of which JSON is a subset) into plain data. */
export function parseDataText(
  text: string,
  file: string,
  options: { maxChars?: number } = {},
): unknown {
  const maxChars = options.maxChars ?? MAX_INPUT_CHARS;
  if (text.length > maxChars) {
    throw new InputError({
      file,
      path: "",
      value: `${text.length} characters`,
      expected: `a file of at most ${maxChars} characters`,
    });
  }
  const json = file.toLowerCase().endsWith(".json");
  if (json) checkJsonSyntax(text, file);
  return readYaml(text, {
    file,
    maxAliasCount: MAX_YAML_ALIASES,
    expected: json ? "valid JSON" : "valid YAML",
  });
}
