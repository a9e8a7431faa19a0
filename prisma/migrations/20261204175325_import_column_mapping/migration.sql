-- CreateTable
CREATE TABLE "import_column_mapping" (
    "organisation_id" UUID NOT NULL,
    "header" TEXT NOT NULL,
    "column" TEXT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "import_column_mapping_pkey" PRIMARY KEY ("organisation_id","header")
);

-- AddForeignKey
ALTER TABLE "import_column_mapping" ADD CONSTRAINT "import_column_mapping_organisation_id_fkey" FOREIGN KEY ("organisation_id") REFERENCES "organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;
