/**
 * Default results folder names from scenario names: `results/<prefix><name>`, with the name
 * reduced to letters, digits, `.`, `_` and `-`, so a name never leads outside `results/`
 * (no `/`, no `..`, no leading dot) or into an unreadable path.
 */

/** Longest name part kept, in characters. */
const MAX_NAME_LENGTH = 100;

/** A scenario name as one safe folder name (`"../../x y"` → `"x_y"`; nothing left → `"scenario"`). */
export function safeFolderName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._-]+/, "")
    .slice(0, MAX_NAME_LENGTH)
    .replace(/[._-]+$/, "");
  return safe === "" ? "scenario" : safe;
}

/** `results/<prefix><safe name>`, relative to the working folder. */
export function defaultResultsFolder(name: string, prefix = ""): string {
  return `results/${prefix}${safeFolderName(name)}`;
}
