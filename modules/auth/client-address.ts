// The client's address as the server resolved it when the request arrived
// (lib/security/client-address.cjs rewrites X-Forwarded-For to that one address,
// following TRUST_PROXY). For the audit log and the sign-in limits.
export function clientAddress(headers: Headers): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
}
