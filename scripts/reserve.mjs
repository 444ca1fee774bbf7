// The space each widget reserves, in one table, turned into two stylesheets by the build:
//  - the placeholder's rules inside each shadow root (in the entry script, before the Wasm loads),
//  - dist/pemilu-widget.css, an optional render-blocking sheet for the host page that reserves the
//    same space before any script has run (for widgets in the first screen).
// Both must give exactly the rendered height; tests/e2e/layout.test.mjs checks that they do.
// Heights are measured renders of each module's first screen, in em of the reader's default size,
// rounded up to multiples of 0.125em (2px at the usual 16px) so that sums stay on whole pixels.

/** Per module: the skeleton class (the module is matched by its data-module attribute), whether it is shown only when named
 * (optional), the min-height (em) at wide widths, and
 * narrower steps as [below this content width in px, em]. */
export const MODULES = {
  countdown: { skel: "c", wide: 15.75, steps: [[680, 18], [560, 20.75], [360, 25.125], [310, 29.375]] },
  // Below 251px the Indonesian tabs wrap onto a second row (below 243px the English ones), and
  // below 248px onto a third (below 239px the English ones).
  parties: { skel: "p", wide: 44.875, steps: [[421, 53.125], [251, 55.5], [248, 57]] },
  // The intro's lines: one more below 454px (Indonesian), 310px (English), 238px (English), 226px.
  quiz: { skel: "q", wide: 7.75, steps: [[454, 9.25], [310, 10.75], [238, 12.25], [226, 13.75]] },
  // The voter's guide (opt-in) with the bundled Pemilu 2024 guide: its summary open, the rest folded.
  guide: { skel: "g", optional: true, wide: 31.25, steps: [[680, 32.625], [560, 41.25], [410, 44.125], [360, 52.625], [310, 64.125]] },
};
/** The widget frame: 1px side borders + 1em padding each side; 4px top + 1px bottom border.
 * Module boxes are content-box: a module after another adds 1em margin, 1em padding and a 1px rule. */
const FRAME_X = "calc(2em + 2px)";

/** Rules inside the shadow root; `.pw-skel` and `.pw` share frame and container width. */
export function shadowCss() {
  let css = "";
  for (const [name, m] of Object.entries(MODULES)) {
    const sel = `.${m.skel},[data-module=${name}]`;
    css += `${sel}{min-height:${m.wide}em}`;
    for (const [below, em] of m.steps) css += `@container (max-width:${below - 1}px){${sel}{min-height:${em}em}}`;
  }
  return css;
}

/** The host-page sheet: a zero-width float of the reserved height beside the fallback content. */
export function hostCss() {
  const h = "[data-pemilu-widget]";
  const names = Object.keys(MODULES);
  const v = (n) => `--pw-${n[0]}`;
  let css = `/* Pemilu Widget: reserves each widget's height before the script runs (optional; link it in <head>). */\n`;
  css += `${h}{display:flow-root;container-type:inline-size;font-size:medium;${names.map((n) => `${v(n)}:${MODULES[n].optional ? 0 : 1}`).join(";")}}\n`;
  css += `${h}[data-modules]{${names.map((n) => `${v(n)}:0`).join(";")}}\n`;
  css += names.map((n) => `${h}[data-modules*=${n} i]{${v(n)}:1}`).join("") + "\n";
  const sum = names.map((n) => `var(${v(n)}) * var(${v(n)}h)`).join(" + ");
  const count = names.map((n) => `var(${v(n)})`).join(" + ");
  css += `${h}::before{content:"";float:left;width:0;${names.map((n) => `${v(n)}h:${MODULES[n].wide}em`).join(";")};`
    + `height:calc(5px + 2em + ${sum} + max(0, ${count} - 1) * (2em + 1px))}\n`;
  // Widest first, so that narrower steps win.
  const steps = names.flatMap((n) => MODULES[n].steps.map(([below, em]) => [below, n, em])).sort((a, b) => b[0] - a[0]);
  for (const [below, n, em] of steps) css += `@container (max-width:calc(${below - 1}px + ${FRAME_X})){${h}::before{${v(n)}h:${em}em}}\n`;
  return css;
}

if (process.argv[1] && process.argv[1].endsWith("reserve.mjs")) {
  process.stdout.write(process.argv[2] === "host" ? hostCss() : shadowCss());
}
