import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { countBySeverity, diagnostic } from '../diagnostics/diagnostic.ts';
import type { RuleId } from '../diagnostics/rules.ts';
import { splitFrontmatter } from '../parse/frontmatter.ts';
import { LineIndex } from '../parse/line-index.ts';
import { decodeSource } from '../parse/source.ts';
import { YamlSpans } from '../parse/yaml-spans.ts';
import type { Program } from '../programs/model.ts';
import { SLUG } from '../schema/fields.ts';
import { CRITERION_KINDS, CRITERION_SCHEMAS, criterionBaseSchema, programSchema } from '../schema/program.ts';
import { parseDate } from '../schema/timestamp.ts';
import type { Vocabulary } from '../schema/vocabulary.ts';
import { detach, detachStrings } from '../text/detach.ts';
import { REFERENCE_KINDS, unknownReference, valuesAt, type ReferenceContext } from './catalog-refs.ts';
import { guardFile, guardStep } from './file-guard.ts';
import { issuesToDiagnostics } from './zod-issues.ts';

export interface ProgramFileOptions {
  /** The path to show in findings. */
  file: string;
  /** The program id: the file name without `.md`. */
  id: string;
  /** Undefined when there is no usable catalog: references are then not checked. */
  vocabulary: Vocabulary | undefined;
  catalogFile: string;
}

export interface ProgramFileResult {
  /** Present when the file has no errors. */
  program?: Program;
  diagnostics: Diagnostic[];
}

type Path = (string | number)[];
const FIRST_LINE = { start: { line: 1, column: 1 } };

/** The top level alone: each criterion is checked against the schema of its own kind. */
const topLevelSchema = programSchema.extend({ exit_criteria: z.array(z.unknown()).min(1, { error: 'must list at least one exit criterion' }) });

/** A criterion's `kind` alone, which picks the schema for the rest of it. */
const criterionKindSchema = z.looseObject({ kind: z.enum(CRITERION_KINDS) });

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

function checkCriterion(criterion: unknown, i: number, ctx: { file: string; spans: YamlSpans; data: Record<string, unknown> }): Diagnostic[] {
  const at: Path = ['exit_criteria', i];
  const out: Diagnostic[] = [];
  const kind = isRecord(criterion) ? criterion.kind : undefined;
  const known = typeof kind === 'string' && (CRITERION_KINDS as readonly string[]).includes(kind);
  if (isRecord(criterion) && !known) {
    // Missing or unknown, the kind is reported as every enum field is.
    const issues = criterionKindSchema.safeParse(criterion).error?.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] })) ?? [];
    out.push(...issuesToDiagnostics(issues, { file: ctx.file, schema: z.object({ exit_criteria: z.array(criterionKindSchema) }), data: ctx.data, spans: ctx.spans, reference: 'docs/programs.md' }));
  }
  // Without a known kind, the fields every criterion has are still checked.
  const schema: z.ZodType = known ? CRITERION_SCHEMAS[kind as keyof typeof CRITERION_SCHEMAS] : criterionBaseSchema;
  const parsed = schema.safeParse(criterion);
  if (parsed.success) return out;
  const issues = parsed.error.issues.map((issue) => ({ ...issue, path: [...at, ...issue.path] }));
  // The criterion's own schema, placed where it sits, so unknown fields get their did-you-mean.
  const placed = z.object({ exit_criteria: z.array(schema) });
  return [...out, ...issuesToDiagnostics(issues, { file: ctx.file, schema: placed, data: ctx.data, spans: ctx.spans, reference: 'docs/programs.md' })];
}

/** Rules across fields: date order, unique criterion ids, a detection criterion with a bound. */
function checkProgramRules(data: Record<string, unknown>, file: string, spans: YamlSpans): Diagnostic[] {
  const out: Diagnostic[] = [];
  const push = (path: Path, rule: RuleId, message: string) => out.push(diagnostic(file, spans.value(path), rule, 'error', message));
  const declared = typeof data.declared_at === 'string' ? data.declared_at : undefined;
  for (const field of ['target_date', 'exited_at'] as const) {
    const value = data[field];
    if (declared && typeof value === 'string' && parseDate(value) !== undefined && parseDate(declared) !== undefined && value < declared) {
      push([field], 'timestamp-order', `\`${field}\` (${value}) is earlier than \`declared_at\` (${declared}); a program cannot ${field === 'exited_at' ? 'end' : 'be due'} before it is declared`);
    }
  }
  const criteria = Array.isArray(data.exit_criteria) ? data.exit_criteria : [];
  const seen = new Map<string, number>();
  criteria.forEach((criterion: unknown, i) => {
    if (!isRecord(criterion)) return;
    const id = criterion.id;
    if (typeof id === 'string') {
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else push(['exit_criteria', i, 'id'], 'duplicate-criterion', `the criterion id \`${id}\` is also used by \`exit_criteria[${first}]\` (line ${spans.value(['exit_criteria', first, 'id']).start.line}); give each criterion its own id`);
    }
    if (criterion.kind === 'detection' && criterion.detect_p50_below === undefined && criterion.customer_share_below === undefined) {
      push(['exit_criteria', i], 'missing-field', `\`exit_criteria[${i}]\` is a \`detection\` criterion without a bound: add \`detect_p50_below\` (minutes), \`customer_share_below\` (a share, e.g. 0.25) or both`);
    }
  });
  return out;
}

