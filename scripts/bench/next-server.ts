// Shared by the benches: a free port, and `next start` of the bench build on a
// database of the bench's own, ready once it answers.
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export async function freePort(start: number, tries = 100): Promise<number> {
  for (let p = start; p < start + tries; p++) {
    const ok = await new Promise<boolean>((resolve) => {
      const s = net.createServer().once("error", () => resolve(false));
      s.listen(p, () => s.close(() => resolve(true)));
    });
    if (ok) return p;
  }
  throw new Error(`no free port from ${start}`);
}

export async function startNextServer({ databaseUrl, port, distDir }: { databaseUrl: string; port: number; distDir: string }): Promise<ChildProcess> {
  const nextBin = createRequire(__filename).resolve("next/dist/bin/next");
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-000",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/robots.txt`)).status < 500) return child;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill();
  throw new Error("next start did not come up");
}
