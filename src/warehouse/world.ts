/**
 * The shared state every warehouse process works on: the simulation, the site, SKUs and
 * their stock, orders, workers and equipment, statistics and listeners. Processes live in
 * their own files and talk through this object and its listener lists, so a new operation
 * (cross-docking, returns, counts…) is a new file that subscribes, not a rewrite.
 */
import type { ProcessGenerator, Simulation, Tally, TimeWeighted } from "../engine/index.ts";
import type { PutawayRule, StockLedger } from "../inventory/index.ts";
import type { Motion } from "../layout/index.ts";
import type { EquipmentKind, EquippedTask, Role, Scenario } from "../scenario/index.ts";
import type { PurchaseLine } from "./inbound/inbound.ts";
import type { Tracer } from "./measure/trace.ts";
import type { DepartureBay, OutboundPallet } from "./outbound/departureBay.ts";
import type { Departures } from "./outbound/departures.ts";
import type { Site } from "./storage/site.ts";
import type { SkuInfo } from "./storage/skuMaster.ts";
import type { WorkCounts } from "./types.ts";
import type { AisleState } from "./workforce/aisleTraffic.ts";
import type { EquipmentPool } from "./workforce/equipment.ts";
import type { PlaceTraffic } from "./workforce/placeTraffic.ts";
import type { ActivityVariation } from "./workforce/timeStandards.ts";
import type { TaskQueue, Worker } from "./workforce/workforce.ts";

/** A unit of work a worker takes from its role's queue. */
export interface Task {
  /** Trace name: unload, putaway, replenish, pick, pack, load… */
  kind: string;
  /** Where the task starts (a location or place id), for interleaving; absent: the depot. */
  at?: string;
  /**
   * Runs the task as the worker. NOTE: a plain function calling a generator function made
   * once (`run: (w) => pack(w, order)`); a generator made per task keeps its closure alive
   * until a full collection (docs/experiments.md).
   */
  run(worker: Worker): ProcessGenerator<void>;
}

/** One order line. */
export interface OrderLine {
  /** SKU rank (index into `World.skus`). */
  sku: number;
  qty: number;
}

/** A customer order and the times it passed each step (NaN until then). */
export interface Order {
  id: number;
  createdS: number;
  carrier: number;
  /** Departure the order is promised on (the first whose cut-off is after creation), s. */
  dueS: number;
  lines: OrderLine[];
  units: number;
  /** Some line could not be served from stock when the order arrived. */
  stockout: boolean;
  releasedS: number;
  pickStartS: number;
  pickEndS: number;
  packStartS: number;
  packEndS: number;
  shippedS: number;
  /** Seconds of tours spent travelling, waiting to enter aisles, picking (setup included). */
  travelS: number;
  congestionS: number;
  pickS: number;
  /** Sorting or consolidation at packing, s. */
  sortS: number;
  /** Pick jobs still to finish (zone picking splits an order). */
  partsLeft: number;
  /** SKU rank the order waits on for release, or -1. */
  waitingOn: number;
  /** Seconds of its tours lost to short picks (operations; absent: none). */
  shortPickS?: number;
  /** A line-feeding order to a production line (not packed or shipped by carrier). */
  production?: boolean;
}

/** A pallet between the dock and a storage location. */
export interface Pallet {
  id: number;
  sku: number;
  units: number;
  /** Trailer arrival time (dock-to-stock starts here), s. */
  arrivedS: number;
  /** Pseudo-location where it waits (the dock door). */
  at: string;
  /** Supplier index in `scenario.inbound.suppliers` (absent: unknown). */
  supplier?: number;
}

/** A pallet in reserve storage. */
export interface ReservePallet {
  slot: number;
  units: number;
  receivedS: number;
  /** Expiry, s (receipt plus the SKU's shelf life); +Infinity when it does not expire. */
  expiryS: number;
}

