// A small static server for dist/ (the demo and the tests): correct MIME types (application/wasm
// for streaming compilation), no caching surprises. `PORT` overrides 8080. Paths under /__csp/
// are served with a strict Content-Security-Policy (style-src 'self'), for the CSP test; under
// /__tt/, with Trusted Types enforced as well.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { fileURLToPath } from "node:url";

// The folder to serve (relative paths from the working directory), dist/ by default.
const root = process.argv[2] ? `${resolve(process.argv[2])}/` : fileURLToPath(new URL("../dist/", import.meta.url));
// Further folders searched after dist/ (the tests add their host pages and axe-core).
const extra = process.argv.slice(3).map((d) => `${resolve(d)}/`);
const port = Number(process.env.PORT || 8080);
const host = process.env.HOST || "127.0.0.1";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm", ".json": "application/json; charset=utf-8", ".css": "text/css; charset=utf-8", ".svg": "image/svg+xml", ".png": "image/png" };
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";

async function find(path) {
  for (const dir of [root, ...extra]) {
    let file = normalize(join(dir, path));
    if (!file.startsWith(dir)) continue;
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      return { file, body: await readFile(file) };
    } catch { /* try the next root */ }
  }
  return null;
}

createServer(async (req, res) => {
  let path = decodeURIComponent(new URL(req.url, "http://x").pathname);
  const headers = { "Cache-Control": "no-store" };
  if (path.startsWith("/__csp/")) { path = path.slice(6); headers["Content-Security-Policy"] = CSP; }
  // The same, with Trusted Types enforced and only the widget's policy allowed.
  if (path.startsWith("/__tt/")) { path = path.slice(5); headers["Content-Security-Policy"] = `${CSP}; require-trusted-types-for 'script'; trusted-types pemilu-widget`; }
  const found = await find(path);
  if (!found) { res.writeHead(404, { "Content-Type": "text/plain" }); res.end("not found"); return; }
  headers["Content-Type"] = TYPES[extname(found.file)] || "application/octet-stream";
  res.writeHead(200, headers);
  res.end(req.method === "HEAD" ? undefined : found.body);
}).listen(port, host, function () { console.log(`serving ${root} on http://${host}:${this.address().port}/`); });
