// API tokens' form, pure: a prefix that says what the string is (so a leaked
// one is recognisable, as GitHub's ghp_), 32 random bytes in base64url (256
// bits: a SHA-256 of it is a safe thing to store, no slow hash needed), and
// how an Authorization header carries it.
import { createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import { textSchema } from "@/lib/schemas/text";

export const TOKEN_PREFIX = "rm_pat_";
const TOKEN_PATTERN = /^rm_pat_[A-Za-z0-9_-]{43}$/;

/** How long a new token lives: the choices the form offers. */
export const TOKEN_LIFETIMES_DAYS = [30, 90, 365] as const;

export function generateApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString("base64url")}`;
}

export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** What the token list shows: enough to tell tokens apart, useless to an attacker. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_PREFIX.length + 4);
}

export type BearerResult = { kind: "none" } | { kind: "malformed" } | { kind: "token"; token: string };

/** The token an Authorization header carries: none, something that cannot be a token, or one to look up. */
export function readBearer(header: string | null): BearerResult {
  if (header === null || header.trim() === "") return { kind: "none" };
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header.trim());
  if (!match || !TOKEN_PATTERN.test(match[1]!)) return { kind: "malformed" };
  return { kind: "token", token: match[1]! };
}

export const createTokenSchema = z.object({
  name: textSchema()
    .trim()
    .min(1, "Name the token after the script or pipeline that will use it")
    .max(100, "The name must be 100 characters or fewer"),
  days: z.coerce
    .number({ message: "Choose how long the token lasts" })
    .refine((d) => (TOKEN_LIFETIMES_DAYS as readonly number[]).includes(d), `Choose ${TOKEN_LIFETIMES_DAYS.join(", ")} days`),
});
export type CreateTokenInput = z.infer<typeof createTokenSchema>;
