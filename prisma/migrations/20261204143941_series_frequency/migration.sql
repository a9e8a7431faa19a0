-- CreateEnum
CREATE TYPE "SeriesFrequency" AS ENUM ('daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'irregular');

-- AlterTable
ALTER TABLE "measure" ADD COLUMN     "series_frequency" "SeriesFrequency";
