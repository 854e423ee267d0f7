/** Finds programs by name on PATH, as a shell would, without running anything. */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** True when `path` is a file this process may execute. */
export function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found in the folders of `pathVar` (a PATH value), names first. */
export function findOnPath(names: readonly string[], pathVar: string): string | undefined {
  const dirs = pathVar.split(delimiter).filter((d) => d !== "");
  for (const name of names) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}