/** Per-SKU state. All quantities are the system's record, in units. */
export interface SkuState {
  info: SkuInfo;
  id: string;
  /** Pick face location id. */
  face: string;
  faceCapacity: number;
  /** Units at the face, allocated to released orders but not yet picked, and on their way in. */
  faceUnits: number;
  faceAllocated: number;
  faceIncoming: number;
  /** Reserve pallets, oldest first, and pallets already promised to a replenishment. */
  reserve: ReservePallet[];
  reserveUnits: number;
  /** Units received but not yet stored. */
  dockUnits: number;
  /** Units ordered from the supplier, not yet received. */
  onOrderUnits: number;
  /** Orders waiting for this SKU's face, oldest first, and the units they need. */
  waiting: Order[];
  waitingUnits: number;
  replenishing: boolean;
  /** The face moves to another location (re-slotting): no picks, replenishment or putaway to it. */
  moving: boolean;
  /** Mean demand, units/day; reorder point and quantity, units. */
  dailyUnits: number;
  /** Expected order lines per day (the forecast the storage rules plan with). */
  picksPerDay: number;
  reorderPoint: number;
  orderQty: number;
}

/**
 * Statistics of the measured window (tallies and time averages are reset at the warm-up).
 * Order counts follow the window's cohort: orders created after the warm-up, whenever shipped.
 */
export interface Stats {
  /** Orders created after the warm-up. */
  ordersCreated: number;
  /** Orders created after the warm-up and shipped by the horizon. */
  ordersShipped: number;
  /** Orders created after the warm-up, due by the horizon and shipped by their departure. */
  ordersOnTime: number;
  /** Lines of orders shipped after their due time. */
  linesLate: number;
  /** Orders created after the warm-up and due by the horizon. */
  ordersDue: number;
  /** Sum of the creation times of orders created after the warm-up and still open, s. */
  openCreatedSumS: number;
  /** Orders open at the warm-up's end and shipped after it, and their seconds open in the window. */
  backlogShipped: number;
  backlogInWindowS: number;
  linesCreated: number;
  linesFilled: number;
  linesShipped: number;
  unitsShipped: number;
  linesPicked: number;
  pickTravelM: number;
  stockoutLines: number;
  cycleS: Tally;
  phases: Record<string, number>;
  dockToStockS: Tally;
  trailerTurnaroundS: Tally;
  /** Checked pallets after the warm-up (each counted once, when first offered onward). */
  palletsChecked: number;
  /** Inbound trailers arrived after the warm-up. */
  inboundTrailers: number;
  /** Inbound trailer waits in the yard for a door (arrival → door granted), s. */
  yardWaitS: Tally;
  /** Inbound door occupancy per trailer (door granted → door freed: docking, unloading), s. */
  inboundDoorS: Tally;
  /** Waits to enter an aisle, s (each a stop at an entry). */
  congestionWaits: Tally;
  /** Seconds lost to congestion by every worker: waits plus passing slow-downs. */
  congestionLostS: number;
  wip: TimeWeighted;
  stockUnits: TimeWeighted;
  occupiedLocations: TimeWeighted;
  /** Whole-run counts (warm-up included), for conservation and the bench. */
  total: WorkCounts & {
    unitsInitial: number;
    unitsReceived: number;
    unitsShipped: number;
    ordersCreated: number;
    ordersShipped: number;
  };
}

/**
 * How the flows talk: each list is an event, called in subscription order (install order).
 * Some events have one subscriber that does the work (putaway, replenishment, picking,
 * inbound); the others observe.
 */
