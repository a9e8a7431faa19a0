// The rule for a new password: 12 to 128 characters (lib/schemas/user.ts) and not a
// common one. The list is zxcvbn-ts's 49,000 most common passwords from breaches
// (@zxcvbn-ts/language-common), shipped with the app: no request leaves the server.
// Server side only (actions and scripts): the list is ~400 kB, too big for a page.
import { dictionary } from "@zxcvbn-ts/language-common";

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  common ??= new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  return common;
}

export const COMMON_PASSWORD_MESSAGE =
  "This password is on a list of common passwords that attackers try first: choose another (a few unrelated words work well)";

/**
 * True for a password on the list, or one that is a listed password with digits or
 * symbols around it ("Password2024!", "123qwerty123"), or one character repeated.
 */
export function isCommonPassword(password: string): boolean {
  const lower = password.normalize("NFKC").toLowerCase();
  const list = commonPasswords();
  if (list.has(lower)) return true;
  if (/^(.)\1*$/u.test(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  return core.length >= 4 && list.has(core);
}
