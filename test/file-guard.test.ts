import { afterEach, expect, test, vi } from 'vitest';
import { CRITERION_SCHEMAS, programSchema } from '../src/lib/schema/program.ts';
import { frontmatterSchema } from '../src/lib/schema/incident.ts';
import { validateIncidentFile } from '../src/lib/validate/incident-file.ts';
import { validateProgramFile } from '../src/lib/validate/program-file.ts';

const FILE = 'programs/2025-08-code-yellow.md';
const program = (extra = '') => new TextEncoder().encode(`---
title: Code yellow on orders-db
kind: code-yellow
declared_at: 2025-08-01
owner: dana.k
exit_criteria:
  - { id: quiet, description: No SEV1 for 60 days, kind: no-incidents, severity: SEV1, days: 60 }
${extra}---

Why we declared it.
`);
const validate = (bytes: Uint8Array) => validateProgramFile(bytes, { file: FILE, id: '2025-08-code-yellow', vocabulary: undefined, catalogFile: 'incidents/_catalog.yaml' });
const shown = (d: { line: number; column: number; severity: string; rule: string; message: string }) => `${d.line}:${d.column} ${d.severity} ${d.rule}: ${d.message}`;

afterEach(() => {
  vi.restoreAllMocks();
});

test('a valid program has no findings', () => {
  const result = validate(program());
  expect(result.diagnostics).toEqual([]);
  expect(result.program?.id).toBe('2025-08-code-yellow');
});

test('a program reports at most 100 findings, as a postmortem does, and counts the rest', () => {
  const keys = Array.from({ length: 150 }, (_, i) => `unknown_${i}: x\n`).join('');
  const findings = validate(program(keys)).diagnostics.map(shown);
  expect(findings).toHaveLength(101);
  expect(findings[0]).toBe('8:1 error unknown-field: unknown field `unknown_0`; the fields are `title`, `kind`, `declared_at`, `owner`, `scope`, `target_date`, `exited_at` and `exit_criteria`');
  expect(findings[99]).toBe('107:1 error unknown-field: unknown field `unknown_99`; the fields are `title`, `kind`, `declared_at`, `owner`, `scope`, `target_date`, `exited_at` and `exit_criteria`');
  expect(findings[100]).toBe('108:1 error too-many-findings: … and 50 more in this file, not shown: only the first 100 findings of a file are reported; fix them and validate again');
});

test('a schema check that throws is an internal-parse-error at the frontmatter, and the run goes on', () => {
  vi.spyOn(CRITERION_SCHEMAS['no-incidents'], 'safeParse').mockImplementation(() => {
    throw new RangeError('Maximum call stack size exceeded');
  });
  const result = validate(program());
  expect(result.program).toBeUndefined();
  expect(result.diagnostics.map(shown)).toEqual([
    '2:1 error internal-parse-error: Checking the frontmatter against the format failed on this file (RangeError: Maximum call stack size exceeded), so it is not checked further; the rest of the run goes on. This is a bug in Hindsight: please report it with the file (see docs/security.md)',
  ]);
});

test('a failure past the schema checks is an internal-parse-error at the first line', () => {
  vi.spyOn(programSchema, 'parse').mockImplementation(() => {
    throw new TypeError('the parser broke');
  });
  expect(validate(program()).diagnostics.map(shown)).toEqual([
    '1:1 error internal-parse-error: Validating failed on this file (TypeError: the parser broke), so it is not checked further; the rest of the run goes on. This is a bug in Hindsight: please report it with the file (see docs/security.md)',
  ]);
});

test('a missing kind reads as a missing field, at the top and in a criterion, as in a postmortem', () => {
  const bytes = new TextEncoder().encode('---\ntitle: Code yellow on orders-db\ndeclared_at: 2025-08-01\nowner: dana.k\nexit_criteria:\n  - { id: quiet, description: No SEV1 }\n---\n');
  expect(validate(bytes).diagnostics.map(shown)).toEqual([
    '1:1 error missing-field: missing required field `kind`: `code-yellow`, `code-red` or `initiative`',
    '6:5 error missing-field: missing required field `exit_criteria[0].kind`: `action-items-done`, `labelled-items-done`, `no-incidents`, `no-recurrence`, `detection`, `rotation` or `attested`',
  ]);
});

test('a postmortem goes through the same guard: a schema check that throws is a finding at its frontmatter', () => {
  vi.spyOn(frontmatterSchema, 'safeParse').mockImplementation(() => {
    throw new RangeError('Maximum call stack size exceeded');
  });
  const bytes = new TextEncoder().encode('---\ntitle: Orders database ran out of connections\nstatus: draft\n---\n\n## Summary\n');
  const result = validateIncidentFile(bytes, { file: 'incidents/2025-08-01-x.md', id: '2025-08-01-x', vocabulary: undefined, catalogFile: 'incidents/_catalog.yaml', now: 0, requiredSections: [], buildIncident: true });
  expect(result.diagnostics.map(shown)).toEqual([
    '2:1 error internal-parse-error: Checking the frontmatter against the format failed on this file (RangeError: Maximum call stack size exceeded), so it is not checked further; the rest of the run goes on. This is a bug in Hindsight: please report it with the file (see docs/security.md)',
  ]);
});
