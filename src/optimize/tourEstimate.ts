/**
 * The screen's travel model: the mean pick tour of one order, from orders drawn as the
 * simulation draws them (lines per order, SKUs by popularity, each SKU at its slotted pick
 * face) and routed on the layout by the scenario's routing policy from the depot and back.
 * A fixed seeded stream, so a scenario always gets the same estimate; unlike a
 * single-command trip it sees multi-line tours and what cross aisles save them.
 */
import { createStream, type DistSpec, sampler } from "../engine/index.ts";
import { planTour } from "../layout/index.ts";
import type { Scenario } from "../scenario/index.ts";
import { buildScenarioSite } from "../warehouse/simulate.ts";
import { benderA, rankForDraw } from "../warehouse/storage/popularity.ts";

/** Orders routed per estimate (the mean's relative error is then a few per cent). */
export const SCREEN_ORDERS = 400;

/** Mean tour of one order picked alone, metres, over `orders` sampled orders. */
export function meanPickTourM(scenario: Scenario, orders = SCREEN_ORDERS): number {
  const site = buildScenarioSite(scenario);
  const out = scenario.outbound;
  const stream = createStream(0, "screen.orders");
  const linesOf = sampler(out.linesPerOrder as DistSpec);
  const { topSkuShare, lineShare } = scenario.skus.popularity;
  const a = benderA(topSkuShare, lineShare);
  const n = site.faces.length;
  let sumM = 0;
  for (let k = 0; k < orders; k++) {
    const lines = Math.max(1, Math.round(linesOf(stream)));
    const stops = new Set<string>();
    for (let j = 0; j < lines; j++) stops.add(site.faces[rankForDraw(stream.next(), n, a)].id);
    sumM += planTour(site.travel, {
      start: site.depot,
      stops: [...stops],
      policy: out.picking.routing,
      withPath: false,
    }).distanceM;
  }
  return sumM / orders;
}
