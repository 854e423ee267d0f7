/**
 * Finds a Chromium or Chrome installed on the machine: the usual command names on PATH,
 * then the usual install locations on macOS.
 */
import { findOnPath, isExecutableFile } from "../findProgram.ts";

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

/** The first Chromium or Chrome on `pathVar` (a PATH value) or in a usual place, if any. */
export function systemChromium(pathVar = process.env.PATH ?? ""): string | undefined {
  return findOnPath(COMMANDS, pathVar) ?? FIXED_PATHS.find(isExecutableFile);
}
