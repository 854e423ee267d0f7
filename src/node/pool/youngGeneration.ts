/**
 * The young generation (V8's nursery) of a pool's threads: its size, and starting each
 * thread with all of it rather than letting V8 grow it.
 */
import { setFlagsFromString } from "node:v8";

/**
 * A thread's young generation, MB (three V8 semi-spaces of 64 MB). A replication allocates
 * about 0.7 GB a second, mostly objects that live for a few simulated minutes: with V8's
 * 48 MB they survive a scavenge or two, are copied and promoted, and the collector's
 * helper threads compete with the other workers for the cores. Four times larger cuts the
 * scavenges by four and the work per replication by about a tenth (docs/experiments.md).
 * It costs up to that much memory per thread.
 */
export const DEFAULT_YOUNG_GENERATION_MB = 192;

/**
 * Makes the threads started from now on begin with their whole young generation of
 * `youngGenerationMb`. V8 starts a heap's semi-spaces at 1 MB and doubles them only as
 * objects survive scavenges: a pool thread reached 64 MB semi-spaces after about 16
 * default replications, so a short run (`whsim run`'s 5 replications, a compare of 10)
 * spent its life collecting four to sixteen times as often as its limit allows.
 *
 * `--min-semi-space-size` is a process-wide V8 flag read when an isolate is created, so it
 * reaches the threads started afterwards (a thread refuses V8 options of its own); a
 * running isolate keeps its heap, and V8 caps the flag at each thread's own limit.
 */
export function startThreadsWithFullYoungGeneration(youngGenerationMb: number): void {
  // V8 divides a young generation into two semi-spaces and a large-object space as big.
  setFlagsFromString(`--min-semi-space-size=${Math.floor(youngGenerationMb / 3)}`);
}
