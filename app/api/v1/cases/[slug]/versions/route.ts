// GET /api/v1/cases/<slug>/versions: its published versions (modules/api).
export { listVersions as GET, listVersions as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
