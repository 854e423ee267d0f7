/**
 * Vitest global setup: finds redis-server for the tests that need a real Redis (BullMQ runs
 * Lua scripts, so no stand-in will do). Where it is missing and the tests run as root on
 * Debian or Ubuntu, it installs Debian's redis-server package, saying so in one line; it
 * runs once per test run, before any test file. Elsewhere the tests that need Redis are
 * skipped, each printing the reason and the install command (see tests/distributed/harness.ts).
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { delimiter } from "node:path";
import type { TestProject } from "vitest/node";
import { findOnPath } from "../../src/node/findProgram.ts";

/** What the Redis tests get: the server to start, or why they are skipped. */
export interface RedisSetup {
  server?: string;
  skipReason?: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    redisServer: RedisSetup;
  }
}

/** How to install Redis, for the skip message. */
const INSTALL =
  "install it with: sudo apt-get install redis-server (Debian, Ubuntu) or brew install redis (macOS)";

/** Apt waits this long for another apt or dpkg run to finish instead of failing at once. */
const APT_LOCK = ["-o", "DPkg::Lock::Timeout=300"];

function findRedisServer(): string | undefined {
  const search = [process.env.PATH ?? "", "/usr/bin", "/usr/sbin", "/usr/local/bin"];
  return findOnPath(["redis-server"], search.join(delimiter));
}

/** True when this process may install Debian packages itself. */
function mayInstall(): boolean {
  return process.getuid?.() === 0 && existsSync("/etc/debian_version");
}

/** Runs apt-get quietly; returns its last line of error output when it fails. */
function aptGet(args: string[]): string | undefined {
  try {
    execFileSync("apt-get", [...APT_LOCK, ...args], {
      env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 600_000,
    });
    return undefined;
  } catch (error) {
    const stderr = String((error as { stderr?: unknown }).stderr ?? "").trim();
    return stderr.split("\n").pop() || (error as Error).message;
  }
}

/** Installs Debian's redis-server; returns the server, or why there is none. */
function installRedisServer(): RedisSetup {
  console.log(
    "redis-server is missing: installing Debian's redis-server package for the Redis tests",
  );
  const failed =
    aptGet(["update", "-qq"]) ??
    aptGet(["install", "-y", "-qq", "--no-install-recommends", "redis-server"]);
  const server = findRedisServer();
  if (server) return { server };
  return {
    skipReason: `installing redis-server failed (${failed ?? "not found after install"}); ${INSTALL}`,
  };
}

/** The redis-server of this test run, or why the Redis tests are skipped. */
export function redisSetup(): RedisSetup {
  const server = findRedisServer();
  if (server) return { server };
  if (mayInstall()) return installRedisServer();
  return { skipReason: `redis-server not found on PATH; ${INSTALL}` };
}

export default function setup(project: TestProject): void {
  project.provide("redisServer", redisSetup());
}
