/**
 * Test harness for the distributed executor: a throwaway redis-server on a free loopback
 * port (the one tests/setup/redisServer.ts found), whsim worker processes with captured
 * output, and killing process trees by pid.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { beforeEach, inject } from "vitest";
import type { RedisSetup } from "../setup/redisServer.ts";

/** The repository root (where bin/whsim.js lives). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sleeps `ms` milliseconds. */
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `check` every 50 ms until it is true, or throws after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 20_000) {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The redis-server of this test run, or why there is none (see tests/setup/redisServer.ts). */
function providedRedis(): RedisSetup {
  return inject("redisServer") ?? { server: "redis-server" };
}

/**
 * Called at the top of a test file whose tests all need Redis: when this run has no
 * redis-server, each of the file's tests is skipped, printing one line with the reason.
 * Returns true when Redis is there.
 */
export function needsRedis(): boolean {
  const reason = providedRedis().skipReason;
  if (reason === undefined) return true;
  beforeEach((context) => {
    process.stdout.write(`skipped "${context.task.name}": ${reason}\n`);
    context.skip(reason);
  });
  return false;
}

/** True when Redis answers PING on `port` (also when it asks for a password first). */
function pingRedis(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let reply = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once("error", () => done(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) done(/^\+PONG|^-NOAUTH/.test(reply));
    });
  });
}

/** A redis-server started for a test. */
export class TestRedis {
  readonly dir = mkdtempSync(join(tmpdir(), "whsim-redis-"));
  pid = 0;
  /** `extra` adds redis-server options, e.g. `["--requirepass", "pw"]`. */
  constructor(
    readonly port: number,
    readonly extra: string[] = [],
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Starts redis-server (no persistence, loopback only) and waits for its pid file. */
  async start(): Promise<void> {
    const pidfile = join(this.dir, "redis.pid");
    rmSync(pidfile, { force: true });
    execFileSync(providedRedis().server ?? "redis-server", [
      "--bind",
      "127.0.0.1",
      "--port",
      String(this.port),
      "--save",
      "",
      "--appendonly",
      "no",
      "--daemonize",
      "yes",
      "--pidfile",
      pidfile,
      "--dir",
      this.dir,
      ...this.extra,
    ]);
    await waitFor(
      () => existsSync(pidfile) && readFileSync(pidfile, "utf8").trim() !== "",
      "redis pid file",
    );
    this.pid = Number(readFileSync(pidfile, "utf8").trim());
    const end = Date.now() + 20_000;
    while (!(await pingRedis(this.port))) {
      if (Date.now() > end) throw new Error("timed out waiting for redis ping");
      await sleep(50);
    }
  }

  /** Stops this redis-server by its pid and waits until it is gone. */
  async stop(): Promise<void> {
    if (!this.pid) return;
    const pid = this.pid;
    this.pid = 0;
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      return;
    }
    await waitFor(() => !alive(pid), "redis to exit");
  }

  cleanup(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** True while process `pid` exists. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A child process (in its own process group) with its output collected line by line. */
export class TestProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  exitCode: number | null | undefined = undefined;
  private readonly exited: Promise<void>;

  constructor(args: string[]) {
    this.child = spawn(process.execPath, args, {
      cwd: ROOT,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, FORCE_COLOR: "0" },
    });
    let rest = "";
    const onData = (chunk: Buffer) => {
      rest += chunk.toString();
      const parts = rest.split("\n");
      rest = parts.pop() ?? "";
      this.lines.push(...parts);
    };
    this.child.stdout?.on("data", onData);
    this.child.stderr?.on("data", onData);
    this.exited = new Promise((resolve) =>
      this.child.once("exit", (code) => {
        this.exitCode = code;
        resolve();
      }),
    );
  }

  get pid(): number {
    return this.child.pid ?? 0;
  }

  /** Lines matching `pattern`. */
  matching(pattern: RegExp): string[] {
    return this.lines.filter((l) => pattern.test(l));
  }

  /** Waits until a line matches `pattern` and returns it. */
  async waitForLine(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    await waitFor(
      () => this.lines.some((l) => pattern.test(l)),
      `${pattern} from pid ${this.pid}`,
      timeoutMs,
    );
    return this.lines.find((l) => pattern.test(l))!;
  }

  /** Sends `signal` to the whole process group (the process and anything it started). */
  signal(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // already gone
    }
  }

  /** Resolves when the process has exited. */
  async exit(timeoutMs = 20_000): Promise<void> {
    await Promise.race([
      this.exited,
      sleep(timeoutMs).then(() => {
        throw new Error(`pid ${this.pid} did not exit`);
      }),
    ]);
  }

  /** Kills the process tree with SIGKILL and waits for it. */
  async kill(): Promise<void> {
    if (this.exitCode !== undefined) return;
    this.signal("SIGKILL");
    await this.exit();
  }
}

/** Spawns `whsim worker` against `url` (4 s locks, so a dead worker's job moves on fast). */
export function spawnWorker(url: string, extra: string[] = []): TestProcess {
  return new TestProcess([
    "bin/whsim.js",
    "worker",
    "--redis",
    url,
    "--lock-duration",
    "4",
    ...extra,
  ]);
}

/**
 * Starts `whsim worker` against `url` and waits until it serves the queue (up to 90 s: a
 * worker loads the whole CLI, which takes half a minute on a loaded two-core machine).
 */
export async function startWorker(url: string): Promise<TestProcess> {
  const worker = spawnWorker(url);
  await worker.waitForLine(/serving queue/, 90_000);
  return worker;
}

/** Job ids a worker started, in order. */
export function startedIds(worker: TestProcess): string[] {
  return worker.matching(/: started /).map((l) => l.split(": started ")[1].split(" ")[0]);
}
