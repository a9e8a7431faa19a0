import Papa from "papaparse";
import { checkHeader } from "@/lib/domain/csv/parse-csv";
import type { RowError } from "@/lib/domain/csv/row-errors";

// Reads the chosen file in the browser, a chunk at a time, to show real
// progress on a large file and to catch a wrong header before anything is
// uploaded. The server parses the file again and its answer is the one that counts.

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

const CHUNK_BYTES = 256 * 1024;

export function readCsvInBrowser(file: File, onProgress: (p: ReadProgress) => void): Promise<{ rows: number; headerErrors: RowError[] }> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let headerErrors: RowError[] | null = null;
    Papa.parse<string[]>(file, {
      delimiter: ",",
      chunkSize: CHUNK_BYTES,
      chunk(results, parser) {
        let data = results.data;
        if (headerErrors === null) {
          headerErrors = checkHeader(data[0] ?? []);
          data = data.slice(1);
          if (headerErrors.length) {
            parser.abort();
            return;
          }
        }
        rows += data.filter((cells) => cells.some((c) => c.trim() !== "")).length;
        // cursor counts characters, not bytes: close enough for a progress bar, and capped.
        onProgress({ bytesRead: Math.min(results.meta.cursor, file.size), totalBytes: file.size, rows });
      },
      complete() {
        resolve({ rows, headerErrors: headerErrors ?? [{ row: null, column: null, message: "The file is empty." }] });
      },
      error(err) {
        reject(err);
      },
    });
  });
}
