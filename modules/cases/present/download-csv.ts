// Download records → CSV text. Quoting by papaparse; every text cell goes
// through the CSV module's formula-injection escape (a leading = + - @ tab or
// CR gets a ' prefix, plain numbers are left alone). Pure.
import Papa from "papaparse";
import { escapeCell } from "@/lib/domain/csv/formula-escape";

type Cell = string | number | boolean | null;

export function recordsToCsv(columns: string[], records: Array<Record<string, Cell>>): string {
  const data = records.map((r) =>
    columns.map((name) => {
      const v = r[name];
      return typeof v === "boolean" ? String(v) : escapeCell(v);
    }),
  );
  // The byte-order mark makes Excel read the file as UTF-8 (“£”, “−”, “→”).
  return `\uFEFF${Papa.unparse({ fields: columns, data }, { newline: "\r\n", escapeFormulae: false })}\r\n`;
}
