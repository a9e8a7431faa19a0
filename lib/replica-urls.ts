import { z } from "zod";

// DATABASE_REPLICA_URLS: comma-separated PostgreSQL URLs of streaming replicas
// (hot standbys) of DATABASE_URL's server. Public read queries go to them;
// everything else stays on the primary (lib/db.ts).

const replicaUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "each URL must start with postgres:// or postgresql://")
  .refine((value) => URL.canParse(value), "is not a valid URL");

const replicaUrlsSchema = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean),
  )
  .pipe(z.array(replicaUrl));

/** The replica URLs (none when unset or blank); throws one readable line when one is malformed. */
export function readReplicaUrls(value: string | undefined = process.env.DATABASE_REPLICA_URLS): string[] {
  const parsed = replicaUrlsSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const position = typeof issue.path[0] === "number" ? ` (URL ${issue.path[0] + 1})` : "";
    throw new Error(`DATABASE_REPLICA_URLS${position}: ${issue.message}`);
  }
  return parsed.data;
}
