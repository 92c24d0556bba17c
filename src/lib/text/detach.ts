/**
 * A copy of a string that shares no memory with the text it was cut from. V8 keeps a slice's
 * whole parent alive — a file's full text, or the serialised tree a Markdown parser handed back —
 * for as long as the slice lives. Incidents live for a whole build: with 100,000 of them, slices
 * hold gigabytes that nothing reads.
 */
export function detach(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8');
}

/** The same plain data with every string detached, for values parsed out of a larger text. */
export function detachStrings<T>(value: T): T {
  if (typeof value === 'string') return detach(value) as T;
  if (Array.isArray(value)) return value.map(detachStrings) as T;
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, detachStrings(v)])) as T;
  }
  return value;
}
