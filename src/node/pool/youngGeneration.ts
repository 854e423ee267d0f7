/**
 * The young generation (V8's nursery) of a pool's threads: its size, and starting each
 * thread with all of it rather than letting V8 grow it.
 */
import { setFlagsFromString } from "node:v8";

/**
 * A thread's young generation, MB: two V8 semi-spaces of 64 MB and a large-object space as
 * big. A replication allocates about 0.7 GB a second, mostly objects that live for a few
 * simulated minutes: with V8's 48 MB they survive a scavenge or two, are copied and
 * promoted, and the collector's helper threads compete with the other workers for the
 * cores. Four times larger cuts the scavenges by four and the work per replication by about
 * a tenth (docs/experiments.md). A thread commits one 64 MB semi-space when it starts and
 * the other at its first scavenge.
 */
export const DEFAULT_YOUNG_GENERATION_MB = 192;

/** The semi-space size V8 gives a young generation of `youngGenerationMb`, MB. */
export function semiSpaceMb(youngGenerationMb: number): number {
  // Two semi-spaces and a large-object space as big; V8 rounds a semi-space up to a power of two.
  return 2 ** Math.ceil(Math.log2(Math.max(1, youngGenerationMb / 3)));
}

/** The largest `--min-semi-space-size` set so far in this process, MB (0: none). */
let raisedToMb = 0;

/**
 * Makes the threads that start from now on begin with semi-spaces of at least
 * `semiSpaceMb(youngGenerationMb)`. V8 starts a heap's semi-spaces at 1 MB and doubles them
 * only as objects survive scavenges: a pool thread reached 64 MB semi-spaces after about
 * 16 default replications, and scavenged 33 times in its first 8 (10 times from the start
 * at 64 MB).
 *
 * `--min-semi-space-size` is a process-wide V8 flag that each isolate reads when it starts,
 * on its own thread: it reaches every thread started afterwards anywhere in the process
 * (including the threads of a pool being constructed, and threads that replace crashed
 * ones), and it is never reset. It is only ever raised here, so that pools of different
 * sizes started together cannot shrink each other's threads; V8 caps it at each thread's
 * own limit, so a smaller pool's threads keep their size. The main thread's heap, already
 * running, is not affected.
 */
export function raiseThreadsInitialYoungGeneration(youngGenerationMb: number): void {
  const mb = semiSpaceMb(youngGenerationMb);
  if (mb <= raisedToMb) return;
  raisedToMb = mb;
  setFlagsFromString(`--min-semi-space-size=${mb}`);
}
