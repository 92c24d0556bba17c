import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, isOpen, isOverdue, isSevere, loadProject, severeSeverities, type ActionItemState } from '../src/lib/index.ts';
import { NOW, runCli } from './helpers.ts';

const KNOWN = join(import.meta.dirname, 'fixtures/analyze/known/incidents');

describe('open, overdue and severe, each defined once', () => {
  const item = (status: ActionItemState['status'], due: string | null, completedAt: string | null = null): ActionItemState => ({ status, due, completedAt });

  test.each([
    { name: 'open, past due', item: item('open', '2025-02-01'), open: true, overdue: true },
    { name: 'in progress, due that very day', item: item('in-progress', '2025-02-20'), open: true, overdue: false },
    { name: 'open, no due date', item: item('open', null), open: true, overdue: false },
    { name: 'done by then, late', item: item('done', '2025-02-01', '2025-02-10'), open: false, overdue: false },
    { name: 'done that very day', item: item('done', '2025-02-01', '2025-02-20'), open: false, overdue: false },
    { name: 'done only later', item: item('done', '2025-02-01', '2025-03-01'), open: true, overdue: true },
    { name: "won't do", item: item('wont-do', '2025-02-01'), open: false, overdue: false },
  ])('on 2025-02-20, $name: open $open, overdue $overdue', ({ item: state, open, overdue }) => {
    expect([isOpen(state, '2025-02-20'), isOverdue(state, '2025-02-20')]).toEqual([open, overdue]);
  });

  test('severe is the catalog\'s two worst severities', () => {
    expect(severeSeverities(['SEV1', 'SEV2', 'SEV3'])).toEqual(['SEV1', 'SEV2']);
    expect([isSevere('SEV2', ['SEV1', 'SEV2', 'SEV3']), isSevere('SEV3', ['SEV1', 'SEV2', 'SEV3']), isSevere('P0', ['P0'])]).toEqual([true, false, true]);
  });

  test('the headline and the 90-day window count the same overdue and open items', async () => {
    // An item due on 15 February and done only on 1 March was overdue on 20 February.
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-overdue-'));
    cpSync(KNOWN, dir, { recursive: true });
    const file = join(dir, '2025-01-10-a-capacity.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace('due: 2025-02-15, completed_at: 2025-02-15', 'due: 2025-02-15, completed_at: 2025-03-01'));
    const project = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    const analysis = analyze(project.incidents, project.catalog!, { asOf: '2025-02-20' });
    expect({ headline: analysis.headline.overdueActionItems, window: analysis.windows.recent.overdueActionItems, open: analysis.headline.openActionItems }).toEqual({ headline: 2, window: 2, open: 2 });
    expect(analysis.actionItems.items.filter((i) => i.overdue).map((i) => `${i.incident}#${i.index}`)).toEqual(['2025-01-10-a-capacity#0', '2025-01-10-a-capacity#2']);
    expect(analysis.windows.severe).toEqual(['SEV1', 'SEV2']);
    const { stdout } = await runCli(['analyze', '--incidents', dir, '--as-of', '2025-02-20'], { cwd: dir });
    expect(stdout).toContain('  action items      4 · 2 open · 2 overdue · 33% done');
  });
});
