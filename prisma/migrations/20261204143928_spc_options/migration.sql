-- AlterTable
ALTER TABLE "measure" ADD COLUMN     "spc_fix_after_points" SMALLINT,
ADD COLUMN     "spc_screen_outliers" BOOLEAN NOT NULL DEFAULT true;

-- NHSRplotthedots refuses fix_after_n_points below 12 (fewer points cannot
-- give robust limits); a series holds at most 1,000 points.
ALTER TABLE "measure" ADD CONSTRAINT "measure_spc_fix_after_points_range" CHECK ("spc_fix_after_points" IS NULL OR "spc_fix_after_points" BETWEEN 12 AND 1000);
