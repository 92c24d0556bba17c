import type { Catalog } from '../schema/catalog.ts';
import { DETECTIONS } from '../schema/incident.ts';
import type { Case, Population } from './cases.ts';
import type { Dimension } from './types.ts';

/** How a dimension reads its values off a case, labels them, and which values it always lists. */
export interface DimensionReader {
  dimension: Dimension;
  values(c: Case): readonly string[];
  label(value: string): string;
  /** Values listed even with no incident (catalog entries), in catalog order. */
  declared: readonly string[];
}

const none: readonly string[] = [];

export function dimensionReaders(catalog: Catalog, population: Population): DimensionReader[] {
  const serviceNames = new Map(catalog.services.map((s) => [s.id, s.name]));
  const causeLabels = new Map(catalog.root_causes.map((c) => [c.id, c.label]));
  const triggerLabels = new Map(catalog.triggers.map((t) => [t.id, t.label]));
  const teams = [...new Set(catalog.services.map((s) => s.team))];
  const same = (value: string) => value;
  return [
    { dimension: 'service', values: (c) => c.services, label: (v) => serviceNames.get(v) ?? v, declared: catalog.services.map((s) => s.id) },
    { dimension: 'team', values: (c) => c.teams, label: same, declared: teams },
    { dimension: 'root_cause', values: (c) => c.rootCauses, label: (v) => causeLabels.get(v) ?? v, declared: catalog.root_causes.map((c) => c.id) },
    { dimension: 'trigger', values: (c) => (c.trigger === undefined ? none : [c.trigger]), label: (v) => triggerLabels.get(v) ?? v, declared: catalog.triggers.map((t) => t.id) },
    { dimension: 'contributing_factor', values: (c) => c.factors, label: (v) => population.factorLabels.get(v) ?? v, declared: catalog.contributing_factors.map((f) => f.id) },
    { dimension: 'tag', values: (c) => c.tags, label: same, declared: none },
    { dimension: 'detection', values: (c) => (c.detection === undefined ? none : [c.detection]), label: same, declared: DETECTIONS },
  ];
}
