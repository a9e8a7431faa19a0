// Accounts for browser tests: each test makes its own with a unique email, through the
// app's own better-auth set-up (so sign-in works exactly as for real accounts), and signs
// in through the real form.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { createAccount } from "@/modules/auth/accounts";
import { createAuth } from "@/modules/auth/auth";
import type { Role } from "../../lib/auth/permissions";
import { createPrismaClient } from "../../lib/prisma-client";

export interface TestAccount {
  email: string;
  password: string;
  name: string;
}

export const E2E_ORGANISATION = { slug: "e2e-test-organisation", name: "E2E test organisation" };

/**
 * A new account. `organisationSlug` defaults to the shared e2e organisation (created if
 * missing) for analysts and viewers, and to none for admins.
 */
export async function createUser({
  role,
  organisationSlug,
  name,
}: {
  role: Role;
  organisationSlug?: string | null;
  name?: string;
}): Promise<TestAccount> {
  const prisma = createPrismaClient();
  try {
    const slug = organisationSlug === undefined ? (role === "admin" ? null : E2E_ORGANISATION.slug) : organisationSlug;
    const organisation = slug ? await ensureOrganisation(slug) : null;
    const id = randomUUID().slice(0, 8);
    const account = { email: `${role}-${id}@e2e.reform-metrics.test`, password: `e2e-password-${id}`, name: name ?? `E2E ${role} ${id}` };
    const result = await createAccount(createAuth(prisma), prisma, { ...account, role, organisationId: organisation?.id ?? null }, null);
    if (!result.ok) throw new Error(`createUser: ${result.reason}`);
    return account;
  } finally {
    await prisma.$disconnect();
  }
}

/** The organisation with this slug, created (named after the slug) if missing. */
export async function ensureOrganisation(slug = E2E_ORGANISATION.slug): Promise<{ id: string; name: string }> {
  const prisma = createPrismaClient();
  try {
    // INSERT … ON CONFLICT DO NOTHING: two test workers may make the same organisation
    // at once, and an upsert (a select, then an insert) lets both try to insert it.
    await prisma.organisation.createMany({
      data: [slug === E2E_ORGANISATION.slug ? E2E_ORGANISATION : { slug, name: slug }],
      skipDuplicates: true,
    });
    return await prisma.organisation.findUniqueOrThrow({ where: { slug }, select: { id: true, name: true } });
  } finally {
    await prisma.$disconnect();
  }
}

/** Signs in through the sign-in page and waits until the header shows the account. */
export async function signIn(page: Page, { email, password }: { email: string; password: string }, next?: string) {
  await page.goto(next ? `/sign-in?next=${encodeURIComponent(next)}` : "/sign-in");
  await page.getByLabel("Email address", { exact: true }).fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // A sign-in hashes a password (~0.1 s of CPU) and the menu then asks who is signed in:
  // room for a loaded machine, where the first one after the server starts can take 10 s.
  await expect(page.getByTestId("user-menu")).toBeVisible({ timeout: 30_000 });
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
}
