// Shrinks what a reader downloads, after wasm-bindgen has written dist/pemilu-core{.js,_bg.wasm}:
// 1. wasm-opt -Oz, drops the producers and target-features sections, and renames the Wasm's imports and exports to one or two letters (wasm-bindgen
//    names each import `__wbg_<name>_<16 hex digits>`; the hashes do not compress and appear in
//    both files);
// 2. rewrites the glue to the new names, and checks that every import and export is accounted for;
// 3. minifies the glue, the entry script and the services on demand (web/pemilu-services.js) with terser.
// Usage: node scripts/pack.mjs <dist dir> <entry script in dist>
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { minify } from "terser";

const [dist, entryName] = process.argv.slice(2);
const wasmPath = join(dist, "pemilu-core_bg.wasm");
const gluePath = join(dist, "pemilu-core.js");
const fail = (msg) => {
  console.error(`pack: ${msg}`);
  process.exit(1);
};

// Import names before renaming, to map each to its module-level key in the glue.
const before = WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasmPath)));
const modules = new Set(before.map((i) => i.module));
if (modules.size !== 1) {
  fail(`expected one import module, found ${[...modules].join(", ")}: a function of web/pemilu-runtime.js is imported ` +
    `directly (${before.filter((i) => /snippets/.test(i.module)).map((i) => i.name).join(", ")}); give its Rust signature a conversion (a string or an Option)`);
}
const [oldModule] = modules;

const features = ["bulk-memory", "bulk-memory-opt", "nontrapping-float-to-int", "sign-ext", "reference-types"];
const opt = (...args) =>
  execFileSync("node_modules/.bin/wasm-opt", [...features.map((f) => `--enable-${f}`), ...args, wasmPath, "-o", wasmPath], {
    encoding: "utf8",
    maxBuffer: 1 << 24,
  });
