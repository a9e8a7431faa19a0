// A fingerprint of everything a production build is made from, so `npm start`
// can tell that the build in .next is older than the sources (after a `git
// pull`, say) and rebuild instead of serving old code. A content hash rather
// than the git commit: a download without git, or uncommitted edits, count too.
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const INPUTS = [
  "app",
  "components",
  "modules",
  "lib",
  "prisma/schema.prisma",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.js",
  "package-lock.json",
  "postcss.config.mjs",
  "tsconfig.json",
];
const SKIP = new Set(["generated", "node_modules"]);
const SOURCE = /\.(tsx?|jsx?|cjs|mjs|css|json|prisma|svg|png|ico|webmanifest)$/;

function walk(root, rel, out) {
  const full = path.join(root, rel);
  let stat;
  try {
    stat = fs.statSync(full);
  } catch {
    return; // an optional input that does not exist
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) if (!SKIP.has(name)) walk(root, path.join(rel, name), out);
  } else if (SOURCE.test(rel) && !/\.test\.ts$/.test(rel)) {
    out.push(rel);
  }
}

/** A hex digest of the build's input files (paths and contents). Tests are left out: they are not built. */
export function sourceFingerprint(root) {
  const files = [];
  for (const input of INPUTS) walk(root, input, files);
  const hash = createHash("sha256");
  for (const rel of files) {
    hash.update(rel.split(path.sep).join("/"));
    hash.update("\0");
    hash.update(fs.readFileSync(path.join(root, rel)));
    hash.update("\0");
  }
  return hash.digest("hex");
}

export const FINGERPRINT_FILE = "source-fingerprint";

/** The fingerprint recorded beside a build, or null. */
export function readBuildFingerprint(distDir) {
  try {
    return fs.readFileSync(path.join(distDir, FINGERPRINT_FILE), "utf8").trim();
  } catch {
    return null;
  }
}

export function writeBuildFingerprint(distDir, fingerprint) {
  fs.writeFileSync(path.join(distDir, FINGERPRINT_FILE), `${fingerprint}\n`);
}
