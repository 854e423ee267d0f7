/**
 * `whsim worker --redis redis://host:port [--concurrency N]`: serves replications from a
 * Redis queue until SIGTERM or Ctrl-C (finishes its jobs; a second signal releases them).
 */
import type { Command } from "commander";
import { InputError, type InputIssue } from "../../common/inputError.ts";
import { DistributedWorker } from "../../distributed/distributedWorker.ts";
import {
  DEFAULT_REDIS_URL,
  maskRedisUrl,
  parseRedisUrl,
  QUEUE_NAME_PATTERN,
} from "../../distributed/redisUrl.ts";

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
    .action(async (flags: WorkerFlags) => {
      const issues: InputIssue[] = [];
      const concurrency = Number(flags.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
        issues.push({
          file: "--concurrency",
          path: "",
          value: flags.concurrency,
          expected: "an integer from 1 to 256",
        });
      }
      const lockS = Number(flags.lockDuration);
      if (!Number.isFinite(lockS) || lockS < 1 || lockS > 3600) {
        issues.push({
          file: "--lock-duration",
          path: "",
          value: flags.lockDuration,
          expected: "seconds from 1 to 3600",
        });
      }
      if (!QUEUE_NAME_PATTERN.test(flags.queue)) {
        issues.push({
          file: "--queue",
          path: "",
          value: flags.queue,
          expected: "letters, digits, _ . -",
        });
      }
      try {
        parseRedisUrl(flags.redis);
      } catch (error) {
        if (error instanceof InputError) issues.push(...error.issues);
        else throw error;
      }
      if (issues.length > 0) throw new InputError(issues);

      const log = (line: string) => process.stdout.write(`worker ${process.pid}: ${line}\n`);
      let worker: DistributedWorker;
      try {
        worker = await DistributedWorker.start({
          url: flags.redis,
          queue: flags.queue,
          concurrency,
          lockDurationMs: lockS * 1000,
          log: flags.quiet ? undefined : log,
        });
      } catch (error) {
        if (!(error as Error).message.startsWith("cannot reach Redis")) throw error;
        throw new InputError({
          file: "--redis",
          path: "",
          value: maskRedisUrl(flags.redis),
          expected: `a reachable Redis server; ${(error as Error).message}`,
        });
      }
      await new Promise<void>((resolve) => {
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
      log("stopped");
    });
}
