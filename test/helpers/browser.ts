// Shared harness of the real-browser tests: a static server on 127.0.0.1 (ephemeral port) and
// Debian's Chromium driven by playwright-core (no browser download). Without /usr/bin/chromium
// the browser tests fail under CI (CI=true) and are skipped loudly otherwise; run
// `bash scripts/ensure-chromium.sh` to install it.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { describe } from "vitest";
// @ts-expect-error: plain .mjs script without types
import { startStaticServer } from "../../scripts/serve-explorer.mjs";

export const CHROMIUM = "/usr/bin/chromium";
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** Flags for a closed network and running as root in a container. */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * `describe` for browser tests: runs when Debian Chromium is installed; otherwise fails under CI and
 * is skipped with a loud message locally.
 */
export function describeBrowser(name: string, body: () => void): void {
  if (existsSync(CHROMIUM)) {
    describe(name, body);
    return;
  }
  const message = `${CHROMIUM} is missing: the real-browser test "${name}" cannot run. Install it with: bash scripts/ensure-chromium.sh`;
  if (process.env.CI) throw new Error(message);
  console.warn(`\n${"!".repeat(100)}\n!! SKIPPED: ${message}\n${"!".repeat(100)}\n`);
  describe.skip(name, body);
}

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/** Serve directories (URL prefix → path relative to the repo root) on 127.0.0.1 with an ephemeral port. */
export async function serve(mounts: Record<string, string>): Promise<StaticServer> {
  const abs = Object.fromEntries(Object.entries(mounts).map(([prefix, dir]) => [prefix, join(ROOT, dir)]));
  return (await startStaticServer({ mounts: abs, port: 0 })) as StaticServer;
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught exceptions seen on the page. */
  readonly errors: string[];
  /** Console messages of every kind, for diagnosing failures. */
  readonly log: string[];
  close(): Promise<void>;
}

/** Launch headless Chromium with a fresh profile directory and open one page. */
export async function launchBrowser(): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), "kramers-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 1000 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const log: string[] = [];
  page.on("console", (m) => {
    log.push(`${m.type()}: ${m.text()}`);
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
  return {
    context,
    page,
    errors,
    log,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
