import "server-only";
import { caseToRows, COLUMNS, EXPORT_COLUMNS, EXPORT_ONLY_COLUMNS, type ExportCase } from "@/lib/domain/csv";
import { writeXlsx } from "@/lib/xlsx/write-xlsx";

// The workspace export as an Excel workbook: the same columns and rows as the
// CSV export (so it imports again unchanged), numbers as numbers, and a
// second sheet documenting every column. Text is never written as a formula.

export function casesToXlsx(cases: ExportCase[], generatedAt: string): Promise<Buffer> {
  return writeXlsx({
    sheetName: "Cases",
    columns: EXPORT_COLUMNS,
    rows: cases.flatMap(caseToRows),
    docsNote: `Reform Metrics cases, exported ${generatedAt}. One row per measure; import this workbook again to update the cases.`,
    docs: [
      ...COLUMNS.map((c) => ({ name: c.name, required: c.required ? "yes" : "no", description: c.description })),
      ...EXPORT_ONLY_COLUMNS.map((c) => ({ name: c.name, required: "no", description: c.description })),
    ],
  });
}
