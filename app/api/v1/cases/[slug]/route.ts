// GET /api/v1/cases/<slug>: a case's live published version (modules/api).
export { getCase as GET, getCase as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
