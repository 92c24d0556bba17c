/**
 * Whether a table row passes one filter: what the tables' script applies on every keystroke, and
 * what the tests check a link's filters against. `q` matches words anywhere in the row's text,
 * `from` and `to` bound its `date`, and any other filter matches its value, or one of its values
 * (a space-separated list). An empty value passes every row.
 */
export function rowMatches(data: Readonly<Record<string, string | undefined>>, text: string, name: string, value: string): boolean {
  if (!value) return true;
  if (name === 'q') return value.toLowerCase().split(/\s+/).every((word) => text.includes(word));
  if (name === 'from') return (data.date ?? '') >= value;
  if (name === 'to') return (data.date ?? '') <= value;
  const own = data[name] ?? '';
  return own === value || own.split(' ').includes(value);
}
