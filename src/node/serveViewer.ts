/**
 * A static HTTP server for the viewer on 127.0.0.1: the built viewer (web/dist) at `/`, the
 * runs' results folders at `/runs/<i>/<file>`, and the list of runs at `/runs.json`. It
 * answers only requests addressed to itself on loopback, serves only regular files whose real
 * path lies in those folders, and sends a strict Content-Security-Policy.
 */
import { realpathSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, join, normalize, resolve } from "node:path";
import { CONTENT_TYPES, isInside, sendContainedFile } from "./sendContainedFile.ts";

/** A results folder to serve. */
export interface ServedRun {
  /** The folder holding summary.json, layout.json, trace.ndjson. */
  dir: string;
  /** Display name; defaults to the folder name. */
  name?: string;
}

/** Options of serveViewer. */
export interface ServeViewerOptions {
  /** The built viewer (index.html and assets). */
  distDir: string;
  /** Runs, A first; the viewer opens the first two. */
  runs: ServedRun[];
  /** Port; 0 (the default) picks a free one. */
  port?: number;
}

/** A running viewer server. */
export interface ViewerServer {
  /** `http://127.0.0.1:<port>/`. */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** The viewer's Content-Security-Policy: its own scripts, workers and data only. */
export const VIEWER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // The viewer's HTML fragments carry style attributes (bar widths, legend colours).
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** Headers sent with every answer. */
export const SECURITY_HEADERS: Record<string, string> = {
  "content-security-policy": VIEWER_CSP,
  "x-content-type-options": "nosniff",
  "cross-origin-resource-policy": "same-origin",
  "cross-origin-opener-policy": "same-origin",
  "referrer-policy": "no-referrer",
  "x-frame-options": "DENY",
};

/** Longest request target served, in characters. */
export const MAX_URL_LENGTH = 2048;

/** A request path, decoded, or the status to refuse it with. */
export type RequestPath = { path: string } | { status: number; reason: string };

/** Decodes a request target's path; refuses malformed, overlong or NUL-holding ones. */
export function requestPath(target: string | undefined): RequestPath {
  const raw = target ?? "/";
  if (raw.length > MAX_URL_LENGTH) return { status: 414, reason: "request target too long" };
  if (!raw.startsWith("/")) return { status: 400, reason: "bad request target" };
  const end = raw.search(/[?#]/);
  let path: string;
  try {
    path = decodeURIComponent(end < 0 ? raw : raw.slice(0, end));
  } catch {
    return { status: 400, reason: "malformed percent-encoding" };
  }
  if (path.includes("\0")) return { status: 400, reason: "NUL in path" };
  return { path };
}

/** True when the Host header names this server on loopback (a guard against DNS rebinding). */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`];
  return allowed.includes(host.toLowerCase());
}

/** Real path of a folder, or its absolute path if it cannot be resolved (nothing is served). */
function realFolder(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return resolve(dir);
  }
}

function refuse(res: ServerResponse, status: number, text: string): void {
  const allow = status === 405 ? { allow: "GET, HEAD" } : {};
  const type = { "content-type": "text/plain", "content-length": Buffer.byteLength(text) };
  res.writeHead(status, { ...SECURITY_HEADERS, ...allow, ...type }).end(text);
}

interface Served {
  dist: string;
  runs: { dir: string; name: string }[];
  port: () => number;
}

/** Sends a file; a failure while sending drops the connection and never stops the server. */
function send(
  req: IncomingMessage,
  res: ServerResponse,
  options: Parameters<typeof sendContainedFile>[2],
): void {
  sendContainedFile(req, res, options).catch(() => res.destroy());
}

/** The refusal for a request this server does not answer, if any. */
function refusal(
  served: Served,
  req: IncomingMessage,
): { status: number; reason: string } | undefined {
  if (!isAllowedHost(req.headers.host, served.port())) {
    return { status: 421, reason: "misdirected request: use http://127.0.0.1:PORT/" };
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    return { status: 405, reason: "only GET and HEAD" };
  }
  return undefined;
}

/** Answers one request: runs.json, a results file, or a file of the built viewer. */
function answer(served: Served, req: IncomingMessage, res: ServerResponse): void {
  const parsed = refusal(served, req) ?? requestPath(req.url);
  if ("status" in parsed) {
    refuse(res, parsed.status, parsed.reason);
    return;
  }
  const { path } = parsed;
  const headers = SECURITY_HEADERS;
  const m = /^\/runs\/(\d+)\/([^/]+)$/.exec(path);
  if (path === "/runs.json") {
    const runs = served.runs.map((r, i) => ({ name: r.name, base: `runs/${i}/` }));
    const body = JSON.stringify(runs);
    const type = { "content-type": CONTENT_TYPES[".json"], "cache-control": "no-cache" };
    const length = { "content-length": Buffer.byteLength(body) };
    res.writeHead(200, { ...headers, ...type, ...length }).end(body);
  } else if (m) {
    const run = served.runs[Number(m[1])];
    // Only files directly inside the results folder are served.
    if (!run || m[2].startsWith(".")) refuse(res, 404, "not found");
    else send(req, res, { realRoot: run.dir, file: join(run.dir, m[2]), headers });
  } else {
    const name = path === "/" ? "index.html" : path === "/favicon.ico" ? "favicon.svg" : path;
    const file = normalize(join(served.dist, name));
    if (!isInside(served.dist, file)) refuse(res, 403, "forbidden");
    else send(req, res, { realRoot: served.dist, file, headers });
  }
}

/** Starts the server; resolves once it listens. */
export function serveViewer(options: ServeViewerOptions): Promise<ViewerServer> {
  let port = 0;
  const served: Served = {
    dist: realFolder(options.distDir),
    runs: options.runs.map((r) => ({
      dir: realFolder(r.dir),
      name: r.name ?? basename(resolve(r.dir)),
    })),
    port: () => port,
  };
  const server = createServer((req, res) => answer(served, req, res));
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      port = (server.address() as AddressInfo).port;
      resolvePromise({
        url: `http://127.0.0.1:${port}/`,
        port,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}
