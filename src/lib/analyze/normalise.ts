/** Words whose trailing `s` is not a plural. */
const NOT_PLURAL = /(?:ss|us|is|ous)$/;

export function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/**
 * The form contributing factors are compared in: "No connection limits." and "no connection
 * limit" are the same factor. Lowercase, punctuation removed, whitespace collapsed, simple plurals
 * made singular.
 */
export function normaliseFactor(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean)
    .map(singular)
    .join(' ');
}
