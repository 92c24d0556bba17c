import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { NO_TEMPLATE, templatePlaceholders } from '../src/lib/validate/placeholders.ts';

const TEMPLATE = readFileSync(join(import.meta.dirname, '../incidents/_template.md'));

// The placeholders are the bundled template's own text, read from it: nothing here is a guess kept by hand.
test('the bundled template: its free text, its example times and the instructions of its body', () => {
  const found = templatePlaceholders(TEMPLATE);
  expect(found.fields).toEqual({
    title: ['What broke, for whom, in a few words'],
    'authors[]': ['your.name'],
    'impact.summary': ['Who was affected and how, in one sentence.'],
  });
  expect(found.prefilled).toEqual({ 'impact.summary': [['customer_facing', false], ['users_affected', 0]] });
  const time = '2025-01-01T00:00:00+01:00';
  expect(found.timestamps).toEqual({ started_at: time, detected_at: time, mitigated_at: time, resolved_at: time });
  expect(found.body).toEqual([
    'To be written.',
    'Two or three sentences: what happened, the impact, how it ended.',
    'Who was affected, for how long, and how badly: requests, users, money, data.',
    "One item per event, starting with the time in started_at's zone:",
    '00:00 — Impact begins.',
    '00:00 — Alert fires.',
    'Why it happened; keep asking why until the answer is a system, not a person.',
    'What made it worse or slower to fix.',
    'What went well, what went wrong, where we got lucky.',
    'What will prevent, detect or mitigate it next time; the list itself is in the frontmatter.',
  ]);
});

test('a template that cannot be read, or has no frontmatter, leaves what it can', () => {
  expect(templatePlaceholders(new Uint8Array([0xff, 0xfe]))).toEqual(NO_TEMPLATE);
  expect(templatePlaceholders(new TextEncoder().encode('## Summary\n\n_Say what happened._\n'))).toEqual({ ...NO_TEMPLATE, body: ['To be written.', 'Say what happened.'] });
  expect(templatePlaceholders(new TextEncoder().encode(`---\ntitle: [${'['.repeat(50_000)}\n---\n\n_Body._\n`))).toEqual({ ...NO_TEMPLATE, body: ['To be written.', 'Body.'] });
});

test('a template of 20,000 paragraphs gives the first 200, each of at most 1,000 characters', () => {
  const paragraphs = [`_${'long '.repeat(300)}_`, ...Array.from({ length: 20_000 }, (_, i) => `_Say what happened ${i}._`)];
  const found = templatePlaceholders(new TextEncoder().encode(`---\ntitle: x\n---\n\n${paragraphs.join('\n\n')}\n`));
  expect(found.body).toHaveLength(201);
  expect(found.body.slice(0, 3)).toEqual(['To be written.', 'Say what happened 0.', 'Say what happened 1.']);
  expect(found.body.at(-1)).toBe('Say what happened 199.');
});
