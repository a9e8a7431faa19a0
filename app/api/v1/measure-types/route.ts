// GET /api/v1/measure-types: the measure-type library (modules/api).
export { listMeasureTypes as GET, listMeasureTypes as HEAD, preflight as OPTIONS } from "@/modules/api/routes/public-routes";
