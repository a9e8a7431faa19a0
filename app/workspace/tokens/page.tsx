import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/modules/auth/session";
import { canHaveApiTokens, listApiTokens } from "@/modules/api/data/api-tokens";
import { CreateTokenForm, RevokeTokenForm } from "@/modules/api/components/token-forms";

export const metadata: Metadata = { title: "API tokens", robots: { index: false } };

const date = (iso: string) => iso.slice(0, 10);

function state(t: { revokedAt: string | null; expiresAt: string }, now: number): string {
  if (t.revokedAt) return `Revoked ${date(t.revokedAt)}`;
  if (Date.parse(t.expiresAt) <= now) return `Expired ${date(t.expiresAt)}`;
  return `Active until ${date(t.expiresAt)}`;
}

export default async function TokensPage() {
  const user = await requireUser("/workspace/tokens");
  if (!canHaveApiTokens(user)) notFound();
  const tokens = await listApiTokens(user);
  // eslint-disable-next-line react-hooks/purity -- a per-request page: "now" is the request's time
  const now = Date.now();
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-semibold">API tokens</h1>
      <p>
        A token lets a script create and update {user.organisationName ?? "your organisation"}&apos;s draft cases and upload series through
        the{" "}
        <Link href="/data/api" className="text-improvement underline">
          JSON API
        </Link>
        , with the same checks as the editor. It acts as you, for your organisation only; it cannot publish: a person publishes in the
        workspace. Only a fingerprint of the token is kept, so it is shown once.
      </p>
      <section aria-labelledby="new-token-heading" className="space-y-2">
        <h2 id="new-token-heading" className="text-xl font-semibold">
          Make a token
        </h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="tokens-heading" className="space-y-2">
        <h2 id="tokens-heading" className="text-xl font-semibold">
          Your tokens
        </h2>
        {tokens.length === 0 ? (
          <p>You have no tokens yet.</p>
        ) : (
          <table className="w-full border-collapse text-left text-sm" data-testid="token-table">
            <caption className="sr-only">Your API tokens</caption>
            <thead>
              <tr className="border-b-2 border-slate-300">
                <th scope="col" className="py-2 pr-3">
                  Name
                </th>
                <th scope="col" className="py-2 pr-3">
                  Starts with
                </th>
                <th scope="col" className="py-2 pr-3">
                  Made
                </th>
                <th scope="col" className="py-2 pr-3">
                  Last used
                </th>
                <th scope="col" className="py-2 pr-3">
                  State
                </th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-b border-slate-200 align-top">
                  <th scope="row" className="py-2 pr-3 font-medium">
                    {t.name}
                  </th>
                  <td className="py-2 pr-3 font-mono">{t.prefix}…</td>
                  <td className="py-2 pr-3">{date(t.createdAt)}</td>
                  <td className="py-2 pr-3">{t.lastUsedAt ? date(t.lastUsedAt) : "never"}</td>
                  <td className="py-2 pr-3">{state(t, now)}</td>
                  <td className="py-2">
                    {!t.revokedAt && Date.parse(t.expiresAt) > now && <RevokeTokenForm tokenId={t.id} name={t.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
