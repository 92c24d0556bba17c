import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { analyze, loadProject, type Pattern } from '../src/lib/index.ts';
import { shrunkLift } from '../src/lib/analyze/patterns.ts';
import { groupFactorWritings } from '../src/lib/analyze/factor-groups.ts';
import { factorTokens, mechanismTokens, tokenSimilarity, writingSimilarity } from '../src/lib/text/factor-text.ts';
import { NOW } from './helpers.ts';

const DIR = join(import.meta.dirname, 'fixtures/analyze/patterns/incidents');
const project = await loadProject({ incidentsDir: DIR, cwd: DIR, now: NOW });
const analysis = analyze(project.incidents, project.catalog!, { asOf: '2025-12-31' });
const name = (p: Pattern) => p.parts.map((x) => `${x.dimension}:${x.value}`).join(' × ');

describe('contributing factors', () => {
  test('the catalog id, an alias and a close paraphrase count as one declared factor; the paraphrase gets a notice', () => {
    expect(analysis.factors[0]).toEqual({
      value: 'no-canary',
      label: 'No canary stage',
      declared: true,
      incidents: 3,
      writings: [
        { text: 'no-canary', postmortems: 1, how: 'id' },
        // {no, rollout, staged} against the label's {no, staged}: 2·2 ÷ 5.
        { text: 'No canary stage for deploys', postmortems: 1, how: 'similar', similarity: 0.8 },
        { text: 'Deploys skip the canary', postmortems: 1, how: 'exact' },
      ],
    });
    expect(project.diagnostics.map((d) => [d.file.split('/').at(-1), d.line, d.column, d.rule, d.severity, d.message])).toEqual([
      ['2025-02-12-deploy-s2.md', 12, 5, 'factor-reads-like', 'notice', 'the contributing factor "No canary stage for deploys" reads like `no-canary` (No canary stage) and is counted as it; write the id to make it count exactly'],
    ]);
  });

  test('paraphrases nobody declared cluster around their most common writing', () => {
    // {cpu, alert, no} for the first two; "no alerts on CPU usage" adds `usage`: Dice 6/7.
    expect(analysis.factors[1]).toEqual({
      value: 'no cpu alerting',
      label: 'No CPU alerting',
      declared: false,
      incidents: 3,
      writings: [
        { text: 'No CPU alerting', postmortems: 1, how: 'exact' },
        { text: 'CPU alerting completely missing', postmortems: 1, how: 'exact' },
        { text: 'no alerts on CPU usage', postmortems: 1, how: 'similar', similarity: 0.86 },
      ],
      suggestedId: 'no-cpu-alerting',
    });
  });

  test('negations meet, function words and intensifiers drop, words are stemmed', () => {
    expect(factorTokens('CPU alerting completely missing')).toEqual(['alert', 'cpu', 'no']);
    expect(factorTokens('Lack of connection pools')).toEqual(['connection', 'no', 'pool']);
    // Words of one idea read as it: `capped` is a limit, `canary` and `progressive` a staged rollout.
    expect(factorTokens('Hosts rebooted; reboots not capped')).toEqual(['host', 'limit', 'no', 'reboot']);
    expect(factorTokens('no progressive deployment')).toEqual(factorTokens('without a canary rollout'));
    expect(tokenSimilarity(factorTokens('No CPU alerting'), factorTokens('No memory alerting'))).toBeCloseTo(2 / 3);
  });

  test('two writings of one mechanism in different words meet by their concept words', () => {
    const read = (text: string) => { const tokens = factorTokens(text); return { tokens, mechanism: mechanismTokens(tokens) }; };
    const waf = read('WAF rules were deployed to the whole fleet at once, without a staged rollout');
    const content = read('Content updates went to all customers at once, with no staged deployment');
    expect(waf.mechanism).toEqual(['everywhere', 'no', 'rollout', 'staged']);
    expect(content.mechanism).toEqual(['everywhere', 'no', 'rollout', 'staged']);
    expect(tokenSimilarity(waf.tokens, content.tokens)).toBeLessThan(0.7);
    expect(writingSimilarity(waf, content)).toBe(1);
    // "no" and one concept word are too generic to group by.
    expect(writingSimilarity(read('No alert on disk usage'), read('No alert on queue depth'))).toBe(0.5);
  });

  test('unrelated writings stay apart, and a slug close to an id is that id', () => {
    const grouping = groupFactorWritings(new Map([['No connection pooling', 3], ['Connection pool too small', 1], ['no-canery', 1]]), [{ id: 'no-canary', label: 'No canary stage', aliases: [] }]);
    expect(grouping.groups.map((g) => [g.value, g.writings.map((w) => [w.text, w.how])])).toEqual([
      ['no-canary', [['no-canery', 'similar']]],
      ['no connection pooling', [['No connection pooling', 'exact']]],
      ['connection pool too small', [['Connection pool too small', 'exact']]],
    ]);
  });
});

