/** Containers nested deeper than this are written by one JSON.stringify call each. */
const EXPANDED_DEPTH = 3;

const isContainer = (value: unknown): value is object => typeof value === 'object' && value !== null && !('toJSON' in value);

/**
 * `JSON.stringify(value, null, 2)`, byte for byte, as a sequence of pieces: the analysis of
 * 100,000 postmortems is more text than one JavaScript string can hold, so it is written a piece
 * at a time and never held whole.
 */
export function* jsonPieces(value: unknown, indent = '', depth = 0): Generator<string> {
  if (!isContainer(value) || depth >= EXPANDED_DEPTH) {
    const text = JSON.stringify(value, null, 2) ?? 'null';
    yield indent ? text.replace(/\n/g, `\n${indent}`) : text;
    return;
  }
  const inner = `${indent}  `;
  const entries: [string | undefined, unknown][] = Array.isArray(value)
    ? value.map((item) => [undefined, item === undefined || typeof item === 'function' ? null : item])
    : Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function');
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (!entries.length) {
    yield `${open}${close}`;
    return;
  }
  yield `${open}\n`;
  for (let i = 0; i < entries.length; i++) {
    const [key, item] = entries[i]!;
    yield key === undefined ? inner : `${inner}${JSON.stringify(key)}: `;
    yield* jsonPieces(item, inner, depth + 1);
    yield i < entries.length - 1 ? ',\n' : '\n';
  }
  yield `${indent}${close}`;
}

/** Gathers pieces into chunks of about `size` characters, so a writer is called a few thousand times, not millions. */
export function* chunked(pieces: Iterable<string>, size = 1 << 16): Generator<string> {
  let buffer = '';
  for (const piece of pieces) {
    buffer += piece;
    if (buffer.length >= size) {
      yield buffer;
      buffer = '';
    }
  }
  if (buffer) yield buffer;
}
