import "server-only";
import { db } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/permissions";
import { isRole } from "@/lib/auth/permissions";
import { recordAudit } from "@/modules/workspace/data/audit";
import { displayPrefix, generateApiToken, hashApiToken, type CreateTokenInput } from "../present/token-format";

// Personal API tokens: made, listed and revoked by their owner in the
// workspace; checked on every write request to /api/v1. Only the SHA-256 of a
// token is stored. A token acts as an analyst of the organisation it was made
// in, never more: an admin's token edits only that organisation's cases.
// Making and revoking a token are audited in the same transaction.

export interface ApiTokenItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  expiresAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export class TokenNotAllowedError extends Error {}

/** Analysts (and admins) who belong to an organisation may make tokens; viewers may not. */
export function canHaveApiTokens(user: CurrentUser | null): user is CurrentUser & { organisationId: string } {
  return user !== null && (user.role === "analyst" || user.role === "admin") && user.organisationId !== null;
}

export async function listApiTokens(actor: CurrentUser): Promise<ApiTokenItem[]> {
  const rows = await db().apiToken.findMany({
    where: { userId: actor.id },
    orderBy: { createdAt: "desc" },
    select: { id: true, name: true, prefix: true, createdAt: true, expiresAt: true, lastUsedAt: true, revokedAt: true },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Makes a token and returns it: the only time it exists outside the caller's hands. */
export async function createApiToken(
  actor: CurrentUser,
  input: CreateTokenInput,
  now = new Date(),
): Promise<{ id: string; token: string; expiresAt: string }> {
  if (!canHaveApiTokens(actor)) throw new TokenNotAllowedError("Only analysts of an organisation can make API tokens");
  const token = generateApiToken();
  const expiresAt = new Date(now.getTime() + input.days * 86_400_000);
  const created = await db().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: actor.id,
        organisationId: actor.organisationId,
        name: input.name,
        tokenHash: hashApiToken(token),
        prefix: displayPrefix(token),
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.id,
      action: "token_create",
      entityType: "api_token",
      entityId: row.id,
      changes: [
        { field: "name", from: null, to: input.name },
        { field: "expiresAt", from: null, to: expiresAt.toISOString() },
      ],
    });
    return row;
  });
  return { id: created.id, token, expiresAt: expiresAt.toISOString() };
}

/** Revokes one of the actor's own tokens; false when there is no such token of theirs (or it was revoked already). */
export async function revokeApiToken(actor: CurrentUser, tokenId: string, now = new Date()): Promise<boolean> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.apiToken.updateMany({ where: { id: tokenId, userId: actor.id, revokedAt: null }, data: { revokedAt: now } });
    if (count === 0) return false;
    await recordAudit(tx, {
      actorId: actor.id,
      action: "token_revoke",
      entityType: "api_token",
      entityId: tokenId,
      changes: [{ field: "revokedAt", from: null, to: now.toISOString() }],
    });
    return true;
  });
}

export type TokenCheck =
  | { ok: true; actor: CurrentUser; tokenId: string }
  | { ok: false; reason: "unknown" | "revoked" | "expired" | "user_disabled" | "password_reset" | "not_allowed" };

/**
 * The actor a presented token acts as, or why it is refused. Read afresh on
 * every request, so revoking a token, disabling its user or moving them to
 * another organisation takes effect on the next call.
 */
export async function authenticateApiToken(token: string, now = new Date()): Promise<TokenCheck> {
  const row = await db().apiToken.findUnique({
    where: { tokenHash: hashApiToken(token) },
    select: {
      id: true,
      organisationId: true,
      expiresAt: true,
      revokedAt: true,
      user: {
        select: {
          id: true,
          email: true,
          name: true,
          role: true,
          banned: true,
          banExpires: true,
          mustChangePassword: true,
          organisationId: true,
          organisation: { select: { name: true } },
        },
      },
    },
  });
  if (!row) return { ok: false, reason: "unknown" };
  if (row.revokedAt) return { ok: false, reason: "revoked" };
  if (row.expiresAt <= now) return { ok: false, reason: "expired" };
  const u = row.user;
  if (u.banned === true && (u.banExpires === null || u.banExpires > now)) return { ok: false, reason: "user_disabled" };
  // An admin reset the password (perhaps because the account was compromised): no
  // token speaks for the account until its owner has chosen a new password.
  if (u.mustChangePassword) return { ok: false, reason: "password_reset" };
  // Moved to another organisation, or no longer an analyst: the token no longer speaks for them.
  if (!isRole(u.role) || (u.role !== "analyst" && u.role !== "admin") || u.organisationId !== row.organisationId) {
    return { ok: false, reason: "not_allowed" };
  }
  await db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: now }, select: { id: true } });
  return {
    ok: true,
    tokenId: row.id,
    actor: {
      id: u.id,
      email: u.email,
      name: u.name,
      role: "analyst",
      organisationId: row.organisationId,
      organisationName: u.organisation?.name ?? null,
    },
  };
}

// ---- Failed attempts ---------------------------------------------------------------
// Counted per client address in the rate_limit table (the one better-auth's sign-in
// limit uses), so every app instance shares the count; a fixed one-minute window.

export const TOKEN_FAILURES_PER_MINUTE = 10;
const WINDOW_MS = 60_000;
const failureKey = (address: string | null) => `api-token-failure:${address ?? "unknown"}`;

/** Seconds until this address may try again, or 0 when it may try now. */
export async function tokenFailureWait(address: string | null, now = Date.now()): Promise<number> {
  const row = await db().rateLimit.findUnique({ where: { key: failureKey(address) }, select: { count: true, lastRequest: true } });
  if (!row) return 0;
  const windowStart = Number(row.lastRequest);
  if (now - windowStart >= WINDOW_MS || row.count < TOKEN_FAILURES_PER_MINUTE) return 0;
  return Math.ceil((windowStart + WINDOW_MS - now) / 1000);
}

export async function recordTokenFailure(address: string | null, now = Date.now()): Promise<void> {
  const key = failureKey(address);
  // One statement: concurrent failures from one address cannot lose a count.
  await db().$executeRaw`
    INSERT INTO rate_limit (id, key, count, last_request) VALUES (${key}, ${key}, 1, ${BigInt(now)})
    ON CONFLICT (key) DO UPDATE SET
      count = CASE WHEN ${BigInt(now)} - rate_limit.last_request >= ${BigInt(WINDOW_MS)} THEN 1 ELSE rate_limit.count + 1 END,
      last_request = CASE WHEN ${BigInt(now)} - rate_limit.last_request >= ${BigInt(WINDOW_MS)} THEN ${BigInt(now)} ELSE rate_limit.last_request END`;
}
