import { analyseActionItems } from '../analyze/action-items.ts';
import { DEFAULT_SETTINGS } from '../analyze/analyze.ts';
import { buildPopulation } from '../analyze/cases.ts';
import type { AnalysisSettings } from '../analyze/types.ts';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import type { Incident } from '../model.ts';
import type { Catalog } from '../schema/catalog.ts';
import { evaluateProgram } from './evaluate.ts';
import type { Program } from './model.ts';

/**
 * A program that has exited is the record of why it could end: each criterion not met on its
 * `exited_at` is a warning on that criterion, saying what was missing.
 */
export function checkProgramExits(programs: readonly Program[], incidents: readonly Incident[], catalog: Catalog): Diagnostic[] {
  const exited = programs.filter((p) => p.frontmatter.exited_at !== undefined);
  if (!exited.length) return [];
  // The latest exit: dates written `YYYY-MM-DD` sort as text.
  const asOf = exited.map((p) => p.frontmatter.exited_at!).sort().at(-1)!;
  const settings: AnalysisSettings = { ...DEFAULT_SETTINGS, asOf };
  const population = buildPopulation(incidents, catalog, settings);
  const items = analyseActionItems(population, settings).items;
  const out: Diagnostic[] = [];
  for (const program of exited) {
    const exitedAt = program.frontmatter.exited_at!;
    const evaluation = evaluateProgram(program, population, items, exitedAt, 'exited');
    evaluation.criteria.forEach((criterion, i) => {
      if (criterion.met) return;
      out.push(diagnostic(program.file, { start: program.criteria[i]! }, 'program-exit-unmet', 'warning',
        `\`${criterion.id}\` was not met on \`exited_at\` (${exitedAt}): ${criterion.summary}. If the program ended without it on purpose, say why in the body; otherwise correct \`exited_at\``));
    });
  }
  return out;
}
