"use client";

// Downloads for any chart on a page, as Our World in Data offers them: the
// picture as PNG or SVG, and its data as CSV. It sits beside a chart and never
// inside it: it finds the chart's <svg> by id when clicked, serialises it (SVG)
// or draws it on a canvas at twice its size on white (PNG), and reads the CSV
// from the chart's data table, or links to a CSV route where there is one. A
// progressive enhancement: without JavaScript the buttons are not shown, and
// the data table (and any CSV link) remain.
import { useState, useSyncExternalStore } from "react";
import { tableToCsv } from "@/lib/domain/csv/table-csv";

const noSubscribe = () => () => {};

function findSvg(id: string): SVGSVGElement | null {
  const el = document.getElementById(id);
  if (el instanceof SVGSVGElement) return el;
  const inside = el?.querySelector("svg.recharts-surface") ?? el?.querySelector("svg");
  return inside instanceof SVGSVGElement ? inside : null;
}

/** The chart as a standalone SVG document, sized as drawn, fonts and colours kept. */
export function serialiseSvg(svg: SVGSVGElement): { text: string; width: number; height: number } {
  const box = svg.getBoundingClientRect();
  const view = svg.viewBox.baseVal;
  const width = Math.round(box.width || view?.width || 640);
  const height = Math.round(box.height || view?.height || 400);
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  clone.setAttribute("xmlns:xlink", "http://www.w3.org/1999/xlink");
  clone.setAttribute("width", String(width));
  clone.setAttribute("height", String(height));
  if (!clone.getAttribute("viewBox")) clone.setAttribute("viewBox", `0 0 ${width} ${height}`);
  clone.removeAttribute("class");
  clone.style.fontFamily = getComputedStyle(svg).fontFamily;
  clone.style.background = "#fff";
  // Class-based styles do not travel with the file: copy the computed fill and stroke of text.
  const texts = svg.querySelectorAll("text");
  clone.querySelectorAll("text").forEach((t, i) => {
    const s = texts[i] ? getComputedStyle(texts[i]) : null;
    if (s && !t.getAttribute("fill")) t.setAttribute("fill", s.fill);
  });
  return { text: `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(clone)}`, width, height };
}

/** The rows of an HTML table as text: header and body, each cell's visible words. */
export function tableRows(table: HTMLTableElement): string[][] {
  return [...table.rows].map((row) => [...row.cells].map((cell) => (cell.textContent ?? "").replace(/\s+/g, " ").trim()));
}

function save(blob: Blob, fileName: string) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

async function toPng(svg: SVGSVGElement): Promise<Blob> {
  const { text, width, height } = serialiseSvg(svg);
  const url = URL.createObjectURL(new Blob([text], { type: "image/svg+xml" }));
  try {
    const img = new Image();
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error("image"));
      img.src = url;
    });
    const canvas = document.createElement("canvas");
    canvas.width = width * 2;
    canvas.height = height * 2;
    const ctx = canvas.getContext("2d");
    if (!ctx) throw new Error("canvas");
    ctx.fillStyle = "#fff";
    ctx.fillRect(0, 0, canvas.width, canvas.height);
    ctx.scale(2, 2);
    ctx.drawImage(img, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, "image/png"));
    if (!blob) throw new Error("png");
    return blob;
  } finally {
    URL.revokeObjectURL(url);
  }
}

const buttonClass = "rounded border border-slate-400 bg-white px-2 py-1 text-xs font-semibold hover:bg-slate-100";

export function ChartDownloads({
  chartId,
  fileName,
  tableId,
  csvHref,
  label,
}: {
  /** The id of the chart's <svg>, or of an element holding it. */
  chartId: string;
  /** The file name without extension. */
  fileName: string;
  /** The id of the chart's data table, read into the CSV. */
  tableId?: string;
  /** A CSV route for the chart's data (used instead of the table). */
  csvHref?: string;
  /** Names the chart for screen readers ("Download … as PNG"). */
  label?: string;
}) {
  // false on the server and during hydration, true once running in a browser.
  const ready = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [error, setError] = useState<string | null>(null);
  if (!ready) return null;
  const name = fileName.replace(/[^a-z0-9-]+/gi, "-").slice(0, 100) || "chart";
  const what = label ? <span className="sr-only"> {label}</span> : null;

  function withSvg(action: (svg: SVGSVGElement) => Promise<void> | void) {
    return async () => {
      setError(null);
      const svg = findSvg(chartId);
      if (!svg) return setError("The chart could not be found.");
      try {
        await action(svg);
      } catch {
        setError("The image could not be made in this browser; use the CSV instead.");
      }
    };
  }

  function downloadCsv() {
    setError(null);
    const table = tableId ? document.getElementById(tableId) : null;
    if (!(table instanceof HTMLTableElement)) return setError("The chart's data could not be found.");
    save(new Blob([tableToCsv(tableRows(table))], { type: "text/csv;charset=utf-8" }), `${name}.csv`);
  }

  return (
    <div className="flex flex-wrap items-center gap-2 print:hidden" data-testid="chart-downloads">
      <span className="text-xs text-slate-600">Download:</span>
      <button
        type="button"
        className={buttonClass}
        onClick={withSvg(async (svg) => save(await toPng(svg), `${name}.png`))}
        data-testid="download-png"
      >
        PNG{what}
      </button>
      <button
        type="button"
        className={buttonClass}
        onClick={withSvg((svg) => save(new Blob([serialiseSvg(svg).text], { type: "image/svg+xml" }), `${name}.svg`))}
        data-testid="download-svg"
      >
        SVG{what}
      </button>
      {csvHref ? (
        <a href={csvHref} download className={`${buttonClass} no-underline`} data-testid="download-csv">
          CSV data{what}
        </a>
      ) : tableId ? (
        <button type="button" className={buttonClass} onClick={downloadCsv} data-testid="download-csv">
          CSV data{what}
        </button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-concern">
          {error}
        </span>
      ) : null}
    </div>
  );
}
