import type { Nodes, Root } from 'mdast';
import type { RuleId } from '../diagnostics/rules.ts';
import { LIMITS } from './limits.ts';

/** A body that is refused before or after parsing, at a 1-based line of the body. */
export interface BodyProblem {
  rule: RuleId;
  line: number;
  message: string;
}

const count = (n: number) => n.toLocaleString('en-US');

function isPunctuation(code: number): boolean {
  return (code >= 33 && code <= 47) || (code >= 58 && code <= 64) || (code >= 91 && code <= 96) || (code >= 123 && code <= 126);
}

/** Block quote and list markers that open at the start of a line (`> - 1. x` has three). */
function markersAt(line: string): number {
  let markers = 0;
  let i = 0;
  const spaceAt = (j: number) => j === line.length || line[j] === ' ' || line[j] === '\t' || line[j] === '\r';
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    const c = line[i];
    if (c === '>') {
      i++;
    } else if ((c === '-' || c === '*' || c === '+') && spaceAt(i + 1)) {
      i++;
    } else {
      let j = i;
      while (j - i < 9 && line.charCodeAt(j) >= 48 && line.charCodeAt(j) <= 57) j++;
      if (j === i || (line[j] !== '.' && line[j] !== ')') || !spaceAt(j + 1)) return markers;
      i = j + 1;
    }
    markers++;
  }
}

/**
 * Checks, in one pass over the text, that the Markdown parser will read a body in linear time.
 *
 * satteri (Astro's Markdown engine) has costs that grow with the square of some inputs, measured
 * on 1 MiB bodies: list markers opening on one line (`- - - - … x`: 5 s), a long line with many
 * inline elements after a non-ASCII character (its UTF-16 columns: 124 s for `é <<<<…`), runs of
 * intraword `_` on one line, autolinks in a block without blank lines (4 s), and hundreds of
 * thousands of elements to hand over to JavaScript (2–5 s). Punctuation is what makes Markdown
 * elements, so it is what is counted: by line, by block, and in all.
 */
export function checkBodyText(markdown: string): BodyProblem | undefined {
  let markup = 0, lineDensity = 0, blockDensity = 0;
  let blockStart = 0, blockLength = 0, blockPunctuation = 0;
  let lineNumber = 0;
  for (let start = 0; start <= markdown.length; ) {
    const end = markdown.indexOf('\n', start);
    const line = markdown.slice(start, end === -1 ? markdown.length : end);
    lineNumber++;
    let punctuation = 0, blank = true;
    for (let i = 0; i < line.length; i++) {
      const code = line.charCodeAt(i);
      if (isPunctuation(code)) punctuation++;
      if (code !== 32 && code !== 9 && code !== 13) blank = false;
    }
    if (blank) {
      blockDensity += blockLength * blockPunctuation;
      blockLength = blockPunctuation = 0;
    } else {
      const markers = markersAt(line);
      if (markers > LIMITS.markdownMarkersPerLine) {
        return { rule: 'body-too-deep', line: lineNumber, message: `${count(markers)} block quote and list markers open on this line, over the limit of ${LIMITS.markdownMarkersPerLine}; Markdown nested this deep is not read: flatten it` };
      }
      // A list or quote marker makes two elements (`- x`: a list item and its paragraph).
      markup += punctuation + markers + 1;
      if (markup > LIMITS.markdownMarkup) {
        return { rule: 'body-too-dense', line: lineNumber, message: `by this line the body holds more Markdown elements than the limit for a postmortem (${count(LIMITS.markdownMarkup)}, counted as punctuation characters, list and quote markers, and lines); move logs and data to a linked file` };
      }
      lineDensity += line.length * punctuation;
      if (lineDensity > LIMITS.markdownLineDensity) {
        return { rule: 'body-too-dense', line: lineNumber, message: `this line (${count(line.length)} characters, ${count(punctuation)} of them punctuation) takes the body's long, markup-heavy lines over the limit that keeps Markdown parsing fast; break long lines (Markdown joins a paragraph's lines) or move machine output to a linked file` };
      }
      if (blockLength === 0) blockStart = lineNumber;
      blockLength += line.length + 1;
      blockPunctuation += punctuation;
      if (blockDensity + blockLength * blockPunctuation > LIMITS.markdownBlockDensity) {
        return { rule: 'body-too-dense', line: blockStart, message: `the block of lines from here to line ${lineNumber}, without a blank line, holds too much punctuation (${count(blockPunctuation)} characters in ${count(blockLength)}) for Markdown parsing to stay fast; separate paragraphs with blank lines or move machine output to a linked file` };
      }
    }
    if (end === -1) break;
    start = end + 1;
  }
  return undefined;
}

/** The first node, in reading order, nested deeper than the limit; found without recursion. */
export function checkTreeDepth(root: Root): BodyProblem | undefined {
  const nodes: Nodes[] = [root];
  const depths: number[] = [0];
  while (nodes.length) {
    const node = nodes.pop()!;
    const depth = depths.pop()!;
    if (depth > LIMITS.markdownDepth) {
      return { rule: 'body-too-deep', line: node.position?.start.line ?? 1, message: `Markdown elements (lists, quotes, emphasis, links) are nested more than ${LIMITS.markdownDepth} deep here; flatten them` };
    }
    if (!('children' in node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) {
      nodes.push(node.children[i]!);
      depths.push(depth + 1);
    }
  }
  return undefined;
}
