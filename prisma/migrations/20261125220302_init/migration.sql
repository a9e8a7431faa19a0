-- CreateEnum
CREATE TYPE "UserRole" AS ENUM ('admin', 'analyst', 'viewer');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('draft', 'published', 'archived');

-- CreateEnum
CREATE TYPE "Sector" AS ENUM ('health', 'social_care', 'health_and_social_care', 'local_government', 'housing', 'policing', 'education', 'welfare', 'other');

-- CreateEnum
CREATE TYPE "ReformShift" AS ENUM ('hospital_to_community', 'analogue_to_digital', 'sickness_to_prevention');

-- CreateEnum
CREATE TYPE "MeasureUnit" AS ENUM ('count', 'hours', 'days', 'money', 'percent', 'rate', 'ratio', 'score');

-- CreateEnum
CREATE TYPE "Direction" AS ENUM ('lower_is_better', 'higher_is_better', 'neutral');

-- CreateEnum
CREATE TYPE "Qualifier" AS ENUM ('exact', 'about', 'at_least', 'at_most');

-- CreateEnum
CREATE TYPE "ChangeBasis" AS ENUM ('percent', 'percentage_points', 'unspecified');

-- CreateEnum
CREATE TYPE "MeasureCategory" AS ENUM ('demand', 'failure_demand', 'flow', 'handoffs', 'time', 'activity', 'capacity', 'cost', 'outcome', 'experience');

-- CreateEnum
CREATE TYPE "HeadlineMethod" AS ENUM ('figures', 'series_phase_means');

