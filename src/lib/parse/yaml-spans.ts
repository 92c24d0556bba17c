import { isMap, isScalar, isSeq, type Document, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Span } from '../diagnostics/diagnostic.ts';
import type { LineIndex } from './line-index.ts';

type Path = readonly PropertyKey[];

interface Found {
  /** The deepest node reached along the path. */
  node: Node | null;
  /** The key of the pair that holds `node`, when it is a mapping value. */
  key: Node | null;
  /** Whether the whole path was found. */
  complete: boolean;
}

/** Each mapping's pairs by key, built on first lookup: a file with 50,000 findings asks 50,000 times. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  let pairs = pairsByKey.get(map);
  if (!pairs) {
    pairs = new Map();
    for (const pair of map.items) {
      // The first of duplicated keys, as the finding about the duplicate points at the second.
      if (isScalar(pair.key) && !pairs.has(String(pair.key.value))) pairs.set(String(pair.key.value), pair as Pair);
    }
    pairsByKey.set(map, pairs);
  }
  return pairs.get(key);
}

function walk(doc: Document.Parsed, path: Path): Found {
  let node = doc.contents as Node | null;
  let key: Node | null = null;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = pairOf(node as YAMLMap, String(segment));
      if (!pair) return { node, key, complete: false };
      key = pair.key as Node;
      node = (pair.value as Node | null) ?? null;
    } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
      key = null;
      node = node.items[segment] as Node;
    } else {
      return { node, key, complete: false };
    }
  }
  return { node, key, complete: true };
}

/**
 * Where a finding about `path` points: the value when it exists (the key when the value is
 * empty), otherwise the nearest existing parent's key, otherwise the opening `---`.
 * With `atKey`, the key of the last segment instead (for an unknown or duplicated key).
 */
export class YamlSpans {
  readonly #document: () => Document.Parsed;
  readonly #data: unknown;
  readonly #offset: number;
  readonly #lines: LineIndex;

  /** `document` is called only when a position is asked for; `has` answers from the data. */
  constructor(document: () => Document.Parsed, data: unknown, offset: number, lines: LineIndex) {
    this.#document = document;
    this.#data = data;
    this.#offset = offset;
    this.#lines = lines;
  }

  /** Whether the path is written in the file, even with an empty value. */
  has(path: Path): boolean {
    let current = this.#data;
    for (const segment of path) {
      if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return false;
      current = (current as Record<PropertyKey, unknown>)[segment];
    }
    return true;
  }

  value(path: Path): Span {
    return this.#locate((doc) => {
      const found = walk(doc, path);
      if (!found.complete && found.node === doc.contents) return null;
      return found.complete ? (found.node?.range ? found.node : found.key) : (found.key ?? found.node);
    });
  }

  key(path: Path): Span {
    return this.#locate((doc) => {
      const found = walk(doc, path);
      return found.key ?? found.node;
    });
  }

  /** A position is a courtesy: if building the document fails, the finding points at line 1. */
  #locate(find: (doc: Document.Parsed) => Node | null): Span {
    try {
      return this.#span(find(this.#document()));
    } catch {
      return this.#span(null);
    }
  }

  #span(node: Node | null | undefined): Span {
    if (!node?.range) return { start: { line: 1, column: 1 } };
    const [start, end] = node.range;
    return { start: this.#lines.position(this.#offset + start), end: this.#lines.position(this.#offset + end) };
  }
}
