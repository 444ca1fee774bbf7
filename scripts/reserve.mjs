// The space each widget reserves, in one table, turned into two stylesheets by the build:
//  - the placeholder's rules inside each shadow root (in the entry script, before the Wasm loads),
//  - dist/pemilu-widget.css, an optional render-blocking sheet for the host page that reserves the
//    same space before any script has run (for widgets in the first screen).
// Both must give exactly the rendered height; tests/e2e/layout.test.mjs checks that they do.

/** Countdown min-height (em) by the widget's content width: [below this many px, em]. */
export const COUNTDOWN = [[310, 26], [410, 20], [560, 19], [680, 17.5]];
export const COUNTDOWN_WIDE = 15;
/** Min-height (em) of the parties and quiz modules. Module boxes are content-box: a module
 * after another adds 1em margin, 1em padding and a 1px rule. */
export const MODULE = 6;
/** The widget frame: 1px side borders + 1em padding each side; 4px top + 1px bottom border. */
const FRAME_X = "calc(2em + 2px)";

/** Rules inside the shadow root; `.pw-skel` and `.pw` share frame and container width. */
export function shadowCss() {
  let css = `.s,.pw-m-parties,.pw-m-quiz{min-height:${MODULE}em}.c,.pw-m-countdown{min-height:${COUNTDOWN_WIDE}em}`;
  for (const [below, em] of [...COUNTDOWN].reverse()) css += `@container (max-width:${below - 1}px){.c,.pw-m-countdown{min-height:${em}em}}`;
  return css;
}

/** The host-page sheet: a zero-width float of the reserved height beside the fallback content. */
export function hostCss() {
  const h = "[data-pemilu-widget]";
  let css = `/* Pemilu Widget: reserves each widget's height before the script runs (optional; link it in <head>). */\n`;
  css += `${h}{display:flow-root;container-type:inline-size;font-size:medium;--pw-c:1;--pw-p:1;--pw-q:1}\n`;
  css += `${h}[data-modules]{--pw-c:0;--pw-p:0;--pw-q:0}\n`;
  css += `${h}[data-modules*=countdown i]{--pw-c:1}${h}[data-modules*=parties i]{--pw-p:1}${h}[data-modules*=quiz i]{--pw-q:1}\n`;
  css += `${h}::before{content:"";float:left;width:0;--pw-hc:${COUNTDOWN_WIDE}em;height:calc(5px + 2em + var(--pw-c) * var(--pw-hc)`
    + ` + (var(--pw-p) + var(--pw-q)) * ${MODULE}em + max(0, var(--pw-c) + var(--pw-p) + var(--pw-q) - 1) * (2em + 1px))}\n`;
  for (const [below, em] of [...COUNTDOWN].reverse()) {
    css += `@container (max-width:calc(${below - 1}px + ${FRAME_X})){${h}::before{--pw-hc:${em}em}}\n`;
  }
  return css;
}

if (process.argv[1] && process.argv[1].endsWith("reserve.mjs")) {
  if (process.argv[2] === "host") process.stdout.write(hostCss());
  else process.stdout.write(shadowCss());
}
