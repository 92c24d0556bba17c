/**
 * Filters and sorts the incidents table in place. The table is complete without this script;
 * with it, filters act on every keystroke and live in the URL, so a filtered view can be shared.
 */
const FIELDS = ['severity', 'service', 'cause', 'trigger', 'from', 'to', 'q'] as const;
type Field = (typeof FIELDS)[number];

interface Row {
  element: HTMLTableRowElement;
  severity: string;
  services: string[];
  causes: string[];
  trigger: string;
  date: string;
  text: string;
}

export function setUpIncidentFilter(): void {
  const form = document.querySelector<HTMLFormElement>('form#filters');
  const table = document.querySelector<HTMLTableElement>('table#incidents');
  const count = document.querySelector<HTMLElement>('#shown');
  if (!form || !table || !count) return;
  const body = table.tBodies[0]!;
  const rows: Row[] = [...body.rows].map((element) => ({
    element,
    severity: element.dataset.severity ?? '',
    services: (element.dataset.services ?? '').split(' '),
    causes: (element.dataset.causes ?? '').split(' '),
    trigger: element.dataset.trigger ?? '',
    date: element.dataset.date ?? '',
    text: element.textContent!.toLowerCase(),
  }));
  const input = (name: Field) => form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement;

  const apply = () => {
    const v = Object.fromEntries(FIELDS.map((f) => [f, input(f).value.trim()])) as Record<Field, string>;
    const words = v.q.toLowerCase().split(/\s+/).filter(Boolean);
    let shown = 0;
    for (const row of rows) {
      const visible = (!v.severity || row.severity === v.severity)
        && (!v.service || row.services.includes(v.service))
        && (!v.cause || row.causes.includes(v.cause))
        && (!v.trigger || row.trigger === v.trigger)
        && (!v.from || row.date >= v.from)
        && (!v.to || row.date <= v.to)
        && words.every((w) => row.text.includes(w));
      row.element.hidden = !visible;
      if (visible) shown++;
    }
    count.textContent = String(shown);
    const params = new URLSearchParams();
    for (const f of FIELDS) if (v[f]) params.set(f, v[f]);
    const query = params.toString();
    history.replaceState(null, '', query ? `?${query}` : location.pathname);
  };

  const params = new URLSearchParams(location.search);
  for (const f of FIELDS) if (params.has(f)) input(f).value = params.get(f)!;
  form.hidden = false;
  form.addEventListener('input', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();

  // Sorting: a header click sorts by its column's data-sort values, again to reverse.
  table.tHead!.rows[0]!.querySelectorAll<HTMLTableCellElement>('th[data-key]').forEach((th, _, all) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'sort';
    button.textContent = th.textContent;
    th.replaceChildren(button);
    button.addEventListener('click', () => {
      const ascending = th.getAttribute('aria-sort') !== 'ascending';
      all.forEach((other) => other.removeAttribute('aria-sort'));
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
    });
  });
}
