// The CSV format's pure rules: columns, parsing, row mapping, export and escaping.
export * from "./columns";
export * from "./row-errors";
export * from "./parse-csv";
export * from "./map-rows";
export * from "./formula-escape";
export * from "./export-rows";
export * from "./template";
export * from "./preview-rows";
export * from "./source-table";
export * from "./column-mapping";
export * from "./percent-fractions";
