import { z } from 'zod';
import type { Catalog } from './catalog.ts';
import { teamsOf } from './json-schema.ts';
import {
  actionItemsDoneSchema, attestedSchema, detectionSchema, labelledItemsDoneSchema, noIncidentsSchema, noRecurrenceSchema,
  programSchema, rotationSchema, scopeSchema,
} from './program.ts';

type JsonSchema = Record<string, unknown>;

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const DATE_FIELDS = new Set(['declared_at', 'target_date', 'exited_at', 'started_before', 'met_on']);

const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

/** Gives every date field its `YYYY-MM-DD` pattern, wherever it sits (zod checks dates in code). */
function withDatePatterns(node: unknown): void {
  if (Array.isArray(node)) node.forEach(withDatePatterns);
  if (node === null || typeof node !== 'object') return;
  const properties = (node as { properties?: Record<string, JsonSchema> }).properties;
  for (const [name, property] of Object.entries(properties ?? {})) {
    if (DATE_FIELDS.has(name)) properties![name] = { ...property, pattern: DATE_PATTERN, description: 'A date, YYYY-MM-DD' };
  }
  for (const value of Object.values(node)) withDatePatterns(value);
}

/**
 * A program's frontmatter as JSON Schema, for editors: the zod schema with the catalog's services,
 * teams, root causes, severities and (when declared) labels as the allowed values.
 */
export function programJsonSchema(catalog: Catalog): JsonSchema {
  const scope = scopeSchema.extend({
    services: z.array(enumOf(catalog.services.map((s) => s.id))).min(1).optional(),
    teams: z.array(enumOf(teamsOf(catalog))).min(1).optional(),
    root_causes: z.array(enumOf(catalog.root_causes.map((c) => c.id))).min(1).optional(),
  }).optional();
  const labels = catalog.labels ? z.array(enumOf(catalog.labels.map((l) => l.id))).min(1) : undefined;
  const criterion = z.discriminatedUnion('kind', [
    actionItemsDoneSchema.extend({ scope, ...(labels ? { labels: labels.optional() } : {}) }),
    labelledItemsDoneSchema.extend({ scope, ...(labels ? { labels } : {}) }),
    noIncidentsSchema.extend({ scope, severity: enumOf(catalog.severities.map((s) => s.id)) }),
    noRecurrenceSchema.extend({ scope }),
    detectionSchema.extend({ scope }),
    rotationSchema.extend({ scope }),
    attestedSchema,
  ]);
  const withCatalog = programSchema.extend({ scope, exit_criteria: z.array(criterion).min(1) });
  const schema = z.toJSONSchema(withCatalog, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  withDatePatterns(schema);
  return { title: 'Hindsight program frontmatter', ...schema };
}
