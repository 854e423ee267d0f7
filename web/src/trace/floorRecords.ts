/**
 * Indexes the trace records of what stands on the floor: which trailer holds each dock door
 * and how many pallets it carries (`door`, `trailer`, `load`), which packer holds each pack
 * station (`station`), and each blocking wait from start to end (`block`).
 */
import type { BlockEvents, DoorSeries, HoldSeries } from "./traceIndex.ts";

/** Records problems with the line they were met on. */
type IssueSink = (message: string) => void;

interface DoorSteps {
  flow: string;
  t: number[];
  holder: string[];
  pallets: number[];
  palletPlaces: number[];
}

/** Appends a step to a door: the holder and its pallets from `t` on. */
function pushDoor(d: DoorSteps, t: number, holder: string, pallets: number, places: number) {
  d.t.push(t);
  d.holder.push(holder);
  d.pallets.push(pallets);
  d.palletPlaces.push(places);
}

/** Doors, stations and blocking waits under construction. */
export class FloorRecords {
  private readonly doors = new Map<string, DoorSteps>();
  private readonly stations = new Map<string, { t: number[]; holder: string[] }>();
  private readonly blocks = {
    t: [] as number[],
    untilT: [] as number[],
    worker: [] as string[],
    at: [] as string[],
    reason: [] as string[],
    location: [] as string[],
  };
  /** Each worker's open wait (an index into `blocks`). */
  private readonly openBlock = new Map<string, number>();

  constructor(private readonly issue: IssueSink) {}

  private doorSteps(id: string, flow: string): DoorSteps {
    let d = this.doors.get(id);
    if (!d) {
      d = { flow, t: [], holder: [], pallets: [], palletPlaces: [] };
      this.doors.set(id, d);
    }
    return d;
  }

  /** `door`: a trailer takes the door (its load unknown until told) or frees it. */
  door(rec: any, t: number): void {
    const d = this.doorSteps(String(rec.door), String(rec.flow ?? ""));
    const holder = rec.trailer == null ? "" : String(rec.trailer);
    pushDoor(d, t, holder, Number.NaN, Number.NaN);
  }

  /** `trailer` and `load`: the pallets on the trailer at its door, and its pallet places. */
  load(rec: any, t: number, trailer: string): void {
    const d = this.doors.get(String(rec.door));
    if (!d || d.holder[d.holder.length - 1] !== trailer) {
      this.issue(`${rec.kind} record of trailer ${trailer} not at door ${rec.door}`);
      return;
    }
    pushDoor(d, t, trailer, +rec.pallets, +rec.palletPlaces);
  }

  /** `station`: a packer takes a pack station, or frees it. */
  station(rec: any, t: number): void {
    const id = String(rec.station);
    let s = this.stations.get(id);
    if (!s) this.stations.set(id, (s = { t: [], holder: [] }));
    s.t.push(t);
    s.holder.push(rec.worker == null ? "" : String(rec.worker));
  }

  /** `block`: a worker starts or ends a wait for a held place. */
  block(rec: any, t: number): void {
    const worker = String(rec.id);
    const open = this.openBlock.get(worker);
    const b = this.blocks;
    if (rec.phase === "end") {
      if (open === undefined) this.issue(`block end of ${worker} without a start`);
      else b.untilT[open] = t;
      this.openBlock.delete(worker);
      return;
    }
    if (open !== undefined) this.issue(`block start of ${worker} while it already waits`);
    this.openBlock.set(worker, b.t.length);
    b.t.push(t);
    b.untilT.push(Number.POSITIVE_INFINITY);
    b.worker.push(worker);
    b.at.push(String(rec.at));
    b.reason.push(String(rec.reason ?? ""));
    b.location.push(rec.location == null ? "" : String(rec.location));
  }

  /** The finished doors, stations and waits; `endT` is the trace's last time, s. */
  finish(endT: number): {
    doors: Record<string, DoorSeries>;
    stations: Record<string, HoldSeries>;
    blocks: BlockEvents;
  } {
    const doors: Record<string, DoorSeries> = {};
    for (const [id, d] of this.doors) {
      doors[id] = {
        flow: d.flow,
        t: Float64Array.from(d.t),
        holder: d.holder,
        pallets: Float64Array.from(d.pallets),
        palletPlaces: Float64Array.from(d.palletPlaces),
      };
    }
    const stations: Record<string, HoldSeries> = {};
    for (const [id, s] of this.stations)
      stations[id] = { t: Float64Array.from(s.t), holder: s.holder };
    const b = this.blocks;
    let maxS = 0;
    for (let i = 0; i < b.t.length; i++)
      maxS = Math.max(maxS, Math.min(b.untilT[i], endT) - b.t[i]);
    const blocks = { ...b, t: Float64Array.from(b.t), untilT: Float64Array.from(b.untilT), maxS };
    return { doors, stations, blocks };
  }
}
