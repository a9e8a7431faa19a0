// GET /api/v1/figures/<id>: one published figure, citable (modules/api).
export { getFigure as GET, getFigure as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
