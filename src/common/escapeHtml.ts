/** The one HTML escape of whsim, for reports, SVG drawings and the viewer. */

const ENTITIES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes `text` for element content and quoted attribute values (HTML and SVG). */
export function escapeHtml(text: unknown): string {
  return String(text ?? "").replace(/[&<>"']/g, (ch) => ENTITIES[ch]);
}
