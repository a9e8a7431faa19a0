#!/usr/bin/env node
// `npm audit --omit=dev` for CI: fails on any high or critical advisory in the packages
// the app runs with, unless it is listed, with a reason, in .ci/audit-exceptions.json
// ({ "GHSA-xxxx-xxxx-xxxx": "why it does not apply here; review by YYYY-MM-DD" }).
// When the registry's advisory service cannot be reached (some mirrors answer 405), it
// says so and passes, unless AUDIT_REQUIRED=1, where that is a failure too.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const BLOCKING = new Set(["high", "critical"]);

/** The advisories that fail the build: high or critical, not excepted. Pure, for the test. */
export function blockingAdvisories(report, exceptions = {}) {
  const found = new Map();
  for (const [pkg, vulnerability] of Object.entries(report?.vulnerabilities ?? {})) {
    for (const via of vulnerability.via ?? []) {
      // A string names another vulnerable package through which this one is affected.
      if (typeof via !== "object" || !BLOCKING.has(via.severity)) continue;
      const id = /GHSA-[\w-]+/.exec(via.url ?? "")?.[0] ?? `${via.name ?? pkg}:${via.source}`;
      if (exceptions[id]) continue;
      found.set(id, { id, package: via.name ?? pkg, severity: via.severity, title: via.title ?? "", url: via.url ?? "" });
    }
  }
  return [...found.values()];
}

function main() {
  const exceptionsFile = path.join(ROOT, ".ci", "audit-exceptions.json");
  const exceptions = fs.existsSync(exceptionsFile) ? JSON.parse(fs.readFileSync(exceptionsFile, "utf8")) : {};
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const run = spawnSync(npm, ["audit", "--omit=dev", "--json"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = null;
  }
  if (!report?.vulnerabilities) {
    const why = report?.message ?? report?.error?.summary ?? (run.stderr.trim().split("\n").at(-1) || "no answer");
    const message = `audit: the advisory service could not be reached (${why}); dependencies were NOT checked.`;
    if (process.env.AUDIT_REQUIRED === "1") {
      console.error(message);
      process.exit(1);
    }
    console.warn(`${message} Set AUDIT_REQUIRED=1 to make this a failure.`);
    return;
  }
  const blocking = blockingAdvisories(report, exceptions);
  const counts = report.metadata?.vulnerabilities ?? {};
  console.log(`audit: runtime dependencies: ${JSON.stringify(counts)}; ${Object.keys(exceptions).length} documented exception(s).`);
  if (blocking.length) {
    for (const a of blocking) console.error(`audit: ${a.severity} ${a.package}: ${a.title} ${a.url}`);
    console.error("audit: upgrade these, or document why one does not apply in .ci/audit-exceptions.json.");
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
