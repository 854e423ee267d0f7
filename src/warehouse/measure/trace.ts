/**
 * Trace emission: records go straight to the caller's callback (never kept), and nothing
 * is built at all when no callback is given. Record shapes follow docs/architecture.md.
 */
import type { TraceRecord } from "../types.ts";

/** Where trace records go; `on` is false when nobody listens, so callers skip building them. */
export class Tracer {
  readonly on: boolean;
  /** Records emitted. */
  count = 0;
  constructor(private readonly sink?: (record: TraceRecord) => void) {
    this.on = sink !== undefined;
  }

  /** Emits one record (a no-op when tracing is off). */
  emit(record: TraceRecord): void {
    if (this.sink) {
      this.count++;
      this.sink(record);
    }
  }
}
