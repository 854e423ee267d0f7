/**
 * Names the coordinator and the workers agree on: the BullMQ prefix, the queue (one per
 * whsim version, so a worker of another version never serves a job) and job ids.
 */
import { VERSION } from "../common/version.ts";

/** Redis key prefix of every whsim queue. */
export const QUEUE_PREFIX = "whsim";

/** The queue of replications for this whsim version; `base` separates independent pools. */
export function queueName(base = "replications"): string {
  return `${base}-v${VERSION}`;
}

/** The BullMQ job id of a job key: the key itself, made legal where BullMQ forbids it. */
export function jobIdOf(key: string): string {
  return /^\d+$/.test(key) || key.includes(":") ? `k-${key.replaceAll(":", "_")}` : key;
}

/** The value a worker returns for a finished job (outcome as tagged JSON). */
export interface JobReturn {
  outcome: string;
}
