-- AlterTable
ALTER TABLE "case_version" ADD COLUMN     "search_document" tsvector;

-- CreateIndex
CREATE INDEX "case_version_search_document_idx" ON "case_version" USING GIN ("search_document");

-- CreateIndex
CREATE INDEX "case_version_published_at_idx" ON "case_version"("published_at");

-- The search document is written once, when a version is published (published
-- versions are frozen, so it never goes stale with the version's own content).
-- It cannot be a GENERATED column: it reads the organisation and the measures,
-- which live in other tables. Weights: title A, organisation and measure
-- labels B, summary C, so a title match ranks first.
CREATE FUNCTION "case_version_search_document"(v "case_version") RETURNS tsvector
LANGUAGE sql STABLE AS $$
  SELECT setweight(to_tsvector('english', coalesce(v."title", '')), 'A')
      || setweight(to_tsvector('english', coalesce((
           SELECT o."name" FROM "case_study" c JOIN "organisation" o ON o."id" = c."organisation_id"
           WHERE c."id" = v."case_study_id"), '')), 'B')
      || setweight(to_tsvector('english', coalesce((
           SELECT string_agg(m."label", ' ') FROM "measure" m WHERE m."case_version_id" = v."id"), '')), 'B')
      || setweight(to_tsvector('english', coalesce(v."summary", '')), 'C')
$$;

CREATE FUNCTION "case_version_search_document_fill"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  NEW."search_document" := "case_version_search_document"(NEW);
  RETURN NEW;
END
$$;

CREATE TRIGGER "case_version_search_document_on_publish"
  BEFORE INSERT OR UPDATE OF "published_at" ON "case_version"
  FOR EACH ROW
  WHEN (NEW."published_at" IS NOT NULL)
  EXECUTE FUNCTION "case_version_search_document_fill"();

-- Backfill versions published before this migration. The frozen guard would
-- refuse the update, so it is switched off for this statement only.
ALTER TABLE "case_version" DISABLE TRIGGER "case_version_frozen";
UPDATE "case_version" SET "search_document" = "case_version_search_document"("case_version")
  WHERE "published_at" IS NOT NULL;
ALTER TABLE "case_version" ENABLE TRIGGER "case_version_frozen";
