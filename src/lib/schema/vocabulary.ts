import type { DeclaredFactor } from '../text/factor-text.ts';
import type { Catalog } from './catalog.ts';

/** The ids a postmortem may use, by list. Taken from the catalog, even a partly invalid one. */
export interface Vocabulary {
  severities: string[];
  services: string[];
  root_causes: string[];
  triggers: string[];
  contributing_factors: string[];
  /** The declared factors with their labels and aliases, which free text is matched against. */
  factors: DeclaredFactor[];
  /** Undefined when the catalog declares no labels: any label is allowed then. */
  labels?: string[];
  /** The teams named by the services, in catalog order. */
  teams: string[];
}

export const VOCABULARY_LISTS = ['severities', 'services', 'root_causes', 'triggers', 'contributing_factors', 'labels'] as const;
export type VocabularyList = (typeof VOCABULARY_LISTS)[number];

export function vocabularyOf(catalog: Catalog): Vocabulary {
  const vocabulary: Vocabulary = {
    severities: catalog.severities.map((s) => s.id),
    services: catalog.services.map((s) => s.id),
    root_causes: catalog.root_causes.map((r) => r.id),
    triggers: catalog.triggers.map((t) => t.id),
    contributing_factors: catalog.contributing_factors.map((f) => f.id),
    factors: catalog.contributing_factors.map((f) => ({ id: f.id, label: f.label, aliases: f.aliases })),
    teams: [...new Set(catalog.services.map((s) => s.team))],
  };
  if (catalog.labels) vocabulary.labels = catalog.labels.map((l) => l.id);
  return vocabulary;
}
