// GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the zod schemas (modules/api/openapi.ts).
export { getOpenApiDocument as GET, getOpenApiDocument as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
