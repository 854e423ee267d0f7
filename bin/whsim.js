#!/usr/bin/env node
// The whsim command: loads the TypeScript CLI through tsx, so no build step is needed.
import { availableParallelism } from "node:os";
import { register } from "tsx/esm/api";

// A reader that stops early (`whsim run … | head`) closes the pipe: the command still
// finishes and writes its files; what it would have printed after that is dropped.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
});

register();
// A command that fills every core with worker threads runs in a process whose garbage
// collector uses no helper threads (src/node/gcLaunch.ts); V8 takes that flag only at start.
const { relaunchFlags } = await import("../src/node/gcLaunch.ts");
const flags = relaunchFlags(process.argv.slice(2), process.execArgv, availableParallelism());
let relaunched = false;
if (flags.length > 0) {
  const { relaunch } = await import("../src/node/relaunch.ts");
  try {
    process.exitCode = await relaunch(flags);
    relaunched = true;
  } catch {
    // The child could not start: nothing has run, so run here with V8's defaults.
  }
}
if (!relaunched) {
  const { main } = await import("../src/cli/main.ts");
  process.exitCode = await main(process.argv);
}
