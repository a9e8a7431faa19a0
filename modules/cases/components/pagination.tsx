import Link from "next/link";
import { caseSearchHref, type CaseSearch } from "@/modules/cases/present/case-search";

export function Pagination({ search, page, pageCount }: { search: CaseSearch; page: number; pageCount: number }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label="Pages of results" className="flex items-center gap-4 text-sm">
      {page > 1 ? (
        <Link href={caseSearchHref(search, { page: page - 1 })} className="text-improvement underline" rel="prev">
          Previous page
        </Link>
      ) : null}
      <span>
        Page {page} of {pageCount}
      </span>
      {page < pageCount ? (
        <Link href={caseSearchHref(search, { page: page + 1 })} className="text-improvement underline" rel="next">
          Next page
        </Link>
      ) : null}
    </nav>
  );
}
