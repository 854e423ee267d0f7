/** Main-thread side of the simulation worker: one worker, requests matched to replies by id. */
import type { SimReply, SimRequest } from "./simWorker.ts";

type Done = Extract<SimReply, { kind: "done" }>;
type Described = Extract<SimReply, { kind: "described" }>;

/** Runs simulations in a Web Worker, one at a time. */
export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<
    number,
    { resolve: (r: SimReply) => void; reject: (e: Error) => void; onProgress?: (f: number) => void }
  >();

  private ensure(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./simWorker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (e: MessageEvent<SimReply>) => {
      const m = e.data;
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.kind === "progress") p.onProgress?.(m.fraction);
      else {
        this.pending.delete(m.id);
        if (m.kind === "error") p.reject(new SimError(m.messages));
        else p.resolve(m);
      }
    };
    worker.onerror = (e) => {
      for (const p of this.pending.values())
        p.reject(new Error(e.message || "simulation worker failed"));
      this.pending.clear();
      this.worker = null;
    };
    this.worker = worker;
    return worker;
  }

  private request(
    body: Omit<SimRequest, "id">,
    onProgress?: (f: number) => void,
  ): Promise<SimReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
      this.ensure().postMessage({ ...body, id } satisfies SimRequest);
    });
  }

  /** The scenario's name and current what-if parameters. */
  async describe(scenario: unknown | null): Promise<Described> {
    return (await this.request({
      kind: "describe",
      scenario,
      params: null,
      seed: 1,
      trace: false,
    })) as Described;
  }

  /** Simulates one replication. */
  async run(
    body: Pick<SimRequest, "scenario" | "params" | "seed" | "trace">,
    onProgress?: (f: number) => void,
  ): Promise<Done> {
    return (await this.request({ kind: "run", ...body }, onProgress)) as Done;
  }
}

/** Problems reported by the simulation worker (input problems, one per line). */
export class SimError extends Error {
  constructor(readonly messages: string[]) {
    super(messages.join("\n"));
    this.name = "SimError";
  }
}
