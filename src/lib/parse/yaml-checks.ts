import { CST, isAlias, isCollection, isMap, isPair, isScalar, type Alias, type Document, type Node } from 'yaml';
import type { RuleId } from '../diagnostics/rules.ts';
import { LIMITS } from './limits.ts';
import { shorten } from '../text/format.ts';

/** A problem found in a YAML document, at a source range of the YAML text. */
export interface YamlProblem {
  rule: RuleId;
  range: readonly [number, number];
  message: string;
  /** Whether the data can still be used (a duplicate key can; an unresolved alias cannot). */
  usable: boolean;
}

const count = (n: number) => n.toLocaleString('en-US');

export const TOO_DEEP = `lists and mappings are nested more than ${LIMITS.yamlDepth} deep here; no field needs more than a few levels, so flatten the structure`;

function childrenOf(node: Node): Node[] {
  if (!isCollection(node)) return [];
  const children: Node[] = [];
  for (const item of node.items) {
    if (isPair(item)) {
      if (item.key && typeof item.key === 'object') children.push(item.key as Node);
      if (item.value && typeof item.value === 'object') children.push(item.value as Node);
    } else if (item && typeof item === 'object') {
      children.push(item as Node);
    }
  }
  return children;
}

function rangeOf(node: Node | null | undefined): readonly [number, number] {
  const range = node?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

/**
 * Walks a document once, without recursion, for what the `yaml` package does not check or checks
 * in quadratic time: nesting depth, keys per mapping, duplicate keys, aliases that are unresolved,
 * inside their own anchor (an infinite value), or that repeat too much (a "billion laughs" file
 * is a few lines of anchors that expand to billions of values).
 *
 * Anchors are resolved as YAML says: to the latest anchor of that name before the alias.
 */
export function checkDocument(doc: Document.Parsed): YamlProblem[] {
  const problems: YamlProblem[] = [];
  const reported = new Set<RuleId>();
  const once = (problem: YamlProblem) => {
    if (reported.has(problem.rule)) return;
    reported.add(problem.rule);
    problems.push(problem);
  };
  const anchors = new Map<string, Node>();
  /** Values each finished node stands for, aliases expanded: only a node's own anchor needs it. */
  const sizes = new Map<Node, number>();
  let repeated = 0;

  const root = doc.contents as Node | null;
  if (!root) return problems;
  const stack: { node: Node; depth: number; exit: boolean }[] = [{ node: root, depth: isCollection(root) ? 1 : 0, exit: false }];
  while (stack.length) {
    const frame = stack.pop()!;
    const { node, depth } = frame;
    if (frame.exit) {
      let size = 1;
      for (const child of childrenOf(node)) size += sizes.get(child) ?? 1;
      sizes.set(node, size);
      continue;
    }
    if (node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const alias = node as Alias;
      const target = anchors.get(alias.source);
      if (!target) {
        problems.push({ rule: 'yaml-syntax', range: rangeOf(node), usable: false,
          message: `\`*${shorten(alias.source)}\` refers to no anchor: define \`&${shorten(alias.source)}\` on an earlier value, or quote the text if \`*\` was meant literally` });
        continue;
      }
      const size = sizes.get(target);
      if (size === undefined) {
        problems.push({ rule: 'yaml-syntax', range: rangeOf(node), usable: false,
          message: `\`*${shorten(alias.source)}\` is inside the value anchored \`&${shorten(alias.source)}\`, which would repeat itself forever; remove the alias` });
        continue;
      }
      sizes.set(node, size);
      repeated += size;
      if (repeated > LIMITS.yamlAliasValues) {
        once({ rule: 'yaml-too-many-aliases', range: rangeOf(node), usable: false,
          message: `aliases repeat more than ${count(LIMITS.yamlAliasValues)} values (this \`*${shorten(alias.source)}\` brings them to ${count(repeated)}); write the values out instead of repeating anchors` });
      }
      continue;
    }
    if (!isCollection(node)) {
      sizes.set(node, 1);
      continue;
    }
    if (depth > LIMITS.yamlDepth) {
      sizes.set(node, 1);
      once({ rule: 'yaml-too-deep', range: rangeOf(node), usable: false, message: TOO_DEEP });
      continue;
    }
    if (isMap(node)) {
      if (node.items.length > LIMITS.yamlKeys) {
        once({ rule: 'yaml-too-many-keys', range: rangeOf(node.items[LIMITS.yamlKeys]!.key as Node), usable: false,
          message: `this mapping has more than ${count(LIMITS.yamlKeys)} keys (${count(node.items.length)}); no part of the format needs that many` });
      }
      const seen = new Set<string>();
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const key = String(pair.key.value);
        if (!seen.has(key)) seen.add(key);
        else problems.push({ rule: 'yaml-duplicate-key', range: rangeOf(pair.key), usable: true, message: `\`${shorten(key)}\` is set twice in the same mapping; keep one of them` });
      }
    }
    stack.push({ node, depth, exit: true });
    const children = childrenOf(node);
    for (let i = children.length - 1; i >= 0; i--) {
      const child = children[i]!;
      stack.push({ node: child, depth: isCollection(child) ? depth + 1 : depth, exit: false });
    }
  }
  return problems;
}

/**
 * Where the text nests lists and mappings deeper than the limit, read from the `yaml` package's
 * concrete syntax tree, which it builds without recursion. Its documents are composed
 * recursively: one built from 12,000 nested `{a: ` reports "maximum call stack size exceeded" as a
 * YAML error, at a place that depends on the thread's stack. So a text js-yaml could not read is
 * measured with this before a document is built from it.
 */
export function deepCollectionOffset(tokens: readonly CST.Token[]): number | undefined {
  const stack: { token: CST.Token; depth: number }[] = tokens.map((token) => ({ token, depth: 0 }));
  while (stack.length) {
    const { token, depth } = stack.pop()!;
    const inner = CST.isCollection(token) ? depth + 1 : depth;
    if (inner > LIMITS.yamlDepth) return token.offset;
    if (token.type === 'document' && token.value) stack.push({ token: token.value, depth });
    if (!CST.isCollection(token)) continue;
    for (const item of token.items) {
      if (item.key) stack.push({ token: item.key, depth: inner });
      if (item.value) stack.push({ token: item.value, depth: inner });
    }
  }
  return undefined;
}
