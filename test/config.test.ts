import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareDiagnostics, loadConfig } from '../src/lib/index.ts';
import { runCli } from './helpers.ts';

const VALID = join(import.meta.dirname, 'fixtures/validate/valid/incidents');

function configIn(config: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-config-'));
  writeFileSync(join(dir, 'hindsight.config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

const findings = (dir: string) => loadConfig(dir).diagnostics.sort(compareDiagnostics).map((d) => `${d.line}:${d.column} ${d.rule}: ${d.message}`);

describe('a config with a mistake keeps every setting the mistake is not about', () => {
  test('an unknown key is reported and the rest applies', () => {
    const dir = configIn({ incidents: 'postmortems', incident: 'elsewhere', analysis: { period: 'quarter' } });
    expect(loadConfig(dir).config).toEqual({ incidents: 'postmortems', analysis: { period: 'quarter' } });
    expect(findings(dir)).toEqual(['3:3 unknown-field: unknown field `incident`; did you mean `incidents`?']);
  });

  test('a bad value drops that setting only, even inside a block', () => {
    const dir = configIn({ analysis: { period: 'week', trendPeriods: 6 }, site: { titel: 'Postmortems', organisation: 'Acme' } });
    expect(loadConfig(dir).config).toEqual({ incidents: 'incidents', analysis: { trendPeriods: 6 }, site: { organisation: 'Acme' } });
    expect(findings(dir)).toEqual([
      '3:15 invalid-value: `analysis.period` must be `month` or `quarter`, not `week`',
      '7:5 unknown-field: unknown field `site.titel`; `site` holds `title`, `organisation`, `base` and `url`',
    ]);
  });

  test('a bad entry drops the whole list: part of a list would mean something else', () => {
    const dir = configIn({ incidents: 'postmortems', requiredSections: ['Summary', 42] });
    expect(loadConfig(dir).config).toEqual({ incidents: 'postmortems' });
  });

  test('validate reads the configured folder and reports the bad key', async () => {
    const dir = configIn({ incidents: 'postmortems', incident: 'elsewhere' });
    cpSync(VALID, join(dir, 'postmortems'), { recursive: true });
    expect(await runCli(['validate'], { cwd: dir })).toEqual({
      code: 1,
      stderr: '',
      stdout: 'hindsight.config.json\n  3:3  error    unknown field `incident`; did you mean `incidents`?  unknown-field\n\n✖ 1 error, 0 warnings in 3 files\n',
    });
  });
});
