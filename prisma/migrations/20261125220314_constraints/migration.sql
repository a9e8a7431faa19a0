-- Rules Prisma's schema language cannot express: CHECK constraints and the
-- "published versions are frozen" triggers. Prisma's diff ignores both, so
-- later generated migrations leave them alone. They are mirrored by the zod
-- schemas in the application.
--
-- Enum columns are compared as text (unit::text = 'percent'): if Prisma later
-- recreates an enum type (it does when a value is removed), a constraint that
-- holds a literal of the old type would block the column's type change.

-- measure --------------------------------------------------------------------

ALTER TABLE "measure"
  ADD CONSTRAINT "measure_has_a_figure_check"
    CHECK ("before_value" IS NOT NULL OR "after_value" IS NOT NULL OR "reported_change" IS NOT NULL),
  ADD CONSTRAINT "measure_percent_range_check"
    CHECK ("unit"::text <> 'percent'
           OR (("before_value" IS NULL OR "before_value" BETWEEN 0 AND 100)
               AND ("after_value" IS NULL OR "after_value" BETWEEN 0 AND 100))),
  ADD CONSTRAINT "measure_percentage_points_range_check"
    CHECK ("unit"::text <> 'percent'
           OR "reported_change_basis"::text <> 'percentage_points'
           OR "reported_change" IS NULL
           OR "reported_change" BETWEEN -100 AND 100),
  ADD CONSTRAINT "measure_rate_basis_check"
    CHECK ("unit"::text <> 'rate' OR btrim(coalesce("rate_basis", '')) <> ''),
  ADD CONSTRAINT "measure_sample_size_check"
    CHECK ("sample_size" IS NULL OR "sample_size" > 0),
  ADD CONSTRAINT "measure_label_check"
    CHECK (btrim("label") <> '');

-- case_version ---------------------------------------------------------------

ALTER TABLE "case_version"
  ADD CONSTRAINT "case_version_evidence_level_check"
    CHECK ("evidence_level" BETWEEN 1 AND 5),
  ADD CONSTRAINT "case_version_title_check"
    CHECK (btrim("title") <> ''),
  ADD CONSTRAINT "case_version_number_check"
    CHECK ("number" IS NULL OR "number" > 0),
  -- A version is numbered exactly when it is published.
  ADD CONSTRAINT "case_version_number_iff_published_check"
    CHECK (("number" IS NULL) = ("published_at" IS NULL));

-- case_study -----------------------------------------------------------------

ALTER TABLE "case_study"
  ADD CONSTRAINT "case_study_slug_check"
    CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "case_study_revision_check"
    CHECK ("revision" >= 1);

-- Published versions are frozen ----------------------------------------------
--
-- Publishing = setting number and published_at on a version whose measures
-- and observations are already written (in the same transaction is fine: the
-- checks run row by row, before each change). After that:
--   * the case_version row cannot be updated, except for the one change the
--     database itself makes when the publishing user is deleted
--     (published_by_id ON DELETE SET NULL);
--   * its measures and observations cannot be inserted, updated or deleted.
-- Deleting a version (directly, or by cascade when its case_study is deleted)
-- still works: the cascade deletes the children *after* the version row is
-- gone, and a child whose version no longer exists is not protected.
-- Errors use SQLSTATE 55000 (object_not_in_prerequisite_state).

CREATE FUNCTION "case_version_frozen_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  probe "case_version";
BEGIN
  probe := NEW;
  probe."published_by_id" := OLD."published_by_id";
  IF NEW."published_by_id" IS NULL AND probe IS NOT DISTINCT FROM OLD THEN
    RETURN NEW; -- only published_by_id cleared: the user was deleted
  END IF;
  RAISE EXCEPTION 'case_version % is published and cannot be changed', OLD."id"
    USING ERRCODE = '55000', HINT = 'Edit a new draft version instead.';
END
$$;

CREATE TRIGGER "case_version_frozen"
  BEFORE UPDATE ON "case_version"
  FOR EACH ROW
  WHEN (OLD."published_at" IS NOT NULL)
  EXECUTE FUNCTION "case_version_frozen_guard"();

CREATE FUNCTION "measure_frozen_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  -- Checks both the old and the new parent, so a measure cannot be moved
  -- out of, or into, a published version either.
  IF (TG_OP <> 'INSERT' AND EXISTS (
        SELECT 1 FROM "case_version" v
        WHERE v."id" = OLD."case_version_id" AND v."published_at" IS NOT NULL))
  OR (TG_OP <> 'DELETE' AND EXISTS (
        SELECT 1 FROM "case_version" v
        WHERE v."id" = NEW."case_version_id" AND v."published_at" IS NOT NULL))
  THEN
    RAISE EXCEPTION 'measures of a published case_version cannot be changed'
      USING ERRCODE = '55000', HINT = 'Edit a new draft version instead.';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "measure_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "measure"
  FOR EACH ROW EXECUTE FUNCTION "measure_frozen_guard"();

CREATE FUNCTION "observation_frozen_guard"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF (TG_OP <> 'INSERT' AND EXISTS (
        SELECT 1 FROM "measure" m JOIN "case_version" v ON v."id" = m."case_version_id"
        WHERE m."id" = OLD."measure_id" AND v."published_at" IS NOT NULL))
  OR (TG_OP <> 'DELETE' AND EXISTS (
        SELECT 1 FROM "measure" m JOIN "case_version" v ON v."id" = m."case_version_id"
        WHERE m."id" = NEW."measure_id" AND v."published_at" IS NOT NULL))
  THEN
    RAISE EXCEPTION 'observations of a published case_version cannot be changed'
      USING ERRCODE = '55000', HINT = 'Edit a new draft version instead.';
  END IF;
  IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
  RETURN NEW;
END
$$;

CREATE TRIGGER "observation_frozen"
  BEFORE INSERT OR UPDATE OR DELETE ON "observation"
  FOR EACH ROW EXECUTE FUNCTION "observation_frozen_guard"();
