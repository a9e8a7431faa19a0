#!/usr/bin/env node
// Database migrations without the Prisma CLI's native engine (see
// scripts/lib/schema-engine.mjs for why). The migrations folder and the
// `_prisma_migrations` table are Prisma's standard ones, so stock
// `prisma migrate deploy` works on them unchanged.
//
//   node scripts/migrate.mjs deploy                      apply pending migrations to $DATABASE_URL
//   node scripts/migrate.mjs dev --name <name>           create a migration from schema changes and apply it
//        [--create-only]                                 … write it without applying (e.g. to add hand-written SQL)
//        [--accept-data-loss]                            … proceed past data-loss warnings without asking
//   node scripts/migrate.mjs check [--schema <path>]     exit 0 if prisma/migrations matches the schema,
//                                                        1 (and the SQL difference) if not, 2 on error
//   node scripts/migrate.mjs resolve --rolled-back <migration> | --applied <migration>
//                                                        after a failed deploy (P3009), as `prisma migrate resolve`
//
// dev and check need a role that may CREATE DATABASE (for the shadow database).
// DEBUG=1 prints engine logs and stack traces.

import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createInterface } from "node:readline/promises";
import { UserError, describeDatabase, dropLeftoverShadows, ensureDatabase, openSession, parseDatabaseUrl } from "./lib/schema-engine.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
// Same locations as prisma.config.ts (a .ts file plain node cannot load).
const defaultSchema = path.join(root, "prisma", "schema.prisma");
const migrationsDir = path.join(root, "prisma", "migrations");
const debug = Boolean(process.env.DEBUG);
const rel = (/** @type {string} */ p) => path.relative(process.cwd(), p) || ".";

const USAGE = `Usage:
  node scripts/migrate.mjs deploy
  node scripts/migrate.mjs dev --name <name> [--create-only] [--accept-data-loss]
  node scripts/migrate.mjs check [--schema <path>]
  node scripts/migrate.mjs resolve --rolled-back <migration> | --applied <migration>`;

/** The open engine session, closed on exit (also after errors). @type {import("./lib/schema-engine.mjs").Session | undefined} */
let session;

/** Open the session and remember it for the cleanup at the end. */
async function start(/** @type {() => Promise<import("./lib/schema-engine.mjs").Session>} */ open) {
  session = await open();
  return session;
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string", short: "n" },
      "create-only": { type: "boolean" },
      "accept-data-loss": { type: "boolean" },
      schema: { type: "string" },
      "rolled-back": { type: "string" },
      applied: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) return (console.log(USAGE), 0);
  if (!["deploy", "dev", "check", "resolve"].includes(command)) throw new UserError(`Unknown command "${command}".\n${USAGE}`);

  const schemaPath = path.resolve(values.schema ?? defaultSchema);
  const databaseUrl = process.env.DATABASE_URL ?? "";
  const { config } = parseDatabaseUrl(databaseUrl);
  const open = () => openSession({ databaseUrl, schemaPath, migrationsDir, debug });

  switch (command) {
    case "deploy":
      return deploy(config, open);
    case "dev":
      // `npm run db:migrate:create -- add_thing` arrives as `dev --name add_thing`;
      // `dev add_thing` is accepted too.
      return dev(config, open, { ...values, name: values.name ?? rest[0] });
    case "resolve":
      return resolve(config, open, values);
    default:
      return check(config, open);
  }
}

/** @param {import("pg").ClientConfig} config @param {() => Promise<import("./lib/schema-engine.mjs").Session>} open */
async function deploy(config, open) {
  const created = await ensureDatabase(config);
  if (created) console.log(created);
  const s = await start(open);
  const list = await s.migrationsList();
  const n = list.migrationDirectories.length;
  console.log(`${n} migration${n === 1 ? "" : "s"} found in ${rel(migrationsDir)} (database ${describeDatabase(config)})`);
  const { appliedMigrationNames } = await s.migrate.applyMigrations();
  if (appliedMigrationNames.length === 0) console.log("No pending migrations to apply.");
  else console.log(`Applied:\n${appliedMigrationNames.map((/** @type {string} */ m) => `  ${m}`).join("\n")}`);
  return 0;
}

/**
 * The `prisma migrate dev` flow (MigrateDev.parse in @prisma/migrate), minus prompts for names.
 * @param {import("pg").ClientConfig} config @param {() => Promise<import("./lib/schema-engine.mjs").Session>} open
 * @param {{ name?: string, "create-only"?: boolean, "accept-data-loss"?: boolean }} opts
 */
