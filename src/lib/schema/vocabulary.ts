import type { Catalog } from './catalog.ts';

/** The ids a postmortem may use, by list. Taken from the catalog, even a partly invalid one. */
export interface Vocabulary {
  severities: string[];
  services: string[];
  root_causes: string[];
  triggers: string[];
}

export const VOCABULARY_LISTS = ['severities', 'services', 'root_causes', 'triggers'] as const;

export function vocabularyOf(catalog: Catalog): Vocabulary {
  return {
    severities: catalog.severities.map((s) => s.id),
    services: catalog.services.map((s) => s.id),
    root_causes: catalog.root_causes.map((r) => r.id),
    triggers: catalog.triggers.map((t) => t.id),
  };
}
