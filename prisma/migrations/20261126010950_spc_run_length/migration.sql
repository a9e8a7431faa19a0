-- AlterTable
ALTER TABLE "measure" ADD COLUMN     "spc_run_length" SMALLINT NOT NULL DEFAULT 7;

-- The shift and trend rules need a run of at least a few points to mean
-- anything, and a run longer than a year of months would hide every change.
ALTER TABLE "measure" ADD CONSTRAINT "measure_spc_run_length_range" CHECK ("spc_run_length" BETWEEN 5 AND 12);
