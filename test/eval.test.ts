import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { main, type Io } from '../scripts/eval.ts';
import { claimsOf, type ClaimsSource } from '../scripts/eval/claims.ts';
import { evaluate, type Postmortem, type Report } from '../scripts/eval/evaluate.ts';
import { groupsOf, precisionAtK, scorePairs, sizeStats } from '../scripts/eval/metrics.ts';
import { readTruth } from '../scripts/eval/truth.ts';
import { generateCorpus } from '../scripts/generate.ts';
import { analyze, loadProject } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-eval-test-'));
  made.push(dir);
  return dir;
}

/*
 * Family A: a1 → a2 (written), a2 → a3 (not written). Family B: b1 → b2 (not written). c1 stands
 * alone. d1 is a draft, so its repeat d2 cannot be expected of the analysis.
 */
const postmortems: Postmortem[] = [
  { id: 'a1', rootCauses: ['bug'], recurrenceOf: undefined },
  { id: 'a2', rootCauses: ['bug'], recurrenceOf: 'a1' },
  { id: 'a3', rootCauses: ['bug'], recurrenceOf: undefined },
  { id: 'b1', rootCauses: ['config'], recurrenceOf: undefined },
  { id: 'b2', rootCauses: ['config'], recurrenceOf: undefined },
  { id: 'c1', rootCauses: ['bug'], recurrenceOf: undefined },
  { id: 'd1', rootCauses: ['capacity'], recurrenceOf: undefined },
  { id: 'd2', rootCauses: ['capacity'], recurrenceOf: undefined },
];

const syntheticTruth = readTruth(JSON.stringify({
  recurrences: [
    { id: 'a2', origin: 'a1', explicit: true },
    { id: 'a3', origin: 'a2', explicit: false },
    { id: 'b2', origin: 'b1', explicit: false },
    { id: 'd2', origin: 'd1', explicit: false },
  ],
  preventable: [
    { id: 'a2', origin: 'a1', explicit: true, items: ['Pool limits'] },
    { id: 'b2', origin: 'b1', explicit: false, items: ['Staged rollout'] },
  ],
}));

/** An analysis' claims: a1 → a2 confirmed; three suggestions, one of them (a3 → c1) wrong. */
const claimed: ClaimsSource = {
  scope: { leftOut: { draft: ['d1'], 'near-miss': [], 'game-day': [], 'after-as-of': [] } },
  recurrence: {
    links: [{ from: 'a1', to: 'a2' }],
    suggestions: [{ from: 'a1', to: 'a3' }, { from: 'b1', to: 'b2' }, { from: 'a3', to: 'c1' }],
    families: [{ members: [{ id: 'a1' }, { id: 'a2' }, { id: 'a3' }, { id: 'c1' }] }, { members: [{ id: 'b1' }, { id: 'b2' }] }],
    preventable: [{ id: 'a2', origin: 'a1' }, { id: 'a3', origin: 'a1' }],
  },
  similarity: { byIncident: { a1: [{ id: 'a2' }, { id: 'c1' }, { id: 'b1' }], b1: [{ id: 'b2' }], c1: [{ id: 'b1' }] } },
};

