// `npm run db:recompute [-- --missing | --type <key>]`: computes the stored
// figures (measure_figure) of published versions with the domain, as
// publishing does (modules/workspace/data/measure-figures.ts).
//   (no flag)    every published version: after a change to the arithmetic
//   --missing    only published measures with no stored figure: run by
//                `npm start` after the migrations, so a database published to
//                before figures were stored is filled in once
//   --type KEY   the published measures of one measure type: after its unit or
//                category changed (the measure-type admin does this itself)
// Versions stay frozen: only their derived figures are rewritten.
import { createPrismaClient } from "@/lib/prisma-client";
import { recomputeFigures } from "@/modules/workspace/data/recompute-figures";

async function main() {
  const args = process.argv.slice(2);
  const missing = args.includes("--missing");
  const typeAt = args.indexOf("--type");
  const typeKey = typeAt >= 0 ? args[typeAt + 1] : undefined;
  if (typeAt >= 0 && !typeKey) throw new Error("--type needs a measure type's key");
  const prisma = createPrismaClient();
  try {
    const count = await recomputeFigures(prisma, { missingOnly: missing, typeKey });
    if (count > 0 || !missing) console.log(`Computed the published figures of ${count.toLocaleString("en-GB")} measures.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error(`Recomputing the published figures failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
