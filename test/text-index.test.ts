import { expect, test } from 'vitest';
import { wordsOf } from '../src/lib/analyze/text-index.ts';

/** The pattern the identifier scan replaces: right on short text, quadratic on a long run of letters. */
const PATTERN = /[\p{L}\p{N}]+(?:[-_.][\p{L}\p{N}]+)+|\p{Ll}+(?:\p{Lu}\p{Ll}+)+|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+/gu;

function byPattern(text: string): string[] {
  const words: string[] = [];
  for (const [compound] of text.matchAll(PATTERN)) {
    if (/[-_.]/.test(compound)) {
      const whole = compound.replace(/[-_.]/g, '').toLowerCase();
      if (!/^\p{N}+$/u.test(whole)) words.push(whole);
    } else words.push(...compound.split(/(?=\p{Lu})/u).map((w) => w.toLowerCase()));
  }
  for (const word of text.toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word) words.push(word);
  return words;
}

test('identifiers are found whole and in parts', () => {
  expect(wordsOf('InvoiceSync stalled; invoice-sync and pool.max_size, xmlHttpRequest, ABCService, éCole, v2Api'))
    .toEqual(['invoice', 'sync', 'invoicesync', 'poolmaxsize', 'xml', 'http', 'request', 'é', 'cole', 'invoicesync', 'stalled', 'invoice', 'sync', 'and', 'pool', 'max', 'size', 'xmlhttprequest', 'abcservice', 'école', 'v2api']);
});

test('the scan finds what the pattern found, on 20,000 random texts', () => {
  const alphabet = ['a', 'b', 'é', 'A', 'B', 'É', '2', '-', '_', '.', ' ', ',', 'ß', '中', '😀'];
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  for (let n = 0; n < 20_000; n++) {
    const text = Array.from({ length: 1 + Math.floor(random() * 16) }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
    expect(wordsOf(text), JSON.stringify(text)).toEqual(byPattern(text));
  }
});
