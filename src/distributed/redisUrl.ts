/**
 * Redis addresses for the distributed executor: `redis://[:password@]host:port[/db]`, or
 * `rediss://…` for TLS. Validated like any other flag, and shown with the password masked.
 */
import { Redis, type RedisOptions } from "ioredis";
import { InputError } from "../common/inputError.ts";

/** The default Redis address: loopback only. */
export const DEFAULT_REDIS_URL = "redis://127.0.0.1:6379";

/** Checks a Redis URL and returns it parsed; throws InputError naming `flag` otherwise. */
export function parseRedisUrl(text: string, flag = "--redis"): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  const expected = "redis://[:password@]host:port[/db] or rediss://… for TLS";
  if (!url || (url.protocol !== "redis:" && url.protocol !== "rediss:") || url.hostname === "") {
    throw new InputError({ file: flag, path: "", value: maskRedisUrl(text), expected });
  }
  const db = url.pathname.replace(/^\//, "");
  if (db !== "" && !/^\d+$/.test(db)) {
    throw new InputError({ file: flag, path: "database", value: db, expected: "a number" });
  }
  return url;
}

/** Queue base names: letters, digits, `_`, `.` and `-`. */
export const QUEUE_NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

/**
 * Splits `?queue=name` off an executor address (`redis://host:6379?queue=teamA` pairs with
 * `whsim worker --queue teamA`); throws InputError naming `flag` for a bad name.
 */
export function splitQueueParam(
  text: string,
  flag = "--executor",
): { url: string; queue?: string } {
  const url = parseRedisUrl(text, flag);
  const queue = url.searchParams.get("queue") ?? undefined;
  if (queue === undefined) return { url: text };
  if (!QUEUE_NAME_PATTERN.test(queue)) {
    throw new InputError({
      file: flag,
      path: "queue",
      value: queue,
      expected: "letters, digits, _ . -",
    });
  }
  url.searchParams.delete("queue");
  return { url: url.toString(), queue };
}

/** The URL with any password replaced by `***`, for messages and logs. */
export function maskRedisUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)([^@/]*)@/i, (_, scheme: string, auth: string) => {
    const colon = auth.indexOf(":");
    return colon < 0 ? `${scheme}***@` : `${scheme}${auth.slice(0, colon)}:***@`;
  });
}

/** Options of `connectRedis`. */
export interface ConnectOptions {
  /** `null` for connections that block (BullMQ workers and queue events); defaults to null. */
  maxRetriesPerRequest?: number | null;
  /** Connection timeout, ms; defaults to 5000. */
  connectTimeoutMs?: number;
  /** Name shown by `CLIENT LIST`. */
  connectionName?: string;
}

/** Opens an ioredis connection (TLS for rediss://) that reconnects after a Redis restart. */
export function connectRedis(text: string, options: ConnectOptions = {}): Redis {
  parseRedisUrl(text);
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest:
      options.maxRetriesPerRequest === undefined ? null : options.maxRetriesPerRequest,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    enableReadyCheck: true,
    // Reconnect with a capped back-off; the caller decides how long an outage may last.
    retryStrategy: (attempt: number) => Math.min(200 * attempt, 2000),
    connectionName: options.connectionName,
  };
  return new Redis(text, redisOptions);
}

/** Resolves once `redis` answers PING, or rejects with a clear message after `timeoutMs`. */
export async function waitForRedis(redis: Redis, url: string, timeoutMs = 5000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let lastError = "";
  const onError = (error: Error) => {
    lastError = error.message;
  };
  redis.on("error", onError);
  try {
    await Promise.race([
      redis.ping().catch((error: Error) => {
        throw new Error(`cannot reach Redis at ${maskRedisUrl(url)}: ${error.message}`);
      }),
      new Promise((_, reject) => {
        timer = setTimeout(() => {
          const why = lastError ? `: ${lastError}` : "";
          reject(new Error(`cannot reach Redis at ${maskRedisUrl(url)}${why}`));
        }, timeoutMs);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    redis.off("error", onError);
  }
}
