/**
 * A coordinator process for the fault tests: runs `mm1` jobs on a RedisExecutor with a
 * result store, printing one line per outcome, so a test can kill it and run it again.
 * Usage: node --import tsx coordinatorMain.ts <redis-url> <store-file> <candidates> <replications> <customers>
 */
import { encodeJson } from "../../src/distributed/numberCodec.ts";
import { RedisExecutor } from "../../src/distributed/redisExecutor.ts";
import { ResultStore } from "../../src/distributed/resultStore.ts";
import { sweepJobs } from "./sweepJobs.ts";

const [url, storePath, candidates, replications, customers] = process.argv.slice(2);
const store = new ResultStore(storePath);
const executor = new RedisExecutor({ kind: "mm1", url, store, pollIntervalMs: 200 });
const jobs = sweepJobs(Number(candidates), Number(replications), Number(customers));
const outcomes = await executor.run(jobs, {
  onResult: (o) => process.stdout.write(`result ${o.key}\n`),
});
process.stdout.write(`stats ${JSON.stringify(executor.stats)}\n`);
process.stdout.write(`outcomes ${encodeJson(outcomes)}\n`);
await executor.close();
store.close();
