/**
 * Web Worker that streams trace.ndjson (from a URL or a dropped File), indexes it with
 * createTraceParser and posts the index back with its buffers transferred.
 */
import type { TraceIndex } from "./traceIndex.ts";
import { transferables } from "./traceIndex.ts";
import { createTraceParser, type TraceParserOptions } from "./traceParser.ts";

/** Request to the trace worker. */
export interface TraceLoadRequest {
  url?: string;
  file?: Blob;
  options?: TraceParserOptions;
}

/** Messages from the trace worker. */
export type TraceLoadMessage =
  | { kind: "progress"; bytes: number; totalBytes: number; records: number }
  | { kind: "done"; index: TraceIndex; parseMs: number; bytes: number }
  | { kind: "error"; message: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<TraceLoadRequest>) => void) | null;
  postMessage(message: TraceLoadMessage, transfer?: Transferable[]): void;
};

scope.onmessage = async (event) => {
  const request = event.data;
  const started = performance.now();
  try {
    let stream: ReadableStream<Uint8Array>;
    let totalBytes = 0;
    if (request.file) {
      stream = request.file.stream();
      totalBytes = request.file.size;
    } else if (request.url) {
      const response = await fetch(request.url);
      if (!response.ok || !response.body) {
        throw new Error(`${request.url}: HTTP ${response.status}`);
      }
      stream = response.body;
      totalBytes = Number(response.headers.get("content-length") ?? 0);
    } else throw new Error("no trace given");
    const parser = createTraceParser(request.options);
    const decoder = new TextDecoder();
    const reader = stream.getReader();
    let bytes = 0;
    let lastReport = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      parser.push(decoder.decode(value, { stream: true }));
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        scope.postMessage({ kind: "progress", bytes, totalBytes, records: parser.records });
      }
    }
    parser.push(decoder.decode());
    const index = parser.finish();
    scope.postMessage(
      { kind: "done", index, parseMs: performance.now() - started, bytes },
      transferables(index),
    );
  } catch (error) {
    scope.postMessage({
      kind: "error",
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
