// The explorer's static server (scripts/serve-explorer.mjs): 127.0.0.1 only, right content types,
// nothing outside the mounted directories.
import { describe, expect, it } from "vitest";
import { serve } from "../helpers/browser.js";

describe("the explorer's static server", () => {
  it("serves the page and the bundle with module-friendly content types, and nothing outside its mounts", async () => {
    const server = await serve({ "/": "examples/explorer", "/dist/": "dist" });
    try {
      expect(server.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const page = await fetch(`${server.origin}/`);
      expect(page.status).toBe(200);
      expect(page.headers.get("content-type")).toMatch(/^text\/html/);
      const worker = await fetch(`${server.origin}/worker.mjs`);
      expect(worker.headers.get("content-type")).toMatch(/^text\/javascript/);
      const bundle = await fetch(`${server.origin}/dist/kramers.mjs`);
      expect(bundle.status).toBe(200);
      expect(bundle.headers.get("content-type")).toMatch(/^text\/javascript/);
      // traversal attempts: encoded slashes and dots must not reach package.json
      for (const path of ["/..%2fpackage.json", "/dist/..%2f..%2fpackage.json", "/%2e%2e/package.json"]) {
        const r = await fetch(`${server.origin}${path}`);
        expect([403, 404], path).toContain(r.status);
        expect(await r.text()).not.toContain('"name": "kramers"');
      }
      expect((await fetch(`${server.origin}/missing.html`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
