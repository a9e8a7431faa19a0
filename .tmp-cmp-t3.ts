import pg from "pg";
import { approachOverviewSql } from "@/lib/data/approach-overview";
import { explorerSql } from "@/lib/data/measure-library";
import { parseExplorerFilters } from "@/lib/schemas/comparison";
async function main() {
  const c = new pg.Client({ connectionString: process.env.DATABASE_URL }); await c.connect();
  const { rows: [t] } = await c.query(`select id, unit from measure_type where key='referrals'`);
  const which = process.argv[2];
  const q = which === "a" ? approachOverviewSql() : explorerSql(t.id, t.unit, parseExplorerFilters({}));
  const r = await c.query("EXPLAIN (ANALYZE, BUFFERS) " + q.text, q.values as unknown[]);
  console.log(r.rows.map((x) => x["QUERY PLAN"]).join("\n"));
  await c.end();
}
main();
