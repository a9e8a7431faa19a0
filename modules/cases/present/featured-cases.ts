import type { PublicCaseListItem } from "@/modules/cases/data/public-cases";

// The home page's few cases: the reference case of DOMAIN.md first, then the
// most recently published real results, then a fictional example or two
// (labelled as such), so a newcomer sees both kinds.

export const REFERENCE_CASE_SLUG = "integrated-health-and-social-care";

export function featuredCases(cases: PublicCaseListItem[], real = 4, examples = 2): PublicCaseListItem[] {
  const byNewest = [...cases].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.slug.localeCompare(b.slug));
  const reference = cases.filter((c) => c.slug === REFERENCE_CASE_SLUG);
  const others = byNewest.filter((c) => !c.isExample && c.slug !== REFERENCE_CASE_SLUG).slice(0, real - reference.length);
  return [...reference, ...others, ...byNewest.filter((c) => c.isExample).slice(0, examples)];
}
