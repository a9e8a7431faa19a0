import { z } from "zod";

// The authentication settings, parsed once at first use (not at import, so
// `next build` can load route modules without them). `npm start` supplies
// BETTER_AUTH_SECRET in embedded demo mode and refuses to start without one
// when DATABASE_URL is set; `npm run test:e2e` supplies one per run.

// Only for development and tests: anything signed with it is forgeable.
const DEVELOPMENT_SECRET = "reform-metrics-development-secret-not-for-production";

const port = z.coerce.number().int().min(1).max(65535);

const authEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    PORT: port.optional(),
    BETTER_AUTH_URL: z
      .url({ protocol: /^https?$/, error: "BETTER_AUTH_URL must be an http(s) URL, e.g. https://metrics.example.nhs.uk" })
      .optional(),
    BETTER_AUTH_SECRET: z.string().min(32, "BETTER_AUTH_SECRET must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
    // Extra origins allowed to post to /api/auth (comma-separated), e.g. the
    // address a reverse proxy serves the app on besides BETTER_AUTH_URL.
    AUTH_TRUSTED_ORIGINS: z.string().optional(),
    E2E_PORT: port.optional(),
    // Sign-in attempts allowed per client address per minute. Several people
    // behind one NHS proxy share an address, so keep it above a handful; the
    // browser tests raise it because every test signs in from 127.0.0.1.
    AUTH_SIGN_IN_MAX_PER_MINUTE: z.coerce.number().int().min(1).default(10),
    // Failed sign-ins one account may have in 15 minutes before it is locked for the
    // rest of them (per account, whatever addresses they come from).
    AUTH_ACCOUNT_MAX_FAILURES: z.coerce.number().int().min(1).default(10),
  })
  .transform((env, ctx) => {
    const production = env.NODE_ENV === "production";
    if (!env.BETTER_AUTH_SECRET && production) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: "BETTER_AUTH_SECRET is not set (generate one with `openssl rand -base64 32`)",
      });
      return z.NEVER;
    }
    const baseURL = (env.BETTER_AUTH_URL ?? `http://localhost:${env.PORT ?? 3000}`).replace(/\/+$/, "");
    const trustedOrigins = [
      ...(env.AUTH_TRUSTED_ORIGINS ?? "")
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
      ...(env.E2E_PORT ? [`http://localhost:${env.E2E_PORT}`, `http://127.0.0.1:${env.E2E_PORT}`] : []),
    ];
    return {
      baseURL,
      secret: env.BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET,
      trustedOrigins,
      signInMaxPerMinute: env.AUTH_SIGN_IN_MAX_PER_MINUTE,
      accountMaxFailures: env.AUTH_ACCOUNT_MAX_FAILURES,
    };
  });

export type AuthEnv = z.output<typeof authEnvSchema>;

/** Parses the auth settings from the environment; throws one readable line per problem. */
export function readAuthEnv(source: Record<string, string | undefined> = process.env): AuthEnv {
  const parsed = authEnvSchema.safeParse(source);
  if (!parsed.success) {
    throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
  }
  return parsed.data;
}
