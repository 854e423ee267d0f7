/**
 * Reads a KPI's unit and a readable label from its name, where whsim puts units
 * (`orderCycleTimeS` → "Order cycle time", "s"; `utilization.picker` → "Utilization: picker", "share").
 */

/** Unit and label of a KPI. */
export interface KpiMeta {
  label: string;
  /** Short unit for tables and axes ("s", "m/line", "orders/h", "share", "" for counts). */
  unit: string;
  /** True when the value is a share 0..1 (shown as %). */
  share: boolean;
}

/** Name suffixes and their units as `suffix:unit;…`, tried in order (longer suffixes first). */
const SUFFIX_UNITS =
  "MPerLine:m/line;MPerPick:m/pick;MPerOrder:m/order;OrdersPerHour:orders/h;" +
  "LinesPerHour:lines/h;UnitsPerHour:units/h;PerHour:/h;PerOrder:per order;Mps:m/s;S:s;M:m;H:h";

const SUFFIXES: [RegExp, string][] = SUFFIX_UNITS.split(";").map((pair) => {
  const [suffix, unit] = pair.split(":");
  return [new RegExp(`${suffix}$`), unit];
});

const WORDS: Record<string, string> = { Mps: "", S: "", M: "", H: "" };

function words(camel: string): string {
  const spaced = camel
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** The label and unit of KPI `name`; `unit` (from the results file) wins when given. */
export function kpiMeta(name: string, unit?: string): KpiMeta {
  if (name.includes(".")) {
    const [head, ...rest] = name.split(".");
    const inner = kpiMeta(head, unit);
    return { ...inner, label: `${inner.label}: ${rest.join(".")}` };
  }
  const share = /Rate$|Accuracy$|^utilization|Share$|fillRate|Utilization$/.test(name);
  const perThing = /^(.*?)(M|S)Per([A-Z][a-z]+)$/.exec(name);
  if (perThing && !/PerHour$/.test(name)) {
    const base = perThing[2] === "M" ? "m" : "s";
    return {
      label: words(perThing[1]),
      unit: unit ?? `${base}/${perThing[3].toLowerCase()}`,
      share: false,
    };
  }
  if (/[a-z]PerOrder$/.test(name))
    return { label: words(name), unit: unit ?? "per order", share: false };
  const flow = /^(.*?)(Orders|Lines|Units)PerHour$/.exec(name);
  if (flow) {
    const what = flow[2].toLowerCase();
    return { label: `${words(flow[1])} (${what})`, unit: unit ?? `${what}/h`, share: false };
  }
  let label = name;
  let found = "";
  for (const [re, u] of SUFFIXES) {
    if (re.test(name)) {
      found = u;
      label = name.replace(re, "");
      break;
    }
  }
  if (WORDS[label] !== undefined) label = name;
  return {
    label: words(label),
    unit: unit ?? (share ? "share" : found),
    share: unit === undefined ? share : unit === "share" || unit === "0..1",
  };
}
