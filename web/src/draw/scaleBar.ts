/** A scale bar for a zoomable map: a round length in metres and its width in pixels. */

/** The bar to draw: `metres` long, `px` wide on screen. */
export interface ScaleBar {
  metres: number;
  px: number;
}

/**
 * The longest round length (1, 2 or 5 × 10ⁿ m) not wider than `maxPx` at `pxPerM` pixels
 * per metre.
 */
export function scaleBar(pxPerM: number, maxPx = 120): ScaleBar {
  if (!(pxPerM > 0)) return { metres: 0, px: 0 };
  const most = maxPx / pxPerM;
  const pow = 10 ** Math.floor(Math.log10(most));
  const metres = [5, 2, 1].map((f) => f * pow).find((m) => m <= most) ?? pow;
  return { metres, px: metres * pxPerM };
}

/** Shows `bar` in `el`: a line with end ticks and its length. */
export function renderScaleBar(el: HTMLElement, bar: ScaleBar): void {
  el.dataset.metres = String(bar.metres);
  el.hidden = bar.px === 0;
  const label = bar.metres >= 1000 ? `${bar.metres / 1000} km` : `${bar.metres} m`;
  el.innerHTML = `<div class="bar" style="width:${bar.px.toFixed(1)}px"></div><span>${label}</span>`;
}
