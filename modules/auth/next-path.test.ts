import { describe, expect, it } from "vitest";
import { safeNextPath } from "./next-path";

describe("safeNextPath", () => {
  it("keeps a path on this site, with its query and fragment", () => {
    expect(safeNextPath("/workspace/cases/abc?tab=measures#m2")).toBe("/workspace/cases/abc?tab=measures#m2");
    expect(safeNextPath("/admin/users")).toBe("/admin/users");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/path",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "javascript:alert(1)",
    "workspace",
    "",
  ])("refuses %j and falls back", (value) => {
    expect(safeNextPath(value)).toBe("/home");
  });

  it("falls back for anything that is not a string", () => {
    expect(safeNextPath(null, "/")).toBe("/");
    expect(safeNextPath(["/a"], "/")).toBe("/");
  });
});
