import Papa from "papaparse";
import { buildComparison, LETTERS } from "@/modules/compare/components/compare-model";
import { getComparedCases } from "@/modules/compare/data/comparisons";
import { escapeCell } from "@/lib/domain/csv/formula-escape";
import { parseComparedSlugs } from "@/lib/schemas/comparison";

// The compare view's figures as CSV, one row per case and measure. Every text
// cell goes through escapeCell, so a hostile label cannot run as a spreadsheet formula.
export async function GET(request: Request) {
  const slugs = parseComparedSlugs(Object.fromEntries(new URL(request.url).searchParams));
  const cases = await getComparedCases(slugs);
  const { shared, only } = buildComparison(cases);
  const header = [
    "case_letter",
    "case_slug",
    "case_title",
    "organisation",
    "evidence_level",
    "measure_type",
    "shared",
    "measure",
    "change",
    "outcome",
    "reported_only",
  ];
  const rows: Array<Array<string | number>> = [];
  for (const r of shared) {
    r.cells.forEach((cell, i) => {
      const c = cases[i];
      if (!cell || !c) return;
      rows.push([
        LETTERS[i] ?? "",
        c.slug,
        c.title,
        c.organisation,
        c.evidenceLevel,
        r.typeName,
        "yes",
        cell.label,
        cell.display,
        cell.outcomeWord,
        cell.reportedOnly ? "yes" : "no",
      ]);
    });
  }
  for (const r of only) {
    const c = cases[LETTERS.indexOf(r.letter)];
    if (!c) continue;
    rows.push([
      r.letter,
      c.slug,
      c.title,
      c.organisation,
      c.evidenceLevel,
      r.typeName ?? "",
      "no",
      r.cell.label,
      r.cell.display,
      r.cell.outcomeWord,
      r.cell.reportedOnly ? "yes" : "no",
    ]);
  }
  const csv = Papa.unparse({ fields: header, data: rows.map((row) => row.map(escapeCell)) });
  return new Response(`\uFEFF${csv}\r\n`, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="comparison-${cases.length}-cases.csv"`,
      "cache-control": "no-store",
    },
  });
}
