import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS } from "./columns";
import { mapRecordsToCases } from "./map-rows";
import { parseCsvText } from "./parse-csv";
import { buildTemplateCsv } from "./template";

describe("the template", () => {
  it("has the import header and two valid example rows, one of them reported-only", () => {
    const csv = buildTemplateCsv();
    expect(csv.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(IMPORT_COLUMNS.join(","));
    const parsed = parseCsvText(csv);
    expect(parsed.errors).toEqual([]);
    const { cases, errors } = mapRecordsToCases(parsed.records);
    expect(errors).toEqual([]);
    const measures = cases[0]!.measures.map((m) => m.input);
    expect(measures).toHaveLength(2);
    expect(measures[1]).toMatchObject({ before: null, after: null, reportedChange: -64 });
  });
});