// -Oz with the renaming, repeated until nothing changes (measured on 2026-12-06: 70-90 B brotli
// less than -O2 -Os). Each round prints its renaming map: they are composed.
const out = opt("-Oz", "--converge", "--minify-imports-and-exports-and-modules", "--strip-producers", "--strip-target-features");
const rounds = out.slice(out.indexOf("{")).split(/\n(?=\{)/).map((r) => JSON.parse(r));
const compose = (key, at) => {
  const final = new Map();
  for (const r of rounds) {
    const step = new Map(r[key].map((e) => [e[at], e[at + 1]]));
    if (!final.size) for (const [from, to] of step) final.set(from, to);
    else for (const [from, to] of final) final.set(from, step.has(to) ? step.get(to) : to);
  }
  return [...final];
};
const map = { imports: compose("imports", 1).map(([from, to]) => [null, from, to]), exports: compose("exports", 0) };
const after = new WebAssembly.Module(readFileSync(wasmPath));
const newModules = [...new Set(WebAssembly.Module.imports(after).map((i) => i.module))];
if (newModules.length !== 1) fail(`expected one minified import module, found ${newModules.join(", ")}`);

let glue = readFileSync(gluePath, "utf8");
/** Replaces `from`, which must occur exactly once in the glue, by `to`. */
const once = (from, to) => {
  if (glue.split(from).length !== 2) fail(`the glue does not contain exactly one ${JSON.stringify(from.slice(0, 60))}`);
  glue = glue.replace(from, to);
};
once(`${JSON.stringify(oldModule)}: import0`, `${JSON.stringify(newModules[0])}: import0`);

// Imports are the keys of the `import0` object, one `name: function(...)` per line.
const imports = new Map(map.imports.map(([, from, to]) => [from, to]));
const renamed = new Set();
glue = glue.replace(/^(\s+)([A-Za-z_$][\w$]*): function\(/gm, (all, indent, name) => {
  const to = imports.get(name);
  if (to === undefined) return all;
  renamed.add(name);
  return `${indent}${JSON.stringify(to)}: function(`;
});
const missed = [...imports.keys()].filter((name) => !renamed.has(name));
if (missed.length) fail(`imports not found in the glue: ${missed.join(", ")}`);

// Exports are read as `wasm.<name>`.
const exportsMap = new Map(map.exports);
glue = glue.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (all, name) => {
  const to = exportsMap.get(name);
  if (to === undefined) fail(`glue reads wasm.${name}, which the Wasm does not export`);
  return `wasm[${JSON.stringify(to)}]`;
});
const exported = new Set(WebAssembly.Module.exports(after).map((e) => e.name));
for (const to of exportsMap.values()) if (!exported.has(to)) fail(`export ${to} missing after renaming`);
// Nothing may still use an old name, or read exports in a form the two rewrites above do not know.
for (const old of [oldModule, ...imports.keys()]) {
  if (new RegExp(`(^|[^\\w$])${old.replace(/[.$]/g, "\\$&")}($|[^\\w$])`).test(glue)) fail(`the glue still uses the old name ${old}`);
}
if (/\bwasm\.\w|\bexports\.\w|\bexports\[/.test(glue)) fail("the glue reads Wasm exports in a form this script does not rewrite");

// The runtime the Wasm imports (web/pemilu-runtime.js): wasm-bindgen wrote it as a snippet file
// the glue imports; it goes into the glue itself, so a widget makes no request for it.
const snippetImport = /import \{([^}]*)\} from '(\.\/snippets\/[^']+\/web\/pemilu-runtime\.js)';\n?/;
const sm = snippetImport.exec(glue);
if (!sm) fail("the glue does not import web/pemilu-runtime.js");
const runtimeCode = readFileSync(join(dist, sm[2]), "utf8").replace(/^export (function|const|let) /gm, "$1 ");
if (/^\s*(export|import)\b/m.test(runtimeCode)) fail("web/pemilu-runtime.js may only export plain functions and constants");
const aliases = sm[1].split(",").map((s) => s.trim()).filter(Boolean).map((s) => s.split(/\s+as\s+/));
glue = runtimeCode + "\n" + aliases.filter(([a, b]) => b && a !== b).map(([a, b]) => `const ${b} = ${a};`).join("\n") + "\n" + glue.replace(snippetImport, "");
rmSync(join(dist, "snippets"), { recursive: true, force: true });

// Exact rewrites of wasm-bindgen's glue (each must match once, or the build falls back):
// - its innerHTML setter goes through the Trusted Types policy of web/pemilu-runtime.js (`html`);
// - `initSync` (unused: the entry loads the Wasm with the default export) is not exported, so
//   terser drops it, and the warnings of code paths the entry never takes get shorter.
once("arg0.innerHTML = getStringFromWasm0(arg1, arg2);", "arg0.innerHTML = html(getStringFromWasm0(arg1, arg2));");
once("export { initSync, __wbg_init as default };", "export { __wbg_init as default };");
once("console.warn('using deprecated parameters for the initialization function; pass a single object instead')", "0");
once("console.warn(\"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n\", e);",
  "console.warn(\"[pemilu-widget] serve .wasm as application/wasm\", e);");
if (/innerHTML\s*=(?!\s*html\()/.test(glue)) fail("the glue sets innerHTML without the Trusted Types policy");

// unsafe_arrows: `function` expressions that use neither `this` nor `arguments` become arrows
// (the glue's import table is made of them: 37 B brotli less, measured on 2026-12-06).
const terse = async (code) => {
  const r = await minify(code, { module: true, ecma: 2020, compress: { passes: 2, unsafe_arrows: true }, mangle: true, format: { comments: false } });
  return r.code;
};
writeFileSync(gluePath, await terse(glue));
const entryPath = join(dist, entryName);
const entry = readFileSync(entryPath, "utf8");
writeFileSync(entryPath, await terse(entry));
// The services on demand, imported when a widget first fetches a file or shares.
writeFileSync(join(dist, "pemilu-services.js"), await terse(readFileSync("web/pemilu-services.js", "utf8")));
