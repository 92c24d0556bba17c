import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { generateCorpus } from '../scripts/generate.ts';
import { componentsIn } from '../scripts/generate/names.ts';
import { renderTruth, type Truth } from '../scripts/generate/truth.ts';
import { groupsOf } from '../scripts/eval/metrics.ts';
import { analyze, loadProject } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

const COUNT = 300;
const made: string[] = [];

const truths = new Map<string, Truth>();

function generate(seed: number): string {
  const out = mkdtempSync(join(tmpdir(), 'hindsight-generate-'));
  made.push(out);
  truths.set(out, generateCorpus({ count: COUNT, seed, out, start: '2024-01-01', months: 30 }).truth);
  return out;
}

const idOf = (file: string) => file.split('/').at(-1)!.replace(/\.md$/, '');

/** Every file of a folder by its relative path, in a stable order. */
function contents(dir: string): [string, string][] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md') || f.endsWith('.yaml'))
    .sort()
    .map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('the synthetic corpus generator', () => {
  const first = generate(7);
  const files = contents(first);

  test('writes postmortems that validate without errors', async () => {
    const result = await loadProject({ incidentsDir: first, cwd: first, now: NOW });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.files).toBe(COUNT + 1);
    expect(files.map(([f]) => f)).toContain('_catalog.yaml');
    expect(files.filter(([f]) => /^\d{4}\/\d{4}-\d\d-\d\d-[a-z0-9-]+\.md$/.test(f))).toHaveLength(COUNT);
  });

  test('gives byte-identical files for the same seed', () => {
    expect(contents(generate(7))).toEqual(files);
  });

  test('gives different files for another seed', () => {
    expect(contents(generate(8))).not.toEqual(files);
  });

  test('plants explicit recurrences of earlier incidents', () => {
    const ids = new Set(files.map(([f]) => f.split('/').at(-1)!.replace(/\.md$/, '')));
    const links = files.flatMap(([f, text]) => {
      const target = /^recurrence_of: (.+)$/m.exec(text)?.[1];
      return target ? [{ id: f.split('/').at(-1)!.replace(/\.md$/, ''), target }] : [];
    });
    expect(links.length).toBeGreaterThan(5);
    for (const { id, target } of links) {
      expect(ids.has(target)).toBe(true);
      expect(target.slice(0, 10) < id.slice(0, 10)).toBe(true);
    }
  });

  test('the analysis finds every planted explicit recurrence, and preventable ones', async () => {
    const result = await loadProject({ incidentsDir: first, cwd: first, now: NOW });
    const analysis = analyze(result.incidents, result.catalog!, { asOf: '2026-11-01' });
    const drafts = new Set(analysis.scope.leftOut.draft);
    // A link from or to a draft is not analysed: drafts are left out.
    const planted = files.filter(([f, text]) => {
      const target = /^recurrence_of: (.+)$/m.exec(text)?.[1];
      return target !== undefined && !drafts.has(target) && !drafts.has(f.split('/').at(-1)!.replace(/\.md$/, ''));
    });
    expect(analysis.recurrence.links).toHaveLength(planted.length);
    expect(analysis.recurrence.preventable.length).toBeGreaterThan(0);
  });
});

