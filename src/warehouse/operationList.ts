/**
 * The operations simulate() installs, in order: the core flows, then the operations the
 * scenario may turn on (each does nothing when off). The order is part of the model: it
 * fixes the order of same-time events and of listeners, and the order of the KPIs.
 */
import { inboundOperation } from "./inbound/inbound.ts";
import { putawayOperation } from "./inbound/putaway.ts";
import type { Operation } from "./operation.ts";
import { crossDockOperation } from "./operations/crossDock.ts";
import { packagingOperation } from "./operations/packaging.ts";
import { productionSupplyOperation } from "./operations/productionSupply.ts";
import { qualityOperation } from "./operations/quality.ts";
import { returnsOperation } from "./operations/returns.ts";
import { stockAccuracyOperation } from "./operations/stockAccuracy.ts";
import { ordersOperation } from "./outbound/orders.ts";
import { packingOperation } from "./outbound/packing.ts";
import { pickingOperation } from "./outbound/picking.ts";
import { shippingOperation } from "./outbound/shipping.ts";
import { reordersOperation } from "./storage/reorder.ts";
import { replenishmentOperation } from "./storage/replenishment.ts";
import { reslottingOperation } from "./storage/reslotting.ts";
import { crewsOperation } from "./workforce/crews.ts";

export const OPERATIONS: readonly Operation[] = [
  putawayOperation,
  replenishmentOperation,
  inboundOperation,
  reordersOperation,
  pickingOperation,
  packingOperation,
  shippingOperation,
  ordersOperation,
  crewsOperation,
  stockAccuracyOperation,
  qualityOperation,
  crossDockOperation,
  returnsOperation,
  productionSupplyOperation,
  packagingOperation,
  reslottingOperation,
];
