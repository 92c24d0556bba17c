import { defaultSchema, sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import type { Root } from 'hast';
import { htmlToHast, markdownToHtml } from 'satteri';
import type { Incident } from '../model.ts';

/**
 * Elements whose content the HTML parser reads as text up to their end tag: opened and never
 * closed, they swallow the rest of the page. `plaintext` has no end tag at all.
 */
const SWALLOWING = /<(plaintext|xmp|textarea|title|style|script|iframe|noembed|noframes|noscript)(?=[\s/>])|<!--/gi;

/** Opening tags that would swallow everything after them are shown as text instead. */
function neutraliseSwallowing(html: string): string {
  const lower = html.toLowerCase();
  const lastEnd = new Map<string, number>();
  const endOf = (closer: string) => {
    let at = lastEnd.get(closer);
    if (at === undefined) {
      at = lower.lastIndexOf(closer);
      lastEnd.set(closer, at);
    }
    return at;
  };
  return html.replace(SWALLOWING, (match, name: string | undefined, offset: number) => {
    const tag = name?.toLowerCase();
    const closed = tag === undefined ? endOf('-->') > offset : tag !== 'plaintext' && endOf(`</${tag}`) > offset;
    return closed ? match : `&lt;${match.slice(1)}`;
  });
}

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** The HTML parser's time grows with the square of element nesting: 20,000 open `<div>`s take a second. */
const MAX_HTML_DEPTH = 256;

/**
 * An upper bound on how deep elements nest: open tags minus end tags, void and self-closing ones
 * aside. One pass; the next `>` is looked up once for a whole run of `<` before it.
 */
function htmlDepth(html: string): number {
  let depth = 0, max = 0, nextClose = -1;
  for (let at = html.indexOf('<'); at !== -1; at = html.indexOf('<', at + 1)) {
    if (nextClose < at) nextClose = html.indexOf('>', at);
    if (nextClose === -1) break;
    const closing = html[at + 1] === '/';
    const name = /^[a-zA-Z][a-zA-Z0-9-]*/.exec(html.slice(at + (closing ? 2 : 1), Math.min(nextClose, at + 40)))?.[0];
    if (!name) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else if (html[nextClose - 1] !== '/' && !VOID.has(name.toLowerCase())) max = Math.max(max, ++depth);
  }
  return max;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Markdown as safe HTML. Postmortems are written by many people, so raw HTML in them is treated
 * as untrusted: satteri (Astro 7's Markdown engine) renders the Markdown, its HTML parser reads
 * the result back into a tree, and hast-util-sanitize keeps only what GitHub allows in a README —
 * no `<script>`, `<iframe>` or event handlers, no `javascript:` or `data:` URLs, ids prefixed so
 * they cannot clobber the page's own. About 0.2 ms for a 3 KB body.
 *
 * Markdown the renderer cannot handle in time (elements nested hundreds deep) or at all is shown
 * as its source text rather than stopping the build.
 */
export function renderBodyHtml(markdown: string): string {
  try {
    const html = neutraliseSwallowing(markdownToHtml(markdown).html);
    if (htmlDepth(html) <= MAX_HTML_DEPTH) return toHtml(sanitize(htmlToHast(html, { fragment: true }) as Root, defaultSchema));
  } catch {
    // Shown as text below.
  }
  return `<pre>${escapeHtml(markdown)}</pre>`;
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
