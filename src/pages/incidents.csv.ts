import type { APIRoute } from 'astro';
import { csvRow } from '../site/csv.ts';
import { siteData } from '../site/data.ts';

const COLUMNS = ['id', 'title', 'status', 'kind', 'severity', 'started_at', 'detected_at', 'mitigated_at', 'resolved_at', 'minutes_to_detect', 'minutes_to_mitigate', 'minutes_to_resolve', 'services', 'root_causes', 'trigger', 'detection', 'customer_facing', 'users_affected', 'recurrence_of', 'action_items', 'action_items_open', 'action_items_overdue'];

/** The postmortems as a spreadsheet: one row each, lists joined with `;`. */
export const GET: APIRoute = async () => {
  const { incidents, durationsOf, analysis } = await siteData();
  let csv = csvRow(COLUMNS);
  for (const i of incidents) {
    const fm = i.frontmatter;
    const d = durationsOf.get(i.id);
    const items = analysis.actionItems.byIncident[i.id];
    csv += csvRow([
      i.id, fm.title, fm.status, fm.kind, fm.severity, fm.started_at, fm.detected_at, fm.mitigated_at, fm.resolved_at,
      d?.detect, d?.mitigate, d?.resolve, fm.services.join(';'), (fm.root_causes ?? []).join(';'), fm.trigger, fm.detection,
      fm.impact?.customer_facing, fm.impact?.users_affected, fm.recurrence_of, items?.total ?? 0, items?.unfinished ?? 0, items?.overdue ?? 0,
    ]);
  }
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
