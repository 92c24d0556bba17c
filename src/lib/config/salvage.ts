import type { z } from 'zod';

type Path = readonly PropertyKey[];

function removeAt(data: unknown, path: Path): boolean {
  let parent = data;
  for (const segment of path.slice(0, -1)) {
    if (parent === null || typeof parent !== 'object') return false;
    parent = (parent as Record<PropertyKey, unknown>)[segment];
  }
  const last = path.at(-1);
  if (last === undefined || parent === null || typeof parent !== 'object' || !Object.hasOwn(parent, last)) return false;
  delete (parent as Record<PropertyKey, unknown>)[last];
  return true;
}

/**
 * The valid part of a config: each setting an issue is about is dropped (a whole list when one of
 * its entries is wrong, since part of a list means something else) and the rest parsed again, so
 * one unknown key or bad value costs that setting only, never the whole file. Every setting is
 * optional, so what remains parses unless it is not an object at all.
 */
export function salvage<S extends z.ZodType>(schema: S, data: unknown, issues: readonly z.core.$ZodIssue[]): z.output<S> | undefined {
  const copy = structuredClone(data);
  let pending = issues;
  for (let round = 0; round < 8; round++) {
    let removed = false;
    for (const issue of pending) {
      const list = issue.path.findIndex((segment) => typeof segment === 'number');
      const path = list >= 0 ? issue.path.slice(0, list) : issue.path;
      if (issue.code === 'unrecognized_keys') for (const key of issue.keys) removed = removeAt(copy, [...path, key]) || removed;
      else removed = removeAt(copy, path) || removed;
    }
    const result = schema.safeParse(copy);
    if (result.success) return result.data;
    if (!removed) return undefined;
    pending = result.error.issues;
  }
  return undefined;
}