-- CreateTable
CREATE TABLE "organisation" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "user" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "email_verified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "role" "UserRole" NOT NULL DEFAULT 'viewer',
    "banned" BOOLEAN DEFAULT false,
    "ban_reason" TEXT,
    "ban_expires" TIMESTAMP(3),
    "organisation_id" UUID,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "user_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "ip_address" TEXT,
    "user_agent" TEXT,
    "impersonated_by" TEXT,
    "user_id" TEXT NOT NULL,

    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "account" (
    "id" TEXT NOT NULL,
    "account_id" TEXT NOT NULL,
    "provider_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "access_token" TEXT,
    "refresh_token" TEXT,
    "id_token" TEXT,
    "access_token_expires_at" TIMESTAMP(3),
    "refresh_token_expires_at" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "account_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verification" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "approach" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "approach_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure_type" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "definition" TEXT NOT NULL,
    "counting_unit" TEXT NOT NULL,
    "unit" "MeasureUnit" NOT NULL,
    "direction" "Direction" NOT NULL,
    "category" "MeasureCategory" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "measure_type_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_study" (
    "id" UUID NOT NULL,
    "slug" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'draft',
    "revision" INTEGER NOT NULL DEFAULT 1,
    "is_example" BOOLEAN NOT NULL DEFAULT false,
    "published_version_id" UUID,
    "draft_version_id" UUID,
    "archived_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" TEXT,
    "updated_by_id" TEXT,

    CONSTRAINT "case_study_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "case_version" (
    "id" UUID NOT NULL,
    "case_study_id" UUID NOT NULL,
    "number" INTEGER,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "sector" "Sector" NOT NULL,
    "approach_id" UUID,
    "reform_shifts" "ReformShift"[] DEFAULT ARRAY[]::"ReformShift"[],
    "intervention_date" DATE,
    "baseline_period" TEXT,
    "follow_up_period" TEXT,
    "source_citation" TEXT NOT NULL,
    "source_url" TEXT,
    "evidence_level" INTEGER NOT NULL DEFAULT 1,
    "change_note" TEXT,
    "published_at" TIMESTAMP(3),
    "published_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "case_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "measure" (
    "id" UUID NOT NULL,
    "case_version_id" UUID NOT NULL,
    "measure_type_id" UUID,
    "position" INTEGER NOT NULL DEFAULT 0,
    "label" TEXT NOT NULL,
    "unit" "MeasureUnit" NOT NULL,
    "rate_basis" TEXT,
    "denominator" TEXT,
    "direction" "Direction" NOT NULL,
    "before_value" DECIMAL(20,6),
    "before_qualifier" "Qualifier" NOT NULL DEFAULT 'exact',
    "before_wording" TEXT,
    "after_value" DECIMAL(20,6),
    "after_qualifier" "Qualifier" NOT NULL DEFAULT 'exact',
    "after_wording" TEXT,
    "reported_change" DECIMAL(20,6),
    "reported_change_basis" "ChangeBasis" NOT NULL DEFAULT 'percent',
    "reported_change_qualifier" "Qualifier" NOT NULL DEFAULT 'exact',
    "reported_change_wording" TEXT,
    "before_period" TEXT,
    "after_period" TEXT,
    "sample_size" INTEGER,
    "source_citation" TEXT,
    "source_url" TEXT,
    "notes" TEXT,
    "headline_method" "HeadlineMethod" NOT NULL DEFAULT 'figures',
    "target" DECIMAL(20,6),
    "rebase_dates" DATE[] DEFAULT ARRAY[]::DATE[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "observation" (
    "id" UUID NOT NULL,
    "measure_id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "value" DECIMAL(20,6) NOT NULL,
    "annotation" TEXT,

    CONSTRAINT "observation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_event" (
    "id" BIGSERIAL NOT NULL,
    "occurred_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actor_id" TEXT,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "case_study_id" UUID,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "note" TEXT,

    CONSTRAINT "audit_event_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "organisation_slug_key" ON "organisation"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "user_email_key" ON "user"("email");

-- CreateIndex
CREATE INDEX "user_organisation_id_idx" ON "user"("organisation_id");

-- CreateIndex
CREATE UNIQUE INDEX "session_token_key" ON "session"("token");

-- CreateIndex
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

-- CreateIndex
CREATE INDEX "account_user_id_idx" ON "account"("user_id");

-- CreateIndex
CREATE INDEX "verification_identifier_idx" ON "verification"("identifier");

-- CreateIndex
CREATE UNIQUE INDEX "approach_key_key" ON "approach"("key");

-- CreateIndex
CREATE UNIQUE INDEX "measure_type_key_key" ON "measure_type"("key");

-- CreateIndex
CREATE UNIQUE INDEX "case_study_slug_key" ON "case_study"("slug");

-- CreateIndex
CREATE UNIQUE INDEX "case_study_published_version_id_key" ON "case_study"("published_version_id");

-- CreateIndex
CREATE UNIQUE INDEX "case_study_draft_version_id_key" ON "case_study"("draft_version_id");

-- CreateIndex
CREATE INDEX "case_study_status_idx" ON "case_study"("status");

-- CreateIndex
CREATE INDEX "case_study_organisation_id_status_idx" ON "case_study"("organisation_id", "status");

-- CreateIndex
CREATE INDEX "case_version_approach_id_idx" ON "case_version"("approach_id");

-- CreateIndex
CREATE INDEX "case_version_sector_idx" ON "case_version"("sector");

-- CreateIndex
CREATE UNIQUE INDEX "case_version_case_study_id_number_key" ON "case_version"("case_study_id", "number");

-- CreateIndex
CREATE INDEX "measure_case_version_id_position_idx" ON "measure"("case_version_id", "position");

-- CreateIndex
CREATE INDEX "measure_measure_type_id_idx" ON "measure"("measure_type_id");

-- CreateIndex
CREATE UNIQUE INDEX "observation_measure_id_date_key" ON "observation"("measure_id", "date");

-- CreateIndex
CREATE INDEX "audit_event_case_study_id_occurred_at_idx" ON "audit_event"("case_study_id", "occurred_at");

-- CreateIndex
CREATE INDEX "audit_event_occurred_at_idx" ON "audit_event"("occurred_at");

-- AddForeignKey
ALTER TABLE "user" ADD CONSTRAINT "user_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "account" ADD CONSTRAINT "account_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "user"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_published_version_id_fkey" FOREIGN KEY ("published_version_id") REFERENCES "case_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_draft_version_id_fkey" FOREIGN KEY ("draft_version_id") REFERENCES "case_version"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_study" ADD CONSTRAINT "case_study_updated_by_id_fkey" FOREIGN KEY ("updated_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_version" ADD CONSTRAINT "case_version_case_study_id_fkey" FOREIGN KEY ("case_study_id") REFERENCES "case_study"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_version" ADD CONSTRAINT "case_version_approach_id_fkey" FOREIGN KEY ("approach_id") REFERENCES "approach"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "case_version" ADD CONSTRAINT "case_version_published_by_id_fkey" FOREIGN KEY ("published_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_case_version_id_fkey" FOREIGN KEY ("case_version_id") REFERENCES "case_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "measure" ADD CONSTRAINT "measure_measure_type_id_fkey" FOREIGN KEY ("measure_type_id") REFERENCES "measure_type"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "observation" ADD CONSTRAINT "observation_measure_id_fkey" FOREIGN KEY ("measure_id") REFERENCES "measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_actor_id_fkey" FOREIGN KEY ("actor_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "audit_event" ADD CONSTRAINT "audit_event_case_study_id_fkey" FOREIGN KEY ("case_study_id") REFERENCES "case_study"("id") ON DELETE SET NULL ON UPDATE CASCADE;
