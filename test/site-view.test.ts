import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, loadProject } from '../src/lib/index.ts';
import { dashboardCharts, periodWords } from '../src/site/view/dashboard-charts.ts';
import { NOW } from './helpers.ts';

const KNOWN = join(import.meta.dirname, 'fixtures/analyze/known/incidents');

describe('the dashboard charts', () => {
  test('are titled by the analysis period', async () => {
    const project = await loadProject({ incidentsDir: KNOWN, cwd: KNOWN, now: NOW });
    const severities = project.catalog!.severities.map((s) => s.id);
    const charts = (period: 'month' | 'quarter') => dashboardCharts(analyze(project.incidents, project.catalog!, { asOf: '2025-08-01', period }), severities);
    const quarterly = charts('quarter');
    expect(quarterly.map((c) => [c.title, c.spec.xLabel, c.spec.labels.join(' ')])).toEqual([
      ['Incidents per quarter', 'Quarter started', '2025-Q1 2025-Q2 2025-Q3'],
      ['Time to detect and to resolve', 'Quarter started', '2025-Q1 2025-Q2 2025-Q3'],
      ['How long incidents last', 'Time to resolve', '< 5 min 5–15 min 15–30 min 30–60 min 1–2 h 2–4 h 4–8 h 8–24 h 1–3 days 3–7 days ≥ 7 days'],
      ['Recurrence rate', 'Quarter started', '2025-Q1 2025-Q2 2025-Q3'],
      ['Action items', 'Quarter', '2025-Q1 2025-Q2 2025-Q3'],
    ]);
    expect(quarterly.map((c) => c.note).join(' ')).not.toMatch(/month/);
    expect(quarterly[4]!.spec.series.map((s) => s.label)).toEqual(['Opened', 'Closed', 'Overdue at quarter end']);
    expect(charts('month').map((c) => c.title)[0]).toBe('Incidents per month');
    expect(charts('month')[3]!.note).toBe('Recurrences (explicit or inferred) among each month\'s incidents; months with fewer than 5 incidents show points without a line.');
  });

  test('period words', () => {
    expect(periodWords('quarter')).toEqual({ one: 'quarter', many: 'quarters', started: 'Quarter started', title: 'Quarter' });
    expect(periodWords('month')).toEqual({ one: 'month', many: 'months', started: 'Month started', title: 'Month' });
  });
});
