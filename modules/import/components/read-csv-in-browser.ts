import Papa from "papaparse";

// Reads a chosen CSV file in the browser, a chunk at a time, to show real
// progress on a large file before it is uploaded. The server parses the file
// again (and maps its columns); its answer is the one that counts.

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  rows: number;
}

const CHUNK_BYTES = 256 * 1024;

export function readCsvInBrowser(file: File, onProgress: (p: ReadProgress) => void): Promise<{ rows: number }> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    let first = true;
    Papa.parse<string[]>(file, {
      delimiter: ",",
      chunkSize: CHUNK_BYTES,
      chunk(results) {
        const data = first ? results.data.slice(1) : results.data;
        first = false;
        rows += data.filter((cells) => cells.some((c) => c.trim() !== "")).length;
        // cursor counts characters, not bytes: close enough for a progress bar, and capped.
        onProgress({ bytesRead: Math.min(results.meta.cursor, file.size), totalBytes: file.size, rows });
      },
      complete() {
        resolve({ rows });
      },
      error(err) {
        reject(err);
      },
    });
  });
}
