import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogJsonSchema, loadConfiguredCatalog, postmortemJsonSchema, programJsonSchema } from '../../lib/index.ts';
import { pretty } from '../formatters/pretty.ts';
import { EXIT, type Io } from '../io.ts';
import { makeFolder, writeOutput } from '../output-files.ts';
import { incidentsFolder } from '../options.ts';

export const SCHEMA_USAGE = `  schema              Write JSON Schemas for editors: schema/postmortem.schema.json and
                      schema/program.schema.json (with the catalog's values), and
                      schema/catalog.schema.json.
    --incidents DIR     The incidents folder, as for validate.
    --out DIR           Where to write them (default: schema).
`;

/** The files `hindsight schema` writes, by name: what the test compares with the committed ones. */
export function schemaFiles(dir: string, cwd: string): { files: Record<string, string> } | { error: string; findings: string } {
  const { catalog, diagnostics } = loadConfiguredCatalog({ cwd, incidentsDir: dir });
  if (!catalog) {
    return { error: 'hindsight: the catalog has errors; fix them first\n', findings: pretty({ diagnostics, files: 1 }, { color: false }) };
  }
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  return {
    files: {
      'postmortem.schema.json': json(postmortemJsonSchema(catalog)),
      'program.schema.json': json(programJsonSchema(catalog)),
      'catalog.schema.json': json(catalogJsonSchema()),
    },
  };
}

export async function schemaCommand(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { incidents: { type: 'string' }, out: { type: 'string', default: 'schema' } } });
  const folder = incidentsFolder(values.incidents, io);
  if ('error' in folder) {
    io.stderr(folder.error);
    return EXIT.failure;
  }
  const result = schemaFiles(folder.dir, io.cwd);
  if ('error' in result) {
    io.stderr(result.findings + result.error);
    return EXIT.invalid;
  }
  const out = resolve(io.cwd, values.out);
  const problem = makeFolder(out, values.out);
  if (problem) {
    io.stderr(`hindsight: --out: ${problem}\n`);
    return EXIT.failure;
  }
  for (const [name, text] of Object.entries(result.files)) {
    const path = join(out, name);
    const failed = writeOutput(path, join(values.out, name), [text]);
    if (failed) {
      io.stderr(`hindsight: --out: ${failed}\n`);
      return EXIT.failure;
    }
    io.stdout(`wrote ${relative(io.cwd, path)}\n`);
  }
  return EXIT.ok;
}
