/**
 * How the whsim process is launched for its garbage collector. V8 collects each thread's
 * heap with helper threads (parallel scavenges, concurrent marking and sweeping). With one
 * worker thread they run on an idle core; when the worker threads fill every core, each
 * worker's helpers take turns on the cores of the others and stall them: a replication
 * runs 15 % slower beside an allocating neighbour thread, against 5 % when each thread
 * collects alone (docs/experiments.md, "Fourth round"). So a command that runs as many
 * worker threads as there are cores runs with `--single-threaded-gc`.
 *
 * V8 flags belong to the process: a worker thread cannot take one, and changing one while
 * the heap runs aborts the process. The command line therefore starts a second process
 * with the flag (see relaunch.ts) when it needs it.
 */

/** The V8 flag that makes every thread collect its own heap, with no helper threads. */
export const SINGLE_THREADED_GC = "--single-threaded-gc";

/** Commands that run replications on a pool of worker threads (`--workers`). */
const POOL_COMMANDS = new Set(["run", "compare", "sweep", "optimize", "staff"]);

/**
 * The V8 flags for a process running `workers` busy threads on `cores` cores: none while a
 * core is left for the helpers, else the single-threaded collector.
 */
export function gcFlagsFor(workers: number, cores: number): string[] {
  return workers >= cores ? [SINGLE_THREADED_GC] : [];
}

/**
 * The `--workers` value of a command line (`--workers N` or `--workers=N`): a number,
 * "absent", or undefined when it is not a whole number (the command reports that itself).
 */
export function workersArgument(args: readonly string[]): number | "absent" | undefined {
  for (let i = 0; i < args.length; i++) {
    let value: string | undefined;
    if (args[i] === "--workers") value = args[i + 1];
    else if (args[i].startsWith("--workers=")) value = args[i].slice("--workers=".length);
    else continue;
    return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
  }
  return "absent";
}

/**
 * The V8 flags the process should be started again with for this command line (`args`
 * after the script: the command and its options), or none: none when the process already
 * runs with them, for a command without worker threads, for fewer workers than cores (the
 * helpers then use an idle core), and for a `--workers` value the command will refuse.
 */
export function relaunchFlags(
  args: readonly string[],
  execArgv: readonly string[],
  cores: number,
): string[] {
  if (execArgv.includes(SINGLE_THREADED_GC)) return [];
  const command = args.find((arg) => !arg.startsWith("-"));
  if (command === undefined || !POOL_COMMANDS.has(command)) return [];
  if (args.includes("--help") || args.includes("-h")) return [];
  const workers = workersArgument(args);
  if (workers === undefined) return [];
  return gcFlagsFor(workers === "absent" ? cores : workers, cores);
}
