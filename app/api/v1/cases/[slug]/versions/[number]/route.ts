// GET /api/v1/cases/<slug>/versions/<n>: one frozen version (modules/api).
export { getVersion as GET, getVersion as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
