/**
 * Bundles the report's page script (client/reportClient.ts with d3, the shared charts and
 * the viewer's draw functions) into one minified IIFE with esbuild, to inline in the HTML.
 */
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/** Path of the page script entry. */
export const CLIENT_ENTRY = fileURLToPath(new URL("./client/reportClient.ts", import.meta.url));

// NOTE: the bundle depends only on source files, so one build serves every report of a process.
let cached: Promise<string> | undefined;

/** The page script as one self-contained IIFE (no imports, no network); built once per process. */
export function bundleClient(): Promise<string> {
  cached ??= buildClient();
  return cached;
}

async function buildClient(): Promise<string> {
  const result = await build({
    entryPoints: [CLIENT_ENTRY],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    minify: true,
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}
