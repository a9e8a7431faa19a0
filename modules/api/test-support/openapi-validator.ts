// For the integration tests: checks an API Response against the OpenAPI
// document the app serves (JSON Schema draft 2020-12, as OpenAPI 3.1 uses).
// Each operation's response schema is compiled with the document's components
// beside it, so its "#/components/schemas/…" references resolve.
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

type Json = Record<string, unknown>;

export interface ResponseCheck {
  status: number;
  contentType: string;
  body: unknown;
  errors: string[];
}

export function makeResponseValidator(doc: Json) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  (addFormats as unknown as (a: Ajv2020) => void)(ajv);
  const components = doc.components as Json;
  const cache = new Map<string, ReturnType<typeof ajv.compile>>();

  function schemaFor(pathTemplate: string, method: string, status: number, contentType: string) {
    const key = `${method} ${pathTemplate} ${status} ${contentType}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const operation = ((doc.paths as Json)[pathTemplate] as Json | undefined)?.[method] as Json | undefined;
    if (!operation) throw new Error(`The OpenAPI document has no ${method.toUpperCase()} ${pathTemplate}`);
    const response = (operation.responses as Json)[String(status)] as Json | undefined;
    if (!response) throw new Error(`The OpenAPI document has no ${status} answer for ${method.toUpperCase()} ${pathTemplate}`);
    const content = response.content as Json | undefined;
    const schema = content?.[contentType] ? ((content[contentType] as Json).schema as Json) : null;
    if (!schema)
      throw new Error(`The OpenAPI document has no ${contentType} body for ${status} of ${method.toUpperCase()} ${pathTemplate}`);
    const validate = ajv.compile({ ...schema, components });
    cache.set(key, validate);
    return validate;
  }

  /** Reads the response, checks it against the document, and returns what it found. A 304 must have no body. */
  return async function check(pathTemplate: string, method: string, response: Response): Promise<ResponseCheck> {
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const text = await response.text();
    if (response.status === 304) {
      const documented = ((doc.paths as Json)[pathTemplate] as Json)?.[method] as Json;
      const errors = (documented.responses as Json)["304"] ? [] : ["304 is not documented"];
      if (text !== "") errors.push("a 304 has a body");
      return { status: 304, contentType, body: null, errors };
    }
    const body = text ? JSON.parse(text) : null;
    const validate = schemaFor(pathTemplate, method.toLowerCase(), response.status, contentType);
    const ok = validate(body);
    const errors = ok ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || "(root)"} ${e.message}`);
    return { status: response.status, contentType, body, errors };
  };
}
