/**
 * Runs this command again in a child process with extra V8 flags (gcLaunch.ts says when),
 * and stands in for it: the child shares standard input and output, its exit code
 * becomes this process's, and a signal that ends it ends this process the same way.
 *
 * Signals: SIGINT, SIGTERM, SIGHUP and SIGQUIT are passed on. A terminal sends Ctrl-C to
 * the whole foreground process group, so the child then sees SIGINT twice within a few
 * milliseconds; the commands take a second Ctrl-C within half a second as the same one
 * (experimentCommon.ts).
 */
import { spawn } from "node:child_process";

const FORWARDED = ["SIGINT", "SIGTERM", "SIGHUP", "SIGQUIT"] as const;

/**
 * Starts `node <flags> <this process's options> <script> <args>` and resolves with its exit
 * code once it ends. Rejects if the child could not be started (nothing has run then).
 */
export function relaunch(flags: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [...flags, ...process.execArgv, ...process.argv.slice(1)],
      {
        stdio: "inherit",
      },
    );
    const handlers = FORWARDED.map((signal) => {
      const handler = () => {
        child.kill(signal);
      };
      process.on(signal, handler);
      return [signal, handler] as const;
    });
    const detach = () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    };
    child.once("error", (error) => {
      detach();
      reject(error);
    });
    child.once("exit", (code, signal) => {
      detach();
      if (signal !== null) {
        // Ends this process by the same signal (its default action, the handlers gone).
        process.kill(process.pid, signal);
        return;
      }
      resolve(code ?? 1);
    });
  });
}
