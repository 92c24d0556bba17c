import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadConfiguredProject, loadProject, renderBodyHtml, renderBodySections } from '../src/lib/index.ts';
import { NOW } from './helpers.ts';

/**
 * Hostile and broken files, each folder a case like test/fixtures/validate/: an `incidents/`
 * folder (and maybe a `hindsight.config.json`) and `expected.json`, the exact findings.
 * `UPDATE=1 npm test` rewrites the expectations; review the diff before committing it.
 */
const ROOT = join(import.meta.dirname, 'fixtures/security');
const CASES = readdirSync(ROOT).sort();

const format = (d: { file: string; line: number; column: number; severity: string; rule: string; message: string }) =>
  `${d.file}:${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;

describe('hostile files', () => {
  for (const name of CASES) {
    test(name, async () => {
      const dir = join(ROOT, name);
      const result = await loadConfiguredProject({ cwd: dir, now: NOW });
      const actual = { files: result.files, valid: result.incidents.map((i) => i.id), findings: result.diagnostics.map(format) };
      const expectedFile = join(dir, 'expected.json');
      if (process.env.UPDATE) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});

describe('rendering a body', () => {
  test('an unclosed <plaintext>, <title> or <xmp> does not swallow what follows', () => {
    for (const opener of ['<plaintext>', '<PLAINTEXT>', '<title>', '<xmp>']) {
      expect(renderBodyHtml(`Before.\n\n${opener}\n\n**Still rendered.**\n\n- and a list`), opener)
        .toBe(`<p>Before.</p>\n&#x3C;${opener.slice(1)}\n<p><strong>Still rendered.</strong></p>\n<ul>\n<li>and a list</li>\n</ul>\n`);
    }
  });

  test('after an unclosed <script>, <style>, <textarea> or comment, the rest stays visible', () => {
    // Markdown reads these as HTML blocks that run to their end tag, as GitHub does: the rest of
    // the section is shown as it was written, rather than hidden inside the element.
    for (const opener of ['<script>', '<style>', '<textarea>', '<!--']) {
      expect(renderBodyHtml(`Before.\n\n${opener}\n\n**Still there.**`), opener).toBe(`<p>Before.</p>\n&#x3C;${opener.slice(1)}\n\n**Still there.**\n`);
    }
  });

  test('closed raw-text elements are handled as before: sanitised away, script content with them', () => {
    expect(renderBodyHtml('<textarea>**not bold**</textarea>\n\nAfter.')).toBe('**not bold**\n<p>After.</p>\n');
    expect(renderBodyHtml('<script>alert(1)</script>\n\nAfter.')).toBe('\n<p>After.</p>\n');
  });

  test('the <plaintext> fixture renders its Root cause section in full', async () => {
    const dir = join(ROOT, 'body-limits');
    const { incidents } = await loadProject({ incidentsDir: 'incidents', cwd: dir, now: NOW });
    const incident = incidents.find((i) => i.id === '2025-06-05-plaintext')!;
    const section = renderBodySections(incident.body).sections.find((s) => s.key === 'root cause')!;
    expect(section.html).toBe('<p>No connection pooling.</p>\n&#x3C;plaintext>\n<p><strong>Still rendered.</strong></p>\n');
  });

  test('elements nested too deep for the HTML parser are shown as text', () => {
    expect(renderBodyHtml(`${'<div>'.repeat(300)}x`)).toBe(`<pre>${'&lt;div&gt;'.repeat(300)}x</pre>`);
    expect(renderBodyHtml(`${'<div>'.repeat(200)}x`)).toContain('<div>');
  });
});
