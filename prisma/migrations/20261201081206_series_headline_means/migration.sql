-- AlterTable
ALTER TABLE "measure" ADD COLUMN     "series_after_mean" DECIMAL(20,6),
ADD COLUMN     "series_before_mean" DECIMAL(20,6);

-- Both phase means or neither.
ALTER TABLE "measure" ADD CONSTRAINT "measure_series_means_pair"
  CHECK (("series_before_mean" IS NULL) = ("series_after_mean" IS NULL));
