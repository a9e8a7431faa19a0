"use client";

import { useEffect, useSyncExternalStore } from "react";
import { compareHref, MAX_COMPARED } from "@/lib/schemas/comparison";

// "Add to comparison" on case pages and in the explorer (issue 20). The
// cases being compared are remembered in this browser (localStorage), so each
// link adds to them; the pages stay cached and the same for everyone. Without
// JavaScript (or storage) the link starts a comparison with this case.
const KEY = "reform-metrics:compare";

function readList(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw || "[]");
    return Array.isArray(value) ? value.filter((s): s is string => typeof s === "string").slice(0, MAX_COMPARED) : [];
  } catch {
    return [];
  }
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  return () => window.removeEventListener("storage", onChange);
}

function readStored(): string {
  try {
    return window.localStorage.getItem(KEY) ?? "";
  } catch {
    return "";
  }
}

function store(slugs: string[]) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(slugs));
  } catch {
    // Storage refused (private mode): the link still works, it just starts afresh.
  }
}

export function AddToComparison({ slug, title, className = "" }: { slug: string; title: string; className?: string }) {
  const compared = readList(useSyncExternalStore(subscribe, readStored, () => ""));
  const already = compared.includes(slug);
  const next = already ? compared : [...compared, slug].slice(-MAX_COMPARED);
  return (
    <a
      href={compareHref(next)}
      onClick={() => store(next)}
      className={`text-improvement underline ${className}`}
      data-testid="add-to-comparison"
    >
      {already ? "In your comparison" : "Add to comparison"}
      <span className="sr-only">: {title}</span>
      {compared.length > 0 && !already ? <span className="text-slate-600"> ({compared.length} chosen)</span> : null}
    </a>
  );
}

/** On the compare page: what is compared now is what the next "Add to comparison" adds to. */
export function RememberComparison({ slugs }: { slugs: string[] }) {
  const key = slugs.join(",");
  useEffect(() => store(key ? key.split(",") : []), [key]);
  return null;
}
