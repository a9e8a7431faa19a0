// A CSV file's bytes → text, with its encoding worked out rather than assumed
// (issue 19: a Latin-1 file from Excel's plain "CSV" on Windows was stored as
// "Caf�" without a word). UTF-8, with or without a byte-order mark, is read
// as it is; UTF-16 with a byte-order mark (Excel's "Unicode text") is read
// and said; anything else that is valid Windows-1252 (the superset of
// Latin-1 that Excel writes) is converted and said, so the preview shows the
// result and the analyst can check it; a file that is none of these is
// refused with a message. Pure: TextDecoder is part of the language runtime.

export type CsvEncoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

export type DecodedCsv =
  | {
      ok: true;
      text: string;
      encoding: CsvEncoding;
      /** Said above the preview when the file was not plain UTF-8. */
      notice: string | null;
    }
  | { ok: false; message: string };

// Bytes Windows-1252 leaves undefined: a file holding them is not text in that encoding either.
const UNDEFINED_IN_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

export function decodeCsvBytes(bytes: Uint8Array): DecodedCsv {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return {
      ok: false,
      message:
        "This is an Excel workbook (.xlsx), not a CSV file: in Excel choose File › Save As › “CSV UTF-8 (comma delimited)” and upload that.",
    };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decodeStrict("utf-8", bytes.subarray(3));
    if (text === null) return unreadable();
    return { ok: true, text, encoding: "utf-8", notice: null };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding = bytes[0] === 0xff ? "utf-16le" : "utf-16be";
    const text = decodeStrict(encoding, bytes.subarray(2));
    if (text === null) return unreadable();
    return { ok: true, text, encoding, notice: "The file was read as UTF-16 (Excel's “Unicode text”): check the names in the preview." };
  }
  const utf8 = decodeStrict("utf-8", bytes);
  if (utf8 !== null) return { ok: true, text: utf8, encoding: "utf-8", notice: null };
  if (bytes.some((b) => UNDEFINED_IN_1252.has(b) || b === 0)) return unreadable();
  const text = decodeWindows1252(bytes);
  return {
    ok: true,
    text,
    encoding: "windows-1252",
    notice:
      "The file is not UTF-8, so it was read as Windows-1252 (Latin-1), the encoding of Excel's plain “CSV” on Windows. Check that accented letters and symbols such as “é” and “£” look right in the preview; to be sure, save the file as “CSV UTF-8 (comma delimited)”.",
  };
}

// 0x80–0x9F in Windows-1252 (undefined bytes are refused before this is used). Spelled
// out because Node's TextDecoder reads the "windows-1252" label as ISO-8859-1,
// which turns “ ” ’ – € into invisible control characters.
const HIGH_1252 =
  "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f" +
  "\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178";

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    out += String.fromCharCode(...chunk.map((b) => b)).replace(/[\u0080-\u009f]/g, (c) => HIGH_1252[c.charCodeAt(0) - 0x80]!);
  }
  return out;
}

function decodeStrict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function unreadable(): DecodedCsv {
  return {
    ok: false,
    message:
      "The file's characters cannot be read as UTF-8 or Windows-1252: it may not be a text file. Save it from the spreadsheet as “CSV UTF-8 (comma delimited)” and upload it again.",
  };
}
