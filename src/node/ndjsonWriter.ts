/**
 * A synchronous NDJSON writer: records are serialised into a buffer that is flushed to the
 * file descriptor every ~1 MiB, so a long trace streams to disk without growing memory
 * (the simulation loop is synchronous, so an async stream would only queue in memory).
 */
import { closeSync, openSync, writeSync } from "node:fs";

/** Writes one JSON object per line to a file. */
export class NdjsonWriter {
  private fd: number | undefined;
  private chunks: string[] = [];
  private pendingChars = 0;
  /** Records written so far. */
  records = 0;

  /** Opens (creates or truncates) `path`. */
  constructor(
    path: string,
    private readonly flushChars = 1 << 20,
  ) {
    this.fd = openSync(path, "w");
  }

  /** Appends one record as a line. */
  write(record: unknown): void {
    const line = `${JSON.stringify(record)}\n`;
    this.chunks.push(line);
    this.pendingChars += line.length;
    this.records++;
    if (this.pendingChars >= this.flushChars) this.flush();
  }

  /** Writes buffered lines to the file. */
  flush(): void {
    if (this.fd === undefined || this.chunks.length === 0) return;
    writeSync(this.fd, this.chunks.join(""));
    this.chunks = [];
    this.pendingChars = 0;
  }

  /** Flushes and closes the file; further writes throw. */
  close(): void {
    if (this.fd === undefined) return;
    this.flush();
    closeSync(this.fd);
    this.fd = undefined;
  }
}
