/**
 * Label placement for layout drawings: each label's box is measured from the advance widths
 * of Helvetica (metric-compatible with Arial and Liberation Sans, the drawing's fonts), and a
 * label takes the first of its candidate positions whose box overlaps no label placed before
 * it and no symbol; a label with no free position is left out (its item keeps its tooltip).
 */

/** An axis-aligned box in drawing pixels. */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A text label at one position: baseline at (x, y), anchored at its start or middle. */
export interface LabelSpot {
  x: number;
  y: number;
  anchor: "start" | "middle";
}

/** A label to place: its text, size and candidate positions, the preferred first. */
export interface LabelRequest {
  text: string;
  fontSize: number;
  bold?: boolean;
  spots: LabelSpot[];
}

/** Helvetica advance widths of the characters 32–126, in thousandths of an em. */
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
  556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
  611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
  667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
  222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];
/** Bold Helvetica runs at most about a tenth wider than regular. */
const BOLD_FACTOR = 1.12;
/** The font's box around the baseline, in ems: ascent above, descent below. */
const ASCENT = 0.905;
const DESCENT = 0.212;
/** Clear space kept around every label, px. */
export const LABEL_GAP = 1;

/** The drawn width of `text` at `fontSize` px. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    em += c >= 32 && c <= 126 ? WIDTHS[c - 32] : 1000;
  }
  return (em / 1000) * fontSize * (bold ? BOLD_FACTOR : 1);
}

/** The box a label covers at `spot`. */
export function labelBox(r: Omit<LabelRequest, "spots">, spot: LabelSpot): Box {
  const w = textWidth(r.text, r.fontSize, r.bold);
  return {
    x: spot.anchor === "middle" ? spot.x - w / 2 : spot.x,
    y: spot.y - ASCENT * r.fontSize,
    w,
    h: (ASCENT + DESCENT) * r.fontSize,
  };
}

/** True when the boxes overlap once each is grown by `gap`. */
export function overlaps(a: Box, b: Box, gap = 0): boolean {
  return (
    a.x - gap < b.x + b.w && b.x - gap < a.x + a.w && a.y - gap < b.y + b.h && b.y - gap < a.y + a.h
  );
}

/**
 * Places labels in order (earlier ones win): each at its first spot clear of `obstacles` and
 * of the labels placed so far; `null` for a label with no clear spot.
 */
export function placeLabels(
  requests: readonly LabelRequest[],
  obstacles: readonly Box[],
): (LabelSpot | null)[] {
  const taken: Box[] = [...obstacles];
  return requests.map((r) => {
    for (const spot of r.spots) {
      const box = labelBox(r, spot);
      if (taken.some((t) => overlaps(box, t, LABEL_GAP))) continue;
      taken.push(box);
      return spot;
    }
    return null;
  });
}
