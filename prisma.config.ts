import { defineConfig } from "prisma/config";

// The URL is only needed by commands that talk to a database. Migrations run
// through scripts/migrate.mjs (the WebAssembly schema engine), because the
// native engine the Prisma CLI downloads cannot be fetched on every machine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unused" },
});