describe('the measures', () => {
  test('precision, recall and F1 of pairs, whichever way round a pair is written', () => {
    const truth = [{ origin: 'a', id: 'b' }, { origin: 'b', id: 'c' }];
    expect(scorePairs([{ origin: 'b', id: 'a' }, { origin: 'a', id: 'c' }, { origin: 'a', id: 'b' }], truth))
      .toEqual({ claimed: 2, expected: 2, matched: 1, precision: 0.5, recall: 0.5, f1: 0.5 });
    expect(scorePairs([], truth)).toEqual({ claimed: 0, expected: 2, matched: 0, precision: null, recall: 0, f1: null });
    expect(scorePairs([{ origin: 'x', id: 'y' }], truth).f1).toBe(0);
  });

  test('families are the groups pairs connect, sized in bands', () => {
    const groups = groupsOf([{ origin: 'b', id: 'c' }, { origin: 'x', id: 'y' }, { origin: 'a', id: 'b' }]);
    expect(groups).toEqual([['a', 'b', 'c'], ['x', 'y']]);
    const many = Array.from({ length: 60 }, (_, i) => `n${i}`);
    expect(sizeStats([...groups, many, many.slice(0, 7)])).toEqual({ count: 4, longest: 60, sizes: { 2: 1, 3: 1, '4-5': 0, '6-10': 1, '11-50': 0, '51+': 1 } });
  });

  test('precision at k judges each list on what it shows', () => {
    const ranked = new Map([['q1', ['r', 'x', 'r', 'x', 'x', 'r']], ['q2', ['x']], ['q3', []]]);
    const relevant = (_: string, b: string) => b === 'r';
    expect(precisionAtK(ranked, relevant, 1)).toBe(0.5);
    expect(precisionAtK(ranked, relevant, 5)).toBe(0.2);
    expect(precisionAtK(new Map(), relevant, 5)).toBeNull();
  });

  test('an analysis is read as its claims', () => {
    const claims = claimsOf(claimed);
    expect(claims.confirmed).toEqual([{ origin: 'a1', id: 'a2' }]);
    expect(claims.suggestions).toEqual([{ origin: 'a1', id: 'a3' }, { origin: 'b1', id: 'b2' }, { origin: 'a3', id: 'c1' }]);
    expect(claims.families).toEqual([['a1', 'a2', 'a3', 'c1'], ['b1', 'b2']]);
    expect(claims.preventable).toEqual([{ origin: 'a1', id: 'a2' }, { origin: 'a1', id: 'a3' }]);
    expect(claims.similar.get('a1')).toEqual(['a2', 'c1', 'b1']);
  });

  test('a report against synthetic truth', () => {
    const report = evaluate({ corpus: 'hand-made', analysis: claimed, postmortems, truth: syntheticTruth });
    expect(report).toEqual({
      corpus: 'hand-made',
      invalid: 0,
      postmortems: 8,
      analysed: 7,
      incidents: 7,
      truth: { recurrences: 3, explicit: 1, unlinked: 2, preventable: 1, outOfScope: 1, arguable: 0, judged: false },
      links: { claimed: 1, expected: 1, matched: 1, precision: 1, recall: 1, f1: 1 },
      suggestions: { claimed: 3, expected: 2, matched: 1, precision: 1 / 3, recall: 0.5, f1: expect.closeTo(0.4, 12), sameFamily: 2 / 3, accepted: 1, arguable: 0, rejected: 0 },
      rate: { claimed: 4 / 7, confirmed: 1 / 7, suggested: 3 / 7, truth: 3 / 7 },
      families: {
        claimed: { count: 2, longest: 4, sizes: { 2: 1, 3: 0, '4-5': 1, '6-10': 0, '11-50': 0, '51+': 0 } },
        truth: { count: 2, longest: 3, sizes: { 2: 1, 3: 1, '4-5': 0, '6-10': 0, '11-50': 0, '51+': 0 } },
        exact: 1,
      },
      preventable: { claimed: 2, expected: 1, matched: 1, precision: 0.5, recall: 1, f1: expect.closeTo(2 / 3, 12), recurrences: 2 },
      // a1: a2 (family), c1 (root cause), b1 (neither); b1: b2 (family); c1: b1 (neither).
      similar: { queries: 3, coverage: 3 / 7, atOne: 2 / 3, atFive: expect.closeTo(5 / 9, 12), familyHitAtFive: 2 / 5 },
    });
  });

  test('a report against real-world truth: judged pairs, distractors, mechanisms, links read from the files', () => {
    const truth = readTruth(JSON.stringify({
      recurrences: [
        { id: 'a2', origin: 'a1', judgement: 'same', why: 'ignored' },
        { id: 'a3', origin: 'a2', judgement: 'same' },
        { id: 'b2', origin: 'b1', judgement: 'arguable' },
      ],
      distractors: [{ a: 'a3', b: 'c1', why: 'ignored' }],
      mechanisms: { b1: 'bad-flag', c1: 'bad-flag' },
      factorGroups: [],
    }));
    expect(truth.preventable).toBeUndefined();
    const report = evaluate({ corpus: 'real', analysis: claimed, postmortems, truth });
    expect(report.truth).toEqual({ recurrences: 2, explicit: 1, unlinked: 1, preventable: null, outOfScope: 0, arguable: 1, judged: true });
    expect(report.links.precision).toBe(1);
    // a1 → a3 is wrong (a2 → a3 is the pair), b1 → b2 arguable and not scored, a3 → c1 a distractor.
    expect(report.suggestions).toMatchObject({ claimed: 2, expected: 1, matched: 0, precision: 0, recall: 0, accepted: 0, arguable: 1, rejected: 1, sameFamily: 0.5 });
    expect(report.preventable).toBeNull();
    // c1 → b1 now share a mechanism.
    expect(report.similar.atOne).toBe(1);
  });

  test('a truth file of the wrong shape is refused with the place of the problem', () => {
    expect(() => readTruth('{"recurrences": [{"id": "a"}]}')).toThrow('the truth file does not have the expected shape: Invalid input: expected string, received undefined at recurrences.0.origin');
    expect(() => readTruth('nope')).toThrow(/^the truth file is not JSON: /);
  });
});

