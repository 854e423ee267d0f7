/**
 * A comparison's assumptions side by side: every setting of every candidate's resolved
 * scenario and built layout in one table, the settings that differ between candidates
 * highlighted and listed first, and one layout drawing per distinct layout.
 */
import type { Layout } from "../layout/types.ts";
import { describe, flatten, layoutCounts } from "./assumptions.ts";
import { formatValue } from "./format.ts";
import type { Block, Cell } from "./reportModel.ts";

/** One candidate as the report names it, with what its results folder holds. */
export interface CandidateAssumptions {
  name: string;
  scenario?: Record<string, unknown>;
  layout?: Layout;
}

/** The layout facts compared between candidates (dotted keys under `layout.built`). */
function layoutFacts(layout: Layout): [string, unknown][] {
  const facts: [string, unknown][] = [
    ["built layout: name", layout.name],
    [
      "built layout: width × depth, m",
      `${formatValue(layout.widthM)} × ${formatValue(layout.depthM)}`,
    ],
    ...layoutCounts(layout).map((c): [string, unknown] => [`built layout: ${c.short}`, c.value]),
  ];
  return facts;
}

/** Each candidate's settings as setting → text, in a shared order of first appearance. */
export function settingsSideBySide(cands: readonly CandidateAssumptions[]): {
  settings: string[];
  values: Map<string, string>[];
  differs: Set<string>;
} {
  const order: string[] = [];
  const seen = new Set<string>();
  const values = cands.map((c) => {
    const pairs: [string, unknown][] = [];
    if (c.scenario) flatten(c.scenario, "", pairs);
    if (c.layout) pairs.push(...layoutFacts(c.layout));
    const map = new Map<string, string>();
    for (const [k, v] of pairs) {
      map.set(k, describe(v));
      if (!seen.has(k)) {
        seen.add(k);
        order.push(k);
      }
    }
    return map;
  });
  const differs = new Set(
    order.filter((k) => new Set(values.map((m) => m.get(k) ?? "—")).size > 1),
  );
  return { settings: order, values, differs };
}

/** The side-by-side assumption tables of a comparison (differences highlighted). */
export function candidateAssumptionBlocks(cands: readonly CandidateAssumptions[]): Block[] {
  const known = cands.filter((c) => c.scenario || c.layout);
  if (known.length === 0)
    return [
      {
        kind: "note",
        text: "The results folder holds no candidates' scenario.json or layout.json, so the assumptions cannot be listed.",
      },
    ];
  const { settings, values, differs } = settingsSideBySide(cands);
  const row = (k: string, highlight: boolean): Cell[] => [
    highlight ? { text: k, cls: "differs" } : k,
    ...values.map((m): Cell => {
      const text = m.get(k) ?? "—";
      return highlight ? { text, cls: "differs" } : text;
    }),
  ];
  const columns = ["Setting", ...cands.map((c) => c.name)];
  const blocks: Block[] = [
    {
      kind: "p",
      text:
        differs.size > 0
          ? `The candidates differ in ${differs.size} setting${differs.size === 1 ? "" : "s"} (highlighted, and listed first); everything else is the same. Seeds and replications of the scenario files are replaced by the comparison's common ones.`
          : "The candidates' settings are identical.",
    },
  ];
  if (differs.size > 0)
    blocks.push({
      kind: "table",
      table: {
        caption: "What differs between the candidates",
        cls: "side",
        columns,
        rows: settings.filter((k) => differs.has(k)).map((k) => row(k, true)),
      },
    });
  blocks.push({
    kind: "table",
    table: {
      caption: "Every setting, side by side (differences highlighted)",
      // On paper the differences carry the message; every setting is on screen and in JSON.
      cls: "side screen-only",
      columns,
      rows: settings.map((k) => row(k, differs.has(k))),
    },
  });
  blocks.push({
    kind: "note",
    text: "Every setting of every candidate, side by side, is in the HTML report.",
    printOnly: true,
  });
  return blocks;
}

/** One drawing per distinct layout, titled with the candidates that use it. */
export function candidateLayoutBlocks(cands: readonly CandidateAssumptions[]): Block[] {
  const groups: { text: string; layout: Layout; names: string[] }[] = [];
  for (const c of cands) {
    if (!c.layout) continue;
    const text = JSON.stringify(c.layout);
    const group = groups.find((g) => g.text === text);
    if (group) group.names.push(c.name);
    else groups.push({ text, layout: c.layout, names: [c.name] });
  }
  if (groups.length === 0)
    return [
      {
        kind: "note",
        text: "The results folder holds no candidates' layout.json, so no layout can be drawn.",
      },
    ];
  const blocks: Block[] = groups.map(
    (g, k): Block => ({
      kind: "drawing",
      drawing: {
        id: `compare-layout-${k}`,
        title:
          groups.length === 1 && g.names.length > 1
            ? `Layout of every candidate (${g.names.join(", ")}): ${g.layout.name}`
            : `Layout of ${g.names.join(", ")}: ${g.layout.name}`,
        layout: g.layout,
      },
    }),
  );
  return blocks;
}
