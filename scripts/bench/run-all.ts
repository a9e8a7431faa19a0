// `npm run bench`: every speed target in one table. Builds the app once into
// its own folder (.next-bench, so a developer's build is untouched), then runs
// each bench in turn; each makes and drops its own database. A bench that
// crashes is reported as a failed row rather than hiding the others.
//   npm run bench                 build, then run everything
//   npm run bench -- --no-build   reuse .next-bench
//   npm run bench -- public spc   only these benches
import { spawnSync } from "node:child_process";
import path from "node:path";
import { printBenchTable, type BenchRow } from "./bench-kit";

const root = path.resolve(__dirname, "../..");
process.env.NEXT_DIST_DIR ||= ".next-bench";
process.env.NEXT_TELEMETRY_DISABLED = "1";

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  import: async () => (await import("./import-bench")).runImportBench(),
  public: async () => (await import("./public-bench")).runPublicBench(),
  api: async () => (await import("./api-bench")).runApiBench(),
  compare: async () => (await import("./compare-bench")).runCompareBench(),
  spc: async () => (await import("./spc-bench")).runSpcBench(),
};

function build() {
  console.log(`bench: building the app into ${process.env.NEXT_DIST_DIR} …`);
  const result = spawnSync("npx", ["next", "build"], { cwd: root, stdio: ["ignore", "ignore", "inherit"], env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
}

async function main() {
  const args = process.argv.slice(2);
  const chosen = args.filter((a) => !a.startsWith("--"));
  const names = chosen.length ? chosen : Object.keys(BENCHES);
  const unknown = names.filter((n) => !BENCHES[n]);
  if (unknown.length) throw new Error(`unknown bench: ${unknown.join(", ")} (choose from ${Object.keys(BENCHES).join(", ")})`);
  if (!args.includes("--no-build")) build();

  const rows: Array<BenchRow & { bench: string }> = [];
  for (const name of names) {
    console.log(`bench: ${name} …`);
    try {
      rows.push(...(await BENCHES[name]!()).map((r) => ({ ...r, bench: name })));
    } catch (error) {
      console.error(`bench: ${name} failed: ${error instanceof Error ? error.message : String(error)}`);
      rows.push({ bench: name, name: "(bench crashed)", value: NaN, unit: "", target: "runs", pass: false });
    }
  }
  printBenchTable(rows);
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