describe('npm run eval', () => {
  const run = async (args: string[], cwd = process.cwd()) => {
    let stdout = '', stderr = '';
    const io: Io = { cwd, stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, today: '2026-11-01' };
    const code = await main(args, io);
    return { code, stdout, stderr };
  };

  test('measures a generated corpus and prints one line per measure', async () => {
    const { code, stdout, stderr } = await run(['--sizes', '200', '--seed', '5']);
    expect(stderr).toBe('eval: generating and analysing 200 postmortems (seed 5)\n');
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^synthetic, 200 postmortems, seed 5: 200 postmortems loaded, \d+ analysed, \d+ of them incidents$/);
    expect(lines.slice(1).map((l) => l.slice(0, 21))).toEqual([
      '  truth              ', '  confirmed links    ', '  suggestions        ', '  recurrence rate    ', '  families           ', '  preventable        ', '  similar incidents  ',
    ]);
    // The analysis honours every written link.
    expect(lines[2]).toMatch(/^ {2}confirmed links {4}precision 100\.0% {2}recall 100\.0% {2}F1 100\.0% {3}\d+ claimed, \d+ true$/);
  });

  test('--json gives the figures, and a perfect analysis scores 1 on every measure', async () => {
    const { code, stdout } = await run(['--sizes', '200', '--seed', '5', '--json']);
    expect(code).toBe(0);
    const [report] = JSON.parse(stdout) as Report[];
    expect(report!.truth.recurrences).toBeGreaterThan(10);
    expect(report!.links).toMatchObject({ precision: 1, recall: 1 });

    // The oracle: claims made from the truth itself. Whatever the corpus, it must score 1, or the
    // evaluation (or a truth naming what the analysis cannot see) is wrong.
    const dir = tempDir();
    const { truth: planted } = generateCorpus({ count: 200, seed: 5, out: dir });
    const loaded = await loadProject({ incidentsDir: dir, cwd: dir, now: NOW });
    const analysis = analyze(loaded.incidents, loaded.catalog!, { asOf: '2026-11-01' });
    const drafts = new Set(analysis.scope.leftOut.draft);
    const visible = planted.recurrences.filter((r) => !drafts.has(r.id) && !drafts.has(r.origin));
    const families = groupsOf(visible);
    const oracle = {
      scope: analysis.scope,
      recurrence: {
        links: visible.filter((r) => r.explicit).map((r) => ({ from: r.origin, to: r.id })),
        suggestions: visible.filter((r) => !r.explicit).map((r) => ({ from: r.origin, to: r.id })),
        families: families.map((ids) => ({ members: ids.map((id) => ({ id })) })),
        preventable: planted.preventable.filter((p) => p.explicit && !drafts.has(p.id) && !drafts.has(p.origin)).map((p) => ({ id: p.id, origin: p.origin, items: p.items })),
      },
      similarity: { byIncident: Object.fromEntries(families.flatMap((f) => f.map((id) => [id, f.filter((o) => o !== id).map((o) => ({ id: o }))]))) },
    };
    const perfect = evaluate({
      corpus: 'oracle',
      analysis: oracle,
      postmortems: loaded.incidents.map((i) => ({ id: i.id, rootCauses: i.frontmatter.root_causes ?? [], recurrenceOf: i.frontmatter.recurrence_of })),
      truth: readTruth(JSON.stringify(planted)),
    });
    expect(perfect.truth).toEqual(report!.truth);
    expect(perfect.truth.preventable).toBeGreaterThan(0);
    for (const score of [perfect.links, perfect.suggestions, perfect.preventable!]) expect(score).toMatchObject({ precision: 1, recall: 1, f1: 1 });
    expect(perfect.rate.claimed).toBe(perfect.rate.truth);
    expect(perfect.families.exact).toBe(perfect.families.truth.count);
    expect(perfect.similar).toMatchObject({ atOne: 1, atFive: 1, familyHitAtFive: 1 });
  });

  test('reads the real-world set and its hand-judged truth', async () => {
    const judged = JSON.parse(readFileSync('test/real-world/truth.json', 'utf8')) as { recurrences: { judgement: string }[] };
    const { code, stdout, stderr } = await run(['--incidents', 'test/real-world/incidents', '--truth', 'test/real-world/truth.json', '--as-of', '2026-01-01', '--json']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    const [report] = JSON.parse(stdout) as Report[];
    expect(report!.postmortems).toBe(report!.analysed);
    expect(report!.truth).toMatchObject({
      recurrences: judged.recurrences.filter((r) => r.judgement === 'same').length,
      arguable: judged.recurrences.filter((r) => r.judgement === 'arguable').length,
      explicit: 0,
      preventable: null,
      outOfScope: 0,
      judged: true,
    });
  });

  test('evaluates a folder against a truth file; refuses half the options, and a truth file it cannot read', async () => {
    const dir = tempDir();
    const { truth } = generateCorpus({ count: 120, seed: 5, out: join(dir, 'incidents') });
    writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth));
    const ok = await run(['--incidents', 'incidents', '--truth', 'truth.json', '--json'], dir);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe('');
    expect((JSON.parse(ok.stdout) as Report[]).map((r) => r.corpus)).toEqual(['incidents']);

    // A postmortem with errors cannot be analysed; the report says so instead of dropping it quietly.
    writeFileSync(join(dir, 'incidents', '2023', '2023-06-01-broken.md'), '---\ntitle: [unclosed\n---\n');
    const text = await run(['--incidents', 'incidents', '--truth', 'truth.json'], dir);
    expect(text.stdout.split('\n')[0]).toMatch(/^incidents: 120 postmortems loaded \(1 file with errors left out; npm run validate says why\), \d+ analysed, \d+ of them incidents$/);

    expect(await run(['--incidents', 'incidents'], dir)).toEqual({
      code: 2,
      stdout: '',
      stderr: 'eval: --incidents and --truth go together; usage: npm run eval -- [--sizes 1000,10000] [--seed 1] | --incidents DIR --truth FILE [--as-of YYYY-MM-DD]; add --json for JSON\n',
    });
    expect(await run(['--incidents', 'incidents', '--truth', 'missing.json'], dir)).toEqual({ code: 2, stdout: '', stderr: 'eval: cannot read missing.json: no such file\n' });
    expect(await run(['--sizes', '10,x'], dir)).toEqual({ code: 2, stdout: '', stderr: 'eval: --sizes must be whole numbers of at least 1 separated by commas, not 10,x\n' });
  });
});
