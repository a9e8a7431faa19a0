import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { inlineScriptHashes, withInlineScriptPolicy } from "./inline-script-policy.cjs";

const sha = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;

describe("inline script policy", () => {
  const page =
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"/><script src="/_next/static/a.js" async=""></script></head>' +
    "<body><p>Assessments down 64%</p><script>(self.__next_f=self.__next_f||[]).push([0])</script>" +
    '<script>self.__next_f.push([1,"caf\\u00e9 \u2212 41%"])</script>' +
    '<script type="application/ld+json">{"@type":"Dataset"}</script>' +
    "<script>(self.__next_f=self.__next_f||[]).push([0])</script></body></html>";

  it("hashes each distinct framework script over its UTF-8 bytes; not scripts loaded by src, nor data blocks", () => {
    expect(inlineScriptHashes(page)).toEqual([
      sha("(self.__next_f=self.__next_f||[]).push([0])"),
      sha('self.__next_f.push([1,"caf\\u00e9 \u2212 41%"])'),
    ]);
  });

  it("hashes Turbopack's chunk list", () => {
    const turbopack =
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[494553]});';
    expect(inlineScriptHashes(`<script id="_R_">${turbopack}</script>`)).toEqual([sha(turbopack)]);
  });

  it("hashes React's streaming runtime: its own code, then calls with plain strings", () => {
    const react = ["requestAnimationFrame(function(){$RT=performance.now()});", '$RC("B:0","S:0")', '$RS("S:1","P:1");$RC("B:1","S:1")'];
    for (const text of react) expect(inlineScriptHashes(`<script>${text}</script>`), text).toEqual([sha(text)]);
  });

  it("gives no hash to a script that is not the framework's, even one dressed as it", () => {
    const injected = [
      "alert(document.cookie)",
      'self.__next_f.push([1,"x"]);alert(1);self.__next_f.push([1])',
      "self.__next_f.push(alert(1))",
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push(fetch("//evil"));',
      '$RC=function(){fetch("//evil")};$RC("B:0","S:0")',
      '$RC("B:0",alert(1))',
      "requestAnimationFrame(function(){$RT=performance.now()});alert(1)",
    ];
    for (const text of injected) expect(inlineScriptHashes(`<script>${text}</script>`), text).toEqual([]);
    // So a page carrying one allows only its own scripts.
    const out = withInlineScriptPolicy(page.replace("<body>", "<body><script>alert(document.cookie)</script>"));
    expect(out).not.toContain(sha("alert(document.cookie)"));
    expect(out).toContain(sha("(self.__next_f=self.__next_f||[]).push([0])"));
  });

  it("puts the policy at the start of <head>, after its charset, before any script", () => {
    const out = withInlineScriptPolicy(page);
    const meta = /<head><meta charset="utf-8"\/><meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(out);
    expect(meta).not.toBeNull();
    expect(meta![1]).toBe(`script-src 'self' ${inlineScriptHashes(page).join(" ")}`);
    expect(meta![1]).not.toContain("unsafe-inline");
    expect(out.indexOf("<meta http-equiv")).toBeLessThan(out.indexOf("<script"));
    // Nothing else changes.
    expect(out.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]+">/, "")).toBe(page);
  });

  it("a page with no inline script allows only this site's script files", () => {
    expect(withInlineScriptPolicy("<html><head><title>x</title></head><body></body></html>")).toContain(
      `<meta http-equiv="Content-Security-Policy" content="script-src 'self'">`,
    );
  });

  it("leaves a document without <head> as it was", () => {
    expect(withInlineScriptPolicy("<p>not a page</p>")).toBe("<p>not a page</p>");
    // <header> is not <head>.
    expect(withInlineScriptPolicy("<header>x</header>")).toBe("<header>x</header>");
  });
});
