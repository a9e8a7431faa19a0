// More server instances beside the one Playwright starts, as separate
// machines would run them (own process, own port, own memory), sharing the
// test database and, when given, one Redis started here for the test.
import { spawn, type ChildProcess } from "node:child_process";
import net from "node:net";
import path from "node:path";

const ROOT = path.resolve(__dirname, "..", "..");

export function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The first free port from `start` on (tests on one machine pick from their own range via E2E_PORT). */
export async function freePort(start: number): Promise<number> {
  for (let port = start; port < start + 200; port++) if (await portIsFree(port)) return port;
  throw new Error(`no free port from ${start}`);
}

async function waitForPort(port: number, timeoutMs: number, child: ChildProcess): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the process for port ${port} exited (${child.exitCode})`);
    if (!(await portIsFree(port))) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`nothing listened on ${port} within ${timeoutMs} ms`);
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill(signal);
  });
}

export interface RedisServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  start(): Promise<void>;
}

/** A redis-server of the test's own (keeps nothing on disk). */
export async function startRedis(port: number): Promise<RedisServer> {
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: "ignore" });
    await waitForPort(port, 10_000, child);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: async () => {
      if (child) await stopChild(child, "SIGKILL");
      child = null;
    },
  };
}

export interface Instance {
  baseURL: string;
  port: number;
  output: () => string;
  /** Sends the signal and resolves when the server has exited, with its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** `node scripts/serve.mjs` on `port`, with the same build and database as the main server. */
export async function startInstance(port: number, env: Record<string, string | undefined>): Promise<Instance> {
  const baseURL = `http://localhost:${port}`;
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs"), "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, WEB_CONCURRENCY: "1", BETTER_AUTH_URL: baseURL, NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  await waitForPort(port, 60_000, child);
  return {
    baseURL,
    port,
    output: () => output,
    stop: async (signal = "SIGTERM") => {
      await stopChild(child, signal);
      return child.exitCode;
    },
  };
}