describe('the planted truth', () => {
  const dir = generate(7);
  const truth = truths.get(dir)!;
  const files = new Map(contents(dir).filter(([f]) => f.endsWith('.md')).map(([f, text]) => [idOf(f), text]));
  const startOf = (id: string) => /^started_at: (\d{4}-\d\d-\d\d)/m.exec(files.get(id)!)![1]!;

  test('names a repeat of an earlier incident for about 15% of postmortems, each once', () => {
    expect(truth.recurrences.length).toBeGreaterThan(COUNT * 0.08);
    expect(truth.recurrences.length).toBeLessThan(COUNT * 0.2);
    expect(new Set(truth.recurrences.map((r) => r.id)).size).toBe(truth.recurrences.length);
    for (const r of truth.recurrences) {
      expect(files.has(r.id) && files.has(r.origin), r.id).toBe(true);
      expect(startOf(r.origin) < startOf(r.id), r.id).toBe(true);
    }
  });

  test('says explicit exactly when the repeat writes recurrence_of its origin', () => {
    const written = [...files].flatMap(([id, text]) => {
      const origin = /^recurrence_of: (.+)$/m.exec(text)?.[1];
      return origin ? [{ id, origin }] : [];
    });
    const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : 1);
    expect(truth.recurrences.filter((r) => r.explicit).map(({ id, origin }) => ({ id, origin })).sort(byId)).toEqual(written.sort(byId));
    expect(truth.recurrences.some((r) => !r.explicit)).toBe(true);
  });

  test('lists as preventable the repeats whose origin had a prevent item overdue at their start, as the files show', () => {
    // Re-derived from the files alone: a prevent item of the origin, due before the repeat's start
    // date and not done by then.
    const derived = truth.recurrences.flatMap((r) => {
      const start = startOf(r.id);
      const items = itemsOf(files.get(r.origin)!).filter((item) => item.type === 'prevent' && item.due !== undefined && item.due < start
        && (item.status === 'open' || item.status === 'in-progress' || (item.status === 'done' && item.completed_at! >= start)));
      return items.length ? [{ ...r, items: items.map((item) => item.title) }] : [];
    });
    expect(truth.preventable).toEqual(derived);
    expect(truth.preventable.length).toBeGreaterThan(3);
    expect(truth.preventable.some((p) => p.explicit) && truth.preventable.some((p) => !p.explicit)).toBe(true);
  });

  test('is true of the text: a planted family\'s component, error and specifics appear in its files and no other', () => {
    // Ids name other incidents (related, recurrence_of, the summary's "same failure as"): a
    // reference, not a shared detail.
    const familyOf = new Map<string, string>();
    for (const family of groupsOf(truth.recurrences)) for (const id of family) familyOf.set(id, family[0]!);
    const seenIn = new Map<string, Set<string>>();
    for (const [id, text] of files) {
      const components = componentsIn(text.replace(/\d{4}-\d\d-\d\d-[a-z0-9-]+/g, ''));
      expect(components.size, id).toBeGreaterThan(0);
      for (const component of components) {
        let families = seenIn.get(component);
        if (!families) {
          families = new Set();
          seenIn.set(component, families);
        }
        families.add(familyOf.get(id) ?? id);
      }
    }
    const shared = [...seenIn].filter(([, families]) => families.size > 1);
    expect(shared).toEqual([]);
    // And every repeat shares one with its origin: an oracle reading them finds every planted pair.
    const of = (id: string) => componentsIn(files.get(id)!.replace(/\d{4}-\d\d-\d\d-[a-z0-9-]+/g, ''));
    for (const r of truth.recurrences) expect([...of(r.id)].some((c) => of(r.origin).has(c)), r.id).toBe(true);
  });

  test('keeps services and root causes shared across unrelated incidents', () => {
    const familyOf = new Map<string, string>();
    for (const family of groupsOf(truth.recurrences)) for (const id of family) familyOf.set(id, family[0]!);
    const key = (text: string) => `${/^services: \[([^,\]]+)/m.exec(text)?.[1]} ${/^root_causes: \[([^,\]]+)/m.exec(text)?.[1]}`;
    const families = new Map<string, Set<string>>();
    for (const [id, text] of files) {
      let set = families.get(key(text));
      if (!set) {
        set = new Set();
        families.set(key(text), set);
      }
      set.add(familyOf.get(id) ?? id);
    }
    // The busiest service and cause pair is shared by many unrelated incidents, as in life.
    expect(Math.max(...[...families.values()].map((f) => f.size))).toBeGreaterThan(5);
  });

  test('npm run generate -- --truth writes it, and says so', () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-generate-cli-'));
    made.push(out);
    const child = spawnSync(process.execPath, ['scripts/generate.ts', '--count', String(COUNT), '--seed', '7', '--start', '2024-01-01', '--months', '30', '--out', join(out, 'incidents'), '--truth', join(out, 'truth.json')], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.stdout).toBe(`wrote ${COUNT} postmortems and the catalog to ${join(out, 'incidents')}\n`
      + `wrote the planted truth to ${join(out, 'truth.json')}: ${truth.recurrences.length} repeats, ${truth.preventable.length} of them preventable\n`);
    const written = readFileSync(join(out, 'truth.json'), 'utf8');
    expect(written).toBe(renderTruth(truth));
    expect(JSON.parse(written)).toEqual(truth);
  });
});

interface WrittenItem { title: string; type: string; status: string; due?: string; completed_at?: string }

/** The action items of a generated file, read with the same line patterns the generator writes. */
function itemsOf(text: string): WrittenItem[] {
  const block = /^action_items:\n((?: {2}.*\n)+)/m.exec(text)?.[1] ?? '';
  return block.split(/^ {2}- /m).slice(1).map((entry) => {
    const field = (name: string) => new RegExp(`^(?: {4})?${name}: (.+)$`, 'm').exec(entry)?.[1];
    const title = field('title')!;
    const item: WrittenItem = { title: title.startsWith('"') ? JSON.parse(title) as string : title, type: field('type')!, status: field('status')! };
    const due = field('due');
    const completed = field('completed_at');
    if (due) item.due = due;
    if (completed) item.completed_at = completed;
    return item;
  });
}
