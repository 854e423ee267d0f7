/**
 * The number of worker threads a command uses: `--workers` is checked as an integer from 1 to
 * MAX_WORKERS_FLAG (anything else is bad input) and then capped at the cores (and, when the
 * command knows it, at the number of tasks), with a note on stderr when the cap applies.
 * More threads than cores only cost memory; thousands exhaust it.
 */
import { defaultWorkerCount } from "../node/pool/taskPool.ts";

/** The largest `--workers` accepted. */
export const MAX_WORKERS_FLAG = 1024;

/** Threads to start for `requested` (undefined: the cores) and at most `tasks` tasks. */
export function workerCount(
  requested: number | undefined,
  options: { tasks?: number; cores?: number; warn?: (line: string) => void } = {},
): number {
  const cores = options.cores ?? defaultWorkerCount();
  const tasks = options.tasks ?? Number.POSITIVE_INFINITY;
  const wanted = requested ?? cores;
  const used = Math.max(1, Math.min(wanted, cores, tasks));
  if (requested !== undefined && used < requested) {
    const limits = [`${cores} core(s)`, ...(tasks < requested ? [`${tasks} task(s)`] : [])];
    const warn = options.warn ?? ((line: string) => process.stderr.write(line));
    warn(`note: --workers ${requested} capped at ${used} (${limits.join(", ")})\n`);
  }
  return used;
}