export interface Listeners {
  /** A SKU's face gained stock (replenishment or putaway to the face). */
  faceRestocked: ((sku: SkuState) => void)[];
  /** Face stock was allocated or picked (replenishment checks). */
  faceDrawn: ((sku: SkuState) => void)[];
  /** Orders wait for a SKU's face, or its stock changed outside the flow (replenishment checks). */
  faceNeeded: ((sku: SkuState) => void)[];
  /** A count or a return set a face's stock (fired before `faceRestocked`; stock errors re-read it). */
  faceCorrected: ((sku: SkuState) => void)[];
  /**
   * A re-slotting move is about to take a SKU's face stock: offered to each listener; one
   * that returns true holds the face (a full inventory freezes it) and the move is skipped.
   */
  faceMoveAsked: ((sku: SkuState) => boolean | undefined)[];
  /** A SKU's face moved from location `from` to `sku.face` (re-slotting). */
  faceMoved: ((sku: SkuState, from: string) => void)[];
  /** A reserve position became free. */
  slotFreed: ((slot: number) => void)[];
  /**
   * A checked pallet is at the dock: offered to each listener in turn until one returns true
   * (quality, cross-docking); see offerPallet().
   */
  palletChecked: ((pallet: Pallet) => boolean | undefined)[];
  /** A checked pallet leaves its door's staging area (picked up, or moved to quarantine). */
  palletLeftDock: ((pallet: Pallet) => void)[];
  /** A checked pallet nothing else took goes to storage (putaway). */
  palletForStorage: ((pallet: Pallet) => void)[];
  /** A purchase order is placed for delivery no earlier than `dueS` (inbound). */
  purchaseOrdered: ((supplier: number, lines: PurchaseLine[], dueS: number) => void)[];
  /** An order is released for picking (picking). */
  orderReleased: ((order: Order) => void)[];
  /** An order finished picking (all its parts). */
  orderPicked: ((order: Order) => void)[];
  /** An order is packed and staged for its carrier. */
  orderPacked: ((order: Order) => void)[];
  /** An order left on its trailer (returns listen). */
  orderShipped: ((order: Order) => void)[];
  /** An outbound pallet is closed and ready for a trailer (shipping loads it). */
  outboundPalletReady: ((pallet: OutboundPallet) => void)[];
}

/** One line of a pick stop: the order part it serves and the order line itself. */
export interface StopLine {
  part: { order: Order };
  sku: number;
  qty: number;
  line: OrderLine;
}

/** Everything the processes share. */
export interface World {
  sim: Simulation;
  scenario: Scenario;
  site: Site;
  ledger: StockLedger;
  skus: SkuState[];
  tracer: Tracer;
  stats: Stats;
  listeners: Listeners;
  warmupS: number;
  horizonS: number;
  /** Workers and task queues per role (zone picking has one picker queue per zone). */
  workers: Record<Role, Worker[]>;
  queues: Record<Role, TaskQueue<Task>>;
  pickZoneQueues: TaskQueue<Task>[];
  pools: Partial<Record<EquipmentKind, EquipmentPool>>;
  /** Equipment each task needs (undefined: none). */
  equipmentFor: Record<EquippedTask, EquipmentPool | undefined>;
  /** A draw of the pallet handling factor (`timeStandards.palletVariation`), if set. */
  palletVariation: (() => number) | undefined;
  /** Draws of the activity standards' variation factors (`timeStandards.variation`). */
  activityVariation: ActivityVariation;
  /** How each role walks when a task needs no equipment. */
  walkingMotion: Record<Role, Motion>;
  /** Traffic state of every aisle, by id (aisleTraffic.ts). */
  aisles: Map<string, AisleState>;
  /** Pick faces and P&D points held by workers (placeTraffic.ts). */
  places: PlaceTraffic;
  /** Reserve slot state: SKU rank held (-1 empty) and pallets stored or on their way. */
  slotSku: Int32Array;
  slotPallets: Int32Array;
  /** Pick faces holding units now (`faceUnits > 0`), kept by `setFaceUnits`. */
  stockedFaces: number;
  putawayRule: PutawayRule;
  /** The departure bay's staging lanes (packing fills them, loaders empty them). */
  bay: DepartureBay;
  /** Each carrier's departures and cut-offs over the horizon. */
  departures: Departures[];
  /** Scratch for building pick tours: stop index per SKU rank, -1 when unused. */
  stopOfSku: Int32Array;
  /** Orders created and not yet shipped (a count: nothing looks orders up by id). */
  openOrders: number;
  /**
   * Takes the stop's units of `sku` at its face (record and physical) and books them off the
   * face; returns seconds lost to a short pick. Undefined in the core flow, whose pick takes
   * no time and cannot fall short (`plainPick`, called without a generator); the stock
   * accuracy operation replaces it at install when stock errors or counts are on.
   */
  pickFace:
    | ((worker: Worker, sku: SkuState, lines: readonly StopLine[]) => ProcessGenerator<number>)
    | undefined;
  /** Extra packing seconds for an order's packaging (0; the packaging operation replaces it). */
  packagingS: (order: Order) => number;
  nextId: { order: number; pallet: number; task: number };
}
