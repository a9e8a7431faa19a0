-- CreateTable
CREATE TABLE "saved_comparison" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "organisation_id" UUID NOT NULL,
    "created_by_id" TEXT,
    "case_slugs" TEXT[],
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "saved_comparison_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "saved_comparison_organisation_id_created_at_idx" ON "saved_comparison"("organisation_id", "created_at");

-- AddForeignKey
ALTER TABLE "saved_comparison" ADD CONSTRAINT "saved_comparison_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "saved_comparison" ADD CONSTRAINT "saved_comparison_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
