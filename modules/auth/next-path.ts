// Where to go after signing in: the page asked for, or /home, which sends each
// role to its own home (modules/auth/home-path.ts). Only a path on this site is accepted: an absolute or
// protocol-relative URL in `?next=` would turn the sign-in page into an open redirect.
export function safeNextPath(value: unknown, fallback = "/home"): string {
  if (typeof value !== "string" || value === "") return fallback;
  // "/x" only: not "//evil.example", not "/\evil.example" (browsers read \ as /), no
  // control characters (a tab or newline inside "//" is dropped by URL parsers).
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return fallback;
  // Must still be this site once a browser resolves it.
  const resolved = new URL(value, "http://same.invalid");
  if (resolved.origin !== "http://same.invalid") return fallback;
  return resolved.pathname + resolved.search + resolved.hash;
}
