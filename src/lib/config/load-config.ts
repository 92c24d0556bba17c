import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { LineIndex } from '../parse/line-index.ts';
import { internalParseError } from '../parse/internal-error.ts';
import { decodeSource } from '../parse/source.ts';
import { parseYaml, rootSpan } from '../parse/yaml.ts';
import { YamlSpans } from '../parse/yaml-spans.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { configSchema, type Config } from '../schema/config.ts';
import { capFindings } from '../validate/finding-cap.ts';
import { issuesToDiagnostics } from '../validate/zod-issues.ts';
import { salvage } from './salvage.ts';

export const CONFIG_FILE = 'hindsight.config.json';

/**
 * Reads `hindsight.config.json` from a folder. A missing file means the defaults; a broken one is
 * reported with positions like any other file (JSON is YAML, so the same parser places them), and a
 * file that breaks a parser is a finding: the defaults are used and the run goes on.
 */
export function loadConfig(dir: string): { config: Config; diagnostics: Diagnostic[] } {
  const defaults = configSchema.parse({});
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(dir, CONFIG_FILE));
  } catch {
    return { config: defaults, diagnostics: [] };
  }
  try {
    const { config, diagnostics } = readConfig(bytes, defaults);
    return { config, diagnostics: capFindings(CONFIG_FILE, diagnostics) };
  } catch (error) {
    return { config: defaults, diagnostics: [internalParseError(CONFIG_FILE, { start: { line: 1, column: 1 } }, `Reading ${CONFIG_FILE}`, error)] };
  }
}

function readConfig(bytes: Uint8Array, defaults: Config): { config: Config; diagnostics: Diagnostic[] } {
  const source = decodeSource(CONFIG_FILE, bytes);
  if (!source.ok) return { config: defaults, diagnostics: source.diagnostics };
  const lines = new LineIndex(source.text);
  const parsed = parseYaml(CONFIG_FILE, source.text, 0, lines);
  const diagnostics = [...source.diagnostics, ...parsed.diagnostics];
  if (parsed.data === undefined) return { config: defaults, diagnostics };
  if (typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    diagnostics.push(diagnostic(CONFIG_FILE, rootSpan(parsed, 0, lines), 'wrong-type', 'error', `${CONFIG_FILE} must hold an object such as \`{ "incidents": "incidents" }\``));
    return { config: defaults, diagnostics };
  }
  const result = configSchema.safeParse(parsed.data);
  if (result.success) return { config: result.data, diagnostics };
  const spans = new YamlSpans(parsed.document, parsed.data, 0, lines);
  diagnostics.push(...issuesToDiagnostics(result.error.issues, {
    file: CONFIG_FILE, schema: configSchema, data: parsed.data, spans, reference: 'docs/configuration.md',
  }));
  // The findings say what is wrong; every setting they do not name still applies.
  return { config: salvage(configSchema, parsed.data, result.error.issues) ?? defaults, diagnostics };
}
