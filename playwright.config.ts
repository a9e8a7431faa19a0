import { defineConfig } from "@playwright/test";

// Run through `npm run test:e2e` (scripts/e2e.mjs), which makes a fresh seeded
// database, builds the app, and sets DATABASE_URL and E2E_PORT for this file.
// Browser: Debian's Chromium (Playwright's own download is not reachable here).

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${port}`;
const databaseUrl = process.env.DATABASE_URL;

// Copying dub's guard: the browser tests write to the database they are given,
// so never let them near anything but a server on this machine.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", ""]);
if (!databaseUrl) {
  throw new Error("DATABASE_URL is not set: run the browser tests with `npm run test:e2e`, which creates a test database.");
}
let host: string;
try {
  host = new URL(databaseUrl).hostname.replace(/^\[|\]$/g, "");
} catch {
  throw new Error("DATABASE_URL is not a valid URL.");
}
if (!LOCAL_HOSTS.has(host)) {
  throw new Error(`Refusing to run the browser tests against the database host "${host}": only localhost, 127.0.0.1 or ::1 are allowed.`);
}

export default defineConfig({
  testDir: "e2e",
  // One output folder per build folder, so runs side by side never clobber each other's traces.
  outputDir: `test-results/${process.env.NEXT_DIST_DIR || ".next"}`,
  reporter: "list",
  // Generous: a 2-core machine builds and serves while the browser runs.
  timeout: 60_000,
  expect: { timeout: 10_000 },
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  use: {
    baseURL,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
        browserName: "chromium",
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
          args: [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--disable-quic",
          ],
        },
      },
    },
  ],
  webServer: {
    // The production server (one `next start` per worker), with two workers so
    // that every test also checks that a change reaches all of them.
    command: `node scripts/serve.mjs -p ${port}`,
    url: baseURL,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      ...(process.env as Record<string, string>),
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      WEB_CONCURRENCY: "2",
      // Sign-in checks the Origin header against this.
      BETTER_AUTH_URL: baseURL,
    },
  },
});
