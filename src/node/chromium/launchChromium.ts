/** Launches the browser findChromium() chooses, headless, through playwright-core. */
import { type Browser, chromium } from "playwright-core";
import { type ChromiumChoice, type FindChromiumOptions, findChromium } from "./findChromium.ts";

/** Launches `choice` headless; close it with `browser.close()`. */
export function launchChoice(choice: ChromiumChoice): Promise<Browser> {
  return chromium.launch({
    executablePath: choice.executablePath,
    args: choice.args,
    headless: true,
  });
}

/** Finds a browser (see findChromium) and launches it headless. */
export async function launchChromium(options: FindChromiumOptions = {}): Promise<Browser> {
  return launchChoice(await findChromium(options));
}
