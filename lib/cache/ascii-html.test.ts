import { describe, expect, it } from "vitest";
import { asciiHtml } from "./ascii-html.cjs";

const decodeReferences = (html: string) => html.replace(/&#x([0-9a-f]+);/g, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));

describe("asciiHtml", () => {
  it("leaves an ASCII page exactly as it was", () => {
    const html = '<p class="a">Referrals down 41% &amp; more</p><script>self.x=1</script>';
    expect(asciiHtml(html)).toBe(html);
  });

  it("writes text and attribute characters as numeric references that decode to the same text", () => {
    const html = '<p title="Before → after">Referrals −41% · reported ’24 😀</p>';
    const out = asciiHtml(html);
    expect(out).toMatch(/^[\x00-\x7f]*$/);
    expect(out).toContain("&#x2212;41%");
    expect(out).toContain("&#x1f600;");
    expect(decodeReferences(out)).toBe(html);
  });

  it("writes script characters as \\u escapes, so the payload evaluates to the same string", () => {
    const payload = 'self.__next_f.push([1,"Referrals −41% → 😀 <b>"])';
    const out = asciiHtml(`<div>x</div><script nonce="n">${payload}</script><p>−</p>`);
    const body = /<script nonce="n">([\s\S]*)<\/script>/.exec(out)![1]!;
    expect(body).toMatch(/^[\x00-\x7f]*$/);
    expect(body).toContain("\\u2212");
    expect(body).toContain("\\ud83d\\ude00");
    const pushed: unknown[] = [];
    new Function("self", body)({ __next_f: pushed });
    expect(pushed).toEqual([[1, "Referrals −41% → 😀 <b>"]]);
    expect(out.endsWith("<p>&#x2212;</p>")).toBe(true);
  });

  it("writes JSON-LD characters as escapes JSON.parse reads back", () => {
    const json = JSON.stringify({ name: "Referrals −41%" });
    const out = asciiHtml(`<script type="application/ld+json">${json}</script>`);
    const body = />([\s\S]*)<\/script>/.exec(out)![1]!;
    expect(JSON.parse(body)).toEqual({ name: "Referrals −41%" });
  });

  it("writes style characters as six-digit CSS escapes, each ended by its own space", () => {
    expect(asciiHtml("<style>.a::before{content:'→ next'}</style>")).toBe("<style>.a::before{content:'\\002192  next'}</style>");
  });

  it("treats a custom element named like script as ordinary HTML", () => {
    expect(asciiHtml("<script-x>é</script-x><p>→</p>")).toBe("<script-x>&#xe9;</script-x><p>&#x2192;</p>");
  });

  it("leaves a page unchanged where an escape could change what the browser reads", () => {
    // HTML maps &#x92; to ’ (Windows-1252), not to U+0092.
    const c1 = "<p>it\u0092s → here</p>";
    expect(asciiHtml(c1)).toBe(c1);
    // A text/plain script is read literally: \u2192 would show as six characters.
    const plain = '<script type="text/plain">→</script><p>→</p>';
    expect(asciiHtml(plain)).toBe(plain);
    // data-type is not the script's type.
    expect(asciiHtml('<script data-type="x">"→"</script>')).toBe('<script data-type="x">"\\u2192"</script>');
    // A character in a script's start tag has no escape there.
    const startTag = '<script data-label="Before → after">1</script>';
    expect(asciiHtml(startTag)).toBe(startTag);
  });
});
