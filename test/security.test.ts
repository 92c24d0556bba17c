import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { worstFiles } from '../scripts/bench/worst-files.ts';
import { DEFAULT_REQUIRED_SECTIONS, loadConfiguredProject, loadProject, renderBodyHtml, renderBodySections, RULES } from '../src/lib/index.ts';
import { loadCatalog } from '../src/lib/load/catalog.ts';
import { validateFiles, type FileContext } from '../src/lib/load/validate-files.ts';
import { LIMITS } from '../src/lib/parse/limits.ts';
import { NOW, validateInWorker } from './helpers.ts';

/**
 * Hostile and broken files, each folder a case like test/fixtures/validate/: an `incidents/`
 * folder (and maybe a `hindsight.config.json`) and `expected.json`, the exact findings.
 * `UPDATE=1 npm test` rewrites the expectations; review the diff before committing it.
 */
const ROOT = join(import.meta.dirname, 'fixtures/security');
const REPO = join(import.meta.dirname, '..');
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

// Files too big to keep in the repository: written here, with the catalog of the fixtures.
const made = mkdtempSync(join(tmpdir(), 'hindsight-security-'));
afterAll(() => rmSync(made, { recursive: true, force: true }));
const VALID = readFileSync(join(ROOT, 'body-limits/incidents/2025-06-05-plaintext.md'), 'utf8');
const [, FRONTMATTER, BODY] = /^---\n([\s\S]*?)---\n([\s\S]*)$/.exec(VALID)!;

async function findingsOf(text: string): Promise<string[]> {
  const dir = mkdtempSync(join(made, 'case-'));
  mkdirSync(join(dir, 'incidents'));
  copyFileSync(join(REPO, 'incidents/_catalog.yaml'), join(dir, 'incidents/_catalog.yaml'));
  writeFileSync(join(dir, 'incidents/big.md'), text);
  const result = await loadProject({ incidentsDir: 'incidents', cwd: dir, now: NOW });
  return result.diagnostics.map(format);
}

