/*
  Warnings:

  - You are about to drop the column `series_after_mean` on the `measure` table. All the data in the column will be lost.
  - You are about to drop the column `series_before_mean` on the `measure` table. All the data in the column will be lost.

*/
-- CreateEnum
CREATE TYPE "MeasureDesign" AS ENUM ('before_after', 'comparison_group', 'difference_in_differences', 'against_target', 'interrupted_time_series');

-- CreateEnum
CREATE TYPE "ComparisonKind" AS ENUM ('matched_control', 'synthetic_control', 'comparison_site', 'national_trend', 'regional_trend', 'randomised_control', 'other');

-- CreateEnum
CREATE TYPE "FindingDirection" AS ENUM ('improved', 'worsened', 'no_clear_difference', 'unclear');

-- CreateEnum
CREATE TYPE "Outcome" AS ENUM ('improved', 'worsened', 'no_change', 'changed', 'no_clear_difference', 'unknown');

-- CreateEnum
CREATE TYPE "PoolScale" AS ENUM ('pp', 'log');

-- CreateEnum
CREATE TYPE "PoolStatus" AS ENUM ('pooled', 'zero_baseline', 'fell_to_zero', 'not_comparable', 'one_figure', 'small_baseline', 'absolute', 'words');

-- CreateEnum
CREATE TYPE "ApproachStatus" AS ENUM ('accepted', 'proposed');

-- AlterEnum
ALTER TYPE "ChangeBasis" ADD VALUE 'absolute';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MeasureUnit" ADD VALUE 'weeks';
ALTER TYPE "MeasureUnit" ADD VALUE 'months';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "Qualifier" ADD VALUE 'more_than';
ALTER TYPE "Qualifier" ADD VALUE 'less_than';

-- AlterTable
ALTER TABLE "approach" ADD COLUMN     "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "proposed_by_id" TEXT,
ADD COLUMN     "source_citation" TEXT,
ADD COLUMN     "source_url" TEXT,
ADD COLUMN     "status" "ApproachStatus" NOT NULL DEFAULT 'accepted';

-- AlterTable
ALTER TABLE "case_version" ADD COLUMN     "country" TEXT,
ADD COLUMN     "reporting_organisation" TEXT;

-- AlterTable
ALTER TABLE "measure" DROP COLUMN "series_after_mean",
DROP COLUMN "series_before_mean",
ADD COLUMN     "after_words" TEXT,
ADD COLUMN     "before_words" TEXT,
ADD COLUMN     "ci_level" DECIMAL(4,1),
ADD COLUMN     "ci_lower" DECIMAL(20,6),
ADD COLUMN     "ci_upper" DECIMAL(20,6),
ADD COLUMN     "comparison_after" DECIMAL(20,6),
ADD COLUMN     "comparison_before" DECIMAL(20,6),
ADD COLUMN     "comparison_description" TEXT,
ADD COLUMN     "comparison_kind" "ComparisonKind",
ADD COLUMN     "comparison_sample_size" INTEGER,
ADD COLUMN     "design" "MeasureDesign" NOT NULL DEFAULT 'before_after',
ADD COLUMN     "evidence_level" SMALLINT,
ADD COLUMN     "evidence_level_reason" TEXT,
ADD COLUMN     "finding_direction" "FindingDirection",
ADD COLUMN     "modelled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "notes_public" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "p_value" DECIMAL(7,6),
ADD COLUMN     "quote" TEXT,
ADD COLUMN     "reported_change_words" TEXT;

-- CreateTable
CREATE TABLE "measure_figure" (
    "measure_id" UUID NOT NULL,
    "case_version_id" UUID NOT NULL,
    "measure_type_id" UUID,
    "category" "MeasureCategory",
    "approach_id" UUID,
    "sector" "Sector" NOT NULL,
    "design" "MeasureDesign" NOT NULL,
    "evidence_level" SMALLINT NOT NULL,
    "outcome" "Outcome" NOT NULL,
    "headline_before" DOUBLE PRECISION,
    "headline_after" DOUBLE PRECISION,
    "from_series" BOOLEAN NOT NULL DEFAULT false,
    "reported_only" BOOLEAN NOT NULL,
    "has_interval" BOOLEAN NOT NULL,
    "pool_scale" "PoolScale" NOT NULL,
    "pool_status" "PoolStatus" NOT NULL,
    "pool_value" DOUBLE PRECISION,
    "pool_lower" DOUBLE PRECISION,
    "pool_upper" DOUBLE PRECISION,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "measure_figure_pkey" PRIMARY KEY ("measure_id")
);

-- CreateTable
CREATE TABLE "measure_figure_detail" (
    "measure_id" UUID NOT NULL,
    "detail" JSONB NOT NULL,

    CONSTRAINT "measure_figure_detail_pkey" PRIMARY KEY ("measure_id")
);

-- CreateIndex
CREATE INDEX "measure_figure_case_version_id_idx" ON "measure_figure"("case_version_id");

-- CreateIndex
CREATE INDEX "measure_figure_measure_type_id_pool_status_idx" ON "measure_figure"("measure_type_id", "pool_status");

