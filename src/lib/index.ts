/** The core's one public entry: the CLI, the content loader and the pages import from here only. */
export type { Diagnostic, Position, Severity } from './diagnostics/diagnostic.ts';
export { compareDiagnostics, countBySeverity } from './diagnostics/diagnostic.ts';
export { RULES, type RuleId } from './diagnostics/rules.ts';
export type { Incident, IncidentTimes, Section, TimelineEntry } from './model.ts';
export { loadProject, CATALOG_FILE, type LoadOptions, type LoadResult } from './load/project.ts';
export { loadConfig, CONFIG_FILE } from './config/load-config.ts';
export { loadConfiguredProject, type ConfiguredLoadOptions } from './load/configured.ts';
export { configSchema, type Config, type ConfigInput } from './schema/config.ts';
export { DEFAULT_REQUIRED_SECTIONS } from './validate/incident-file.ts';
export { catalogSchema, DEFAULT_SEVERITIES, type Catalog, type CatalogInput, type Service } from './schema/catalog.ts';
export { frontmatterSchema, STATUSES, KINDS, DETECTIONS, type Frontmatter, type FrontmatterInput } from './schema/incident.ts';
export { actionItemSchema, ACTION_ITEM_STATUSES, ACTION_ITEM_TYPES, PRIORITIES, type ActionItem } from './schema/action-item.ts';
export { parseTimestamp, parseDate } from './schema/timestamp.ts';
export { analyze, optionsFromConfig, DEFAULT_SETTINGS, type AnalysisOptions } from './analyze/analyze.ts';
export type * from './analyze/types.ts';
export { formatMinutes, formatTimestamp, percent, plural, bar } from './text/format.ts';
export { renderBodyHtml, renderBodySections, type RenderedSection } from './render/body-html.ts';
export { postmortemJsonSchema, catalogJsonSchema } from './schema/json-schema.ts';
