// POST /api/v1/drafts: a script creates a draft case with an API token (modules/api).
export { createDraft as POST } from "@/modules/api/routes/draft-routes";
