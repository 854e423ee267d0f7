/**
 * Conditions over several events: `allOf` waits for every event, `anyOf` for the first.
 * A failing event fails the condition (and counts as handled by it).
 */
import { Event, PROCESSED } from "./event.ts";
import type { Simulation } from "./simulation.ts";

function checkEvents(sim: Simulation, events: readonly Event[], name: string): void {
  for (let i = 0; i < events.length; i++) {
    const event = events[i];
    if (!(event instanceof Event) || event.sim !== sim) {
      throw new TypeError(`${name}: item ${i} is not an event of this simulation`);
    }
  }
}

/** An event that succeeds with all values (in input order) once every event has succeeded. */
export function allOf(sim: Simulation, events: readonly Event[]): Event<any[]> {
  checkEvents(sim, events, "allOf");
  const condition = new Event<any[]>(sim);
  const list = events.slice();
  let remaining = list.length;
  const settle = (event: Event): void => {
    if (condition._state !== 0 || passedFailure(condition, event)) return;
    remaining--;
    if (remaining === 0) condition.succeed(list.map((e) => e._value));
  };
  if (list.length === 0) condition.succeed([]);
  watch(list, settle);
  return condition;
}

/** An event that succeeds with `{ index, event, value }` of the first event processed. */
export function anyOf(
  sim: Simulation,
  events: readonly Event[],
): Event<{ index: number; event: Event; value: any }> {
  checkEvents(sim, events, "anyOf");
  const condition = new Event<{ index: number; event: Event; value: any }>(sim);
  const list = events.slice();
  const settle = (event: Event): void => {
    if (condition._state !== 0 || passedFailure(condition, event)) return;
    condition.succeed({ index: list.indexOf(event), event, value: event._value });
  };
  if (list.length === 0) condition.succeed({ index: -1, event: condition, value: undefined });
  watch(list, settle);
  return condition;
}

/** Fails the condition with a failed event's error (the event counts as handled); true if it did. */
function passedFailure(condition: Event, event: Event): boolean {
  if (event._ok) return false;
  event._defused = true;
  condition.fail(event._value);
  return true;
}

/** Calls `settle` with each event once processed (at once for those already processed). */
function watch(list: readonly Event[], settle: (event: Event) => void): void {
  for (const event of list) {
    if (event._state === PROCESSED) settle(event);
    else event.addCallback(settle);
  }
}
