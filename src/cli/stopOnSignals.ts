/**
 * Ctrl-C (SIGINT) and SIGTERM as a clean stop: the first one aborts `signal` and prints what
 * happens next; a second one exits at once (exit listeners, such as an output folder's,
 * still clean up). `dispose()` removes the handlers.
 */

/** Exit codes of a run stopped by a signal (128 + the signal's number). */
export const SIGNAL_EXIT_CODES = { SIGINT: 130, SIGTERM: 143 } as const;

/** A stop request from the terminal or a process manager. */
export interface StopSignals {
  signal: AbortSignal;
  /** The first signal received, if any. */
  received(): keyof typeof SIGNAL_EXIT_CODES | undefined;
  dispose(): void;
}

/** Installs the handlers; `message` is printed on stderr at the first signal. */
export function stopOnSignals(message: string): StopSignals {
  const controller = new AbortController();
  let first: keyof typeof SIGNAL_EXIT_CODES | undefined;
  const onSignal = (name: keyof typeof SIGNAL_EXIT_CODES) => {
    if (first) process.exit(SIGNAL_EXIT_CODES[name]);
    first = name;
    process.stderr.write(`\n${message}\n`);
    controller.abort();
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  return {
    signal: controller.signal,
    received: () => first,
    dispose() {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
    },
  };
}
