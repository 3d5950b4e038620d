#!/usr/bin/env node
// A tiny static server for the explorer page: examples/explorer/ at /, the built package dist/ at
// /dist/. Listens on 127.0.0.1 only. `npm run explorer` builds first, then runs this.
// Also imported by the browser tests (test/helpers/browser.ts), which pass their own mounts and port 0.
import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = resolve(fileURLToPath(new URL("..", import.meta.url)));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".cjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".map": "application/json; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
};

/**
 * Start a static server. `mounts` maps URL prefixes (ending in "/") to directories; the longest
 * matching prefix wins. Resolves to { origin, port, close() }.
 */
export function startStaticServer({ mounts, port = 0, host = "127.0.0.1" } = {}) {
  const table = Object.entries(mounts ?? { "/": join(ROOT, "examples/explorer"), "/dist/": join(ROOT, "dist") })
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const mount = table.find(([prefix]) => path.startsWith(prefix));
    if (!mount || (req.method !== "GET" && req.method !== "HEAD")) {
      res.writeHead(404).end("not found");
      return;
    }
    const [prefix, dir] = mount;
    let file = normalize(join(dir, path.slice(prefix.length)));
    // never serve outside the mounted directory
    if (file !== dir && !file.startsWith(dir + sep)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    try {
      if (statSync(file).isDirectory()) file = join(file, "index.html");
      const size = statSync(file).size;
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": size, "cache-control": "no-store" });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const { port: actual } = server.address();
      resolvePromise({ origin: `http://${host}:${actual}`, port: actual, close: () => new Promise((r) => server.close(() => r())) });
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const port = Number(process.env.PORT ?? 8787);
  try {
    statSync(join(ROOT, "dist/kramers.mjs"));
  } catch {
    console.error("serve-explorer: dist/kramers.mjs is missing; run `npm run build` first (or `npm run explorer`).");
    process.exit(1);
  }
  const { origin } = await startStaticServer({ port });
  console.log(`kramers explorer: ${origin}/  (Ctrl-C to stop)`);
}
