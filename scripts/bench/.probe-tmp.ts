import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../../lib/generated/prisma/client";
async function main() {
  const url = process.argv[2]!;
  const p = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }), log: [{ emit: "event", level: "query" }] });
  let n = 0; let totalDur = 0; let sample = "";
  p.$on("query", (e) => { n++; totalDur += Number(e.duration); if (!sample) sample = e.query.slice(0, 300) + ` ... params ${e.params.length}`; });
  const org = await p.organisation.create({ data: { slug: "probe" + Date.now(), name: "x" } });
  const cs = await p.caseStudy.create({ data: { slug: "probe-" + Date.now(), organisationId: org.id } });
  const v = await p.caseVersion.create({ data: { caseStudyId: cs.id, title: "t", sector: "health", sourceCitation: "s" } });
  for (const size of [100, 1000, 5000]) {
    n = 0; totalDur = 0; sample = "";
    const data = Array.from({ length: size }, (_, i) => ({ caseVersionId: v.id, position: i, label: "m" + i, unit: "count" as const, direction: "lower_is_better" as const, beforeValue: 1, afterValue: 2, notes: "x" }));
    const t = performance.now();
    await p.measure.createMany({ data });
    console.log(size, "rows", Math.round(performance.now() - t), "ms; statements", n, "db ms", totalDur, sample.slice(0, 120));
  }
  await p.$disconnect();
}
main();
