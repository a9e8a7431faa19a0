// GET /api/v1/cases: published cases, filtered and paged (modules/api).
export { listCases as GET, listCases as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
