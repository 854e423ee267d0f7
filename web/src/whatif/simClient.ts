/**
 * Main-thread side of the simulation workers: a small pool of Web Workers, each running one
 * replication at a time; requests wait in a queue and replies are matched to them by id.
 */
import type { SimReply, SimRequest } from "./simWorker.ts";

/** A finished replication. */
export type SimDone = Extract<SimReply, { kind: "done" }>;
type Described = Extract<SimReply, { kind: "described" }>;

interface Pending {
  body: SimRequest;
  resolve: (r: SimReply) => void;
  reject: (e: Error) => void;
  onProgress?: (f: number) => void;
}

/** One worker and the request it is running. */
interface Slot {
  worker: Worker;
  job: Pending | null;
}

/** Workers for a machine: one per core, at most 4, at least 1. */
export function defaultPoolSize(): number {
  const cores = typeof navigator !== "undefined" ? navigator.hardwareConcurrency : 0;
  return Math.max(1, Math.min(4, cores || 2));
}

/** Runs simulations in up to `size` Web Workers in parallel. */
export class SimClient {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;

  constructor(readonly size = defaultPoolSize()) {}

  private spawn(): Slot {
    const worker = new Worker(new URL("./simWorker.ts", import.meta.url), { type: "module" });
    const slot: Slot = { worker, job: null };
    worker.onmessage = (e: MessageEvent<SimReply>) => this.reply(slot, e.data);
    worker.onerror = (e) => {
      slot.job?.reject(new Error(e.message || "simulation worker failed"));
      worker.terminate();
      this.slots.splice(this.slots.indexOf(slot), 1);
      this.pump();
    };
    this.slots.push(slot);
    return slot;
  }

  private reply(slot: Slot, m: SimReply): void {
    const job = slot.job;
    if (!job || job.body.id !== m.id) return;
    if (m.kind === "progress") {
      job.onProgress?.(m.fraction);
      return;
    }
    slot.job = null;
    if (m.kind === "error") job.reject(new SimError(m.messages));
    else job.resolve(m);
    this.pump();
  }

  /** Starts queued requests on idle workers, spawning workers up to the pool size. */
  private pump(): void {
    while (this.queue.length) {
      const slot =
        this.slots.find((s) => s.job === null) ??
        (this.slots.length < this.size ? this.spawn() : null);
      if (!slot) return;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.worker.postMessage(job.body);
    }
  }

  private request(
    body: Omit<SimRequest, "id">,
    onProgress?: (f: number) => void,
  ): Promise<SimReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.queue.push({ body: { ...body, id }, resolve, reject, onProgress });
      this.pump();
    });
  }

  /** The scenario's name and current what-if parameters. */
  async describe(scenario: unknown | null): Promise<Described> {
    return (await this.request({
      kind: "describe",
      scenario,
      params: null,
      seed: 1,
      replication: 0,
      trace: false,
    })) as Described;
  }

  /** Simulates one replication. */
  async run(
    body: Pick<SimRequest, "scenario" | "params" | "seed" | "replication" | "trace">,
    onProgress?: (f: number) => void,
  ): Promise<SimDone> {
    return (await this.request({ kind: "run", ...body }, onProgress)) as SimDone;
  }
}

/** Problems reported by the simulation worker (input problems, one per line). */
export class SimError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "SimError";
  }
}
