/**
 * Sends a file only if it really lies inside a given folder: symbolic links are resolved
 * and a file whose real path leaves the folder, or that is not a regular file (a FIFO, a
 * device, a folder), is answered with 404 as if it did not exist.
 */
import { constants, createReadStream } from "node:fs";
import { open, realpath } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { extname, sep } from "node:path";

/** Content types by file extension; anything else is sent as octet-stream. */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ndjson": "application/x-ndjson; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".map": "application/json",
};

/** True when `path` is `root` or lies below it (both already real, absolute paths). */
export function isInside(root: string, path: string): boolean {
  return path === root || path.startsWith(root.endsWith(sep) ? root : root + sep);
}

/** Real path of `file` if it is a regular file inside `realRoot`; undefined otherwise. */
async function containedFile(realRoot: string, file: string): Promise<string | undefined> {
  try {
    const real = await realpath(file);
    return isInside(realRoot, real) ? real : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Answers `req` with `file` when its real path is a regular file inside `realRoot` (a real
 * path, see `realpath`); 404 otherwise. `headers` go on every answer.
 */
export async function sendContainedFile(
  req: IncomingMessage,
  res: ServerResponse,
  options: { realRoot: string; file: string; headers: Record<string, string> },
): Promise<void> {
  const notFound = () => {
    const type = { "content-type": "text/plain", "content-length": 9 };
    res.writeHead(404, { ...options.headers, ...type }).end("not found");
  };
  const real = await containedFile(options.realRoot, options.file);
  if (!real) return notFound();
  // NOTE: opened without following a link swapped in since realpath and without waiting for
  // a FIFO's writer, then checked on the descriptor, so the file checked is the file sent.
  const flags = constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK;
  const handle = await open(real, flags).catch(() => undefined);
  if (!handle) return notFound();
  const stats = await handle.stat().catch(() => undefined);
  if (!stats?.isFile()) {
    await handle.close();
    return notFound();
  }
  res.writeHead(200, {
    ...options.headers,
    "content-type": CONTENT_TYPES[extname(real)] ?? "application/octet-stream",
    "content-length": stats.size,
    "cache-control": "no-cache",
  });
  if (req.method === "HEAD") {
    await handle.close();
    res.end();
    return;
  }
  const stream = createReadStream("", { fd: handle, autoClose: true });
  stream.on("error", () => res.destroy());
  stream.pipe(res);
}
