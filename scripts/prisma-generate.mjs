// Generates the Prisma client after `npm install`.
// The Prisma CLI insists on a native schema engine that it downloads at install
// time; that download is not possible everywhere (see README), and `generate`
// does not need the engine, so point it at a no-op binary.
import { spawnSync } from "node:child_process";

const result = spawnSync("npx", ["prisma", "generate"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/true", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(result.status ?? 1);
