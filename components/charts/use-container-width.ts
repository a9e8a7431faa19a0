"use client";

import { useEffect, useId, useRef, useState, type RefObject } from "react";
import { DEFAULT_WIDTH } from "./chart-layout";

/**
 * The width of the element `ref` points at, following it as it resizes. The
 * first render (on the server, and hydration in the browser) uses `fallback`,
 * so both agree; the measured width arrives after the page has hydrated. Until
 * then, and without JavaScript, CSS scales the server's SVG to fit
 * (`.chart-frame svg` in app/globals.css).
 */
export function useContainerWidth<T extends HTMLElement>(fallback = DEFAULT_WIDTH): [RefObject<T | null>, number, string] {
  const ref = useRef<T>(null);
  // Recharts names each chart's clip path from a global counter unless given
  // an id; the server's counter runs across requests, so the browser's ids
  // differed from the HTML's (a hydration mismatch). useId agrees on both.
  const id = `chart${useId().replace(/[^a-zA-Z0-9]/g, "")}`;
  const [width, setWidth] = useState(fallback);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width, id];
}
