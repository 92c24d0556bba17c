import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { countBySeverity, diagnostic } from '../diagnostics/diagnostic.ts';
import { profileOf, type RecurrenceProfile } from '../analyze/recurrence-profile.ts';
import type { Incident } from '../model.ts';
import { readBody } from '../parse/body.ts';
import { splitFrontmatter, type SplitFile } from '../parse/frontmatter.ts';
import { LineIndex } from '../parse/line-index.ts';
import { decodeSource } from '../parse/source.ts';
import { YamlSpans } from '../parse/yaml-spans.ts';
import { SLUG } from '../schema/fields.ts';
import { frontmatterSchema, type Frontmatter } from '../schema/incident.ts';
import { parseTimestamp, formatOffset, withOffset } from '../schema/timestamp.ts';
import type { Vocabulary } from '../schema/vocabulary.ts';
import { detach, detachStrings } from '../text/detach.ts';
import { checkCatalogReferences } from './catalog-refs.ts';
import { checkDates } from './dates.ts';
import { checkFieldRules } from './field-rules.ts';
import { checkContributingFactors } from './factor-refs.ts';
import { guardFile, guardStep } from './file-guard.ts';
import { checkPlaceholders, isTemplateText, mayHoldTemplateText, NO_TEMPLATE, type Placeholders } from './placeholders.ts';
import { checkRequiredSections } from './sections.ts';
import { resolveTimeline } from './timeline.ts';
import { issuesToDiagnostics } from './zod-issues.ts';

/** Each entry is one required section; its names are alternatives (`Root cause` or `Root causes`). */
export const DEFAULT_REQUIRED_SECTIONS: readonly (readonly string[])[] = [
  ['Summary'],
  ['Impact'],
  ['Timeline'],
  ['Root cause', 'Root causes'],
  ['Lessons learned'],
];

export interface IncidentFileOptions {
  /** The path to show in findings. */
  file: string;
  /** The incident id: the file name without `.md`. */
  id: string;
  /** Undefined when there is no usable catalog: references are then not checked. */
  vocabulary: Vocabulary | undefined;
  catalogFile: string;
  now: number;
  requiredSections: readonly (readonly string[])[];
  /** Build the Incident of a valid file; validation alone does not need it. */
  buildIncident: boolean;
  /** What the template writes as examples; default: only what `hindsight new` adds. */
  placeholders?: Placeholders;
  /** Build the recurrence profile of a file without errors, for suggesting recurrences. */
  buildProfile?: boolean;
}

/** A postmortem's recurrence profile, with the file it was read from. */
export interface ProfiledFile {
  file: string;
  profile: RecurrenceProfile;
}

/** A link to another incident, for the cross-file checks. */
export interface Link {
  id: string;
  field: 'related' | 'recurrence_of' | 'not_recurrence_of';
  /** Where it is written: turned into a position only if a finding needs one. */
  path: readonly (string | number)[];
}

/** What the cross-file checks need from every file, valid or not. */
export interface IncidentIndexEntry {
  id: string;
  file: string;
  startedAt?: number;
  /** As written, when it is text: a draft is not published, so nothing published may name it. */
  status?: string;
  links: Link[];
}

export interface IncidentFileResult {
  /** Present when the file has no errors. */
  incident?: Incident;
  /** Present when the file has no errors and profiles were asked for. */
  profile?: ProfiledFile;
  index: IncidentIndexEntry;
  diagnostics: Diagnostic[];
}

const TIMESTAMP_FIELDS = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'];

/** The offset the file's other timestamps use, to tell the author which one to add. */
function naiveTimestampMessage(data: Record<string, unknown>) {
  const offsets = TIMESTAMP_FIELDS.map((f) => data[f])
    .map((v) => (typeof v === 'string' ? parseTimestamp(v) : undefined))
    .flatMap((r) => (r?.ok ? [formatOffset(r.offsetMinutes)] : []));
  return (field: string, value: string) => {
    const offset = offsets[0];
    const advice = offset
      ? `write \`${withOffset(value, offset)}\` if it is in the same zone as the other timestamps here (${offset})`
      : `write it with the zone it was read in, e.g. \`${withOffset(value, '+01:00')}\`, or \`${withOffset(value, 'Z')}\` if it is UTC`;
    return `\`${field}\` has no UTC offset, so \`${value}\` could be any of 24 instants; ${advice}`;
  };
}

