/** Number and clock formatting for the viewer's labels. */
import { displayScale, formatOnScale } from "../../../src/common/units.ts";

/** Simulated seconds as `h:mm:ss`, with a `day N` prefix from the second day on. */
export function formatClock(t: number): string {
  const s = Math.max(0, Math.floor(t));
  const day = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const hms = `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(sec).padStart(2, "0")}`;
  return day > 0 ? `day ${day + 1} ${hms}` : hms;
}

/** A duration in seconds as `h:mm:ss` (hours may exceed 24). */
export function formatDuration(s: number): string {
  const t = Math.max(0, Math.round(s));
  const h = Math.floor(t / 3600);
  const m = Math.floor((t % 3600) / 60);
  return `${h}:${String(m).padStart(2, "0")}:${String(t % 60).padStart(2, "0")}`;
}

/** A number with at most `digits` decimals and thousands separators. */
export function formatValue(v: number, digits = 2): string {
  if (!Number.isFinite(v)) return "–";
  if (v === 0) return "0";
  const abs = Math.abs(v);
  const d = abs >= 1000 ? 0 : abs >= 100 ? Math.min(1, digits) : digits;
  return v.toLocaleString("en-US", { maximumFractionDigits: d });
}

/** A KPI value with its unit by the shared rule (common/units.ts): %, s/min/h, currency. */
export function formatKpi(
  name: string,
  mean: number,
  unit?: string,
): { value: string; unit: string } {
  if (!Number.isFinite(mean)) return { value: "–", unit: "" };
  const scale = displayScale(baseUnitOf(name, unit), mean);
  return { value: formatOnScale(mean, scale), unit: scale.unit };
}

/** The unit a KPI is measured in, from results files or, without one, from its name. */
export function baseUnitOf(name: string, unit: string | undefined): string {
  if (unit === "share" || /Rate$|^fillRate|utilization|Accuracy$/i.test(name)) return "share";
  if (unit) return unit;
  if (/S$/.test(name)) return "s";
  if (/M$|MPerLine$/.test(name)) return "m";
  if (/PerHour$/.test(name)) return "/h";
  return "";
}

/** Turns `throughputOrdersPerHour` into "Throughput orders per hour". */
export function kpiLabel(name: string): string {
  const words = name
    .replace(/\./g, " ")
    .replace(/(S|M)(Per[A-Z])/g, "$2")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/ (S|M)$/, "")
    .replace(/ Per /g, " per ")
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
