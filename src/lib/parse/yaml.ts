import jsyaml from 'js-yaml';
import { Composer, Parser, YAMLParseError, type CST, type Document } from 'yaml';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { internalParseError } from './internal-error.ts';
import { LIMITS } from './limits.ts';
import type { LineIndex } from './line-index.ts';
import { fieldEnd, mergedListItems, mistakeOnLine } from './yaml-mistakes.ts';
import { checkDocument, deepCollectionOffset, TOO_DEEP, type YamlProblem } from './yaml-checks.ts';

export interface ParsedYaml {
  /** The YAML as plain data, or undefined when errors make it unusable. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** The `yaml` package's document, with a source range on every node; built on first use. */
  document: () => Document.Parsed;
}

/**
 * Duplicate keys are found by `checkDocument` in linear time; the package's own check is quadratic.
 * Its warnings (a list used as a key) would go to stderr, past the findings: they are not errors.
 */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, strict: true, logLevel: 'error' } as const;

/**
 * What `parseDocument` does, from tokens parsed once: a text js-yaml rejects is measured for
 * depth on them before a document is built. The `yaml` package makes an Error, stack trace and
 * all, for every unexpected token; for 50,000 `[` that took seconds, so traces are off meanwhile.
 */
function composeDocument(tokens: readonly CST.Token[], yamlText: string): Document.Parsed {
  const traces = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    let doc: Document.Parsed | undefined;
    for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, yamlText.length)) {
      if (!doc) doc = next;
      else {
        doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents'));
        break;
      }
    }
    return doc!;
  } finally {
    Error.stackTraceLimit = traces;
  }
}

function firstLineOf(message: string): string {
  const line = message.split('\n')[0]!.replace(/\.$/, '');
  return line.charAt(0).toLowerCase() + line.slice(1);
}

/** Whether plain data holds a mapping with more keys than the limit (aliased values are shared, so visited once). */
function hasLargeMapping(data: unknown): boolean {
  const stack = [data];
  const seen = new Set<object>();
  while (stack.length) {
    const value = stack.pop();
    if (value === null || typeof value !== 'object' || seen.has(value)) continue;
    seen.add(value);
    const children = Array.isArray(value) ? value : Object.values(value);
    if (!Array.isArray(value) && children.length > LIMITS.yamlKeys) return true;
    for (const child of children) stack.push(child);
  }
  return false;
}

/** js-yaml 4.3's `maxDepth` (its types predate it) counts the scalar inside the deepest collection too. */
const JS_YAML_OPTIONS: jsyaml.LoadOptions = Object.assign({ schema: jsyaml.CORE_SCHEMA }, { maxDepth: LIMITS.yamlDepth + 1 });

type Read = Omit<ParsedYaml, 'document'>;

/** More parser errors than this and no line is searched for a common mistake. */
const MAX_EXPLAINED_ERRORS = 20;

