// GET /api/v1/figures/<id>/series: the series behind a published figure (modules/api).
export { getFigureSeries as GET, getFigureSeries as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