-- CreateIndex
CREATE INDEX "measure_figure_approach_id_category_idx" ON "measure_figure"("approach_id", "category");

-- AddForeignKey
ALTER TABLE "approach" ADD CONSTRAINT "approach_proposed_by_id_fkey" FOREIGN KEY ("proposed_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_figure" ADD CONSTRAINT "measure_figure_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_figure" ADD CONSTRAINT "measure_figure_case_version_id_fkey" FOREIGN KEY ("case_version_id") REFERENCES "case_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_figure" ADD CONSTRAINT "measure_figure_measure_type_id_fkey" FOREIGN KEY ("measure_type_id") REFERENCES "measure_type"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_figure_detail" ADD CONSTRAINT "measure_figure_detail_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure_figure"("measure_id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure_figure" ADD CONSTRAINT "measure_figure_approach_id_fkey" FOREIGN KEY ("approach_id") REFERENCES "approach"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- ---- Rules Prisma cannot express, mirrored by lib/schemas/measure.ts ----------
-- Enums are compared as text: a value added above cannot be used as an enum
-- literal in the same transaction, and text comparisons survive a later
-- recreation of the type.

-- A measure needs at least one number, or is a finding in words with its
-- direction and the source's sentence.
ALTER TABLE "measure" DROP CONSTRAINT "measure_has_a_figure_check";
ALTER TABLE "measure"
  ADD CONSTRAINT "measure_has_a_figure_check"
    CHECK ("before_value" IS NOT NULL OR "after_value" IS NOT NULL OR "reported_change" IS NOT NULL
           OR "comparison_before" IS NOT NULL OR "comparison_after" IS NOT NULL
           OR ("finding_direction" IS NOT NULL AND btrim(coalesce("quote", '')) <> '')),
  ADD CONSTRAINT "measure_interval_check"
    CHECK (("ci_lower" IS NULL) = ("ci_upper" IS NULL)
           AND ("ci_lower" IS NULL OR ("reported_change" IS NOT NULL
                AND "ci_lower" <= "reported_change" AND "reported_change" <= "ci_upper"))
           AND ("ci_level" IS NULL OR ("ci_lower" IS NOT NULL AND "ci_level" BETWEEN 50 AND 99.9))),
  ADD CONSTRAINT "measure_p_value_check"
    CHECK ("p_value" IS NULL OR "p_value" BETWEEN 0 AND 1),
  ADD CONSTRAINT "measure_comparison_sample_size_check"
    CHECK ("comparison_sample_size" IS NULL OR "comparison_sample_size" > 0),
  ADD CONSTRAINT "measure_comparison_group_check"
    CHECK (("design"::text IN ('comparison_group', 'difference_in_differences'))
           = ("comparison_kind" IS NOT NULL AND btrim(coalesce("comparison_description", '')) <> '')),
  ADD CONSTRAINT "measure_comparison_values_check"
    CHECK (("comparison_before" IS NULL OR "design"::text = 'difference_in_differences')
           AND ("comparison_after" IS NULL OR "design"::text IN ('comparison_group', 'difference_in_differences'))),
  ADD CONSTRAINT "measure_difference_in_differences_check"
    CHECK ("design"::text <> 'difference_in_differences'
           OR "reported_change" IS NOT NULL
           OR ("before_value" IS NOT NULL AND "after_value" IS NOT NULL
               AND "comparison_before" IS NOT NULL AND "comparison_after" IS NOT NULL)
           OR ("finding_direction" IS NOT NULL AND "before_value" IS NULL AND "after_value" IS NULL
               AND "comparison_before" IS NULL AND "comparison_after" IS NULL)),
  ADD CONSTRAINT "measure_comparison_percent_range_check"
    CHECK ("unit"::text <> 'percent'
           OR (("comparison_before" IS NULL OR "comparison_before" BETWEEN 0 AND 100)
               AND ("comparison_after" IS NULL OR "comparison_after" BETWEEN 0 AND 100))),
  ADD CONSTRAINT "measure_evidence_level_check"
    CHECK ("evidence_level" IS NULL
           OR ("evidence_level" BETWEEN 1 AND 5 AND btrim(coalesce("evidence_level_reason", '')) <> ''));

ALTER TABLE "measure" DROP CONSTRAINT "measure_percentage_points_range_check";
ALTER TABLE "measure"
  ADD CONSTRAINT "measure_percentage_points_range_check"
    CHECK ("unit"::text <> 'percent'
           OR "reported_change_basis"::text NOT IN ('percentage_points', 'absolute')
           OR "reported_change" IS NULL
           OR "reported_change" BETWEEN -100 AND 100);

ALTER TABLE "approach"
  ADD CONSTRAINT "approach_key_check" CHECK ("key" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  ADD CONSTRAINT "approach_name_check" CHECK (btrim("name") <> '');

-- Derived figures exist only for published versions (publishing writes them
-- in the same transaction, before the version is stamped).
ALTER TABLE "measure_figure"
  ADD CONSTRAINT "measure_figure_evidence_level_check" CHECK ("evidence_level" BETWEEN 1 AND 5);
