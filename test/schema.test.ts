import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { schemaFiles } from '../src/cli/commands/schema.ts';

const REPO = join(import.meta.dirname, '..');

test('the committed JSON Schemas are what npm run schema writes from the catalog', async () => {
  const result = schemaFiles(join(REPO, 'incidents'), REPO);
  if ('error' in result) throw new Error(result.findings);
  for (const [name, text] of Object.entries(result.files)) {
    expect(readFileSync(join(REPO, 'schema', name), 'utf8'), `schema/${name} is out of date: run npm run schema`).toBe(text);
  }
});

test('the postmortem schema offers exactly the catalog values and rejects unknown fields', async () => {
  const result = schemaFiles(join(REPO, 'incidents'), REPO);
  if ('error' in result) throw new Error(result.findings);
  const schema = JSON.parse(result.files['postmortem.schema.json']!);
  expect(schema.additionalProperties).toBe(false);
  expect(schema.properties.severity.enum).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  expect(schema.properties.services.items.enum).toContain('orders-db');
  expect(schema.properties.trigger.enum).toEqual(['deploy', 'config-change', 'cron-job', 'traffic-spike', 'migration-step', 'certificate-expiry', 'third-party-outage', 'manual-operation']);
  expect(schema.required).toEqual(['title', 'status', 'severity', 'started_at', 'authors', 'services']);
  expect(new RegExp(schema.properties.started_at.pattern).test('2025-03-04T14:02:00+01:00')).toBe(true);
  expect(new RegExp(schema.properties.started_at.pattern).test('2025-03-04 14:02')).toBe(false);
});

test('the template points editors at the schema', () => {
  const template = readFileSync(join(REPO, 'incidents/_template.md'), 'utf8');
  expect(template.split('\n')[1]).toBe('# yaml-language-server: $schema=../schema/postmortem.schema.json');
});

test('the program schema offers the catalog values in the scope and in each criterion kind', async () => {
  const result = schemaFiles(join(REPO, 'incidents'), REPO);
  if ('error' in result) throw new Error(result.findings);
  const schema = JSON.parse(result.files['program.schema.json']!);
  expect(schema.additionalProperties).toBe(false);
  expect(schema.required).toEqual(['title', 'kind', 'declared_at', 'owner', 'exit_criteria']);
  expect(schema.properties.scope.properties.teams.items.enum).toEqual(['legacy', 'platform', 'payments', 'orders', 'growth']);
  const kinds = schema.properties.exit_criteria.items.oneOf as { properties: Record<string, { const?: string; enum?: string[]; pattern?: string }> }[];
  expect(kinds.map((k) => k.properties.kind!.const)).toEqual(['action-items-done', 'labelled-items-done', 'no-incidents', 'no-recurrence', 'detection', 'rotation', 'attested']);
  expect(kinds[2]!.properties.severity!.enum).toEqual(['SEV1', 'SEV2', 'SEV3', 'SEV4']);
  expect(new RegExp(kinds[6]!.properties.met_on!.pattern!).test('2025-11-20')).toBe(true);
});
