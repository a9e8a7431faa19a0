-- CreateTable
CREATE TABLE "approach_card_summary" (
    "approach_id" UUID NOT NULL,
    "body" JSONB NOT NULL,
    "computed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "approach_card_summary_pkey" PRIMARY KEY ("approach_id")
);

-- AddForeignKey
ALTER TABLE "approach_card_summary" ADD CONSTRAINT "approach_card_summary_approach_id_fkey" FOREIGN KEY ("approach_id") REFERENCES "approach"("id") ON DELETE CASCADE ON UPDATE CASCADE;
