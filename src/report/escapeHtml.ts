/** Escaping of user text for HTML, and of JSON embedded in a `<script>` element. */
import { escapeHtml } from "../common/escapeHtml.ts";

export { escapeHtml };

/**
 * JSON safe inside `<script type="application/json">`: `<`, `>`, `&` and the line
 * separators become \u escapes, so no `</script>` or `<!--` can close or confuse the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

/** Script text safe inside a `<script>` element: any `</script` is broken up. */
export function scriptText(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}