async function dev(config, open, opts) {
  const createOnly = Boolean(opts["create-only"]);
  const name = slugify(opts.name ?? "");
  const created = await ensureDatabase(config);
  if (created) console.log(created);
  const { migrate } = await start(open);

  // 1. Is the database's history compatible with the folder? (drift, edited or failed migrations)
  const { action } = await migrate.devDiagnostic();
  if (action.tag === "reset") {
    throw new UserError(
      `${action.reason}\nThe database ${describeDatabase(config)} must be reset (all data lost); ` +
        `drop and recreate it, then run this again.`,
    );
  }
  // 2. Bring it up to date with the existing migrations.
  const { appliedMigrationNames: before } = await migrate.applyMigrations();
  if (before.length) {
    console.log(`Applied existing migration(s):\n${before.map((/** @type {string} */ m) => `  ${m}`).join("\n")}`);
    // The wasm engine's evaluateDataLoss/createMigration get no shadow
    // database of their own: they reuse the migrations' schema that
    // devDiagnostic computed (in a shadow database) and cached. devDiagnostic
    // skips that while the database is behind, so ask again now that it is
    // up to date; otherwise: "PostgreSQL shadow DB must be provided through
    // an external factory".
    await migrate.devDiagnostic();
  }

  // 3. What would the next migration do to this database's data?
  const loss = await migrate.evaluateDataLoss();
  if (loss.unexecutableSteps.length && !createOnly) {
    throw new UserError(
      `The migration cannot be executed on this database:\n${loss.unexecutableSteps
        .map((/** @type {any} */ s) => `  • ${s.message}`)
        .join("\n")}\nUse --create-only and edit the migration SQL by hand.`,
    );
  }
  if (loss.warnings.length) {
    console.log(
      `\n⚠️  Warnings for the current datasource:\n${loss.warnings.map((/** @type {any} */ w) => `  • ${w.message}`).join("\n")}\n`,
    );
    if (!opts["accept-data-loss"]) {
      if (!process.stdin.isTTY) throw new UserError("Data loss warnings: re-run with --accept-data-loss to proceed.");
      if (!(await confirm(createOnly ? "Create this migration?" : "Create and apply this migration?"))) {
        console.log("Migration cancelled.");
        return 130;
      }
    }
  }
  if ((loss.migrationSteps > 0 || createOnly) && !name) throw new UserError("A migration name is required: --name <name>.");

  // 4. Write the migration folder (engine output, standard layout + migration_lock.toml), then apply it.
  const { generatedMigrationName } = await migrate.createMigration({
    migrationName: name,
    draft: createOnly,
    schema: migrate.getPrismaSchema(),
  });
  if (createOnly) {
    console.log(`Created ${rel(path.join(migrationsDir, generatedMigrationName))}/migration.sql (not applied).`);
    return 0;
  }
  const { appliedMigrationNames } = await migrate.applyMigrations();
  if (appliedMigrationNames.length === 0) {
    console.log(
      before.length ? "The database is now in sync with the schema." : "Already in sync, no schema change or pending migration was found.",
    );
  } else {
    console.log(
      `Created and applied:\n${appliedMigrationNames.map((/** @type {string} */ m) => `  ${rel(migrationsDir)}/${m}/migration.sql`).join("\n")}`,
    );
  }
  return 0;
}

/** @param {import("pg").ClientConfig} config @param {() => Promise<import("./lib/schema-engine.mjs").Session>} open */
async function check(config, open) {
  // The database in DATABASE_URL is only used to create the shadow database.
  await ensureDatabase(config, { create: false });
  const { exitCode, sql } = await (await start(open)).diffMigrationsToSchema();
  if (exitCode === 0) {
    console.log(`in sync: ${rel(migrationsDir)} matches the schema.`);
    return 0;
  }
  console.log(`DRIFT: ${rel(migrationsDir)} does not match the schema. SQL needed to bring the migrations to the schema:\n`);
  console.log(sql.trim());
  console.log(`\nCreate a migration with: npm run db:migrate:create -- <name>`);
  return 1;
}

/**
 * Mark a failed migration as rolled back (after fixing the database by hand), or
 * as applied (after finishing it by hand), so that deploy can continue.
 * @param {import("pg").ClientConfig} config @param {() => Promise<import("./lib/schema-engine.mjs").Session>} open
 * @param {{ "rolled-back"?: string, applied?: string }} opts
 */
async function resolve(config, open, opts) {
  const rolledBack = opts["rolled-back"];
  const applied = opts.applied;
  if (!rolledBack === !applied) throw new UserError("resolve needs exactly one of --rolled-back <migration> or --applied <migration>.");
  await ensureDatabase(config, { create: false });
  const { migrate } = await start(open);
  if (rolledBack) await migrate.markMigrationRolledBack({ migrationId: rolledBack });
  if (applied) await migrate.markMigrationApplied({ migrationId: applied });
  console.log(`Migration ${rolledBack ?? applied} marked as ${rolledBack ? "rolled back" : "applied"}.`);
  return 0;
}

/** Like Prisma's migration name slug: "addThing now" -> "add_thing_now". */
function slugify(/** @type {string} */ s) {
  return s
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 200);
}

async function confirm(/** @type {string} */ question) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question(`${question} [y/N] `);
  rl.close();
  return /^y(es)?$/i.test(answer.trim());
}

// A Ctrl-C during dev/check must not leave a shadow database behind.
let interrupted = false;
process.once("SIGINT", () => {
  interrupted = true;
  dropLeftoverShadows().finally(() => process.exit(130));
});
// A panic inside the wasm engine surfaces as an uncaught "RuntimeError:
// unreachable" (thrown from a callback, outside main's try): report it in one
// line and still drop the shadow database.
process.once("uncaughtException", (err) => {
  console.error(debug ? err : `Error: the schema engine crashed (${err.message}). Re-run with DEBUG=1 for its log.`);
  dropLeftoverShadows().finally(() => process.exit(process.argv.includes("check") ? 2 : 1));
});

let exitCode;
try {
  exitCode = await main();
} catch (e) {
  const err = /** @type {any} */ (session ? session.explain(e) : e);
  if (interrupted) console.error("Interrupted.");
  else if (debug || !(err instanceof Error)) console.error(err);
  // The engine appends a Rust span trace ("   0: schema_engine_wasm::…"): noise for users.
  else
    console.error(
      `Error: ${String(err.message)
        .replace(/\n\s+0: \w+::[\s\S]*$/, "")
        .trim()}`,
    );
  // `check` keeps exit 1 for "drift found"; its own failures are 2.
  exitCode = interrupted ? 130 : process.argv.includes("check") ? 2 : 1;
} finally {
  await session?.close();
  await dropLeftoverShadows();
}
// The wasm engine leaves timers running: exit explicitly.
process.exit(exitCode ?? 0);