/** Links whose value is not even an id are reported by the schema, not as unknown incidents. */
function collectLinks(data: Record<string, unknown>): Link[] {
  const links: Link[] = [];
  if (typeof data.recurrence_of === 'string' && SLUG.test(data.recurrence_of)) links.push({ id: data.recurrence_of, field: 'recurrence_of', path: ['recurrence_of'] });
  for (const field of ['related', 'not_recurrence_of'] as const) {
    const ids = data[field];
    if (!Array.isArray(ids)) continue;
    ids.forEach((id, i) => {
      if (typeof id === 'string' && SLUG.test(id)) links.push({ id, field, path: [field, i] });
    });
  }
  return links;
}

function suggestId(id: string): string {
  return id.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'yyyy-mm-dd-short-slug';
}

interface ReadFile {
  index: IncidentIndexEntry;
  diagnostics: Diagnostic[];
  lines?: LineIndex;
  split?: SplitFile & { yaml: NonNullable<SplitFile['yaml']> };
  spans?: YamlSpans;
}

/** Decodes a file and parses its frontmatter: all that the index of links needs. */
function readFile(bytes: Uint8Array, file: string, id: string): ReadFile {
  const index: IncidentIndexEntry = { id, file, links: [] };
  const source = decodeSource(file, bytes);
  if (!source.ok) return { index, diagnostics: source.diagnostics };
  const lines = new LineIndex(source.text);
  const split = splitFrontmatter(file, source.text, lines);
  const diagnostics = [...source.diagnostics, ...split.diagnostics];
  if (!split.yaml) return { index, diagnostics };
  const spans = new YamlSpans(split.yaml.document, split.yaml.data, split.yamlOffset, lines);
  index.links = collectLinks(split.yaml.data);
  const started = split.yaml.data.started_at;
  const parsed = typeof started === 'string' ? parseTimestamp(started) : undefined;
  if (parsed?.ok) index.startedAt = parsed.epochMs;
  if (typeof split.yaml.data.status === 'string') index.status = split.yaml.data.status;
  return { index, diagnostics, lines, split: split as ReadFile['split'] & object, spans };
}

const FIRST_LINE: Span = { start: { line: 1, column: 1 } };

/** The links and start of a postmortem that is not itself being reported on. */
export function readIndexEntry(bytes: Uint8Array, file: string, id: string): IncidentIndexEntry {
  try {
    return readFile(bytes, file, id).index;
  } catch {
    // The file's own validation reports why; here it only has no links.
    return { id, file, links: [] };
  }
}

/** The profile of a file read; positions are left to the few findings that need one. */
function profileFrom(read: ReadFile, file: string, id: string): ProfiledFile | undefined {
  const { split, index } = read;
  if (!split || index.startedAt === undefined) return undefined;
  return { file, profile: profileOf(id, split.yaml.data, split.body, index.startedAt) };
}

/**
 * The recurrence profile of a postmortem that is not being reported on, read without validating
 * it: suggestions for the files being reported compare them with every other one.
 */
export function readProfile(bytes: Uint8Array, file: string, id: string): ProfiledFile | undefined {
  return profileFrom(readFile(bytes, file, id), file, id);
}

/**
 * Finds where paths are written in a file, for findings made without the file at hand. The file is
 * parsed once, however many paths are placed in it: a postmortem of 400 action items, each parsed
 * again to place it, took 15 s to report.
 */
export function fileLocator(bytes: Uint8Array, file: string): (path: readonly (string | number)[]) => Span {
  let spans: ReadFile['spans'];
  try {
    spans = readFile(bytes, file, '').spans;
  } catch {
    return () => FIRST_LINE;
  }
  return (path) => {
    try {
      return spans?.value(path) ?? FIRST_LINE;
    } catch {
      return FIRST_LINE;
    }
  };
}

/**
 * Validates one postmortem file and, when it has no errors, builds its Incident. Never throws: a
 * file that breaks a parser is an `internal-parse-error` finding, and the run goes on.
 */
export function validateIncidentFile(bytes: Uint8Array, options: IncidentFileOptions): IncidentFileResult {
  return guardFile(options.file, () => validate(bytes, options), (finding) => ({ index: { id: options.id, file: options.file, links: [] }, diagnostics: [finding] }));
}

