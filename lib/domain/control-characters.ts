// Characters that no free text should hold: the C0 controls but tab and line
// breaks, DEL, the C1 controls, and halves of a broken surrogate pair.
// PostgreSQL refuses NUL outright (a 500 if it reaches the database); the
// others are invisible, break exports and are almost always pasted by mistake.
// Pure: no framework or database imports.

const CONTROL =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const CONTROL_G = new RegExp(CONTROL.source, "g");

export const CONTROL_CHARACTER_MESSAGE =
  "This text contains an invisible control character (such as U+0000) that cannot be stored: delete it and type the text again, or paste it as plain text";

/** The first control character as "U+0000", or null when there is none. */
export function findControlCharacter(text: string): string | null {
  const m = CONTROL.exec(text);
  if (!m) return null;
  return `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** The text without control characters, for input where dropping them is harmless (search words). */
export function stripControlCharacters(text: string): string {
  return text.replace(CONTROL_G, "");
}
