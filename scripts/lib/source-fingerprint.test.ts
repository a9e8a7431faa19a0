import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readBuildFingerprint, sourceFingerprint, writeBuildFingerprint } from "./source-fingerprint.mjs";

function project(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "rm-fingerprint-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  }
  return root;
}

describe("sourceFingerprint (npm start rebuilds when the sources changed)", () => {
  it("is the same for the same sources and changes with any source file", () => {
    const root = project({ "app/page.tsx": "export default 1", "lib/a.ts": "x", "package-lock.json": "{}" });
    const first = sourceFingerprint(root);
    expect(sourceFingerprint(root)).toBe(first);
    fs.writeFileSync(path.join(root, "lib/a.ts"), "y");
    expect(sourceFingerprint(root)).not.toBe(first);
    fs.writeFileSync(path.join(root, "lib/a.ts"), "x");
    expect(sourceFingerprint(root)).toBe(first);
    fs.mkdirSync(path.join(root, "app/new"));
    fs.writeFileSync(path.join(root, "app/new/page.tsx"), "export default 2");
    expect(sourceFingerprint(root)).not.toBe(first);
  });

  it("ignores tests and generated code, which are not built", () => {
    const root = project({ "lib/a.ts": "x" });
    const first = sourceFingerprint(root);
    fs.writeFileSync(path.join(root, "lib/a.test.ts"), "test");
    fs.mkdirSync(path.join(root, "lib/generated"));
    fs.writeFileSync(path.join(root, "lib/generated/client.ts"), "generated");
    expect(sourceFingerprint(root)).toBe(first);
  });

  it("is recorded beside a build and read back", () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), "rm-dist-"));
    expect(readBuildFingerprint(dist)).toBeNull();
    writeBuildFingerprint(dist, "abc");
    expect(readBuildFingerprint(dist)).toBe("abc");
  });
});
