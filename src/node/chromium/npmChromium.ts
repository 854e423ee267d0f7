/**
 * The Chromium that the optional npm package `@sparticuz/chromium` ships compressed in its
 * tarball (Linux x64). It is unpacked once per package version into the user's cache
 * folder, with the launch flags the package gives, so later launches start at once.
 */
import { execFile } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";

/** An unpacked npm Chromium and the flags to launch it with. */
export interface NpmChromium {
  executablePath: string;
  args: string[];
  /** The package version, e.g. "147.0.0". */
  version: string;
}

/** The package and the file in each unpacked folder that records its launch flags. */
const PACKAGE = "@sparticuz/chromium";
const LAUNCH_FILE = "launch.json";

/**
 * Runs in a child process with TMPDIR set to the folder to fill: the package unpacks the
 * browser, its fonts and SwiftShader into the temporary folder and prints nothing else.
 */
const UNPACK_SCRIPT = `
const pkg = (await import(process.argv[1])).default;
const executablePath = await pkg.executablePath();
process.stdout.write(JSON.stringify({ executablePath, args: pkg.args }));
`;

/** The package's entry file and version, or undefined when it is not installed. */
function installedPackage(): { entry: string; version: string } | undefined {
  let entry: string;
  try {
    entry = createRequire(import.meta.url).resolve(PACKAGE);
  } catch {
    return undefined;
  }
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (!existsSync(manifest)) continue;
    const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; version?: string };
    if (pkg.name === PACKAGE && pkg.version) return { entry, version: pkg.version };
  }
  return undefined;
}

/** The folder the browsers are unpacked under: $XDG_CACHE_HOME/whsim or ~/.cache/whsim. */
export function chromiumCacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  return join(env.XDG_CACHE_HOME || join(homedir(), ".cache"), "whsim");
}

/** True on the platforms the package ships a browser for. */
export function npmChromiumSupported(): boolean {
  return process.platform === "linux" && process.arch === "x64";
}

/** Reads an unpacked folder, or undefined when it is not (completely) there. */
function readUnpacked(dir: string, version: string): NpmChromium | undefined {
  const executablePath = join(dir, "chromium");
  const launchFile = join(dir, LAUNCH_FILE);
  if (!existsSync(executablePath) || !existsSync(launchFile)) return undefined;
  const { args } = JSON.parse(readFileSync(launchFile, "utf8")) as { args: string[] };
  return { executablePath, args, version };
}

/**
 * Unpacks into a private folder and renames it into place, so processes that unpack at
 * the same time never see a half-written browser; the first rename wins.
 */
async function unpack(entry: string, root: string, dir: string): Promise<void> {
  mkdirSync(root, { recursive: true });
  const partial = mkdtempSync(`${dir}.partial-`);
  try {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--input-type=module", "-e", UNPACK_SCRIPT, pathToFileURL(entry).href],
      { env: { ...process.env, TMPDIR: partial }, maxBuffer: 1 << 20 },
    );
    const { executablePath, args } = JSON.parse(stdout) as {
      executablePath: string;
      args: string[];
    };
    if (executablePath !== join(partial, "chromium")) {
      throw new Error(`${PACKAGE} unpacked its browser to ${executablePath}, not into ${partial}`);
    }
    writeFileSync(join(partial, LAUNCH_FILE), `${JSON.stringify({ args })}\n`);
    try {
      renameSync(partial, dir);
    } catch (error) {
      if (!existsSync(join(dir, LAUNCH_FILE))) throw error;
    }
  } finally {
    rmSync(partial, { recursive: true, force: true });
  }
}

/**
 * The npm Chromium, unpacked on first use (a few seconds), or undefined when the package
 * is not installed or ships no browser for this platform.
 */
export async function npmChromium(
  env: NodeJS.ProcessEnv = process.env,
): Promise<NpmChromium | undefined> {
  if (!npmChromiumSupported()) return undefined;
  const pkg = installedPackage();
  if (!pkg) return undefined;
  const root = chromiumCacheRoot(env);
  const dir = join(root, `chromium-${pkg.version}`);
  const ready = readUnpacked(dir, pkg.version);
  if (ready) return ready;
  await unpack(pkg.entry, root, dir);
  const unpacked = readUnpacked(dir, pkg.version);
  if (!unpacked) throw new Error(`${PACKAGE} ${pkg.version}: no browser in ${dir} after unpacking`);
  return unpacked;
}
