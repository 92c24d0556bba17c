/**
 * Filters and sorts a table in place. The table is complete without this script; with it, filters
 * act on every keystroke and live in the URL, so a filtered view can be shared and linked to.
 *
 * The form's fields name what they filter: `q` matches words anywhere in a row, `from` and `to`
 * bound the row's `data-date`, a checkbox keeps rows whose `data-<name>` is `true`, and any other
 * field keeps rows whose `data-<name>` (a space-separated list) contains its value. `sort` in the
 * URL (`<column>-asc` or `-desc`, the column's `data-name`) sorts as a header click would.
 */
import { rowMatches } from './filter-match.ts';

interface Row {
  element: HTMLTableRowElement;
  text: string;
}

type Field = HTMLInputElement | HTMLSelectElement;

function matches(row: Row, field: Field): boolean {
  const value = field instanceof HTMLInputElement && field.type === 'checkbox' ? (field.checked ? 'true' : '') : field.value.trim();
  return rowMatches(row.element.dataset, row.text, field.name, value);
}

export function setUpTableFilter(formId: string, tableId: string): void {
  const form = document.getElementById(formId) as HTMLFormElement | null;
  const table = document.getElementById(tableId) as HTMLTableElement | null;
  const count = document.querySelector<HTMLElement>(`[data-count-for="${tableId}"]`);
  if (!form || !table) return;
  const body = table.tBodies[0]!;
  const rows: Row[] = [...body.rows].map((element) => ({ element, text: element.textContent!.toLowerCase() }));
  const fields = [...form.elements].filter((e): e is Field => (e instanceof HTMLInputElement || e instanceof HTMLSelectElement) && e.name !== '');
  let sort = '';

  // Laying out thousands of rows takes longer than filtering them: show the first matches and
  // more on request, so every keystroke answers at once even at 10,000 rows.
  const PAGE = 200;
  let limit = PAGE;
  const more = document.createElement('button');
  more.type = 'button';
  more.className = 'more';
  (table.closest('.scroll') ?? table).after(more);
  more.addEventListener('click', () => {
    limit += PAGE * 5;
    apply(false);
  });

  function writeUrl(): void {
    const params = new URLSearchParams();
    for (const field of fields) {
      const checkbox = field instanceof HTMLInputElement && field.type === 'checkbox';
      if (checkbox ? field.checked : field.value.trim()) params.set(field.name, checkbox ? 'true' : field.value.trim());
    }
    if (sort) params.set('sort', sort);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  }

  function apply(fromInput = true): void {
    if (fromInput) limit = PAGE;
    let matching = 0;
    for (const row of rows) {
      const visible = fields.every((field) => matches(row, field)) && ++matching <= limit;
      if (row.element.hidden === visible) row.element.hidden = !visible;
    }
    if (count && count.textContent !== String(matching)) count.textContent = String(matching);
    more.hidden = matching <= limit;
    more.textContent = `Show more (${Math.min(limit, matching)} of ${matching} shown)`;
    writeUrl();
  }

  // Sorting: a header button sorts by its column's data-sort values (else its text), again to reverse.
  const headers = [...table.tHead!.rows[0]!.querySelectorAll<HTMLTableCellElement>('th[data-key]')];
  function sortBy(th: HTMLTableCellElement, ascending: boolean): void {
    for (const other of headers) other.removeAttribute('aria-sort');
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const index = th.cellIndex;
    const key = (row: Row) => row.element.cells[index]!.dataset.sort ?? row.element.cells[index]!.textContent ?? '';
    const numeric = th.dataset.key === 'number';
    rows.sort((a, b) => {
      const x = key(a), y = key(b);
      const order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    body.append(...rows.map((r) => r.element));
    sort = th.dataset.name ? `${th.dataset.name}-${ascending ? 'asc' : 'desc'}` : '';
  }
  for (const th of headers) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      sortBy(th, th.getAttribute('aria-sort') !== 'ascending');
      apply(false);
    });
  }

  const params = new URLSearchParams(location.search);
  for (const field of fields) {
    const value = params.get(field.name);
    if (value === null) continue;
    if (field instanceof HTMLInputElement && field.type === 'checkbox') field.checked = value === 'true';
    else field.value = value;
  }
  const [, name, direction] = /^(.+)-(asc|desc)$/.exec(params.get('sort') ?? '') ?? [];
  const sorted = name === undefined ? undefined : headers.find((th) => th.dataset.name === name);
  if (sorted) sortBy(sorted, direction === 'asc');
  form.hidden = false;
  form.addEventListener('input', () => apply());
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
