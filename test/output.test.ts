import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { chunked, jsonPieces } from '../src/cli/json-stream.ts';
import { runCli } from './helpers.ts';

const KNOWN = join(import.meta.dirname, 'fixtures/analyze/known/incidents');

describe('JSON written a piece at a time', () => {
  test.each([
    { name: 'scalars', value: [1, 'two\nlines', null, true, 2.5] },
    { name: 'empty containers and skipped keys', value: { a: [], b: {}, c: undefined, d: [undefined, () => 1], e: { f: { g: { h: [1, { i: 2 }] } } } } },
    { name: 'deep nesting', value: { a: { b: { c: { d: { e: [[1, 2], { f: 'x' }] } } } } } },
    { name: 'a lone value', value: 'text' },
  ])('$name: the same text as JSON.stringify(value, null, 2)', ({ value }) => {
    expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value, null, 2));
  });

  test('chunks gather pieces without losing or reordering any', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `piece ${i};`);
    const chunks = [...chunked(pieces, 100)];
    expect(chunks.join('')).toBe(pieces.join(''));
    expect(chunks.length).toBe(99);
    expect(chunks.slice(0, -1).every((c) => c.length >= 100 && c.length < 115)).toBe(true);
  });
});

describe('output files', () => {
  const schema = (out: string) => runCli(['schema', '--incidents', KNOWN, '--out', out], { cwd: KNOWN });

  test('schema --out a file, or where no folder can be made, says so', async () => {
    expect(await schema('/etc/passwd')).toEqual({ code: 2, stdout: '', stderr: 'hindsight: --out: `/etc/passwd` is a file, not a folder; name a folder to write into\n' });
    expect(await schema('/proc/hindsight-schema')).toEqual({ code: 2, stdout: '', stderr: 'hindsight: --out: cannot create `/proc/hindsight-schema`: ENOENT: no such file or directory\n' });
  });

  test('schema --out a folder holding a named pipe refuses to write into the pipe', async () => {
    const out = mkdtempSync(join(tmpdir(), 'hindsight-schema-'));
    expect(spawnSync('mkfifo', [join(out, 'postmortem.schema.json')]).status).toBe(0);
    expect(await schema(out)).toEqual({ code: 2, stdout: '', stderr: `hindsight: --out: cannot write \`${out}/postmortem.schema.json\`: it is not a regular file\n` });
  });

  test('schema --out a new nested folder creates it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hindsight-schema-')), 'a/b');
    const result = await schema(out);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'catalog.schema.json'), 'utf8')).type).toBe('object');
  });

  test('analyze --json refuses a named pipe and a folder, and replaces a regular file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hindsight-json-'));
    expect(spawnSync('mkfifo', [join(dir, 'pipe.json')]).status).toBe(0);
    const analyze = (out: string) => runCli(['analyze', '--incidents', KNOWN, '--as-of', '2025-08-01', '--json', out], { cwd: dir });
    expect(await analyze('pipe.json')).toEqual({ code: 2, stdout: '', stderr: 'hindsight: --json: cannot write `pipe.json`: it is not a regular file\n' });
    expect(await analyze('.')).toEqual({ code: 2, stdout: '', stderr: 'hindsight: --json: cannot write `.`: it is a folder\n' });
    writeFileSync(join(dir, 'old.json'), 'x'.repeat(10_000_000));
    expect((await analyze('old.json')).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8')).settings.asOf).toBe('2025-08-01');
  });
});
