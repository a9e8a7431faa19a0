import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import { measureRow, reportedOnlyRow, toCsvText } from "@/lib/domain/csv/test-rows";

// Issue 19 through the import page's own actions: the file's encoding is
// worked out and said, and a database that drops mid-import is reported as
// the service's problem with nothing written — never as a problem in the file,
// never as a raw system error.

const session = vi.hoisted(() => ({ user: null as CurrentUser | null }));
vi.mock("@/modules/auth/session", () => ({ getCurrentUser: async () => session.user }));
vi.mock("next/cache", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/cache")>()),
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  updateTag: vi.fn(),
}));

const { previewImportAction, commitImportAction } = await import("./import-actions");
const { saveCaseAction } = await import("@/modules/workspace/actions/case-actions");

const prisma = db();
let org: { id: string; slug: string };
const IDLE = { status: "idle" as const };

function upload(bytes: Uint8Array<ArrayBuffer> | string, name = "cases.csv"): FormData {
  const data = new FormData();
  data.set("file", new File([typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes], name, { type: "text/csv" }));
  return data;
}

/** Windows-1252 bytes of a text whose only non-ASCII characters are é, £ and ’. */
function windows1252(text: string): Uint8Array<ArrayBuffer> {
  const map: Record<string, number> = { é: 0xe9, "£": 0xa3, "’": 0x92 };
  return Uint8Array.from([...text].map((c) => map[c] ?? c.charCodeAt(0)));
}

const slug = () => `enc-${randomUUID().slice(0, 8)}`;

beforeAll(async () => {
  org = await prisma.organisation.create({
    data: { slug: `enc-org-${randomUUID().slice(0, 6)}`, name: "Org" },
    select: { id: true, slug: true },
  });
  const id = randomUUID();
  await prisma.user.create({ data: { id, name: "analyst", email: `${id}@example.test`, role: "analyst", organisationId: org.id } });
  session.user = { id, email: `${id}@example.test`, name: "analyst", role: "analyst", organisationId: org.id, organisationName: null };
  // Stands in for the database dropping mid-write: the backend that inserts this label is terminated.
  await prisma.$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION test_drop_connection() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.label = 'Drop the connection' THEN PERFORM pg_terminate_backend(pg_backend_pid()); END IF;
      RETURN NEW;
    END $$`);
  await prisma.$executeRawUnsafe(
    `CREATE TRIGGER test_drop_connection BEFORE INSERT ON measure FOR EACH ROW EXECUTE FUNCTION test_drop_connection()`,
  );
});

afterAll(async () => {
  await prisma.$executeRawUnsafe(`DROP TRIGGER IF EXISTS test_drop_connection ON measure`);
  await prisma.$executeRawUnsafe(`DROP FUNCTION IF EXISTS test_drop_connection()`);
  await prisma.$disconnect();
});

describe("the file's encoding", () => {
  it("reads a Windows-1252 (Latin-1) file as such, says so, and imports “Café” intact", async () => {
    const s = slug();
    const bytes = windows1252(
      toCsvText([measureRow({ case_slug: s, organisation_slug: org.slug, case_title: "Café £5 Leeds’ front door" })]),
    );
    const preview = await previewImportAction(IDLE, upload(bytes));
    expect(preview.status).toBe("success");
    expect(preview.notice).toMatch(/read as Windows-1252/);
    expect(preview.plans?.[0]?.title).toBe("Café £5 Leeds’ front door");
    const commit = await commitImportAction(IDLE, upload(bytes));
    expect(commit.status).toBe("success");
    const c = await prisma.caseStudy.findUniqueOrThrow({ where: { slug: s }, select: { draftVersion: { select: { title: true } } } });
    expect(c.draftVersion?.title).toBe("Café £5 Leeds’ front door");
  });

  it("reads UTF-8 with a byte-order mark without a notice", async () => {
    const text = "\uFEFF" + toCsvText([measureRow({ case_slug: slug(), organisation_slug: org.slug, case_title: "Café" })]);
    const preview = await previewImportAction(IDLE, upload(text));
    expect(preview.status).toBe("success");
    expect(preview.notice).toBeUndefined();
    expect(preview.plans?.[0]?.title).toBe("Café");
  });

  it("refuses bytes that are no text encoding, and a broken .xlsx, with a message", async () => {
    const junk = await previewImportAction(IDLE, upload(Uint8Array.from([0x63, 0x61, 0x73, 0x65, 0x81, 0x8d, 0x0a])));
    expect(junk).toMatchObject({
      status: "error",
      problems: [expect.stringMatching(/cannot be read as UTF-8 or Windows-1252.*Nothing was imported/)],
    });
    const xlsx = await previewImportAction(IDLE, upload(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0])));
    // A workbook is imported as such now: a broken one is refused with a message.
    expect(xlsx).toMatchObject({ status: "error", problems: [expect.stringMatching(/\.xlsx file could not be read/)] });
  });
});

describe("a database that fails mid-import", () => {
  it("says the service had a problem and nothing was imported, and writes nothing", async () => {
    const [a, b] = [slug(), slug()];
    const text = toCsvText([
      measureRow({ case_slug: a, organisation_slug: org.slug }),
      reportedOnlyRow({ case_slug: b, organisation_slug: org.slug, measure_label: "Drop the connection" }),
    ]);
    const audits = await prisma.auditEvent.count();
    const result = await commitImportAction(IDLE, upload(text));
    expect(result.status).toBe("error");
    expect(result.message).toMatch(/^The service had a problem .*nothing was imported/);
    expect(result.message).not.toMatch(/file has|Fix the file|EPIPE|terminat|ECONN|administrator/i);
    expect(result.problems ?? []).toEqual([]);
    expect(await prisma.caseStudy.count({ where: { slug: { in: [a, b] } } })).toBe(0);
    expect(await prisma.auditEvent.count()).toBe(audits);
  });

  it("a save in the editor says the same, and nothing is saved", async () => {
    const s = slug();
    const payload = JSON.stringify({
      title: "Editor save",
      slug: s,
      organisationId: org.id,
      sector: "housing",
      sourceCitation: "Test",
      evidenceLevel: "1",
      measures: [{ label: "Drop the connection", unit: "count", direction: "lower_is_better", before: "10", after: "5" }],
    });
    const data = new FormData();
    data.set("caseId", "");
    data.set("payload", payload);
    const result = await saveCaseAction(IDLE, data);
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/^The service had a problem, so nothing was saved/) });
    expect(await prisma.caseStudy.count({ where: { slug: s } })).toBe(0);
  });
});
