// The `test` every spec imports: Playwright's own, plus an automatic fixture
// that fails a test when any page it opened logged a console error or threw
// (a hydration mismatch such as React #418, a 404 for a missing icon, a
// script blocked by the CSP). A test that expects an error on purpose (a
// page that answers 404, a form posted without JavaScript) lists the message
// patterns it allows with `test.use({ allowedConsoleErrors: [/…/] })`.
import { test as base, expect, type ConsoleMessage } from "@playwright/test";

export { expect };
export type { Locator, Page, BrowserContext, Frame } from "@playwright/test";

// Chromium reports every 4xx/5xx response of a subresource or page as a
// console error ("Failed to load resource: … 404"). A page that is meant to
// answer 404 (or 403, 409) does that; the response itself is asserted by the test.
const EXPECTED_STATUS = /Failed to load resource: the server responded with a status of (404|403|409|400|401|429|503)/;

export const test = base.extend<{ allowedConsoleErrors: RegExp[]; consoleErrors: string[] }>({
  allowedConsoleErrors: [[], { option: true }],
  consoleErrors: [
    async ({ context, allowedConsoleErrors }, use, testInfo) => {
      const errors: string[] = [];
      const allowed = (text: string) => allowedConsoleErrors.some((re) => re.test(text));
      const watch = (page: import("@playwright/test").Page) => {
        page.on("console", (msg: ConsoleMessage) => {
          if (msg.type() !== "error") return;
          const text = msg.text();
          if (allowed(text)) return;
          // A page that answers 404 on purpose is checked by its test; its own load is not an error of the page.
          if (EXPECTED_STATUS.test(text) && !/favicon|\.ico|\.png|\.svg|\.js|\.css/.test(msg.location().url ?? "")) return;
          errors.push(`${page.url()}: ${text}`);
        });
        page.on("pageerror", (err) => {
          if (!allowed(err.message)) errors.push(`${page.url()}: uncaught ${err.message}`);
        });
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(errors);
      if (testInfo.status === testInfo.expectedStatus) {
        expect(errors, "console errors or uncaught exceptions on the pages this test opened").toEqual([]);
      }
    },
    { auto: true },
  ],
});
