// GET and PUT /api/v1/drafts/<id>: read and save a draft with an API token (modules/api).
export { getDraft as GET, updateDraft as PUT } from "@/modules/api/routes/draft-routes";
