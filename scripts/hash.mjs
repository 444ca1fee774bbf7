// Content-hashed names for every file the entry script loads, so that a CDN can cache them for a
// year: pemilu-core.<hash>.js (the glue), pemilu-core_bg.<hash>.wasm and pemilu-services.<hash>.js.
// The entry script, pemilu-widget.js, keeps its name (pages link to it) and is cached briefly; it
// names the others. Run by scripts/build.sh after pack.mjs. Writes dist/files.json with the names,
// for the size check, the tests and the benchmark.
// Usage: node scripts/hash.mjs <dist dir>
import { createHash } from "node:crypto";
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2] || "dist";
const fail = (m) => { console.error(`hash.mjs: ${m}`); process.exit(1); };
const hash = (buf) => createHash("sha256").update(buf).digest("hex").slice(0, 10);
const path = (f) => join(dist, f);

/** `text` with the string literal `"from"` replaced by `"to"`; it must occur exactly `times`. */
function relink(text, from, to, file, times = 1) {
  const lit = JSON.stringify(from);
  const n = text.split(lit).length - 1;
  if (n !== times) fail(`${file} names ${lit} ${n} times, expected ${times}`);
  return text.split(lit).join(JSON.stringify(to));
}

/** Renames `name` to its hashed form after `edit` (if any) has rewritten its text. */
function seal(name, edit) {
  let body = readFileSync(path(name));
  if (edit) body = Buffer.from(edit(body.toString("utf8")));
  const dot = name.lastIndexOf(".");
  const sealed = `${name.slice(0, dot)}.${hash(body)}${name.slice(dot)}`;
  writeFileSync(path(name), body);
  renameSync(path(name), path(sealed));
  return sealed;
}

// Leaves first: the glue names the services, the entry script names the glue and the Wasm.
const services = seal("pemilu-services.js");
const wasm = seal("pemilu-core_bg.wasm");
const core = seal("pemilu-core.js", (t) =>
  relink(relink(t, "pemilu-services.js", services, "pemilu-core.js"), "pemilu-core_bg.wasm", wasm, "pemilu-core.js"));
const entry = readFileSync(path("pemilu-widget.js"), "utf8");
writeFileSync(path("pemilu-widget.js"), relink(relink(entry, "pemilu-core.js", core, "pemilu-widget.js"), "pemilu-core_bg.wasm", wasm, "pemilu-widget.js"));
const files = { entry: "pemilu-widget.js", core, wasm, services };
writeFileSync(path("files.json"), JSON.stringify(files, null, 2) + "\n");
console.log(`hashed names: ${core}, ${wasm}, ${services}`);
