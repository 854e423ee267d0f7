/**
 * The colours of a layout drawing, shared by the viewer's floor map, the report's drawings
 * and `whsim layout --svg`, so a layout looks the same wherever it is drawn.
 */

/** Colours of the layout drawing (also used by legends). */
export const LAYOUT_COLORS = {
  floor: "#f8fafc",
  wall: "#334155",
  aisle: "#e9eef5",
  crossAisle: "#dde5ef",
  rack: "#94a3b8",
  rackFill: "#cbd5e1",
  location: "#e2e8f0",
  inboundDock: "#0284c7",
  outboundDock: "#ea580c",
  staging: "#fef3c7",
  stagingEdge: "#d97706",
  pack: "#7c3aed",
  pd: "#0f766e",
  text: "#1e293b",
  zoneEdge: "#94a3b8",
  zoneLabel: "#475569",
  aisleLabel: "#64748b",
};

/** Fill of a zone by kind; other kinds use `ZONE_FILL_OTHER`. */
export const ZONE_FILL: Record<string, string> = {
  forward: "#dbeafe",
  reserve: "#e0e7ff",
  bulk: "#ede9fe",
  staging: "#fef9c3",
  quarantine: "#fee2e2",
  returns: "#fce7f3",
  pack: "#f3e8ff",
  dock: "#e0f2fe",
};

/** Fill of a zone of a kind missing from ZONE_FILL. */
export const ZONE_FILL_OTHER = "#f1f5f9";
