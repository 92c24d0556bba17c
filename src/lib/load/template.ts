import { join } from 'node:path';
import { NO_TEMPLATE, templatePlaceholders, type Placeholders } from '../validate/placeholders.ts';
import { readBytes } from './validate-files.ts';

export const TEMPLATE_FILE = '_template.md';

/**
 * The example text of the incidents folder's `_template.md`, which a postmortem must not keep.
 * Without a readable template there is none but what `hindsight new` itself writes.
 */
export function loadPlaceholders(dir: string): Placeholders {
  const bytes = readBytes(join(dir, TEMPLATE_FILE));
  return bytes instanceof Error ? NO_TEMPLATE : templatePlaceholders(bytes);
}
