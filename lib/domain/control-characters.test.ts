import { describe, expect, it } from "vitest";
import { findControlCharacter, stripControlCharacters } from "./control-characters";

describe("control characters", () => {
  it("finds NUL, escape, DEL, C1 controls and broken surrogates", () => {
    expect(findControlCharacter("Caf\u0000é")).toBe("U+0000");
    expect(findControlCharacter("a\u001bb")).toBe("U+001B");
    expect(findControlCharacter("a\u007f")).toBe("U+007F");
    expect(findControlCharacter("a\u0085")).toBe("U+0085");
    expect(findControlCharacter("a\ud800b")).toBe("U+D800");
    expect(findControlCharacter("\udc00")).toBe("U+DC00");
  });

  it("leaves ordinary text alone: tabs, line breaks, accents, emoji", () => {
    expect(findControlCharacter("Café\tline\r\nnext — “quoted” 😀 £")).toBeNull();
  });

  it("strips them where that is harmless", () => {
    expect(stripControlCharacters("fail\u0000ure\u0007 demand")).toBe("failure demand");
  });
});
