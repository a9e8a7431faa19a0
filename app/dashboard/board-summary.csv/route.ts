import { getCurrentUser } from "@/modules/auth/session";
import { getBoardSummary } from "@/modules/compare/data/board-summary";
import { boardCsv, buildBoardRows, groupBoardRows } from "@/modules/compare/present/board-matrix";
import { readSiteUrl } from "@/lib/present/site-url";
import { parseBoardGrouping } from "@/lib/schemas/comparison";

// The board summary as CSV, for a board paper's appendix: every measure of the
// signed-in user's organisation's published cases.
export async function GET(request: Request) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to download your organisation's board summary.", { status: 401 });
  if (!user.organisationId) return new Response("Your account belongs to no organisation.", { status: 404 });
  const grouping = parseBoardGrouping(Object.fromEntries(new URL(request.url).searchParams));
  const data = await getBoardSummary(user.organisationId, 100_000);
  const groups = groupBoardRows(data.measures, buildBoardRows(data.measures, data.series), grouping);
  return new Response(boardCsv(groups, readSiteUrl()), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="board-summary-${grouping}.csv"`,
      "Cache-Control": "private, no-store",
    },
  });
}
