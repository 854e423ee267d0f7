/**
 * The inventory (IMS) and warehouse rules (WMS) public API: SKU master types, the stock
 * ledger, and the putaway, removal, replenishment, reorder, ABC and count rules.
 */
export * from "./stockLedger.ts";
export * from "./transaction.ts";
export * from "./types.ts";
