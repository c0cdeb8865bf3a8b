import { mkdirSync } from "node:fs";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { fileURLToPath } from "node:url";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { createApp, createHttpServer, listen, type App, type Clock } from "@tingjian/server";
import { DEMO_PASSWORD } from "@tingjian/prisma";
import { useTestDatabase, type TestDatabase } from "@tingjian/prisma/testing";
import { demoClock } from "../demo-clock.ts";

export const SCREENSHOTS = fileURLToPath(new URL("../artifacts/screenshots/", import.meta.url));

/** Debian's Chromium, never a downloaded browser (STACK.md). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
];

/**
 * CI runs the suite again with libfaketime preloaded (issue 14: the clock moved a month ahead and
 * to a year end); Chromium's zygote does not survive it. The browser keeps the real clock, which
 * is what a desk whose clock differs from the server's looks like: the app reads the server's.
 */
export function withoutFaketime(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(([k, v]) => v !== undefined && k !== "LD_PRELOAD" && !k.startsWith("FAKETIME")),
  ) as Record<string, string>;
}

export interface BrowserHarness {
  readonly db: TestDatabase;
  readonly app: App;
  /** The server's clock: it starts where the demo's history ends (test/demo-clock.ts). */
  readonly clock: Clock;
  readonly baseUrl: string;
  /** A fresh browser context (its own cookies and storage) in the given language. */
  newPage(options?: { locale?: "zh-CN" | "en" }): Promise<Page>;
  /** A page signed in through the sign-in form as a demo account. */
  signedIn(login: string, options?: { locale?: "zh-CN" | "en" }): Promise<Page>;
  screenshot(page: Page, name: string): Promise<void>;
}

/**
 * The product as a user meets it: the production client served by the real HTTP server, on
 * this test file's own copy of the demo database, driven by headless Chromium.
 */
export function useBrowser(): BrowserHarness {
  const db = useTestDatabase("demo");
  let app: App;
  const clock = demoClock();
  let server: Server;
  let browser: Browser;
  let baseUrl = "";
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    app = createApp({ prisma: db.prisma, clock });
    server = createHttpServer({ app, db: db.db }, inject("clientDist"));
    await listen(server, 0, "127.0.0.1");
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true, env: withoutFaketime(process.env) });
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 60_000);

  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  const harness: BrowserHarness = {
    db,
    get app() {
      return app;
    },
    clock,
    get baseUrl() {
      return baseUrl;
    },
    async newPage(options = {}) {
      const context = await browser.newContext({
        locale: options.locale ?? "zh-CN",
        viewport: { width: 1440, height: 900 },
        acceptDownloads: true,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.setDefaultTimeout(15_000);
      return page;
    },
    async signedIn(login, options) {
      const page = await harness.newPage(options);
      // The first page of a file loads every chunk cold; under load that takes a while.
      await page.goto(baseUrl, { timeout: 60_000 });
      await page.waitForSelector('[data-testid="sign-in"]', { timeout: 60_000 });
      await page.fill('[data-testid="sign-in"] input[name="login"]', login);
      await page.fill('[data-testid="sign-in"] input[name="password"]', DEMO_PASSWORD);
      await page.click('[data-testid="sign-in"] button[type="submit"]');
      await page.waitForSelector('[data-testid="whoami"]', { timeout: 30_000 });
      return page;
    },
    async screenshot(page, name) {
      await page.screenshot({ path: `${SCREENSHOTS}${db.target}-${name}.png`, fullPage: false });
    },
  };
  return harness;
}
