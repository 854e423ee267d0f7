/** The `workforce` section: roles, shifts with breaks, crews and the due times of tasks. */
import { z } from "zod";
import { distSpec } from "../distSpec.ts";
import { clock, weekdayList, weekdays } from "./fields.ts";

/** The roles workers play: the core flow, then counters and returns clerks (operations). */
export const ROLES = [
  "receiver",
  "putaway",
  "replenisher",
  "picker",
  "packer",
  "loader",
  "counter",
  "returnsClerk",
] as const;

/** A worker role. */
export type Role = (typeof ROLES)[number];

const crewSchema = z.strictObject({
  shift: z.string().min(1).describe("A shift name from workforce.shifts"),
  headcount: z.number().int().min(0).max(1000).describe("Workers in this crew"),
});

/** A role's individual handling-speed factors: one draw per worker. */
const handlingFactorField = distSpec({ min: 0.1, max: 10 })
  .optional()
  .describe(
    "Each worker's handling-time factor, drawn once per worker on the stream `workforce.handlingFactor` (e.g. normal mean 1, sd 0.1): 1.1 handles 10 % slower than the standard (default 1 for everyone)",
  );

const roleSchema = z
  .strictObject({
    crews: z.array(crewSchema).max(100).describe("Crews of this role, one per shift worked"),
    speedMps: z
      .number()
      .positive()
      .max(10)
      .default(1.2)
      .describe("Walking speed without equipment, m/s (default 1.2)"),
    crossTrained: z
      .array(z.enum(ROLES))
      .default([])
      .describe(
        "Other roles whose tasks these workers take when theirs are less urgent or none: the most urgent task they are trained for (default none)",
      ),
    interleave: z
      .boolean()
      .default(false)
      .describe(
        "Task interleaving: take, among the 5 most urgent tasks of the own and cross-trained queues, the one starting nearest (e.g. a replenishment near where a putaway ended) (default false)",
      ),
    handlingFactor: handlingFactorField,
  })
  .describe("A role: its crews (shift and headcount), walking speed, cross-training, interleaving");

const shiftSchema = z
  .strictObject({
    start: clock,
    end: clock.describe("End time; before start means the shift runs past midnight"),
    days: weekdayList("Days the shift starts on (default mon–fri)"),
    breaks: z
      .array(
        z.strictObject({
          start: clock,
          minutes: z.number().gt(0).max(720).describe("Length of the break, minutes"),
          staggerGroups: z
            .number()
            .int()
            .min(1)
            .max(50)
            .default(1)
            .describe(
              "Stagger the break within each crew: workers take it in this many groups, one after another, the i-th worker of a crew in group i mod staggerGroups (default 1: all at once)",
            ),
        }),
      )
      .max(24)
      .default([])
      .describe(
        "Unpaid breaks within the shift; a task under way is finished first (default none)",
      ),
  })
  .describe("A shift: start, end, days and breaks");

/** A role's default: crews of the given headcount on the day shift and, if given, the late one. */
const dayCrew = (headcount: number, late?: number) => ({
  crews:
    late === undefined
      ? [{ shift: "day", headcount }]
      : [
          { shift: "day", headcount },
          { shift: "late", headcount: late },
        ],
  speedMps: 1.2,
  crossTrained: [],
  interleave: false,
});

const taskDueSchema = z
  .strictObject({
    unloadS: z
      .number()
      .min(0)
      .max(7 * 86_400)
      .default(3600)
      .describe("Unloading and inspection are due this long after docking, s (default 3600)"),
    putawayS: z
      .number()
      .min(0)
      .max(7 * 86_400)
      .default(14_400)
      .describe(
        "Putaway and cross-dock moves are due this long after the pallet arrived, s (default 14400: dock to stock within half a shift)",
      ),
    countS: z
      .number()
      .min(0)
      .max(365 * 86_400)
      .default(86_400)
      .describe(
        "Cycle counts are due this long after they are scheduled, s; opportunity counts in 1/24 of it (default 86400)",
      ),
    returnS: z
      .number()
      .min(0)
      .max(365 * 86_400)
      .default(86_400)
      .describe("Customer returns are due this long after they arrive, s (default 86400)"),
  })
  .prefault({})
  .describe(
    "Due times of tasks not tied to an order; every task queue takes the earliest due first (see docs/scenarios.md, Task priority)",
  );

export const workforceSchema = z
  .strictObject({
    shifts: z
      .record(z.string().min(1), shiftSchema)
      .default({
        day: { start: "06:00", end: "14:30", days: weekdays, breaks: [] },
        late: { start: "14:00", end: "22:30", days: weekdays, breaks: [] },
      })
      .describe("Named shifts (default `day` 06:00–14:30 and `late` 14:00–22:30, mon–fri)"),
    roles: z
      .strictObject({
        receiver: roleSchema.default(dayCrew(2)),
        putaway: roleSchema.default(dayCrew(2)),
        replenisher: roleSchema.default(dayCrew(1, 1)),
        picker: roleSchema.default(dayCrew(5, 3)),
        packer: roleSchema.default(dayCrew(2, 2)),
        loader: roleSchema.default(dayCrew(1, 1)),
        counter: roleSchema.default({
          crews: [],
          speedMps: 1.2,
          crossTrained: [],
          interleave: false,
        }),
        returnsClerk: roleSchema.default({
          crews: [],
          speedMps: 1.2,
          crossTrained: [],
          interleave: false,
        }),
      })
      .prefault({})
      .describe("Headcount per role and shift"),
    taskDue: taskDueSchema,
  })
  .prefault({})
  .describe("Shifts and crews");
