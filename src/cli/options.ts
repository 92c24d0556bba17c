import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig, parseDate } from '../lib/index.ts';
import type { Io } from './io.ts';

/** The incidents folder a command works on, or the message saying why there is none. */
export function incidentsFolder(option: string | undefined, io: Io): { dir: string; name: string } | { error: string } {
  const name = option ?? loadConfig(io.cwd).config.incidents;
  const dir = resolve(io.cwd, name);
  if (!existsSync(dir)) return { error: `hindsight: the incidents folder \`${name}\` does not exist; create it or pass --incidents DIR\n` };
  if (!statSync(dir).isDirectory()) return { error: `hindsight: \`${name}\` is a file, not a folder; pass --incidents the folder that holds the postmortems\n` };
  return { dir, name };
}

/** Colour when asked, else on a terminal unless NO_COLOR is set. */
export function useColor(values: { color?: boolean | undefined; 'no-color'?: boolean | undefined }, io: Io): boolean {
  if (values['no-color']) return false;
  return Boolean(values.color ?? (io.isTTY && !io.env.NO_COLOR));
}

export const COLOR_OPTIONS = {
  color: { type: 'boolean' },
  'no-color': { type: 'boolean' },
} as const;

/** The analysis date a command works on: `--as-of`, or today (UTC). */
export function analysisDate(option: string | undefined, io: Io, flag = '--as-of'): { date: string } | { error: string } {
  const today = new Date(io.now ?? Date.now()).toISOString().slice(0, 10);
  const date = option ?? today;
  return parseDate(date) === undefined ? { error: `hindsight: ${flag} must be a date such as ${today}, not \`${date}\`\n` } : { date };
}

/** What a report works on: the incidents folder and the analysis date, or why one of them will not do. */
export function reportTarget(values: { incidents?: string | undefined; 'as-of'?: string | undefined }, io: Io): { dir: string; date: string } | { error: string } {
  const folder = incidentsFolder(values.incidents, io);
  if ('error' in folder) return folder;
  const asOf = analysisDate(values['as-of'], io);
  if ('error' in asOf) return asOf;
  return { dir: folder.dir, date: asOf.date };
}
