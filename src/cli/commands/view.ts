/**
 * `whsim view [results-dir] [compare-dir]`: builds the viewer if needed and serves it with the
 * run(s) on 127.0.0.1 at a free port (printed) until Ctrl-C. Without a folder the page opens
 * empty and takes dropped files.
 */
import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { InputError, type InputIssue } from "../../common/inputError.ts";
import { buildViewer, viewerIsStale } from "../../node/serveBuild.ts";
import { serveViewer } from "../../node/serveViewer.ts";
import { flagIssue } from "../flagIssue.ts";

interface ViewFlags {
  port: string;
  build: boolean;
}

/** Problems with the folders given to `whsim view`. */
export function checkRunDirs(dirs: string[]): InputIssue[] {
  const issues: InputIssue[] = [];
  if (dirs.length > 2) {
    issues.push({
      file: "<args>",
      path: "",
      value: dirs,
      expected: "at most two results folders (A and B)",
    });
  }
  for (const dir of dirs) {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) {
      issues.push({
        file: dir,
        path: "",
        value: dir,
        expected: "a results folder from `whsim run --out DIR`",
      });
    } else if (!existsSync(join(dir, "layout.json")) && !existsSync(join(dir, "summary.json"))) {
      issues.push({
        file: dir,
        path: "",
        value: "no layout.json or summary.json",
        expected: "a results folder from `whsim run --trace --out DIR`",
      });
    }
  }
  return issues;
}

/** Registers `whsim view`. */
export function viewCommand(program: Command): void {
  program
    .command("view")
    .description(
      "serve the viewer with a results folder (and a second one to compare) on 127.0.0.1",
    )
    .argument("[results-dir...]", "results folders from `whsim run --trace --out DIR`")
    .option("--port <n>", "port to listen on (0 picks a free one)", "0")
    .option("--no-build", "serve web/dist as it is, without rebuilding")
    .action(async (dirs: string[], flags: ViewFlags) => {
      const issues = checkRunDirs(dirs);
      const port = Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        issues.push(flagIssue("--port", flags.port, "an integer from 0 to 65535"));
      if (issues.length) throw new InputError(issues);
      if (flags.build && viewerIsStale()) process.stderr.write("building the viewer (web/dist)…\n");
      const dist = await buildViewer({ skip: !flags.build });
      const server = await serveViewer({ distDir: dist, runs: dirs.map((dir) => ({ dir })), port });
      process.stdout.write(`whsim viewer: ${server.url}\n(Ctrl-C to stop)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          void server.close().then(resolve);
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
    });
}
