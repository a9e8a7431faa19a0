// The browser tests run the production server with two worker processes
// (playwright.config.ts, scripts/serve.mjs), each with a cache of its own.
// The cluster hands every new connection to the next worker in turn, so a few
// requests over fresh connections reach each of them.
import http from "node:http";

export async function getOverFreshConnections(baseURL: string, path: string, times = 6): Promise<Array<{ status: number; body: string }>> {
  const answers: Array<{ status: number; body: string }> = [];
  for (let i = 0; i < times; i++) {
    answers.push(
      await new Promise((resolve, reject) => {
        // agent: false: a new connection for each request.
        http
          .get(new URL(path, baseURL), { agent: false }, (res) => {
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (body += chunk));
            res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on("error", reject);
      }),
    );
  }
  return answers;
}
