// Vitest globalSetup for the `integration` project: one fresh, migrated database
// per run (see scripts/lib/test-database.mjs), dropped at the end.
//
// Test files read it as process.env.DATABASE_URL (set here before the workers
// are created, which inherit the environment) or as inject("databaseUrl").
// TEST_SERVER_URL / inject("testServerUrl") is the same server's maintenance
// database `postgres`, for tests that create databases of their own.
import type { TestProject } from "vitest/node";
import { createTestDatabase } from "../lib/test-database.mjs";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    testServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started = Date.now();
  const db = await createTestDatabase("rm_it");
  process.env.DATABASE_URL = db.url;
  process.env.TEST_SERVER_URL = db.serverUrl;
  project.provide("databaseUrl", db.url);
  project.provide("testServerUrl", db.serverUrl);
  console.log(`[integration] test database ${db.name} ready in ${Date.now() - started} ms`);

  return async function teardown() {
    await db.drop();
  };
}
