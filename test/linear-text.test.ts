import { expect, test } from 'vitest';
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
