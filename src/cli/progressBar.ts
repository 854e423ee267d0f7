/** The progress bar of the commands that simulate: on stderr, and only when it is a terminal. */
import { SingleBar } from "cli-progress";

/** A bar with cli-progress's `format`, or undefined when stderr is not a terminal. */
export function terminalProgressBar(format: string): SingleBar | undefined {
  return process.stderr.isTTY
    ? new SingleBar({ format, stream: process.stderr, hideCursor: true })
    : undefined;
}
