"use client";

// PNG export of a server-rendered chart: serialise its SVG, draw it on a
// canvas at twice the size on a white background, and download the result.
// A progressive enhancement: without JavaScript the button is not shown and
// the CSV download and data table remain.
import { useState, useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

export function PngExportButton({ targetId, fileName }: { targetId: string; fileName: string }) {
  // false on the server and during hydration, true once running in a browser.
  const ready = useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
  const [error, setError] = useState<string | null>(null);
  if (!ready) return null;

  async function download() {
    setError(null);
    const svg = document.getElementById(targetId)?.querySelector("svg.recharts-surface");
    if (!(svg instanceof SVGSVGElement)) return setError("The chart could not be found.");
    const { width, height } = svg.getBoundingClientRect();
    const clone = svg.cloneNode(true) as SVGSVGElement;
    clone.setAttribute("xmlns", "http://www.w3.org/2000/svg");
    clone.setAttribute("width", String(width));
    clone.setAttribute("height", String(height));
    clone.style.fontFamily = getComputedStyle(svg).fontFamily;
    const url = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(clone)], { type: "image/svg+xml" }));
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
      const a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = fileName;
      a.click();
      URL.revokeObjectURL(a.href);
    } catch {
      setError("The image could not be made in this browser; use the CSV instead.");
    } finally {
      URL.revokeObjectURL(url);
    }
  }

  return (
    <span>
      <button
        type="button"
        onClick={download}
        className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100"
      >
        Download chart as PNG
      </button>
      {error ? (
        <span role="alert" className="ml-2 text-sm text-concern">
          {error}
        </span>
      ) : null}
    </span>
  );
}
