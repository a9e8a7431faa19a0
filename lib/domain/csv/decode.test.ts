import { describe, expect, it } from "vitest";
import { decodeCsvBytes } from "./decode";

const utf8 = (s: string) => new TextEncoder().encode(s);
/** Latin-1 / Windows-1252 bytes for the characters used here. */
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => ({ "£": 0xa3, é: 0xe9, "’": 0x92, "–": 0x96 })[c] ?? c.charCodeAt(0)));

describe("decodeCsvBytes", () => {
  it("reads UTF-8 as it is, with no notice", () => {
    expect(decodeCsvBytes(utf8("case_title\nCafé £5"))).toEqual({ ok: true, text: "case_title\nCafé £5", encoding: "utf-8", notice: null });
  });

  it("drops a UTF-8 byte-order mark", () => {
    const r = decodeCsvBytes(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("a,b\nCafé,1")]));
    expect(r).toMatchObject({ ok: true, text: "a,b\nCafé,1", encoding: "utf-8", notice: null });
  });

  it("converts Windows-1252 (Excel's plain CSV) and says so", () => {
    const r = decodeCsvBytes(latin1("case_title\nCafé – Leeds’ £5"));
    expect(r).toMatchObject({ ok: true, text: "case_title\nCafé – Leeds’ £5", encoding: "windows-1252" });
    expect(r.ok && r.notice).toMatch(/read as Windows-1252/);
  });

  it("reads UTF-16 with a byte-order mark and says so", () => {
    const body = "a,b\nCafé,1";
    const bytes = new Uint8Array(2 + body.length * 2);
    bytes.set([0xff, 0xfe]);
    [...body].forEach((c, i) => {
      bytes[2 + i * 2] = c.charCodeAt(0) & 0xff;
      bytes[3 + i * 2] = c.charCodeAt(0) >> 8;
    });
    const r = decodeCsvBytes(bytes);
    expect(r).toMatchObject({ ok: true, text: body, encoding: "utf-16le" });
  });

  it("refuses what is neither", () => {
    expect(decodeCsvBytes(Uint8Array.from([0x61, 0x81, 0x62]))).toMatchObject({ ok: false });
    expect(decodeCsvBytes(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Excel workbook/),
    });
    expect(decodeCsvBytes(Uint8Array.from([0x61, 0x00, 0xe9]))).toMatchObject({ ok: false });
  });
});
