/**
 * A fuzz of the viewer server over loopback: random methods, paths (dot-dot, escapes good and
 * malformed, NUL bytes, links planted out of the folders, long paths), Host headers and extra
 * headers. Every request gets an answer or a closed connection, the server keeps serving,
 * and every 200 carries a file of the viewer or a results folder, nothing else.
 * 400 requests by default; `WHSIM_LONG=1` sends 4,000.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { serveViewer, type ViewerServer } from "../../src/node/serveViewer.ts";
import { rawGet, rawRequest } from "./rawHttp.ts";

const RUNS = process.env.WHSIM_LONG ? 4000 : 400;
const SECRET = "fuzz-secret-outside-the-folders";

let root: string;
let server: ViewerServer;
/** Bodies a 200 may carry: the served files and runs.json. */
const allowed = new Set<string>();

function write(path: string, text: string): void {
  writeFileSync(path, text);
  allowed.add(text);
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "whsim-fuzz-serve-"));
  for (const dir of ["dist", "dist/assets", "run", "other"]) mkdirSync(join(root, dir));
  write(join(root, "dist", "index.html"), "<!doctype html><title>fuzz</title>");
  write(join(root, "dist", "favicon.svg"), "<svg></svg>");
  write(join(root, "dist", "assets", "app.js"), "console.log(1)");
  write(join(root, "run", "layout.json"), '{"name":"fuzz"}');
  write(join(root, "run", "summary.json"), '{"kpis":{}}');
  writeFileSync(join(root, "secret.txt"), SECRET);
  writeFileSync(join(root, "other", "notes.txt"), SECRET);
  writeFileSync(join(root, "run", ".whsim-results"), SECRET);
  symlinkSync(join(root, "secret.txt"), join(root, "run", "leak.json"));
  symlinkSync(join(root, "other"), join(root, "dist", "other"));
  symlinkSync("/etc/passwd", join(root, "dist", "passwd"));
  execFileSync("mkfifo", [join(root, "run", "pipe.ndjson")]);
  server = await serveViewer({ distDir: join(root, "dist"), runs: [{ dir: join(root, "run") }] });
  allowed.add(JSON.stringify([{ name: "run", base: "runs/0/" }]));
  allowed.add("");
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

const names = fc.constantFrom(
  "runs",
  "0",
  "1",
  "-1",
  "99999999999999999999",
  "runs.json",
  "index.html",
  "favicon.ico",
  "assets",
  "app.js",
  "layout.json",
  "summary.json",
  ".whsim-results",
  "leak.json",
  "pipe.ndjson",
  "passwd",
  "other",
  "notes.txt",
  "secret.txt",
  "etc",
  "",
);
const traversal = fc.constantFrom(
  "..",
  ".",
  "%2e%2e",
  "%2E%2E%2F",
  "..%2f",
  "%2F",
  "%5C",
  "\\",
  "%C0%AE%C0%AE",
  "?x=1",
  "#frag",
);
const badEscapes = fc.constantFrom("%00", "%E0%A4%A", "%", "%zz", "%ff%fe");
const segment = fc.oneof(
  { arbitrary: names, weight: 8 },
  { arbitrary: traversal, weight: 4 },
  { arbitrary: badEscapes, weight: 1 },
  { arbitrary: fc.string({ maxLength: 12 }).map(encodeURIComponent), weight: 1 },
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9._~-]{0,10}$/), weight: 1 },
  {
    arbitrary: fc.integer({ min: 0, max: 255 }).map((b) => `%${b.toString(16).padStart(2, "0")}`),
    weight: 1,
  },
  { arbitrary: fc.integer({ min: 100, max: 6000 }).map((n) => "a".repeat(n)), weight: 1 },
);

const target = fc
  .array(segment, { minLength: 0, maxLength: 8 })
  .map((parts) => `/${parts.join("/")}`);

const method = fc.oneof(
  {
    arbitrary: fc.constantFrom("GET", "GET", "GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS"),
    weight: 6,
  },
  { arbitrary: fc.stringMatching(/^[A-Z]{1,8}$/), weight: 1 },
);

function hostHeader(port: number) {
  return fc.constantFrom(
    `Host: 127.0.0.1:${port}\r\n`,
    `Host: 127.0.0.1:${port}\r\n`,
    `Host: localhost:${port}\r\n`,
    `Host: [::1]:${port}\r\n`,
    `Host: evil.example:${port}\r\n`,
    "Host: 127.0.0.1\r\n",
    "Host: \r\n",
    "",
    `Host: 127.0.0.1:${port}\r\nHost: evil.example\r\n`,
  );
}

const extraHeaders = fc
  .array(fc.tuple(fc.stringMatching(/^[A-Za-z-]{1,12}$/), fc.string({ maxLength: 40 })), {
    maxLength: 4,
  })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v.replace(/[\r\n]/g, " ")}\r\n`).join(""));

describe("serveViewer() under fuzzed requests", () => {
  it(`answers ${RUNS} random requests, stays up and serves nothing outside its folders`, async () => {
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(
        method,
        target,
        hostHeader(server.port),
        extraHeaders,
        async (m, t, host, extra) => {
          const request = `${m} ${t} HTTP/1.1\r\n${host}${extra}Connection: close\r\n\r\n`;
          const res = await rawRequest(server.port, Buffer.from(request, "utf8"));
          const body = res.body.toString("utf8");
          expect(body).not.toContain(SECRET);
          expect(body).not.toContain("root:x:0:0");
          if (res.status === 200) expect(allowed.has(body)).toBe(true);
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        },
      ),
      { numRuns: RUNS, seed: 20261207 },
    );
    // The requests reach every branch: served, refused as malformed, missing, misaddressed.
    for (const status of [200, 400, 404, 405, 421]) expect(statuses.get(status)).toBeGreaterThan(0);
    expect(statuses.get(0) ?? 0).toBeLessThan(RUNS / 10);
    expect((await rawGet(server.port, "/")).status).toBe(200);
    expect(readFileSync(join(root, "secret.txt"), "utf8")).toBe(SECRET);
  }, 120_000);
});
