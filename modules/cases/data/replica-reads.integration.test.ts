// Public reads on a real streaming replica (issue 12.5): a primary and a hot
// standby made with pg_basebackup -R, both started here on ports of their own
// (scripts/test/streaming-replica.ts), the migrations applied on the primary.
// With WAL replay paused on the replica, what each function returns shows
// which server answered it.
import { execFile } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/cache", () => ({
  revalidatePath: vi.fn(),
  revalidateTag: vi.fn(),
  unstable_cache: (fn: unknown) => fn,
}));

import { revalidateTag } from "next/cache";
import type { CurrentUser } from "@/lib/auth/permissions";
import { db, disconnectDb, publicDb, waitForReplicas } from "@/lib/db";
import { caseInputSchema } from "@/lib/schemas/case";
import { revalidatePublicCase } from "@/modules/cases/cache";
import { getPublishedCase, listPublishedCases } from "@/modules/cases/data/public-cases";
import { searchPublishedCases } from "@/modules/cases/data/public-search";
import { parseCaseSearch } from "@/modules/cases/present/case-search";
import { createCase, publishCase } from "@/modules/workspace/data/case-drafts";
import { getCaseForEditor } from "@/modules/workspace/data/workspace-cases";
import { replicaUnavailableReason, startStreamingReplica, type StreamingReplica } from "@/scripts/test/streaming-replica";

const root = path.resolve(__dirname, "../../..");
const unavailable = replicaUnavailableReason();
if (unavailable) console.warn(`[replica-reads] skipped: ${unavailable}`);

function migrate(databaseUrl: string) {
  return new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, "scripts", "migrate.mjs"), "deploy"],
      { cwd: root, env: { ...process.env, DATABASE_URL: databaseUrl, DEBUG: "" }, timeout: 120_000 },
      (error, stdout, stderr) => (error ? reject(new Error(`migrate deploy failed: ${stderr || stdout}`)) : resolve()),
    );
  });
}

const server = async (client: ReturnType<typeof db>) =>
  (await client.$queryRaw<[{ standby: boolean; port: number }]>`SELECT pg_is_in_recovery() AS standby, inet_server_port() AS port`)[0];

describe.skipIf(unavailable !== null)("read replicas (DATABASE_REPLICA_URLS)", () => {
  let pair: StreamingReplica;
  let analyst: CurrentUser;
  let organisationId: string;
  const saved = { primary: process.env.DATABASE_URL, replicas: process.env.DATABASE_REPLICA_URLS };
  const port = (url: string) => Number(new URL(url).port);

  beforeAll(async () => {
    pair = await startStreamingReplica();
    await migrate(pair.primaryUrl);
    await disconnectDb(); // the clients are made on first use, from these:
    process.env.DATABASE_URL = pair.primaryUrl;
    process.env.DATABASE_REPLICA_URLS = pair.replicaUrl;
    const org = await db().organisation.create({ data: { slug: `org-${randomUUID().slice(0, 6)}`, name: "Replica Org" } });
    organisationId = org.id;
    const id = randomUUID();
    await db().user.create({ data: { id, name: "Analyst", email: `analyst-${id}@example.test`, role: "analyst", organisationId } });
    analyst = { id, email: "analyst@example.test", name: "Analyst", role: "analyst", organisationId, organisationName: null };
    expect(await waitForReplicas()).toBe(true);
  }, 240_000);

  afterAll(async () => {
    await disconnectDb();
    process.env.DATABASE_URL = saved.primary;
    if (saved.replicas === undefined) delete process.env.DATABASE_REPLICA_URLS;
    else process.env.DATABASE_REPLICA_URLS = saved.replicas;
    pair?.stop();
  });

  it("sends public reads to the standby and everything else to the primary", async () => {
    expect(await server(publicDb())).toEqual({ standby: true, port: port(pair.replicaUrl) });
    expect(await server(db())).toEqual({ standby: false, port: port(pair.primaryUrl) });
  });

  it("publishes on the primary; public pages see it once replayed, and the cache is expired only then", async () => {
    const input = caseInputSchema.parse({
      title: "Replicated front door",
      slug: `replica-${randomUUID().slice(0, 8)}`,
      organisationId,
      sector: "social_care",
      sourceCitation: "Council report, 2024",
      evidenceLevel: 1,
      measures: [{ label: "Referrals", unit: "count", direction: "lower_is_better", before: "100", after: "59" }],
    });
    await pair.query("replica", "SELECT pg_wal_replay_pause()");
    try {
      const created = await createCase(analyst, input);
      // The workspace reads its own write (primary) ...
      const editor = await getCaseForEditor(analyst, created.id);
      expect(editor?.revision).toBeTypeOf("number");
      await publishCase(analyst, created.id, editor!.revision, null);
      // ... while the public functions, on the paused standby, do not see it yet.
      expect(await getPublishedCase(created.slug)).toBeNull();
      expect((await listPublishedCases()).map((c) => c.slug)).not.toContain(created.slug);
      expect(await waitForReplicas(300)).toBe(false);

      const expiring = revalidatePublicCase(created.slug);
      await new Promise((r) => setTimeout(r, 500));
      expect(revalidateTag).not.toHaveBeenCalled(); // expiring now would let the next render cache the old rows
      await pair.query("replica", "SELECT pg_wal_replay_resume()");
      await expiring;
      expect(revalidateTag).toHaveBeenCalledWith(`public-case:${created.slug}`, { expire: 0 });

      // Expired once replayed: the render that follows sees the publish.
      const live = await getPublishedCase(created.slug);
      expect(live?.measures.map((m) => [m.label, m.before, m.after])).toEqual([["Referrals", 100, 59]]);
      expect((await listPublishedCases()).map((c) => c.slug)).toContain(created.slug);
    } finally {
      await pair.query("replica", "SELECT pg_wal_replay_resume()");
    }
  });

  it("hands public reads to the primary while the replica is down", async () => {
    const [published] = await listPublishedCases();
    expect(published).toBeDefined();
    pair.stopReplica();
    expect((await server(publicDb())).standby).toBe(false);
    expect((await getPublishedCase(published!.slug))?.slug).toBe(published!.slug);
    expect((await searchPublishedCases(parseCaseSearch({}))).total).toBeGreaterThan(0); // a raw query
    expect(await waitForReplicas()).toBe(true); // an unreachable replica is not waited for
  });
});
