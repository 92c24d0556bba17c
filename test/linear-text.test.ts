import { distance } from 'fastest-levenshtein';
import { expect, test } from 'vitest';
import { setValue } from '../src/lib/scaffold/new-postmortem.ts';
import { closest } from '../src/lib/text/suggest.ts';
import { firstDashedItem } from '../src/lib/validate/zod-issues.ts';

/** Random short texts over an alphabet, the same for every run. */
function randomTexts(alphabet: readonly string[], count: number, maxLength = 16): string[] {
  let seed = 11;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, () =>
    Array.from({ length: Math.floor(random() * (maxLength + 1)) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
}

// Each function below replaces a pattern that was right on short text and quadratic on a long run.

test('the first of `-a -b` items is what `/\\s+-(?=\\S)/` split off', () => {
  const byPattern = (text: string) => text.slice(1).split(/\s+-(?=\S)/)[0]!;
  expect(['-database -postgres', '-a  -b', '-a -', '-a - b', '-a\t-b', '- a -b', '-a\u00a0-b', '-a-b -c'].map(firstDashedItem))
    .toEqual(['database', 'a', 'a -', 'a - b', 'a', ' a', 'a', 'a-b']);
  for (const text of randomTexts(['-', ' ', '\t', '\n', '\u00a0', 'a', 'é'], 20_000)) {
    expect(firstDashedItem(`-${text}`), JSON.stringify(text)).toBe(byPattern(`-${text}`));
  }
  expect(firstDashedItem(`-a${' '.repeat(100_000)}x -b`)).toBe(`a${' '.repeat(100_000)}x`);
});

test('a suggestion is the closest candidate, as when every candidate was compared, for values up to 256 characters', () => {
  const byComparingAll = (value: string, candidates: readonly string[]) => {
    const needle = value.toLowerCase();
    let best: string | undefined;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      if (needle.replace(/\d/g, '') === candidate.toLowerCase().replace(/\d/g, '')) continue;
      const d = distance(needle, candidate.toLowerCase());
      if (d <= Math.max(1, Math.floor(Math.max(needle.length, candidate.length) / 3)) && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  };
  expect(closest('orders-bd', ['orders-db', 'payments-api'])).toBe('orders-db');
  expect(closest('SEV9', ['SEV1', 'SEV2'])).toBeUndefined();
  expect(closest('a', ['ab', 'abc'])).toBe('ab');
  const long = 'x'.repeat(200);
  expect(closest(`${long}y`, [`${long}z`])).toBe(`${long}z`);
  // Past 256 characters nothing is compared: no id is that long, and 60,000 letters against 60,000 took 1.7 s.
  expect(closest(`${'x'.repeat(300)}y`, [`${'x'.repeat(300)}z`])).toBeUndefined();
  const texts = randomTexts(['a', 'b', 'A', 'İ', '1', '-'], 40_000, 8);
  for (let i = 0; i + 5 <= texts.length; i += 5) {
    const [value, ...candidates] = texts.slice(i, i + 5) as [string, ...string[]];
    expect(closest(value, candidates), JSON.stringify([value, candidates])).toBe(byComparingAll(value, candidates));
  }
});

test('a template line takes a new value and keeps its comment, as `/(\\s+#.*)?$/` found it', () => {
  const byPattern = (line: string, value: string) => {
    const m = /^(\w+:\s*)(.*?)(\s+#.*)?$/.exec(line)!;
    return `${m[1]}${value}${m[3] ?? ''}`;
  };
  expect(['title: Old  # what happened', 'severity: SEV2 # SEV1 to SEV4', 'services: [a]#x', 'title:', 'title:\t# x #y'].map((line) => setValue(line, 'New')))
    .toEqual(['title: New  # what happened', 'severity: New # SEV1 to SEV4', 'services: New', 'title:New', 'title:\tNew #y']);
  for (const text of randomTexts([' ', '\t', '#', 'a', ':', '\u00a0'], 20_000)) {
    expect(setValue(`title:${text}`, 'New'), JSON.stringify(text)).toBe(byPattern(`title:${text}`, 'New'));
  }
  expect(setValue(`title: Old${' '.repeat(100_000)}x  # kept`, 'New')).toBe('title: New  # kept');
  // Line terminators other than \n inside a template line are values like any other.
  expect(['title: Old\u2028more  # kept', 'title: Old\rmore', 'title: Old # a\u2029b'].map((line) => setValue(line, 'New')))
    .toEqual(['title: New  # kept', 'title: New', 'title: New # a\u2029b']);
});