/** Every service, team, root cause, severity and label a program names must be in the catalog. */
function checkProgramReferences(data: Record<string, unknown>, vocabulary: Vocabulary, ctx: ReferenceContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  const check = (kind: (typeof REFERENCE_KINDS)[keyof typeof REFERENCE_KINDS], values: [PropertyKey[], unknown][], known: readonly string[], prefix: Path) => {
    for (const [path, value] of values) {
      const finding = unknownReference(kind, value, known, [...prefix, ...path], ctx);
      if (finding) out.push(finding);
    }
  };
  const scopes: [Path, unknown][] = [[['scope'], data.scope]];
  const criteria = Array.isArray(data.exit_criteria) ? data.exit_criteria : [];
  criteria.forEach((c: unknown, i) => { if (isRecord(c)) scopes.push([['exit_criteria', i, 'scope'], c.scope]); });
  for (const [at, scope] of scopes) {
    if (!isRecord(scope)) continue;
    check(REFERENCE_KINDS.service, valuesAt(scope, 'services'), vocabulary.services, at);
    check(REFERENCE_KINDS.team, valuesAt(scope, 'teams'), vocabulary.teams, at);
    check(REFERENCE_KINDS.root_cause, valuesAt(scope, 'root_causes'), vocabulary.root_causes, at);
  }
  criteria.forEach((c: unknown, i) => {
    if (!isRecord(c)) return;
    if (c.kind === 'no-incidents') check(REFERENCE_KINDS.severity, valuesAt(c, 'severity'), vocabulary.severities, ['exit_criteria', i]);
    if (vocabulary.labels) {
      const slugs = valuesAt(c, 'labels').filter(([, v]) => typeof v === 'string' && SLUG.test(v));
      check(REFERENCE_KINDS.label, slugs, vocabulary.labels, ['exit_criteria', i]);
    }
  });
  return out;
}

function suggestId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'yyyy-short-slug';
}

/**
 * Validates one program file and, when it has no errors, builds its Program. Never throws, and
 * reports at most LIMITS.findingsPerFile findings, as for a postmortem.
 */
export function validateProgramFile(bytes: Uint8Array, options: ProgramFileOptions): ProgramFileResult {
  return guardFile(options.file, () => validate(bytes, options), (finding) => ({ diagnostics: [finding] }));
}

function validate(bytes: Uint8Array, options: ProgramFileOptions): ProgramFileResult {
  const { file, id } = options;
  const diagnostics: Diagnostic[] = [];
  if (!SLUG.test(id)) {
    diagnostics.push(diagnostic(file, FIRST_LINE, 'invalid-id', 'error', `the file name \`${id}.md\` is not a valid program id: use lowercase letters, digits and \`-\`, e.g. \`${suggestId(id)}.md\``));
  }
  const source = decodeSource(file, bytes);
  if (!source.ok) return { diagnostics: [...diagnostics, ...source.diagnostics] };
  const lines = new LineIndex(source.text);
  const split = splitFrontmatter(file, source.text, lines);
  diagnostics.push(...source.diagnostics, ...split.diagnostics.map((d) => (d.rule === 'frontmatter-missing' && !source.text.trimStart().startsWith('---')
    ? { ...d, message: 'the file has no frontmatter: start it with a `---` line, the fields (title, kind, declared_at, owner, exit_criteria…), and a closing `---` line, as docs/programs.md shows' }
    : d)));
  if (!split.yaml) return { diagnostics };
  const data = split.yaml.data;
  const spans = new YamlSpans(split.yaml.document, data, split.yamlOffset, lines);

  const checked = guardStep(diagnostics, file, { start: lines.position(split.yamlOffset) }, 'Checking the frontmatter against the format', () => {
    const top = topLevelSchema.safeParse(data);
    if (!top.success) diagnostics.push(...issuesToDiagnostics(top.error.issues, { file, schema: programSchema, data, spans, reference: 'docs/programs.md' }));
    const criteria = Array.isArray(data.exit_criteria) ? data.exit_criteria : [];
    criteria.forEach((criterion: unknown, i) => {
      diagnostics.push(...checkCriterion(criterion, i, { file, spans, data }));
    });
  });
  if (!checked.ok) return { diagnostics };
  diagnostics.push(...checkProgramRules(data, file, spans));
  if (options.vocabulary) diagnostics.push(...checkProgramReferences(data, options.vocabulary, { file, spans, catalogFile: options.catalogFile }));

  if (countBySeverity(diagnostics).errors > 0) return { diagnostics };
  const frontmatter = detachStrings(programSchema.parse(data));
  const program: Program = {
    id,
    file,
    frontmatter,
    criteria: frontmatter.exit_criteria.map((_, i) => spans.value(['exit_criteria', i, 'id']).start),
    body: { markdown: detach(split.body), line: lines.position(split.bodyOffset).line },
  };
  return { program, diagnostics };
}
