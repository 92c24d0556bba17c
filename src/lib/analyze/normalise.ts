/** Words whose trailing `s` is not a plural. */
const NOT_PLURAL = /(?:ss|us|is|ous)$/;

export function singular(word: string): string {
  if (word.length <= 3 || NOT_PLURAL.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}
