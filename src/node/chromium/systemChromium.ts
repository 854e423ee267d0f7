/**
 * Finds a Chromium or Chrome installed on the machine: the usual command names on PATH,
 * then the usual install locations on macOS.
 */
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";

/** Command names of Chromium and Chrome, in order of preference. */
const COMMANDS = [
  "chromium",
  "chromium-browser",
  "google-chrome-stable",
  "google-chrome",
  "chrome",
];

/** Install locations that are not on PATH. */
const FIXED_PATHS = [
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

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

/** The first Chromium or Chrome on `pathVar` (a PATH value) or in a usual place, if any. */
export function systemChromium(pathVar = process.env.PATH ?? ""): string | undefined {
  const dirs = pathVar.split(delimiter).filter((d) => d !== "");
  for (const name of COMMANDS) {
    for (const dir of dirs) {
      const candidate = join(dir, name);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return FIXED_PATHS.find(isExecutableFile);
}