function readYaml(file: string, yamlText: string, tokens: () => CST.Token[], document: () => Document.Parsed, at: (pos: readonly [number, number]) => Span): Read {
  const problem = (p: YamlProblem) => diagnostic(file, at(p.range), p.rule, 'error', p.message);
  let fastError: jsyaml.YAMLException;
  try {
    const data = jsyaml.load(yamlText, JS_YAML_OPTIONS) ?? {};
    // A merged item is valid YAML with the wrong data: checking that data would only add findings.
    const merged = mergedListItems(yamlText).map(({ offset, above }) => {
      const line = at([above, above]).start.line;
      return diagnostic(file, at([offset, offset]), 'yaml-indentation', 'error',
        `this list item is indented deeper than the one on line ${line}, so YAML reads it as more text of that item, not as an item of its own; indent it like the item on line ${line}`);
    });
    // Aliases are invisible in js-yaml's data: a `*` is the cue to look at the document.
    if (!yamlText.includes('*') && !hasLargeMapping(data)) return { data: merged.length ? undefined : data, diagnostics: merged };
    const problems = checkDocument(document());
    return { data: problems.every((p) => p.usable) && !merged.length ? data : undefined, diagnostics: [...merged, ...problems.map(problem)] };
  } catch (error) {
    if (!(error instanceof jsyaml.YAMLException)) throw error;
    fastError = error;
  }
  const position = fastError.mark?.position ?? 0;
  // A deep text is never handed to the `yaml` package's document (see deepCollectionOffset).
  const deep = fastError.reason?.startsWith('nesting exceeded maxDepth') ? position : deepCollectionOffset(tokens());
  if (deep !== undefined) {
    return { data: undefined, diagnostics: [problem({ rule: 'yaml-too-deep', range: [deep, deep], usable: false, message: TOO_DEEP })] };
  }

  const parsed = document();
  const diagnostics: Diagnostic[] = [];
  // Per line start: whether a common mistake there stands for every error on that line. A text
  // with many errors is no slip of the hand, and is not searched for one.
  const mistakes = parsed.errors.length <= MAX_EXPLAINED_ERRORS ? new Map<number, boolean>() : undefined;
  // After a mistake, the parser's errors up to the end of its field follow from it.
  let quietUntil = -1;
  for (const error of parsed.errors) {
    const span = at(error.pos);
    if (error.code === 'TAB_AS_INDENT' || /\btabs?\b/i.test(error.message)) {
      diagnostics.push(diagnostic(file, span, 'yaml-tab', 'error', 'a tab is used for indentation here, which YAML forbids; indent with spaces'));
      continue;
    }
    if (mistakes) {
      const lineStart = yamlText.lastIndexOf('\n', error.pos[0] - 1) + 1;
      if (mistakes.get(lineStart)) continue;
      if (!mistakes.has(lineStart)) {
        const mistake = mistakeOnLine(yamlText, lineStart, (offset) => at([offset, offset]).start.line);
        mistakes.set(lineStart, mistake !== undefined);
        if (mistake) {
          diagnostics.push(diagnostic(file, at([mistake.offset, mistake.offset]), 'yaml-syntax', 'error', mistake.message));
          quietUntil = fieldEnd(yamlText, mistake.offset);
          continue;
        }
      }
      if (error.pos[0] < quietUntil) continue;
    }
    diagnostics.push(diagnostic(file, span, 'yaml-syntax', 'error', `the YAML is malformed: ${firstLineOf(error.message)}`));
  }
  const problems = checkDocument(parsed);
  diagnostics.push(...problems.map(problem));
  if (diagnostics.length === 0) {
    // The two parsers disagree on this text: report what js-yaml found rather than nothing.
    diagnostics.push(diagnostic(file, at([position, position]), 'yaml-syntax', 'error', `the YAML is malformed: ${firstLineOf(fastError.reason ?? fastError.message)}`));
    return { data: undefined, diagnostics };
  }
  // Duplicate keys leave a usable document; any other error would only cause spurious findings.
  // Aliases were checked above, so the package's own alias limit is not needed.
  const usable = parsed.errors.length === 0 && problems.every((p) => p.usable);
  return { data: usable ? (parsed.toJS({ maxAliasCount: -1 }) ?? {}) : undefined, diagnostics };
}

/**
 * Parses YAML text that starts at `offset` in a file. Both parsers use YAML 1.2's core schema, so
 * timestamps stay strings, never local-time Dates.
 *
 * Positions are needed only for findings, and keeping them costs: js-yaml reads a frontmatter 11×
 * faster than the `yaml` package builds a positioned document (24 µs against 262 µs). So js-yaml
 * gives the data, and the positioned document is built only when a finding needs a place, or when
 * js-yaml rejects the text, to report every error with the `yaml` package's codes and positions.
 *
 * Nothing in the text can run code (the core schema has no function or class tags), nest deeper,
 * repeat more through aliases or hold more keys than LIMITS allows; a parser that throws anyway
 * becomes an `internal-parse-error` finding.
 */
export function parseYaml(file: string, yamlText: string, offset: number, lines: LineIndex): ParsedYaml {
  let cst: CST.Token[] | undefined;
  let doc: Document.Parsed | undefined;
  const tokens = () => (cst ??= Array.from(new Parser().parse(yamlText)));
  const document = () => (doc ??= composeDocument(tokens(), yamlText));
  const at = (pos: readonly [number, number]): Span => ({ start: lines.position(offset + pos[0]), end: lines.position(offset + pos[1]) });
  try {
    return { ...readYaml(file, yamlText, tokens, document, at), document };
  } catch (error) {
    return { data: undefined, diagnostics: [internalParseError(file, at([0, 0]), 'Reading the YAML', error)], document };
  }
}

/** Where the document's top-level value is, for findings about the document as a whole. */
export function rootSpan(parsed: ParsedYaml, offset: number, lines: LineIndex): Span {
  const range = parsed.document().contents?.range;
  return range ? { start: lines.position(offset + range[0]), end: lines.position(offset + range[1]) } : { start: { line: 1, column: 1 } };
}
