import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/modules/api/components/api-reference";
import { buildOpenApiDocument } from "@/modules/api/openapi";
import { readSiteUrl } from "@/lib/present/site-url";

export const metadata: Metadata = {
  title: "JSON API",
  description:
    "The open JSON API of published case studies, figures, series, measure types and approaches: endpoints, parameters, examples.",
  alternates: { canonical: "/data/api" },
};

// Rendered per request: the examples and the document carry the site's address (SITE_URL).
export const dynamic = "force-dynamic";

export default function ApiReferencePage() {
  const siteUrl = readSiteUrl();
  const doc = buildOpenApiDocument(siteUrl) as unknown as Record<string, unknown>;
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-3xl font-semibold">JSON API</h1>
      <p>
        Published, frozen case studies as JSON under <code>/api/v1/</code>: the same figures and field names as the{" "}
        <Link href="/data" className="text-improvement underline">
          downloads
        </Link>
        . The machine-readable description is the OpenAPI 3.1 document at{" "}
        <a href="/api/v1/openapi.json" className="text-improvement underline">
          /api/v1/openapi.json
        </a>
        .
      </p>
      <ul className="list-disc space-y-1 pl-6">
        <li>Reading needs no account. Any site may call it from a browser (CORS allows every origin for GET).</li>
        <li>
          Every answer has an <code>ETag</code>: send it back as <code>If-None-Match</code> and an unchanged answer is a 304 with no body.
          Answers may be cached for a minute (<code>Cache-Control</code>).
        </li>
        <li>
          Each figure has a stable id (<code>figure_id</code>). Cite a figure by its anchor on the frozen version&apos;s page,{" "}
          <code>/cases/&lt;slug&gt;/v/&lt;n&gt;#figure-&lt;id&gt;</code>, which <code>/api/v1/figures/&lt;id&gt;</code> gives as{" "}
          <code>cite_as</code>.
        </li>
        <li>Unknown query parameters are refused (400), so a misspelt filter never silently returns everything.</li>
      </ul>
      <ApiReference doc={doc} siteUrl={siteUrl} />
    </div>
  );
}
