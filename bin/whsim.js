#!/usr/bin/env node
// The whsim command: loads the TypeScript CLI through tsx, so no build step is needed.
import { register } from "tsx/esm/api";

// A reader that stops early (`whsim run … | head`) closes the pipe: the command still
// finishes and writes its files; what it would have printed after that is dropped.
process.stdout.on("error", (error) => {
  if (error.code !== "EPIPE" && error.code !== "ERR_STREAM_DESTROYED") throw error;
});

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv);
