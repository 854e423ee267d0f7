/**
 * Chooses the browser for PDF reports and the browser tests, in this order: the file
 * named by $CHROMIUM_PATH; a Chromium or Chrome installed on the machine; the Chromium
 * that the npm package `@sparticuz/chromium` ships. WHSIM_BROWSER=npm uses only the last,
 * so a run proves that a machine without a browser gets one from npm.
 */
import { InputError } from "../../common/inputError.ts";
import { isExecutableFile } from "../findProgram.ts";
import { type NpmChromium, npmChromium, npmChromiumSupported } from "./npmChromium.ts";
import { systemChromium } from "./systemChromium.ts";

/** Where the chosen browser came from. */
export type ChromiumSource = "CHROMIUM_PATH" | "system" | "npm";

/** A browser to launch headless. */
export interface ChromiumChoice {
  executablePath: string;
  /** Command-line flags to launch it with. */
  args: string[];
  source: ChromiumSource;
}

/** Flags for an installed Chromium run headless on a server (see docs/reports.md). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** How to get a browser, for the message shown when none is found. */
export const GET_A_BROWSER = npmChromiumSupported()
  ? "run npm install to get the optional @sparticuz/chromium, install Chromium (Debian: apt-get install chromium), or set CHROMIUM_PATH to a Chrome or Chromium"
  : "install Chromium or Chrome, or set CHROMIUM_PATH to one";

/** Options of findChromium(). */
export interface FindChromiumOptions {
  /** The flag or source to name in error messages. Defaults to "browser". */
  wantedBy?: string;
  /** The environment to read CHROMIUM_PATH, WHSIM_BROWSER and PATH from. Defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** Looks up the npm Chromium. Defaults to npmChromium(); tests pass a stand-in. */
  npm?: (env: NodeJS.ProcessEnv) => Promise<NpmChromium | undefined>;
}

async function fromNpm(
  env: NodeJS.ProcessEnv,
  npm: FindChromiumOptions["npm"] = npmChromium,
): Promise<ChromiumChoice | undefined> {
  const found = await npm(env);
  return found && { executablePath: found.executablePath, args: found.args, source: "npm" };
}

/** The browser to launch; throws an InputError naming what to do when there is none. */
export async function findChromium(options: FindChromiumOptions = {}): Promise<ChromiumChoice> {
  const env = options.env ?? process.env;
  const wantedBy = options.wantedBy ?? "browser";
  const forced = env.WHSIM_BROWSER;
  if (forced !== undefined && forced !== "" && forced !== "npm") {
    throw new InputError({
      file: "WHSIM_BROWSER",
      path: "",
      value: forced,
      expected: "npm to use only the npm Chromium, or unset",
    });
  }
  if (forced === "npm") {
    const npm = await fromNpm(env, options.npm);
    if (npm) return npm;
    throw new InputError({
      file: "WHSIM_BROWSER",
      path: "",
      value: forced,
      expected: npmChromiumSupported()
        ? "the npm Chromium: run npm install to get the optional @sparticuz/chromium"
        : `the npm Chromium, which exists for Linux x64 only (this is ${process.platform} ${process.arch})`,
    });
  }
  const named = env.CHROMIUM_PATH;
  if (named) {
    if (isExecutableFile(named))
      return { executablePath: named, args: CHROMIUM_ARGS, source: "CHROMIUM_PATH" };
    throw new InputError({
      file: "CHROMIUM_PATH",
      path: "",
      value: named,
      expected: "an executable Chrome or Chromium",
    });
  }
  const installed = systemChromium(env.PATH ?? "");
  if (installed) return { executablePath: installed, args: CHROMIUM_ARGS, source: "system" };
  const npm = await fromNpm(env, options.npm);
  if (npm) return npm;
  throw new InputError({
    file: wantedBy,
    path: "",
    value: "no Chromium found",
    expected: GET_A_BROWSER,
  });
}
