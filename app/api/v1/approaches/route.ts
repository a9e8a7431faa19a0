// GET /api/v1/approaches: the accepted approaches (modules/api).
export { listApproaches as GET, listApproaches as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
