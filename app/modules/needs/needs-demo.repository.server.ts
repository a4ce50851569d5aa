/** Demo survey answers' storage: the demo clusters' member organisations, the demo surveys' marks and their respondents' organisations. */
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '#app/shared/db/client.server.ts';
import { needsSurvey, needsSurveyRespondent } from './needs.schema.ts';
import type { DemoSurveyOrganisation } from './needs-demo.ts';

/** The demo member organisations (enterprises, cooperatives, workshops: not the support institutions) of these clusters, by cluster, in slug order. */
export async function selectDemoMembers(executor: Executor, clusters: readonly string[]): Promise<Map<string, DemoSurveyOrganisation[]>> {
  const rows = await queryRows<DemoSurveyOrganisation & { cluster: string; women_led: boolean; size_class: string | null }>(
    executor,
    sql`
      SELECT c.slug AS cluster, o.id, o.slug, o.size_class, o.women_led
      FROM cluster c
      JOIN cluster_membership m ON m.cluster_id = c.id AND m.role = 'member'
      JOIN organisation o ON o.id = m.organisation_id AND o.is_demo
      WHERE c.slug IN (${sql.join(
        clusters.map((slug) => sql`${slug}`),
        sql`, `,
      )})
      ORDER BY c.slug, o.slug`,
  );
  const byCluster = new Map<string, DemoSurveyOrganisation[]>();
  for (const row of rows) {
    const list = byCluster.get(row.cluster) ?? [];
    list.push({ id: row.id, slug: row.slug, sizeClass: row.size_class, womenLed: row.women_led });
    byCluster.set(row.cluster, list);
  }
  return byCluster;
}

/** Marks the form as a demo needs survey (before any answer, so the tally counts them). */
export async function registerDemoNeedsSurvey(executor: Executor, formId: string): Promise<void> {
  await executor.insert(needsSurvey).values({ formId, isDemo: true }).onConflictDoNothing();
}

export async function insertRespondents(
  executor: Executor,
  rows: readonly { responseId: string; organisationId: string }[],
): Promise<void> {
  for (let start = 0; start < rows.length; start += 1000) {
    await executor.insert(needsSurveyRespondent).values(rows.slice(start, start + 1000));
  }
}