describe('reproducers too big for a fixture', () => {
  const frontmatterLines = FRONTMATTER!.split('\n').length;
  const bodyStart = frontmatterLines + 2;

  test('a body paragraph of é and 1,048,000 `<` is refused in one pass, not parsed for two minutes', async () => {
    const text = `---\n${FRONTMATTER}---\n${BODY}é ${'<'.repeat(1_048_000 - VALID.length - 4)}`;
    expect(await findingsOf(text)).toEqual([
      `incidents/big.md:${bodyStart + BODY!.split('\n').length - 1}:1 error body-too-dense: by this line the body holds more Markdown elements than the limit for a postmortem (150,000, counted as punctuation characters, list and quote markers, and lines); move logs and data to a linked file`,
    ]);
  });

  test('400,000 blank lines in the frontmatter', async () => {
    const text = `---\n${FRONTMATTER}${'\n'.repeat(400_000)}---\n${BODY}`;
    expect(await findingsOf(text)).toEqual([
      `incidents/big.md:1:1 error frontmatter-too-large: the frontmatter is ${(FRONTMATTER!.length + 399_999).toLocaleString('en-US')} characters long, over the limit of 65,536: fields hold short values, so move long text into the body`,
    ]);
  });

  test('50,000 unknown keys, and 200,000 dots in a contributing factor', async () => {
    const keys = Array.from({ length: 50_000 }, (_, i) => `unknown_${i}: ${i}`).join('\n');
    expect(await findingsOf(`---\n${FRONTMATTER}${keys}\n---\n${BODY}`)).toEqual([
      `incidents/big.md:1:1 error frontmatter-too-large: the frontmatter is ${(FRONTMATTER!.length + keys.length).toLocaleString('en-US')} characters long, over the limit of 65,536: fields hold short values, so move long text into the body`,
    ]);
    const dots = `contributing_factors: ["${'.'.repeat(200_000)}x"]\n`;
    expect(await findingsOf(`---\n${FRONTMATTER}${dots}---\n${BODY}`)).toEqual([
      `incidents/big.md:1:1 error frontmatter-too-large: the frontmatter is ${(FRONTMATTER!.length + dots.length - 1).toLocaleString('en-US')} characters long, over the limit of 65,536: fields hold short values, so move long text into the body`,
    ]);
  });

  test('a link to an id of 20,000 letters is quoted in part', async () => {
    const id = 'x'.repeat(20_000);
    expect(await findingsOf(`---\n${FRONTMATTER}related: [${id}]\n---\n${BODY}`)).toEqual([
      `incidents/big.md:${frontmatterLines + 1}:11 error unknown-incident: \`related\` names \`${'x'.repeat(120)}…\`, but no incident has that id: use the file name of an existing postmortem, without \`.md\``,
    ]);
  });

  test('`services: [a]` then 100,000 or 200,000 `[`: one finding, not 100,000 or a stack overflow', async () => {
    for (const n of [100_000, 200_000]) {
      const yaml = `title: x\nservices: [a]${'['.repeat(n)}`;
      expect(await findingsOf(`---\n${yaml}\n---\n`)).toEqual([
        `incidents/big.md:1:1 error frontmatter-too-large: the frontmatter is ${yaml.length.toLocaleString('en-US')} characters long, over the limit of 65,536: fields hold short values, so move long text into the body`,
      ]);
    }
  });

  test('1,000 `[` under the size limit: 100 findings and a count of the rest', async () => {
    const findings = await findingsOf(`---\ntitle: x\nservices: [a]${'['.repeat(1000)}\n---\n`);
    expect(findings).toHaveLength(101);
    expect(findings[0]).toBe('incidents/big.md:3:14 error yaml-syntax: the YAML is malformed: unexpected flow-seq-start at node end');
    expect(findings[100]).toBe('incidents/big.md:3:114 error too-many-findings: … and 900 more in this file, not shown: only the first 100 findings of a file are reported; fix them and validate again');
  });

  test('1,000 `[` on the next line: one finding where they nest too deep', async () => {
    expect(await findingsOf(`---\ntitle: x\nservices: [a]\n${'['.repeat(1000)}\n---\n`)).toEqual([
      'incidents/big.md:4:33 error yaml-too-deep: lists and mappings are nested more than 32 deep here; no field needs more than a few levels, so flatten the structure',
    ]);
  });

  test('big postmortems a person could write stay valid', async () => {
    for (const worst of worstFiles().filter((w) => w.valid && /prose|Timeline|factor|action items/.test(w.name))) {
      expect(await findingsOf(worst.text), worst.name).toEqual([]);
    }
  });
});

test('a worker thread finds exactly what the main thread finds in every hostile file', async () => {
  for (const name of CASES) {
    const dir = join(ROOT, name);
    const paths = readdirSync(join(dir, 'incidents')).filter((f) => f.endsWith('.md')).sort().map((f) => join(dir, 'incidents', f));
    const catalog = loadCatalog({ incidentsDir: 'incidents', cwd: dir });
    const ctx: FileContext = { cwd: dir, vocabulary: catalog.vocabulary, catalogFile: catalog.file, now: NOW, requiredSections: DEFAULT_REQUIRED_SECTIONS, buildIncidents: false };
    expect(await validateInWorker(paths, ctx), name).toEqual(validateFiles(paths, ctx));
  }
}, 60_000);

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

describe('docs', () => {
  const security = readFileSync(join(REPO, 'docs/security.md'), 'utf8');
  const format = readFileSync(join(REPO, 'docs/format.md'), 'utf8');

  test('docs/security.md gives every limit its value and rule', () => {
    const table = security.slice(security.indexOf('## Limits'));
    for (const [name, value] of Object.entries(LIMITS)) {
      const shown = name === 'fileBytes' ? '1 MiB' : value.toLocaleString('en-US');
      expect(table, name).toMatch(new RegExp(`\\| ${shown.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\| \`[a-z-]+\``));
    }
  });

  test('docs/format.md lists every rule id', () => {
    const table = format.slice(format.indexOf('## Every rule'));
    for (const rule of Object.keys(RULES)) expect(table, rule).toContain(`\`${rule}\``);
  });
});
