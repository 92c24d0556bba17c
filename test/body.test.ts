import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { loadProject } from '../src/lib/index.ts';
import { level2HeadingName, outlineBody, outlineTree } from '../src/lib/parse/body.ts';
import { NOW } from './helpers.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures/validate');

describe('body outline', () => {
  test('timeline items are resolved against started_at, across midnight and dates', async () => {
    const dir = join(FIXTURES, 'body');
    const { incidents } = await loadProject({ incidentsDir: join(dir, 'incidents'), cwd: dir, now: NOW });
    const incident = incidents.find((i) => i.id === '2025-07-03-timeline')!;
    expect(incident.body.timeline.map(({ at, text, line }) => ({ at, text, line }))).toEqual([
      { at: '2025-07-03T23:40:00+02:00', text: 'Deploy starts.', line: 26 },
      { at: '2025-07-03T23:50:00+02:00', text: 'Alert fires.', line: 27 },
      { at: '2025-07-04T00:15:00+02:00', text: 'On-call joins.', line: 28 },
      { at: '2025-07-04T07:05:00Z', text: 'Vendor confirms.', line: 29 },
      { at: '2025-07-05T08:30:00+02:00', text: 'Fix deployed.', line: 30 },
      { at: '2025-07-05T09:00:00+02:00', text: 'Resolved.', line: 31 },
    ]);
    expect(incident.body.sections.map((s) => [s.heading, s.line])).toEqual([
      ['Summary', 16], ['Impact', 20], ['Timeline', 24], ['Root cause', 39], ['Lessons learned', 43],
    ]);
    expect(incident.times).toEqual({
      startedAt: Date.parse('2025-07-03T21:40:00Z'),
      detectedAt: Date.parse('2025-07-03T21:50:00Z'),
      resolvedAt: Date.parse('2025-07-05T07:00:00Z'),
    });
  });

  test('sections, their text and the word count', () => {
    const outline = outlineBody('Intro words here.\n\n## Summary\n\nOne *two* `three`.\n\n### Detail\n\nFour.\n\n```\nnot counted\n```\n\n## Root  Causes\n\n- five six\n', 10);
    expect(outline.sections).toEqual([
      { heading: 'Summary', key: 'summary', line: 13, text: 'One two three.\nDetail\nFour.\nnot counted' },
      { heading: 'Root  Causes', key: 'root causes', line: 25, text: 'five six' },
    ]);
    expect(outline.otherHeadings).toEqual([{ depth: 3, heading: 'Detail', key: 'detail', line: 17 }]);
    expect(outline.wordCount).toBe(13);
  });

  // satteri builds the outline in production; remark is the reference mdast. They must agree.
  test.each(['body', 'mixed', 'encodings'])('satteri and remark give the same outline (%s)', async (fixture) => {
    const dir = join(FIXTURES, fixture);
    const { incidents } = await loadProject({ incidentsDir: join(dir, 'incidents'), cwd: dir, now: NOW });
    expect(incidents.length).toBeGreaterThan(0);
    const remark = unified().use(remarkParse).use(remarkGfm);
    for (const incident of incidents) {
      const markdown = readFileSync(join(dir, incident.file), 'utf8').replace(/^\uFEFF/, '');
      const body = markdown.slice(markdown.length - incident.body.markdown.length);
      const reference = outlineTree(remark.runSync(remark.parse(body)) as Root, incident.body.line - 1);
      expect(outlineBody(body, incident.body.line - 1)).toEqual(reference);
    }
  });
});

test('a `## ` line names its section as CommonMark reads it, and any other line names none', () => {
  expect(['## Root cause', '##   Root cause  ', '## Root cause ##', '## Root cause\t#', '## C#', '## #', '##\tTimeline', '##Root cause', '### Root cause', '# Root cause', '## ']
    .map(level2HeadingName)).toEqual(['Root cause', 'Root cause', 'Root cause', 'Root cause', 'C#', '', 'Timeline', undefined, undefined, undefined, '']);
  // A long run of spaces inside is kept, for sectionKey to collapse.
  expect(level2HeadingName(`## Lessons${' '.repeat(100_000)}learned ##`)).toBe(`Lessons${' '.repeat(100_000)}learned`);
});
