// PUT /api/v1/drafts/<id>/measures/<measureId>/series: upload a series with an API token (modules/api).
export { putSeries as PUT } from "@/modules/api/routes/draft-routes";
