/**
 * The inventory (IMS) and warehouse rules (WMS) public API: SKU master types, the stock
 * ledger, and the putaway, removal, replenishment, reorder, ABC and count rules.
 */
export * from "./abc.ts";
export * from "./cycleCount.ts";
export * from "./location.ts";
export * from "./policySimulator.ts";
export * from "./policySpec.ts";
export * from "./putaway/index.ts";
export * from "./removal/index.ts";
export * from "./reorder/index.ts";
export * from "./ruleByName.ts";
export * from "./skuMaster.ts";
export * from "./stockErrors.ts";
export * from "./stockLedger.ts";
export * from "./theory/eoq.ts";
export * from "./theory/hausmanSchwarzGraves.ts";
export * from "./theory/normal.ts";
export * from "./theory/normalSQ.ts";
export * from "./theory/poissonRS.ts";
export * from "./theory/poissonSQ.ts";
export * from "./transaction.ts";
export * from "./types.ts";
