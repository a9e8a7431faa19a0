import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { bufferHtmlDocuments } from "./buffer-html.cjs";

let server: http.Server | null = null;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real server whose handler writes as `write` does, behind bufferHtmlDocuments. */
async function serve(write: (res: http.ServerResponse) => void, documents: Array<{ status: number; body: string }> = []) {
  server = http.createServer((_req, res) => {
    bufferHtmlDocuments(res, {
      finish: (html) => html.replace("<head>", "<head><meta name=finished>"),
      onDocument: (status, body) => documents.push({ status, body: body.toString() }),
    });
    write(res);
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
}

describe("bufferHtmlDocuments", () => {
  it("finishes an HTML document written in parts, with headers flushed early, as one body of the right length", async () => {
    const documents: Array<{ status: number; body: string }> = [];
    const url = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.statusCode = 200;
      res.flushHeaders();
      res.write("<html><head>");
      setTimeout(() => {
        res.write(Buffer.from("<title>Caf\u00e9</title></head>"));
        res.end("<body>64% fewer assessments</body></html>");
      }, 20);
    }, documents);
    const response = await fetch(url);
    const body = await response.text();
    expect(body).toBe("<html><head><meta name=finished><title>Caf\u00e9</title></head><body>64% fewer assessments</body></html>");
    expect(Number(response.headers.get("content-length"))).toBe(Buffer.byteLength(body));
    expect(documents).toEqual([{ status: 200, body }]);
  });

  it("reads the type and status given to writeHead", async () => {
    const url = await serve((res) => {
      res.writeHead(404, { "content-type": "text/html" });
      res.end("<html><head></head></html>");
    });
    const response = await fetch(url);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain("<meta name=finished>");
  });

  it("answers HEAD with the headers and no length it cannot know", async () => {
    const documents: Array<{ status: number; body: string }> = [];
    const url = await serve((res) => {
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.setHeader("content-length", "26");
      res.end(null);
    }, documents);
    const response = await fetch(url, { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-length")).toBeNull();
    expect(documents).toEqual([]);
  });

  it("passes anything that is not HTML through untouched, streamed", async () => {
    const documents: Array<{ status: number; body: string }> = [];
    const url = await serve((res) => {
      res.setHeader("content-type", "text/csv");
      res.write("a,b\n<head>\n");
      res.end("1,2\n");
    }, documents);
    const response = await fetch(url);
    expect(await response.text()).toBe("a,b\n<head>\n1,2\n");
    expect(response.headers.get("transfer-encoding")).toBe("chunked");
    expect(documents).toEqual([]);
  });
});
