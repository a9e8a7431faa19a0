// The human-readable API reference (/data/api), rendered on the server from the
// OpenAPI document itself, so it lists exactly what the API does.
import { PROBLEM_TYPES, type ProblemKind } from "../present/problem";

type Json = Record<string, unknown>;
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Json;
}

const METHODS = ["get", "post", "put", "delete"] as const;

function schemaWords(schema: Json | undefined): string {
  if (!schema) return "";
  if (Array.isArray(schema.enum)) return `one of ${(schema.enum as unknown[]).join(", ")}`;
  const parts = [String(schema.type ?? schema.format ?? "")];
  if (schema.format && schema.type) parts.push(`(${String(schema.format)})`);
  if (typeof schema.minimum === "number" || typeof schema.maximum === "number")
    parts.push(`${schema.minimum ?? "…"}–${schema.maximum ?? "…"}`);
  if (schema.default !== undefined) parts.push(`default ${JSON.stringify(schema.default)}`);
  return parts.filter(Boolean).join(" ");
}

function exampleFor(siteUrl: string, path: string, method: string, secured: boolean): string {
  const filled = path
    .replace("{slug}", "integrated-health-and-social-care")
    .replace("{number}", "1")
    .replace("{id}", "<figure_id>")
    .replace("{measureId}", "<measure_id>");
  const query = path === "/api/v1/cases" && method === "get" ? "?sector=health_and_social_care&page_size=10" : "";
  const auth = secured ? ' \\\n  -H "Authorization: Bearer $REFORM_METRICS_TOKEN"' : "";
  const body = method === "post" || method === "put" ? ' \\\n  -H "Content-Type: application/json" --data @body.json' : "";
  return `curl${method === "get" ? "" : ` -X ${method.toUpperCase()}`} "${siteUrl}${filled}${query}"${auth}${body}`;
}

export function ApiReference({ doc, siteUrl }: { doc: Json; siteUrl: string }) {
  const paths = doc.paths as Record<string, Json>;
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) => (item[method] ? [{ path, method, op: item[method] as Json }] : [])),
  );
  return (
    <div className="space-y-8">
      <section aria-labelledby="endpoints-heading" className="space-y-6">
        <h2 id="endpoints-heading" className="text-xl font-semibold">
          Endpoints
        </h2>
        {operations.map(({ path, method, op }) => {
          const parameters = (op.parameters as Parameter[] | undefined) ?? [];
          const secured = Array.isArray(op.security) && op.security.length > 0;
          const responses = Object.entries(op.responses as Record<string, Json>);
          const id = String(op.operationId ?? `${method}-${path}`);
          return (
            <article key={id} id={id} className="space-y-2 border-t border-slate-200 pt-4" aria-labelledby={`${id}-title`}>
              <h3 id={`${id}-title`} className="font-mono text-base font-semibold">
                <span className="mr-2 rounded bg-slate-100 px-1.5 py-0.5">{method.toUpperCase()}</span>
                {path}
              </h3>
              <p className="font-medium">{String(op.summary ?? "")}</p>
              <p>{String(op.description ?? "")}</p>
              {secured && <p className="text-sm">Needs an API token (see “Tokens” below).</p>}
              {parameters.length > 0 && (
                <table className="w-full border-collapse text-left text-sm">
                  <caption className="sr-only">Parameters of {path}</caption>
                  <thead>
                    <tr className="border-b-2 border-slate-300">
                      <th scope="col" className="py-1 pr-3">
                        Parameter
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        In
                      </th>
                      <th scope="col" className="py-1 pr-3">
                        Values
                      </th>
                      <th scope="col" className="py-1">
                        Meaning
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {parameters.map((p) => (
                      <tr key={`${p.in}-${p.name}`} className="border-b border-slate-200 align-top">
                        <th scope="row" className="py-1 pr-3 font-mono font-medium">
                          {p.name}
                          {p.required ? "" : " (optional)"}
                        </th>
                        <td className="py-1 pr-3">{p.in}</td>
                        <td className="py-1 pr-3">{schemaWords(p.schema)}</td>
                        <td className="py-1">{p.description ?? String(p.schema?.description ?? "")}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
              <p className="text-sm">Answers: {responses.map(([status, r]) => `${status} ${String(r.description ?? "")}`).join(" · ")}</p>
              <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-sm">
                <code>{exampleFor(siteUrl, path, method, secured)}</code>
              </pre>
            </article>
          );
        })}
      </section>
      <section aria-labelledby="problems-heading" className="space-y-2">
        <h2 id="problems-heading" className="text-xl font-semibold">
          Errors
        </h2>
        <p>
          Every error is a problem document (RFC 9457, <code>application/problem+json</code>) with <code>type</code>, <code>title</code>,{" "}
          <code>status</code> and <code>detail</code>; a validation error also lists <code>errors</code>, each with the field&apos;s{" "}
          <code>path</code> (and a JSON <code>pointer</code> into the body, or the query <code>parameter</code>) and what is wrong. The{" "}
          <code>type</code> is one of these addresses:
        </p>
        <dl className="space-y-1">
          {(Object.keys(PROBLEM_TYPES) as ProblemKind[]).map((kind) => (
            <div key={kind} id={`problem-${kind}`}>
              <dt className="inline font-mono">
                #problem-{kind} ({PROBLEM_TYPES[kind].status})
              </dt>
              <dd className="ml-2 inline">{PROBLEM_TYPES[kind].title}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
