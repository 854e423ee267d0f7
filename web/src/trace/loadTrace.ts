/** Loads and indexes a trace in a Web Worker, reporting progress; resolves with the index. */
import type { TraceIndex } from "./traceIndex.ts";
import type { TraceParserOptions } from "./traceParser.ts";
import type { TraceLoadMessage, TraceLoadRequest } from "./traceWorker.ts";

/** A loaded trace and how long reading and indexing took. */
export interface LoadedTrace {
  index: TraceIndex;
  /** Wall time from request to index in the worker, ms. */
  parseMs: number;
  bytes: number;
}

/** Streams `source` (a URL or a File) through the trace worker. */
export function loadTrace(
  source: string | Blob,
  options: TraceParserOptions,
  onProgress?: (bytes: number, totalBytes: number, records: number) => void,
): Promise<LoadedTrace> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL("./traceWorker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<TraceLoadMessage>) => {
      const m = e.data;
      if (m.kind === "progress") onProgress?.(m.bytes, m.totalBytes, m.records);
      else {
        worker.terminate();
        if (m.kind === "done") resolve({ index: m.index, parseMs: m.parseMs, bytes: m.bytes });
        else reject(new Error(m.message));
      }
    };
    worker.onerror = (e) => {
      worker.terminate();
      reject(new Error(e.message || "trace worker failed"));
    };
    const request: TraceLoadRequest =
      typeof source === "string"
        ? { url: new URL(source, location.href).href, options }
        : { file: source, options };
    worker.postMessage(request);
  });
}
