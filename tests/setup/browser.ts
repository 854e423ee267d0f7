/**
 * Vitest global setup: chooses the browser of the browser tests once, before any test file
 * runs, so that the npm Chromium is unpacked once rather than by several files at once.
 * Prints which browser it is.
 */
import { isInputError } from "../../src/common/inputError.ts";
import { findChromium } from "../../src/node/chromium/findChromium.ts";

export default async function setup(): Promise<void> {
  try {
    const choice = await findChromium({ wantedBy: "browser tests" });
    console.log(`browser tests use ${choice.executablePath} (${choice.source})`);
  } catch (error) {
    // The browser tests report the same problem themselves; the other tests still run.
    if (!isInputError(error)) throw error;
    console.log(`browser tests will fail: ${error.message}`);
  }
}
