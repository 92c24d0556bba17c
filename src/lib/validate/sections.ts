import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { diagnostic } from '../diagnostics/diagnostic.ts';
import { sectionKey, type BodyOutline } from '../parse/body.ts';
import { shorten } from '../text/format.ts';
import { closest, listOf } from '../text/suggest.ts';

export interface SectionContext {
  file: string;
  /** The body's first line in the file: where a section that is nowhere is reported. */
  bodyLine: number;
  draft: boolean;
}

interface Candidate {
  heading: string;
  key: string;
  line: number;
  /** 2 for a `##` section; other levels are candidates only when they name a section exactly. */
  depth: number;
}

/**
 * The heading an author most likely meant as a missing section: a `##` heading one typo away
 * (`Lessons learnt`), one that starts with the section's name (`Root cause analysis`), or the
 * section's very name at another level (`### Impact`).
 */
function nearMiss(names: readonly string[], candidates: readonly Candidate[], longest: number): { candidate: Candidate; name: string } | undefined {
  const byKey = new Map(names.map((name) => [sectionKey(name), name]));
  for (const candidate of candidates) {
    const exact = byKey.get(candidate.key);
    if (exact !== undefined) return { candidate, name: exact };
  }
  for (const candidate of candidates) {
    if (candidate.depth !== 2) continue;
    const typo = candidate.key.length <= 1.5 * longest + 1 ? closest(candidate.key, byKey.keys()) : undefined;
    const near = typo ?? [...byKey.keys()].find((key) => candidate.key.startsWith(`${key} `) || candidate.key.startsWith(`${key}:`));
    if (near !== undefined) return { candidate, name: byKey.get(near)! };
  }
  return undefined;
}

/**
 * Every required section must be a `##` heading. A missing one is reported at the heading that
 * reads like it, with the fix, or at the body's first line when none does. Errors past draft,
 * warnings for a draft.
 */
export function checkRequiredSections(outline: BodyOutline, required: readonly (readonly string[])[], ctx: SectionContext): Diagnostic[] {
  const present = new Set(outline.sections.map((s) => s.key));
  const missing = required.filter((names) => !names.some((name) => present.has(sectionKey(name))));
  if (!missing.length) return [];
  const requiredKeys = new Set(required.flat().map(sectionKey));
  // A heading that is itself a required section is never taken for another one; one much longer
  // than every name cannot be a typo of one, and is not compared letter by letter.
  const longest = Math.max(...requiredKeys.keys().map((key) => key.length));
  const candidates: Candidate[] = [
    ...outline.sections.filter((s) => !requiredKeys.has(s.key)).map((s) => ({ ...s, depth: 2 })),
    ...outline.otherHeadings,
  ].sort((a, b) => a.line - b.line);
  const severity = ctx.draft ? 'warning' : 'error';
  const out: Diagnostic[] = [];
  for (const names of missing) {
    const miss = nearMiss(names, candidates, longest);
    if (miss) {
      candidates.splice(candidates.indexOf(miss.candidate), 1);
      const { depth, heading, line } = miss.candidate;
      const written = `\`${'#'.repeat(depth)} ${shorten(heading)}\``;
      const message = depth === 2
        ? `${written} reads like the required \`## ${miss.name}\`; rename it`
        : `${written} is a level-${depth} heading; the required section is \`## ${miss.name}\`, with two \`#\``;
      out.push(diagnostic(ctx.file, { start: { line, column: 1 } }, 'missing-section', severity, `${message}${ctx.draft ? ' (required once the postmortem leaves draft)' : ''}`));
      continue;
    }
    const heading = listOf(names.map((n) => `## ${n}`));
    out.push(diagnostic(ctx.file, { start: { line: ctx.bodyLine, column: 1 } }, 'missing-section', severity,
      `the body has no ${heading} section${ctx.draft ? '; it is required once the postmortem leaves draft' : ', which every postmortem past `draft` must have'}`));
  }
  return out;
}
