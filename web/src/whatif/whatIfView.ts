/** The what-if tab (placeholder until the simulation core can run in the browser). */
import type { RunData } from "../app/runData.ts";

/** Mounts the what-if form into `el`; `onResult` receives a simulated run. */
export function mountWhatIf(el: HTMLElement, _onResult: (run: RunData) => void): void {
  el.innerHTML = `<div class="card"><h3>What-if</h3><p class="muted">The in-browser simulation is not available in this build.</p></div>`;
}
