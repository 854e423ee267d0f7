/**
 * `whsim worker --redis redis://host:port [--concurrency N]`: serves replications from a
 * Redis queue until SIGTERM or Ctrl-C (finishes its jobs; a second signal releases them).
 */
import type { Command } from "commander";
import { collectIssues, InputError, type InputIssue } from "../../common/inputError.ts";
import { DistributedWorker } from "../../distributed/distributedWorker.ts";
import {
  DEFAULT_REDIS_URL,
  maskRedisUrl,
  parseRedisUrl,
  QUEUE_NAME_PATTERN,
} from "../../distributed/redisUrl.ts";
import { flagIssue } from "../flagIssue.ts";

interface WorkerFlags {
  redis: string;
  concurrency: string;
  queue: string;
  lockDuration: string;
  quiet?: boolean;
}

/** Registers `whsim worker`. */
export function workerCommand(program: Command): void {
  program
    .command("worker")
    .description("run replications for a coordinator started with --executor redis://…")
    .option(
      "--redis <url>",
      "Redis address (rediss:// for TLS, redis://:password@host:port)",
      DEFAULT_REDIS_URL,
    )
    .option("--concurrency <n>", "jobs run at once, one thread each", "1")
    .option(
      "--queue <name>",
      "queue base name, to keep separate pools on one Redis",
      "replications",
    )
    .option("--lock-duration <s>", "seconds before a dead worker's job is taken over", "30")
    .option("--quiet", "print only errors")
    .action(workerAction);
}

/** Checks the flags; every problem at once (InputError). */
function checkWorkerFlags(flags: WorkerFlags): { concurrency: number; lockS: number } {
  const issues: InputIssue[] = [];
  const concurrency = Number(flags.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    issues.push(flagIssue("--concurrency", flags.concurrency, "an integer from 1 to 256"));
  const lockS = Number(flags.lockDuration);
  if (!Number.isFinite(lockS) || lockS < 1 || lockS > 3600)
    issues.push(flagIssue("--lock-duration", flags.lockDuration, "seconds from 1 to 3600"));
  if (!QUEUE_NAME_PATTERN.test(flags.queue))
    issues.push(flagIssue("--queue", flags.queue, "letters, digits, _ . -"));
  collectIssues(issues, () => parseRedisUrl(flags.redis));
  if (issues.length > 0) throw new InputError(issues);
  return { concurrency, lockS };
}

/** Starts the worker; an unreachable Redis is bad input naming `--redis`. */
async function startWorker(
  flags: WorkerFlags,
  concurrency: number,
  lockS: number,
  log: (line: string) => void,
): Promise<DistributedWorker> {
  try {
    return await DistributedWorker.start({
      url: flags.redis,
      queue: flags.queue,
      concurrency,
      lockDurationMs: lockS * 1000,
      log: flags.quiet ? undefined : log,
    });
  } catch (error) {
    if (!(error as Error).message.startsWith("cannot reach Redis")) throw error;
    throw new InputError(
      flagIssue(
        "--redis",
        maskRedisUrl(flags.redis),
        `a reachable Redis server; ${(error as Error).message}`,
      ),
    );
  }
}

/** Waits for SIGTERM or Ctrl-C: the first finishes the active jobs, a second releases them. */
function stopOnSignal(worker: DistributedWorker, log: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve) => {
    let signals = 0;
    const onSignal = () => {
      signals++;
      if (signals === 1) log("stopping: finishing active jobs (signal again to release them)");
      else log("stopping: releasing active jobs");
      worker.stop({ release: signals > 1 }).then(resolve, resolve);
    };
    process.on("SIGTERM", onSignal);
    process.on("SIGINT", onSignal);
  });
}

/** Runs `whsim worker`: serves jobs until stopped. */
async function workerAction(flags: WorkerFlags): Promise<void> {
  const { concurrency, lockS } = checkWorkerFlags(flags);
  const log = (line: string) => process.stdout.write(`worker ${process.pid}: ${line}\n`);
  const worker = await startWorker(flags, concurrency, lockS, log);
  await stopOnSignal(worker, log);
  log("stopped");
}
