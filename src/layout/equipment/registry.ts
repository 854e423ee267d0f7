/**
 * The equipment kinds by name. Adding a kind is one file in `kinds/` and one line here;
 * the scenario schema's pool names, cost defaults and utilisation KPIs follow from the keys.
 */
import { type NameOf, namesOf, registryOf } from "../../common/registry.ts";
import type { EquipmentKindSpec } from "./equipmentKind.ts";
import { cart } from "./kinds/cart.ts";
import { forklift } from "./kinds/forklift.ts";
import { orderPicker } from "./kinds/orderPicker.ts";
import { palletJack } from "./kinds/palletJack.ts";
import { reachTruck } from "./kinds/reachTruck.ts";
import { turretTruck } from "./kinds/turretTruck.ts";

/** Every equipment kind, in reporting order. */
export const equipmentKinds = registryOf<EquipmentKindSpec>()({
  forklift,
  reachTruck,
  palletJack,
  cart,
  turretTruck,
  orderPicker,
});

/** An equipment kind's name. */
export type EquipmentKind = NameOf<typeof equipmentKinds>;

/** The kind names, in reporting order. */
export const EQUIPMENT_KINDS: EquipmentKind[] = namesOf(equipmentKinds);
