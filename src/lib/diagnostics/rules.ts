/**
 * The stable rule ids. A rule id is part of the public interface (CI logs, annotations, docs):
 * once published it is never renamed. docs/format.md lists each with an example.
 */
export const RULES = {
  // The file itself
  'file-unreadable': 'The file could not be read.',
  'file-empty': 'The file is empty.',
  'file-too-large': 'The file is larger than 1 MB.',
  'file-encoding': 'The file is not UTF-8 text (invalid byte sequences or binary content).',
  'file-line-endings': 'The file breaks lines with a lone carriage return (classic Mac OS); they are read as line breaks.',
  'invalid-id': 'The file name is not a valid incident or program id.',
  // Frontmatter and YAML
  'frontmatter-missing': 'The file does not start with a `---` frontmatter block.',
  'frontmatter-unterminated': 'The frontmatter block has no closing `---` line.',
  'frontmatter-opener': 'The opening `---` line holds more than `---` (`---js`, `---json`, a comment): only YAML is read, never code.',
  'frontmatter-too-large': 'The frontmatter is longer than its limit.',
  'frontmatter-not-mapping': 'The frontmatter is not a mapping of field names to values.',
  'yaml-syntax': 'The YAML could not be parsed.',
  'yaml-duplicate-key': 'A key appears twice in the same mapping.',
  'yaml-tab': 'A tab character is used for indentation, which YAML forbids.',
  'yaml-indentation': 'A list item is indented deeper than the item above, so YAML reads it as more text of that item.',
  'yaml-too-deep': 'Lists and mappings are nested deeper than the limit.',
  'yaml-too-many-aliases': 'Aliases (`*name`) repeat more values than the limit.',
  'yaml-too-many-keys': 'A mapping has more keys than the limit.',
  // Fields
  'missing-field': 'A required field is missing.',
  'unknown-field': 'A field that the format does not define.',
  'wrong-type': 'A value has the wrong type.',
  'invalid-value': 'A value is not one of the allowed values or is out of range.',
  'timestamp-without-offset': 'A timestamp has no UTC offset, so its instant is ambiguous.',
  'invalid-timestamp': 'A timestamp is not an ISO 8601 date-time.',
  'invalid-date': 'A date is not a real `YYYY-MM-DD` calendar date.',
  'timestamp-order': 'Timestamps are in an impossible order.',
  'start-in-future': 'The incident starts in the future.',
  'name-date-mismatch': 'The date in the file name is neither `started_at`\'s date nor a day up to `detected_at`\'s.',
  'implausible-duration': 'A duration over 30 days that would be under 30 with both timestamps in the same year: a year typo.',
  'completed-at': '`completed_at` is missing on a done action item, or present on one that is not done.',
  // The catalog's vocabulary
  'unknown-severity': 'The severity is not declared in the catalog.',
  'unknown-service': 'The service is not declared in the catalog.',
  'unknown-root-cause': 'The root-cause category is not declared in the catalog.',
  'unknown-trigger': 'The trigger is not declared in the catalog.',
  'factor-reads-like': 'A contributing factor written as text reads like a declared one, and is counted as it.',
  'unknown-label': 'An action-item label is not among the labels the catalog declares.',
  'unknown-team': 'A team is not the team of any service in the catalog.',
  // The body
  'missing-section': 'A required `##` section is missing from the body.',
  'timeline-entry': 'A Timeline item starts with a time that is not a valid time of day or date.',
  'template-placeholder': 'Example text from `_template.md` is still in the postmortem.',
  'body-too-deep': 'Markdown elements are nested deeper than the limit.',
  'body-too-dense': 'The body holds more Markdown markup, or denser lines and blocks, than the limits.',
  'ignored-file': 'A file in the incidents folder that is not read as a postmortem although it looks like one.',
  'symlink-outside': 'A symbolic link in the incidents folder leads outside it, so it is not followed.',
  'symlink-loop': 'A symbolic link leads back to a folder that contains it, so it is not followed.',
  // Across files
  'duplicate-id': 'Two files have the same incident id (ids are compared case-insensitively).',
  'unknown-incident': '`related`, `recurrence_of` or `not_recurrence_of` names an incident that does not exist.',
  'draft-reference': 'A postmortem past draft names a draft in `related` or `recurrence_of`: the draft is not published.',
  'self-reference': 'An incident names itself in `related`, `recurrence_of` or `not_recurrence_of`.',
  'recurrence-order': 'An incident is a recurrence of one that did not start earlier.',
  'recurrence-cycle': '`recurrence_of` links form a cycle.',
  'recurrence-contradiction': '`not_recurrence_of` lists the incident `recurrence_of` names.',
  'possible-recurrence': 'The postmortem looks like a recurrence of an earlier incident it does not name (a notice).',
  // Programs
  'duplicate-criterion': 'Two exit criteria of one program have the same id.',
  'program-exit-unmet': 'A program has ended (`exited_at`) while one of its exit criteria was not met on that day.',
  // The catalog file
  'catalog-missing': 'The catalog file `_catalog.yaml` does not exist.',
  'catalog-duplicate-id': 'The catalog declares the same id twice in one list.',
  // Any file
  'too-many-findings': 'A file has more findings than are reported; the rest are counted.',
  'internal-parse-error': 'A parser failed on the file; the rest of the run goes on.',
} as const;

export type RuleId = keyof typeof RULES;
