// Any other address under /api/v1: a 404 problem document, not an HTML page.
export { unknownAddress as GET, unknownAddress as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
