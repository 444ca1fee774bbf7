// Prints raw, gzip and brotli sizes of what a reader downloads from dist/, and checks the
// budgets: everything for a default widget ≤ 100 KB brotli, the entry script ≤ 3 KB brotli.
// `node scripts/sizes.mjs --json` prints the figures as JSON instead. The browser tests import
// `sizes` and `BUDGET_TOTAL` from here, so the test and the build measure alike.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = new URL("../dist/", import.meta.url);

/** A default widget's download (KB = 1024 B, brotli) and the entry script's alone. */
export const BUDGET_TOTAL = 100 * 1024, BUDGET_ENTRY = 3 * 1024;

/** Why dist/ was built by the fallback route (scripts/build.sh), or null for the normal build. */
export const fallback = () => {
  const f = new URL("BUILD-FALLBACK", dist);
  return existsSync(f) ? readFileSync(f, "utf8").trim().split("\n").join("; ") : null;
};

/** The names of what the entry script loads (content-hashed by scripts/hash.mjs; plain in a
 * fallback build). */
export const files = () => {
  const f = new URL("files.json", dist);
  return existsSync(f)
    ? JSON.parse(readFileSync(f, "utf8"))
    : { entry: "pemilu-widget.js", core: "pemilu-core.js", wasm: "pemilu-core_bg.wasm", services: "pemilu-services.js" };
};

/** Raw, gzip and brotli (quality 11) sizes of a file in dist/. */
export const sizes = (name) => {
  const buf = readFileSync(new URL(name, dist));
  return {
    file: name,
    raw: buf.length,
    gzip: gzipSync(buf, { level: 9 }).length,
    brotli: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** What a default widget downloads (the entry, the glue and the Wasm: styles and data are compiled
 * in), the other files in dist/, and the widget's total. The bench reports these too. */
export function measure() {
  const f = files();
  const reader = [f.entry, f.core, f.wasm].map(sizes);
  const others = readdirSync(dist).filter((f) => /\.(js|wasm|css|html)$/.test(f) && !reader.some((r) => r.file === f)).map(sizes);
  const total = reader.reduce((a, r) => ({ raw: a.raw + r.raw, gzip: a.gzip + r.gzip, brotli: a.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { reader, others, total };
}

function main() {
  const { reader, others, total } = measure();
  const entry = reader[0].brotli;
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify({ reader, others, total }, null, 2));
  } else {
    const kb = (n) => (n / 1024).toFixed(1).padStart(7);
    console.log("file                      raw KB  gzip KB  brotli KB  share");
    for (const r of reader) console.log(`${r.file.padEnd(24)}${kb(r.raw)}  ${kb(r.gzip)}  ${kb(r.brotli)}    ${((100 * r.brotli) / total.brotli).toFixed(0).padStart(3)}%`);
    console.log(`${"total (default widget)".padEnd(24)}${kb(total.raw)}  ${kb(total.gzip)}  ${kb(total.brotli)}   budget ${BUDGET_TOTAL / 1024} KB, ${BUDGET_TOTAL - total.brotli} B to spare`);
    console.log(`${"entry script".padEnd(24)}${" ".repeat(18)}${kb(entry)}   budget ${BUDGET_ENTRY / 1024} KB, ${BUDGET_ENTRY - entry} B to spare`);
    for (const r of others) console.log(`  also in dist: ${r.file.padEnd(22)}${kb(r.brotli)} KB brotli`);
  }
  let ok = true;
  if (total.brotli > BUDGET_TOTAL) { console.error(`size budget exceeded: ${total.brotli} B brotli > ${BUDGET_TOTAL} B`); ok = false; }
  if (entry > BUDGET_ENTRY) { console.error(`entry budget exceeded: pemilu-widget.js ${entry} B brotli > ${BUDGET_ENTRY} B`); ok = false; }
  if (fallback()) {
    // A working but larger build: the demo still serves; the browser tests fail on it.
    console.error(`\n!!! FALLBACK BUILD (${fallback()}): the budgets above are not met by design; fix the build.\n`);
    process.exit(0);
  }
  process.exit(ok ? 0 : 1);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
