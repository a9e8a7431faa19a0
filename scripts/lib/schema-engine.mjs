// Prisma's schema engine (the WebAssembly build) driven through @prisma/adapter-pg.
//
// Why this exists: the Prisma CLI's native schema engine is downloaded at
// install time and that download is not possible on every machine, so
// `prisma migrate` cannot run. The same engine ships on npm compiled to
// WebAssembly; here we wire it to Prisma's own `Migrate` class so that the
// migrations folder and the `_prisma_migrations` table stay exactly what
// stock `prisma migrate deploy` expects.
//
// Three incompatibilities of PrismaPg with the schema engine are handled here
// (see /work/shared/ENVIRONMENT.md, "Prisma 7"):
//   1. the engine's describer reads pg_catalog columns of type "char" (oid 18),
//      which the adapter rejects before any type parser runs;
//   2. PrismaPg's shadow database handling is broken (connection strings make
//      the main database the "shadow"; it drops the shadow while connected);
//   3. adapter errors reach us as "External error id#N".
// A fourth one was found while writing the constraints migration: the
// adapter's executeScript() splits scripts on ";", which breaks any
// migration containing a PL/pgSQL function body. We send scripts whole, as
// the native engine does (one simple-query message).

import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { ColumnTypeEnum, bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
// CommonJS bundles: default-import, then destructure. (Their published types
// point at files that are not shipped, hence the ts-expect-errors.)
// @ts-expect-error -- no type declarations shipped
import migratePkg from "@prisma/migrate";
// @ts-expect-error -- no type declarations shipped
import listMigrationsPkg from "@prisma/migrate/dist/utils/listMigrations.js";

const { Migrate, SchemaEngineWasm } = migratePkg;
const { listMigrations } = listMigrationsPkg;
const require = createRequire(import.meta.url);
// Resolved from pg's own folder so we parse URLs exactly as pg does.
const { parseIntoClientConfig } = createRequire(require.resolve("pg"))("pg-connection-string");

/** An error whose message is meant for the user as is (no stack trace). */
export class UserError extends Error {}

// ---------------------------------------------------------------- connection

/**
 * Parse a PostgreSQL URL into pg.Pool fields. Separate fields (not a
 * connectionString) are needed so that `{ ...config, database }` really
 * points at another database. Prisma's `?schema=` is not a pg option.
 * @param {string} url
 * @returns {{ config: pg.PoolConfig, schema: string | undefined }}
 */
export function parseDatabaseUrl(url) {
  if (!url) throw new UserError("DATABASE_URL is not set.");
  let config;
  try {
    config = parseIntoClientConfig(url);
  } catch {
    throw new UserError("DATABASE_URL is not a valid PostgreSQL URL.");
  }
  const { schema, ...rest } = /** @type {any} */ (config);
  return { config: { ...rest, Client: CharAsTextClient }, schema };
}

/** "host:port/database" for messages (never the password). */
export function describeDatabase(/** @type {pg.ClientConfig} */ config) {
  return `${config.host ?? "localhost"}:${config.port ?? 5432}/${config.database ?? ""}`;
}

// Marker appended to the name of a column pg reported as "char" (oid 18); see below.
const CHAR_MARK = "\u0000prisma_char";

/**
 * A pg.Client that lets `"char"` columns (oid 18) through PrismaPg.
 * The adapter refuses oid 18 outright, yet the engine's describer reads
 * pg_constraint.contype (a "char") and calls get_expect_char on it, so the
 * column must reach the engine as ColumnType.Character, which no oid maps to
 * in PrismaPg. We report the column as text (25) and mark its name; the
 * adapter's queryRaw wrapper (MigrationPg.connect) strips the mark and sets
 * the column type to Character. Reported as text only, a CHECK constraint in
 * the database makes the wasm engine panic ("unreachable").
 */
class CharAsTextClient extends pg.Client {
  /** @param {any} config @param {any} [values] @param {any} [callback] @returns {any} */
  query(config, values, callback) {
    /** @param {any} res */
    const fix = (res) => {
      for (const r of Array.isArray(res) ? res : [res]) {
        for (const f of r?.fields ?? []) {
          if (f.dataTypeID === 18) Object.assign(f, { dataTypeID: 25, name: f.name + CHAR_MARK });
        }
      }
      return res;
    };
    /** @param {Function} cb */
    const wrap = (cb) => (/** @type {any} */ err, /** @type {any} */ res) => cb(err, err ? res : fix(res));
    // pg-pool calls client.query(text, values, cb); the adapter uses promises.
    if (typeof values === "function") return super.query(config, wrap(values));
    if (typeof callback === "function") return super.query(config, values, wrap(callback));
    const result = super.query(config, values);
    return typeof result?.then === "function" ? result.then(fix) : result;
  }
}

/**
 * Connect once with plain pg, to turn the usual failures into one clear line
 * and, like `prisma migrate`, create the database when it does not exist.
 * @param {pg.ClientConfig} config
 * @param {{ create?: boolean }} [options]
 * @returns {Promise<string | undefined>} a message when the database was created
 */
export async function ensureDatabase(config, { create = true } = {}) {
  const where = describeDatabase(config);
  try {
    await withClient(config, () => {});
    return undefined;
  } catch (e) {
    const err = /** @type {any} */ (e);
    if (err.code === "3D000" && create) {
      // Any existing database will do to issue CREATE DATABASE; "postgres" always exists.
      await withClient({ ...config, database: "postgres" }, (c) =>
        c.query(`CREATE DATABASE ${pg.escapeIdentifier(String(config.database))}`),
      ).catch((e2) => {
        throw new UserError(`Database ${where} does not exist and could not be created: ${e2.message}`);
      });
      return `PostgreSQL database "${config.database}" created at ${config.host}:${config.port ?? 5432}`;
    }
    throw new UserError(connectionErrorMessage(err, config));
  }
}

/** @param {any} err @param {pg.ClientConfig} config */
function connectionErrorMessage(err, config) {
  const where = `${config.host ?? "localhost"}:${config.port ?? 5432}`;
  switch (err.code) {
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "ETIMEDOUT":
    case "EHOSTUNREACH":
      return `Can't reach database server at ${where} (${err.code}). Is PostgreSQL running?`;
    case "28P01":
    case "28000":
      return `Authentication failed for user "${config.user}" at ${where}: ${err.message}`;
    case "3D000":
      return `Database "${config.database}" does not exist at ${where}.`;
    default:
      return `Can't connect to ${describeDatabase(config)}: ${err.message}`;
  }
}

/**
 * @template T
 * @param {pg.ClientConfig} config
 * @param {(c: pg.Client) => T | Promise<T>} fn
 */
async function withClient(config, fn) {
  const client = new pg.Client({ ...config, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {}); // a dropped connection must not crash the process
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ------------------------------------------------------------------ adapter

/** Shadow databases created and not yet dropped (name -> config), for cleanup on Ctrl-C. */
const liveShadows = new Map();

/**
 * PrismaPg with the fixes listed at the top of this file.
 */
class MigrationPg extends PrismaPg {
  /** @param {pg.PoolConfig} config @param {string | undefined} schema */
  constructor(config, schema) {
    super(config, schema ? { schema } : undefined);
    this.schemaName = schema;
  }

  async connect() {
    const adapter = /** @type {any} */ (await super.connect());
    const queryRaw = adapter.queryRaw.bind(adapter);
    adapter.queryRaw = async (/** @type {any} */ query) => {
      const result = await queryRaw(query);
      result.columnNames.forEach((/** @type {string} */ name, /** @type {number} */ i) => {
        if (name.endsWith(CHAR_MARK)) {
          result.columnNames[i] = name.slice(0, -CHAR_MARK.length);
          result.columnTypes[i] = ColumnTypeEnum.Character;
        }
      });
      return result;
    };
    // Send the whole script in one simple-query message (multi-statement, one
    // implicit transaction), like the native engine; never split on ";".
    adapter.executeScript = async (/** @type {string} */ script) => {
      try {
        await adapter.client.query(script);
      } catch (e) {
        adapter.onError(e); // rethrows as a DriverAdapterError, as the original does
      }
    };
    return adapter;
  }

  // Create the shadow database ourselves, give the engine an adapter on it,
  // and on dispose end that adapter's pool *before* dropping the database.
  async connectToShadowDb() {
    const config = /** @type {pg.PoolConfig} */ (/** @type {any} */ (this).config);
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withClient(config, (c) => c.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`)).catch((e) => {
      throw new Error(`cannot create a shadow database (the role in DATABASE_URL needs CREATEDB): ${e.message}`);
    });
    liveShadows.set(name, config);
    const adapter = /** @type {any} */ (await new MigrationPg({ ...config, database: name }, this.schemaName).connect());
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose(); // ends the shadow pool
      await dropDatabase(config, name);
    };
    return adapter;
  }
}

/** @param {pg.ClientConfig} config @param {string} name */
async function dropDatabase(config, name) {
  // WITH (FORCE) (PostgreSQL 13+) also ends any connection still open on it.
  await withClient(config, (c) => c.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`));
  liveShadows.delete(name);
}

/** Drop shadow databases left by an interrupted command. */
export async function dropLeftoverShadows() {
  await Promise.allSettled([...liveShadows].map(([name, config]) => dropDatabase(config, name)));
}

// ------------------------------------------------------------------- engine

/** @type {Promise<any> | undefined} */
let engineClass;

/**
 * Instantiate the WebAssembly engine the way @prisma/internals does, but from
 * the @prisma/schema-engine-wasm package's own .wasm file. This avoids the
 * `import "./x.wasm"` in the package entry, which Node 20 only accepts with
 * --experimental-wasm-modules, so plain `node` and vitest both work.
 */
function loadEngineClass() {
  engineClass ??= (async () => {
    const runtime = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const wasmModule = new WebAssembly.Module(await readFile(wasmPath));
    const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": runtime });
    runtime.__wbg_set_wasm(instance.exports);
    /** @type {any} */ (instance.exports).__wbindgen_start();
    return runtime.SchemaEngine;
  })();
  return engineClass;
}

/**
 * @typedef {object} Session
 * @property {any} migrate Prisma's Migrate (devDiagnostic, applyMigrations, evaluateDataLoss, createMigration …)
 * @property {any} engine Prisma's SchemaEngineWasm
 * @property {() => Promise<any>} migrationsList the migrations folder as the engine reads it
 * @property {() => Promise<{ exitCode: number, sql: string }>} diffMigrationsToSchema
 * @property {(e: unknown) => unknown} explain replaces "External error id#N" by the real error
 * @property {() => Promise<void>} close
 */

/**
 * Start the schema engine on a database.
 * @param {{ databaseUrl: string, schemaPath: string, migrationsDir: string, debug?: boolean }} options
 * @returns {Promise<Session>}
 */
export async function openSession({ databaseUrl, schemaPath, migrationsDir, debug = false }) {
  const { config, schema } = parseDatabaseUrl(databaseUrl);
  const schemaContent = await readFile(schemaPath, "utf8").catch(() => {
    throw new UserError(`Cannot read the Prisma schema at ${schemaPath}.`);
  });
  /** @type {[string, string][]} */
  const schemaFiles = [[schemaPath, schemaContent]];

  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new MigrationPg(config, schema));
  const SchemaEngine = await loadEngineClass();
  const log = debug ? (/** @type {string} */ line) => process.stderr.write(`${line}\n`) : () => {};
  const wasmEngine = await SchemaEngine.new({ datamodels: schemaFiles }, log, adapterFactory);
  const engine = new SchemaEngineWasm({ engine: wasmEngine, errorRegistry: adapterFactory.errorRegistry, debug });
  // The constructor is private in the .d.ts only; Migrate.setup() would start the native engine.
  const migrate = new /** @type {any} */ (Migrate)({
    engine,
    schemaContext: { schemaFiles },
    migrationsDirPath: migrationsDir,
    schemaFilter: { externalTables: [], externalEnums: [] },
    shadowDbInitScript: "",
  });

  /** @param {unknown} e */
  const explain = (e) => {
    const err = /** @type {any} */ (e);
    if (typeof err?.message !== "string") return e;
    err.message = err.message.replace(/External error id#(\d+)/g, (/** @type {string} */ m, /** @type {string} */ id) => {
      const real = /** @type {any} */ (adapterFactory.errorRegistry.consumeError(Number(id)))?.error;
      return real ? `${real.message ?? real}${real.code ? ` (${real.code})` : ""}` : m;
    });
    return err;
  };

  const migrationsList = () => listMigrations(migrationsDir, "");

  return {
    migrate,
    engine,
    migrationsList,
    explain,
    // Drift check: replay the migrations into a shadow database and diff the
    // result against the schema. The engine's own runCommand is used so that
    // the SQL comes back to us instead of being printed.
    async diffMigrationsToSchema() {
      const { exitCode, stdout } = await engine.runCommand("diff", {
        from: { tag: "migrations", ...(await migrationsList()) },
        to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: schemaContent }] },
        script: true,
        exitCode: true,
        filters: { externalTables: [], externalEnums: [] },
      });
      return { exitCode, sql: stdout ?? "" };
    },
    async close() {
      await engine.stop().catch(() => {});
    },
  };
}