function validate(bytes: Uint8Array, options: IncidentFileOptions): IncidentFileResult {
  const { file, id } = options;
  const read = readFile(bytes, file, id);
  const { index } = read;
  const diagnostics: Diagnostic[] = [];
  if (!SLUG.test(id)) {
    diagnostics.push(diagnostic(file, { start: { line: 1, column: 1 } }, 'invalid-id', 'error', `the file name \`${id}.md\` is not a valid incident id: use lowercase letters, digits and \`-\`, e.g. \`${suggestId(id)}.md\``));
  }
  diagnostics.push(...read.diagnostics);
  const { lines, split, spans } = read;
  if (!lines || !split || !spans) return { index, diagnostics };
  const data = split.yaml.data;
  const started = typeof data.started_at === 'string' ? parseTimestamp(data.started_at) : undefined;

  const checked = guardStep(diagnostics, file, { start: lines.position(split.yamlOffset) }, 'Checking the frontmatter against the format', () => {
    const result = frontmatterSchema.safeParse(data);
    if (!result.success) {
      diagnostics.push(...issuesToDiagnostics(result.error.issues, {
        file, schema: frontmatterSchema, data, spans, naiveTimestamp: naiveTimestampMessage(data),
      }));
    }
    return result;
  });
  if (!checked.ok) return { index, diagnostics };
  const parsed = checked.value;
  diagnostics.push(...checkFieldRules(data, { file, id, spans, now: options.now }));
  diagnostics.push(...checkDates(data, { file, id, spans }));
  if (options.vocabulary) {
    diagnostics.push(...checkCatalogReferences(data, options.vocabulary, { file, spans, catalogFile: options.catalogFile }));
    diagnostics.push(...checkContributingFactors(data, options.vocabulary, { file, spans }));
  }

  const bodyLine = lines.position(split.bodyOffset).line;
  const placeholders = options.placeholders ?? NO_TEMPLATE;
  const keep = mayHoldTemplateText(split.body, placeholders) ? isTemplateText(placeholders) : undefined;
  const body = readBody(file, split.body, bodyLine - 1, keep);
  diagnostics.push(...body.diagnostics);
  const outline = body.outline;
  if (!outline) return { index, diagnostics };
  const draft = data.status === 'draft';
  diagnostics.push(...checkRequiredSections(outline, options.requiredSections, { file, bodyLine, draft }));
  diagnostics.push(...checkPlaceholders(data, body.paragraphs ?? [], placeholders, { file, spans, draft }));

  if (!started?.ok) return { index, diagnostics };
  const timeline = resolveTimeline(outline.timeline, started);
  for (const item of timeline.invalid) {
    diagnostics.push(diagnostic(file, { start: { line: item.line, column: 1 } }, 'timeline-entry', 'warning',
      `the Timeline item starts with \`${item.date ? `${item.date} ` : ''}${item.time}\`, which is not a valid ${item.date ? 'date and time' : 'time of day'}; it is left out of the structured timeline`));
  }

  if (!parsed.success || countBySeverity(diagnostics).errors > 0) return { index, diagnostics };
  const profile = options.buildProfile ? profileFrom(read, file, id) : undefined;
  if (!options.buildIncident) return profile ? { index, diagnostics, profile } : { index, diagnostics };
  const fm: Frontmatter = detachStrings(parsed.data);
  const instant = (value: string | undefined) => (value === undefined ? undefined : (parseTimestamp(value) as { epochMs: number }).epochMs);
  const times: Incident['times'] = { startedAt: started.epochMs };
  const detectedAt = instant(fm.detected_at), mitigatedAt = instant(fm.mitigated_at), resolvedAt = instant(fm.resolved_at);
  if (detectedAt !== undefined) times.detectedAt = detectedAt;
  if (mitigatedAt !== undefined) times.mitigatedAt = mitigatedAt;
  if (resolvedAt !== undefined) times.resolvedAt = resolvedAt;
  const incident: Incident = {
    id,
    file,
    frontmatter: fm,
    times,
    body: { markdown: detach(split.body), line: bodyLine, sections: outline.sections, timeline: timeline.entries, wordCount: outline.wordCount },
  };
  return profile ? { incident, index, diagnostics, profile } : { incident, index, diagnostics };
}

