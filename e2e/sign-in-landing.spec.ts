import { expect, test } from "./support/test";
import { createUser, signIn } from "./support/users";

// Issue 20: after signing in, each role lands on its own home.
test("a viewer who signs in lands on their home, not the analysts' workspace", async ({ page }) => {
  const viewer = await createUser({ role: "viewer" });
  await signIn(page, viewer);
  await expect(page).toHaveURL(/\/dashboard$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your home");
});

test("an analyst who signs in lands on the workspace", async ({ page }) => {
  const analyst = await createUser({ role: "analyst" });
  await signIn(page, analyst);
  await expect(page).toHaveURL(/\/workspace$/);
});

test("signing in from a page that asked for it goes back to that page", async ({ page }) => {
  const viewer = await createUser({ role: "viewer" });
  await signIn(page, viewer, "/measures");
  await expect(page).toHaveURL(/\/measures$/);
});
