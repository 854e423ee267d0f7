/**
 * Builds the viewer with Vite when web/dist is missing or older than its sources, so
 * `whsim view` and the browser tests always serve the current viewer.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's web/ folder. */
export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "../../web");

function newestMtime(path: string): number {
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let newest = s.mtimeMs;
  for (const name of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, name)));
  return newest;
}

/** True when web/dist/index.html is older than the viewer's sources or the core it bundles. */
export function viewerIsStale(webDir = WEB_DIR): boolean {
  const built = join(webDir, "dist", "index.html");
  if (!existsSync(built)) return true;
  // The what-if bundles the simulation core and the default scenario, so they count too.
  const sources = [
    join(webDir, "src"),
    join(webDir, "index.html"),
    join(webDir, "vite.config.ts"),
    join(webDir, "../src"),
    join(webDir, "../scenarios/default.yaml"),
  ];
  const newest = Math.max(...sources.filter(existsSync).map(newestMtime));
  return newest > statSync(built).mtimeMs;
}

/** Builds web/ into web/dist if stale (always with `force`, never with `skip`); returns the dist folder. */
export async function buildViewer(
  options: { webDir?: string; force?: boolean; skip?: boolean } = {},
): Promise<string> {
  const webDir = options.webDir ?? WEB_DIR;
  if (!options.skip && (options.force || viewerIsStale(webDir))) {
    const { build } = await import("vite");
    await build({ root: webDir, configFile: join(webDir, "vite.config.ts"), logLevel: "warn" });
  }
  return join(webDir, "dist");
}
