/**
 * The protocol every putaway rule follows: a factory takes the static setup (locations,
 * SKUs, categories, zones) once, and the rule it returns picks a location for each load
 * from the current contents.
 */
import type { DistanceOptions } from "../location.ts";
import type {
  LocationContent,
  Sku,
  StorageCategory,
  StorageLocation,
  UniformSource,
} from "../types.ts";

/** One load to put away. */
export interface PutawayRequest {
  sku: Sku;
  /** Lot id; "" or missing when lots are not tracked. */
  lot?: string;
  /** Units. */
  quantity: number;
}

/** What a location holds now (the ledger's `contentsOf`, plus loads already on their way). */
export type ContentsOf = (locationId: string) => readonly LocationContent[];

/** The static setup of a putaway rule. Only `locations` is required; rules say what else they read. */
export interface PutawaySetup extends DistanceOptions {
  /** Candidate storage locations. */
  locations: readonly StorageLocation[];
  /** Only locations in these zones are used. Defaults to all. */
  zones?: readonly string[];
  /** The SKU master: capacity checks read the cube and weight of what a location already holds. */
  skus?: readonly Sku[];
  /** Storage categories by name, for locations that name one. */
  categories?: Readonly<Record<string, StorageCategory>>;
  /** Dedicated locations per SKU id, in order of preference (fixed). */
  assignment?: Readonly<Record<string, readonly string[]>>;
  /** Zones per velocity class (classBased), e.g. { A: ["front"], B: ["mid"], C: ["back"] }. */
  classZones?: Readonly<Record<string, readonly string[]>>;
  /** How classBased chooses inside a class's zones: "random" (the default) or "closest". */
  withinClass?: "random" | "closest";
  /** Dedicated slots per SKU for cubePerOrderIndex. Defaults to 1 each. */
  slotsPerSku?: Readonly<Record<string, number>>;
  /** Random numbers (random, classBased with withinClass "random"): pass `sim.random("putaway")`. */
  random?: UniformSource;
}

/** Where the load goes; `overflow` is true when the preferred locations were full. */
export type PutawayDecision =
  | { status: "placed"; locationId: string; overflow: boolean }
  | { status: "noSpace" };

/** A putaway rule: picks a location for a load, reading current contents; never mutates. */
export type PutawayRule = (request: PutawayRequest, contentsOf: ContentsOf) => PutawayDecision;

/** Builds a putaway rule from its setup. */
export type PutawayRuleFactory = (setup: PutawaySetup) => PutawayRule;