describe('patterns', () => {
  test('ranked by weight × lift; no pair restates one id; a factor names the incidents it shares with a pair', () => {
    expect(analysis.patterns.map((p) => [name(p), p.count, p.lift, p.status])).toEqual([
      // 3 of db's 3 incidents and of capacity's 3: 3 ÷ (3·3/10 + 1) = 1.58.
      ['service:db × root_cause:capacity', 3, 1.58, 'quiet'],
      ['contributing_factor:no-canary', 3, 1.36, 'resolved'],
      // Root cause `deploy` × trigger `deploy` covers these four too, and is no pattern.
      ['root_cause:deploy', 4, 1, 'resolved'],
      ['contributing_factor:no cpu alerting', 3, 1.58, 'active'],
      ['service:s1', 2, 1, 'active'],
      ['service:s2', 2, 1, 'active'],
      ['service:s3', 2, 1, 'active'],
    ]);
    for (const p of analysis.patterns) expect(new Set(p.parts.map((x) => x.value)).size).toBe(p.parts.length);
    expect(analysis.patterns[2]!.sameIncidents).toEqual([[{ dimension: 'trigger', value: 'deploy', label: 'Deploy' }]]);
    // The factor's lift is with the value its incidents concentrate on.
    expect(analysis.patterns[3]!.liftWith).toEqual({ dimension: 'root_cause', value: 'bug', label: 'Software bug' });
  });

  test('the score: severity × duration × recurrence, summed, times the lift', () => {
    // SEV2 weighs 4, an hour to resolve 1 + log10(2), the two recurrences 1.5 each.
    const weights = 4 * (1 + Math.log10(2)) * (1 + 1.5 + 1.5);
    expect(analysis.patterns[0]!.score).toBeCloseTo(weights * shrunkLift(3, 3, 3, 10), 3);
    expect(analysis.patterns[0]!.score).toBe(32.8681);
  });

  test('a pattern that stopped and whose prevent items are done is resolved, with its last incident', () => {
    const canary = analysis.patterns[1]!;
    expect(canary).toMatchObject({ status: 'resolved', lastSeen: '2025-03-14', actionItems: { total: 2, open: 0, overdue: 0, done: 2, prevent: 2, preventDone: 2, toDo: [] } });
    expect(canary.explanation).toBe('3 incidents in 2 months: contributing factor "No canary stage", 2 of them SEV2; resolved: none since 2025-03-14, prevent items done');
  });

  test('a pattern links its incidents, its recurrence chains and the action items still to do', () => {
    expect(analysis.patterns[0]).toMatchObject({
      incidents: ['2025-05-05-db-full', '2025-06-05-db-full-again', '2025-07-05-db-full-third'],
      chains: ['2025-05-05-db-full'],
      actionItems: { total: 1, open: 1, overdue: 0, done: 0, prevent: 0, toDo: [{ incident: '2025-05-05-db-full', index: 0 }] },
      explanation: '3 incidents in 2 months: service db × root cause capacity (also service db × trigger traffic), all SEV2, 2 recurrences, 1.6× as often together as chance predicts; quiet since 2025-07-05, no prevent item',
    });
    expect(analysis.patterns[3]).toMatchObject({ status: 'active', actionItems: { open: 1, overdue: 1 }, trend: { direction: 'too-few', recent: 3, previous: 0, pValue: null } });
  });

  test('two incidents of a rare pair do not outweigh a value dozens of incidents share', () => {
    // Of 128 incidents, a cause in 37 against a pair whose two values each have only these 2.
    expect(2 * shrunkLift(2, 2, 2, 128)).toBeLessThan(37);
    expect(shrunkLift(2, 2, 2, 128)).toBeCloseTo(1.94, 2);
  });
});
