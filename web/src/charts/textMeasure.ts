/**
 * Text widths for layout decisions (legend rows, wrapped tick labels). In a laid-out page the
 * width is measured with a probe `<text>`; without layout (a hidden tab, no DOM) it falls back
 * to a conservative estimate, so labels are never placed closer than they are wide.
 */
import type { Selection } from "d3";

/** Estimated width of `text` at `fontSize` px when nothing can be measured: 0.62 em a character. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.62;
}

/**
 * The width of a drawn bold `<text>` of `fontSize` px as laid out, px; without layout, the
 * estimate widened by a tenth (bold runs wider than the regular text the estimate assumes).
 */
export function drawnBoldWidth(
  text: Selection<SVGTextElement, unknown, null, undefined>,
  fontSize: number,
): number {
  const node = text.node();
  const drawn =
    node && typeof node.getComputedTextLength === "function" ? node.getComputedTextLength() : 0;
  return drawn > 0 ? drawn : estimateTextWidth(text.text(), fontSize) * 1.1;
}

/** Measures text widths in px inside one SVG. */
export type TextMeasure = (text: string, fontSize: number) => number;

/**
 * A measure that renders each string once in a hidden probe inside `svg` and reads its
 * computed length; the larger of the measured and estimated widths when the SVG is not laid
 * out. The probe is removed by `done()`.
 */
export function textMeasure(svg: Selection<SVGSVGElement, unknown, null, undefined>): {
  measure: TextMeasure;
  done(): void;
} {
  const probe = svg.append("text").attr("visibility", "hidden").attr("x", -1000);
  const node = probe.node();
  const cache = new Map<string, number>();
  const measure: TextMeasure = (text, fontSize) => {
    const key = `${fontSize}|${text}`;
    const hit = cache.get(key);
    if (hit !== undefined) return hit;
    let width = 0;
    if (node && typeof node.getComputedTextLength === "function") {
      probe.attr("font-size", fontSize).text(text);
      width = node.getComputedTextLength();
    }
    const w = width > 0 ? width : estimateTextWidth(text, fontSize);
    cache.set(key, w);
    return w;
  };
  return { measure, done: () => probe.remove() };
}

/**
 * Splits `text` into lines no wider than `maxWidth` at spaces; a word wider than the line is
 * cut with an ellipsis. At most `maxLines` lines, the last ending in "…" when text is left.
 */
export function wrapText(
  text: string,
  maxWidth: number,
  fontSize: number,
  measure: TextMeasure,
  maxLines = 3,
): string[] {
  const lines: string[] = [];
  let current = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = current ? `${current} ${word}` : word;
    if (measure(next, fontSize) <= maxWidth || !current) current = next;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  const kept = lines.slice(0, maxLines);
  if (lines.length > maxLines) kept[maxLines - 1] = `${kept[maxLines - 1]}…`;
  return kept.map((line) => fitWidth(line, maxWidth, fontSize, measure));
}

/** `text`, cut with an ellipsis until it fits `maxWidth`. */
export function fitWidth(
  text: string,
  maxWidth: number,
  fontSize: number,
  measure: TextMeasure,
): string {
  if (measure(text, fontSize) <= maxWidth) return text;
  let cut = text.replace(/…$/, "");
  while (cut.length > 1 && measure(`${cut}…`, fontSize) > maxWidth) cut = cut.slice(0, -1);
  return `${cut}…`;
}
