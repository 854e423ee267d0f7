/**
 * A task as an object with a method: `run(worker)` calls a generator function made once
 * with the task's argument. Queues that take a task per order or tour use it instead of a
 * closure per task, which costs more to make.
 */
import type { ProcessGenerator } from "../../engine/index.ts";
import type { Task } from "../world.ts";
import type { Worker } from "./workforce.ts";

/** A task that runs `body(worker, arg)`. */
export class BoundTask<A> implements Task {
  constructor(
    readonly kind: string,
    private readonly body: (worker: Worker, arg: A) => ProcessGenerator<void>,
    readonly arg: A,
  ) {}

  run(worker: Worker): ProcessGenerator<void> {
    return this.body(worker, this.arg);
  }
}
