// Property-based tests (fast-check) over everything that reads outside input: every zod
// schema in lib/schemas, the CSV import's parser and row mapping, the series parser and
// the query-string parsers. The property is the same everywhere: any input gives a value
// or a validation error, never an exception of another kind (which would be a 500).
// Schemas are found by reading the modules' exports, so a schema added later is fuzzed too.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as approach from "@/lib/schemas/approach";
import * as caseSchemas from "@/lib/schemas/case";
import * as comparison from "@/lib/schemas/comparison";
import * as measureType from "@/lib/schemas/measure-type";
import * as measure from "@/lib/schemas/measure";
import * as organisation from "@/lib/schemas/organisation";
import * as series from "@/lib/schemas/series";
import * as slug from "@/lib/schemas/slug";
import * as user from "@/lib/schemas/user";
import { buildPreviewTable, mapRecordsToCases, parseCsvText } from "@/lib/domain/csv";
import { parseSeriesRows, parseSeriesText, parseSeriesValue } from "@/lib/domain/series/parse";
import { MEASURE_UNITS } from "@/lib/schemas/measure";

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);

const schemaModules = { approach, case: caseSchemas, comparison, measureType, measure, organisation, series, slug, user };
const schemas = Object.entries(schemaModules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([, value]) => value instanceof z.ZodType)
    .map(([name, value]) => ({ name: `${file}.${name}`, schema: value as z.ZodType })),
);
const parsers = Object.entries(schemaModules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([name, value]) => typeof value === "function" && /^parse[A-Z]/.test(name) && !(value instanceof z.ZodType))
    .map(([name, value]) => ({ name: `${file}.${name}`, parse: value as (input: unknown) => unknown })),
);

/** Text as people and attackers type it: any code point, quotes, separators, numbers, control characters. */
const anyText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 60 }),
  fc.string({
    unit: fc.constantFrom(..."0123456789.,-+eE%£$ \t\n\r\"'=;:/\\\u00a0\u202f\u2212\u0000\ufeff") as fc.Arbitrary<string>,
    maxLength: 40,
  }),
  fc.constantFrom(
    "",
    " ",
    "NaN",
    "Infinity",
    "-0",
    "1e309",
    "__proto__",
    "constructor",
    "toString",
    "=cmd|' /C calc'!A0",
    "0x10",
    "1,234.5",
    "1.234,5",
  ),
);

/** What a form, a JSON body or a query string can carry. */
const formLike = fc.dictionary(
  fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("title", "slug", "measures", "email", "password", "name", "__proto__", "cases")),
  fc.oneof(anyText, fc.array(anyText, { maxLength: 4 })),
  { maxKeys: 8 },
);
const anyInput = fc.oneof(fc.anything({ maxDepth: 3 }), formLike, anyText);

/** CSV-shaped text: rows of cells with quotes, separators and line endings mixed in. */
const csvText = fc
  .tuple(
    fc.array(fc.array(anyText, { minLength: 1, maxLength: 8 }), { minLength: 0, maxLength: 8 }),
    fc.constantFrom(",", ";", "\t"),
    fc.constantFrom("\n", "\r\n", "\r"),
    fc.boolean(),
  )
  .map(([rows, separator, newline, header]) =>
    [...(header ? [["title", "slug", "measure_label", "unit", "before", "after"]] : []), ...rows]
      .map((cells) => cells.map((c) => (/[",\n\r;\t]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(separator))
      .join(newline),
  );

function neverThrows<T>(label: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new Error(`${label} threw instead of answering: ${(error as Error)?.stack ?? String(error)}`);
  }
}

describe("fuzzing", { timeout: 120_000 }, () => {
  it("finds the schemas and parsers to fuzz", () => {
    expect(schemas.length).toBeGreaterThan(10);
    expect(schemas.map((s) => s.name)).toEqual(expect.arrayContaining(["user.createUserSchema", "case.caseInputSchema"]));
  });

  it.each(schemas)("$name: any input parses or gives a validation error", ({ name, schema }) => {
    fc.assert(
      fc.property(anyInput, (input) => {
        const result = neverThrows(name, () => schema.safeParse(input));
        expect(typeof result.success).toBe("boolean");
        if (!result.success) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it.each(parsers)("$name: any query string gives a value or a validation error", ({ name, parse }) => {
    fc.assert(
      fc.property(formLike, (params) => {
        try {
          parse(params);
        } catch (error) {
          // A parser may refuse with a zod error (the caller turns it into a 4xx); nothing else.
          if (!(error instanceof z.ZodError)) throw new Error(`${name} threw ${(error as Error)?.stack ?? String(error)}`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the CSV import: any text parses into records or row errors, and maps and previews without throwing", () => {
    fc.assert(
      fc.property(fc.oneof(csvText, fc.string({ unit: "binary", maxLength: 300 })), (text) => {
        const parsed = neverThrows("parseCsvText", () => parseCsvText(text));
        expect(Array.isArray(parsed.records)).toBe(true);
        expect(Array.isArray(parsed.errors)).toBe(true);
        const mapped = neverThrows("mapRecordsToCases", () => mapRecordsToCases(parsed.records));
        neverThrows("buildPreviewTable", () => buildPreviewTable(parsed.records, [...parsed.errors, ...mapped.errors]));
      }),
      { numRuns: RUNS },
    );
  });

  it("the series parser: any text and unit give points or issues, never a throw", () => {
    fc.assert(
      fc.property(
        fc.oneof(csvText, fc.string({ unit: "binary", maxLength: 300 })),
        fc.constantFrom(...MEASURE_UNITS),
        fc.constantFrom(undefined, null, "monthly", "weekly", "quarterly", "annual", "daily"),
        (text, unit, frequency) => {
          const parsed = neverThrows("parseSeriesText", () =>
            parseSeriesText(text, unit, frequency as Parameters<typeof parseSeriesText>[2]),
          );
          expect(parsed).toBeTypeOf("object");
        },
      ),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(
        fc.array(fc.record({ line: fc.integer(), date: anyText, value: anyText, annotation: fc.option(anyText) }), { maxLength: 30 }),
        fc.constantFrom(...MEASURE_UNITS),
        (rows, unit) => {
          neverThrows("parseSeriesRows", () => parseSeriesRows(rows, unit));
        },
      ),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(anyText, fc.constantFrom(...MEASURE_UNITS), (text, unit) => {
        const value = neverThrows("parseSeriesValue", () => parseSeriesValue(text, unit));
        expect(value === null || Number.isFinite(value)).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });
});
