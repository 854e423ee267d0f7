/**
 * Bundles a pool thread (the handler and the TypeScript model it runs) into one ES module
 * with esbuild, so threads start without compiling TypeScript each (seconds per thread
 * through tsx, a fraction of a second bundled). Packages stay external and resolve from
 * node_modules, where the bundle is written (node_modules/.cache/whsim-pool/).
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

let counter = 0;
const written = new Set<string>();

/** Removes every bundle this process wrote; runs once, at exit. */
function removeAll(): void {
  for (const file of written) rmSync(file, { force: true });
  written.clear();
}

/** True when a process with this id is running (signal 0 only checks, it sends nothing). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** Removes bundles left by processes that ended without their exit handler (killed ones). */
function removeOrphans(dir: string): void {
  for (const name of readdirSync(dir)) {
    const m = /^worker-(\d+)-.*\.mjs$/.exec(name);
    if (m && Number(m[1]) !== process.pid && !alive(Number(m[1])))
      rmSync(`${dir}${name}`, { force: true });
  }
}

/** A bundled thread entry (removed when the process exits: a thread may still be loading it). */
export interface WorkerBundle {
  url: string;
}

/**
 * Bundles `moduleUrl` (a .ts file) with the worker handler; undefined when esbuild is not
 * installed or the build fails (the caller then loads TypeScript through tsx).
 */
export async function bundleWorker(moduleUrl: string): Promise<WorkerBundle | undefined> {
  let esbuild: typeof import("esbuild");
  try {
    esbuild = await import("esbuild");
  } catch {
    return undefined;
  }
  const dir = fileURLToPath(new URL("../../../node_modules/.cache/whsim-pool/", import.meta.url));
  const handler = fileURLToPath(new URL("./workerHandler.ts", import.meta.url));
  const model = fileURLToPath(moduleUrl);
  const outfile = `${dir}worker-${process.pid}-${Date.now().toString(36)}-${counter++}.mjs`;
  try {
    mkdirSync(dir, { recursive: true });
    removeOrphans(dir);
    const result = await esbuild.build({
      stdin: {
        contents: [
          `import * as model from ${JSON.stringify(model)};`,
          `import { createWorkerHandler } from ${JSON.stringify(handler)};`,
          "export default createWorkerHandler(async () => model);",
        ].join("\n"),
        resolveDir: dir,
        loader: "ts",
      },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      packages: "external",
      write: false,
      logLevel: "silent",
    });
    writeFileSync(outfile, result.outputFiles[0].contents);
  } catch {
    return undefined;
  }
  if (written.size === 0) process.once("exit", removeAll);
  written.add(outfile);
  return { url: pathToFileURL(outfile).href };
}
