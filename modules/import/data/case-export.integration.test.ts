import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CurrentUser, Role } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { casesToCsv } from "@/lib/domain/csv";
import { measureRow, reportedOnlyRow, toCsvText } from "@/lib/domain/csv/test-rows";
import { publishCase } from "@/modules/workspace/data/case-drafts";
import { listExportCases } from "./case-export";
import { commitImport } from "./case-import";

// The export holds exactly what its reader may see, and re-imports unchanged.

const prisma = db();
const users: Record<string, CurrentUser> = {};
const slug = (p: string) => `${p}-${randomUUID().slice(0, 8)}`;
let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
const s = { aDraft: slug("a-draft"), aLive: slug("a-live"), bDraft: slug("b-draft"), bLive: slug("b-live") };

async function makeUser(key: string, role: Role, organisationId: string | null) {
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: key, email: `${key}-${id}@example.test`, role, organisationId } });
  users[key] = { id, email: `${key}@example.test`, name: key, role, organisationId, organisationName: null };
}

async function publish(actor: CurrentUser, caseSlug: string) {
  const c = await prisma.caseStudy.findUniqueOrThrow({ where: { slug: caseSlug }, select: { id: true, revision: true } });
  await publishCase(actor, c.id, c.revision, null);
}

const slugsOf = (cases: Awaited<ReturnType<typeof listExportCases>>) =>
  cases
    .map((c) => c.content.slug)
    .filter((x) => Object.values(s).includes(x))
    .sort();

beforeAll(async () => {
  orgA = await prisma.organisation.create({ data: { slug: slug("org-a"), name: "A" }, select: { id: true, slug: true } });
  orgB = await prisma.organisation.create({ data: { slug: slug("org-b"), name: "B" }, select: { id: true, slug: true } });
  await makeUser("admin", "admin", null);
  await makeUser("analystA", "analyst", orgA.id);
  await makeUser("analystB", "analyst", orgB.id);
  await makeUser("viewerA", "viewer", orgA.id);
  await commitImport(
    users.analystA!,
    toCsvText([
      measureRow({ case_slug: s.aDraft, organisation_slug: orgA.slug }),
      reportedOnlyRow({ case_slug: s.aLive, organisation_slug: orgA.slug }),
    ]),
  );
  await commitImport(
    users.analystB!,
    toCsvText([
      measureRow({ case_slug: s.bDraft, organisation_slug: orgB.slug }),
      reportedOnlyRow({ case_slug: s.bLive, organisation_slug: orgB.slug }),
    ]),
  );
  await publish(users.analystA!, s.aLive);
  await publish(users.analystB!, s.bLive);
});

afterAll(async () => {
  await prisma.$disconnect();
});

describe("listExportCases", () => {
  it("gives an analyst everything published plus their own organisation's drafts", async () => {
    expect(slugsOf(await listExportCases(users.analystA!))).toEqual([s.aDraft, s.aLive, s.bLive].sort());
    expect(slugsOf(await listExportCases(users.viewerA!))).toEqual([s.aDraft, s.aLive, s.bLive].sort());
    expect(slugsOf(await listExportCases(users.analystB!))).toEqual([s.aLive, s.bDraft, s.bLive].sort());
    expect(slugsOf(await listExportCases(users.admin!))).toEqual(Object.values(s).sort());
  });

  it("labels published rows with their version and drafts with none", async () => {
    const cases = await listExportCases(users.analystA!);
    expect(cases.find((c) => c.content.slug === s.aLive)).toMatchObject({ status: "published", version: 1, organisationSlug: orgA.slug });
    expect(cases.find((c) => c.content.slug === s.aDraft)).toMatchObject({ status: "draft", version: null, publishedAt: null });
  });

  it("writes a CSV that re-imports without a single change", async () => {
    const mine = (await listExportCases(users.analystA!)).filter((c) => c.organisationSlug === orgA.slug);
    const result = await commitImport(users.analystA!, casesToCsv(mine));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 2, changeCount: 0 });
  });
});
