// Creates an account from the command line, e.g. the first admin:
//   npm run user:create -- --email ada@example.nhs.uk --role admin [--name "Ada L"] [--organisation <slug>]
// The password comes from USER_PASSWORD (for scripts) or is asked for twice without echo.
// Uses the app's own better-auth set-up, so the password is hashed exactly as sign-in expects.
// Database: DATABASE_URL, or else the embedded one that `npm start` is running.
import { parseArgs } from "node:util";
import { createAccount } from "@/modules/auth/accounts";
import { createAuth } from "@/modules/auth/auth";
import { createPrismaClient } from "@/lib/prisma-client";
import { emailSchema, organisationRequiredFor, passwordSchema, roleSchema } from "@/lib/schemas/user";

const USAGE = "Usage: npm run user:create -- --email <address> --role admin|analyst|viewer [--name <full name>] [--organisation <slug>]";

class UsageError extends Error {}

function parseCommandLine() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        email: { type: "string" },
        role: { type: "string" },
        name: { type: "string" },
        organisation: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}. ${USAGE}`);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const email = emailSchema.safeParse(values.email ?? "");
  if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]!.message}.`);
  const role = roleSchema.safeParse(values.role);
  if (!role.success) throw new UsageError(`--role must be admin, analyst or viewer (got "${values.role ?? ""}").`);
  if (organisationRequiredFor(role.data) && !values.organisation)
    throw new UsageError("An analyst must belong to an organisation: add --organisation <slug>.");
  const name = values.name?.trim() || email.data.split("@")[0]!;
  return { email: email.data, role: role.data, name, organisationSlug: values.organisation?.trim() || null };
}

/** Reads a line from the terminal without echoing it (raw mode), or a piped line from stdin. */
async function readHidden(prompt: string): Promise<string> {
  const { stdin, stdout } = process;
  if (!stdin.isTTY) {
    const chunks: Buffer[] = [];
    for await (const chunk of stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
  }
  stdout.write(prompt);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding("utf8");
  return new Promise((resolve) => {
    let value = "";
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === "\u0003") {
          stdout.write("\n");
          process.exit(130); // Ctrl-C
        } else if (ch === "\r" || ch === "\n" || ch === "\u0004") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          stdout.write("\n");
          resolve(value);
          return;
        } else if (ch === "\u007f" || ch === "\b") {
          value = value.slice(0, -1);
        } else {
          value += ch;
        }
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = process.env.USER_PASSWORD;
  const password = fromEnv ?? (await readHidden("Password (at least 12 characters): "));
  const parsed = passwordSchema.safeParse(password);
  if (!parsed.success) throw new UsageError(`${parsed.error.issues[0]!.message}.`);
  if (fromEnv === undefined && process.stdin.isTTY && (await readHidden("Same password again: ")) !== password) {
    throw new UsageError("The two passwords are not the same.");
  }
  return parsed.data;
}

/** The URL of the embedded database `npm start` runs (loaded only when needed: an ES module). */
async function embeddedDatabaseUrl(): Promise<string> {
  const { APP_DATABASE, appInstanceOptions, connectionUrl } = await import("./lib/embedded-postgres.mjs");
  return connectionUrl(appInstanceOptions().port, APP_DATABASE);
}

async function main() {
  const input = parseCommandLine();
  const password = await readPassword();
  const databaseUrl = process.env.DATABASE_URL || (await embeddedDatabaseUrl());
  const prisma = createPrismaClient(databaseUrl);
  try {
    let organisationId: string | null = null;
    if (input.organisationSlug) {
      const org = await prisma.organisation.findUnique({ where: { slug: input.organisationSlug }, select: { id: true } });
      if (!org) {
        const known = (await prisma.organisation.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map((o) => o.slug);
        throw new UsageError(
          `No organisation with slug "${input.organisationSlug}"${known.length ? ` (existing: ${known.join(", ")})` : ""}.`,
        );
      }
      organisationId = org.id;
    }
    const result = await createAccount(createAuth(prisma), prisma, { ...input, organisationId, password }, null);
    if (!result.ok) throw new UsageError(`An account with the email ${input.email} already exists.`);
    console.log(`Created ${input.role} ${input.email}${input.organisationSlug ? ` in ${input.organisationSlug}` : ""}.`);
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    console.error(error.message);
  } else {
    // Prisma's messages start with a code excerpt: its last line is the one that explains.
    const message = (error instanceof Error ? error.message : String(error)).trim().split("\n").at(-1) ?? "";
    const code = (error as { code?: string })?.code;
    if (code === "P1001" || /ECONNREFUSED/.test(message)) {
      console.error(
        process.env.DATABASE_URL
          ? `Cannot reach the database in DATABASE_URL: ${message}`
          : "Cannot reach the database: start the app (`npm start`) so its embedded PostgreSQL is running, or set DATABASE_URL.",
      );
    } else {
      console.error(`Could not create the account: ${message}`);
    }
  }
  process.exit(1);
});
