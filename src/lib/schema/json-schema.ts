import { z } from 'zod';
import type { Catalog } from './catalog.ts';
import { catalogSchema } from './catalog.ts';
import { frontmatterSchema } from './incident.ts';
import { responderSchema } from './responder.ts';
import { actionItemSchema } from './action-item.ts';

const TIMESTAMP_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|z|[+-]\\d{2}:?\\d{2})$';
const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const TIMESTAMPS = ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'];

type JsonSchema = Record<string, unknown> & { properties?: Record<string, JsonSchema>; items?: JsonSchema };

const enumOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

/** The catalog's teams: those its services name. */
export const teamsOf = (catalog: Catalog) => [...new Set(catalog.services.map((s) => s.team))];

/**
 * The frontmatter as JSON Schema, for editors: the zod schema itself, with the catalog's
 * severities, services, root causes and triggers as the allowed values, its contributing factors
 * offered alongside free text, and the timestamp and
 * date shapes as patterns (zod checks them in code, which JSON Schema cannot carry).
 */
export function postmortemJsonSchema(catalog: Catalog): JsonSchema {
  const withCatalog = frontmatterSchema.extend({
    severity: enumOf(catalog.severities.map((s) => s.id)),
    services: z.array(enumOf(catalog.services.map((s) => s.id))).min(1),
    root_causes: z.array(enumOf(catalog.root_causes.map((c) => c.id))).min(1).optional(),
    ...(catalog.triggers.length ? { trigger: enumOf(catalog.triggers.map((t) => t.id)).optional() } : {}),
    responders: z.array(responderSchema.extend({ team: enumOf(teamsOf(catalog)) })).min(1).optional(),
    ...(catalog.labels ? { action_items: z.array(actionItemSchema.extend({ labels: z.array(enumOf(catalog.labels.map((l) => l.id))).min(1).optional() })).optional() } : {}),
  });
  const schema = z.toJSONSchema(withCatalog, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const properties = schema.properties!;
  for (const field of TIMESTAMPS) {
    properties[field] = { ...properties[field], pattern: TIMESTAMP_PATTERN, description: 'ISO 8601 date-time with Z or a UTC offset, e.g. 2025-03-04T14:02:00+01:00' };
  }
  if (catalog.contributing_factors.length) {
    // An id or free text: the ids are offered for completion, text stays allowed.
    properties.contributing_factors = {
      ...properties.contributing_factors,
      items: { anyOf: [{ enum: catalog.contributing_factors.map((f) => f.id), description: 'A declared contributing factor' }, { type: 'string', minLength: 1 }] },
    };
  }
  const item = properties.action_items!.items!;
  for (const field of ['due', 'completed_at']) {
    item.properties![field] = { ...item.properties![field], pattern: DATE_PATTERN, description: 'A date, YYYY-MM-DD' };
  }
  const responder = properties.responders!.items!;
  responder.properties!.paged_at = { ...responder.properties!.paged_at, pattern: TIMESTAMP_PATTERN, description: 'When the person was paged: ISO 8601 date-time with Z or a UTC offset' };
  return { title: 'Hindsight postmortem frontmatter (format 1)', ...schema };
}

/** `_catalog.yaml` as JSON Schema. */
export function catalogJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(catalogSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return { title: 'Hindsight catalog', ...schema };
}
