import { printable as show } from '../formatters/printable.ts';
import { percent, plural, treePrefixes, type BlindCheck, type FamilyStatus, type RecurrenceAnalysis, type RecurrenceFamily, type RecurrenceWithItems } from '../../lib/index.ts';

export interface Painter {
  heading(text: string): string;
  dim(text: string): string;
  red(text: string): string;
}

/** Members printed per family; the rest are counted. */
const MEMBERS_SHOWN = 12;

const STATUS_TITLES: Record<FamilyStatus, string> = {
  active: 'Active: recurred within the window',
  quiet: 'Quiet: no recurrence within the window',
  fixed: 'Fixed: every prevent item done, no recurrence since',
};

function familyLines(family: RecurrenceFamily, paint: Painter): string[] {
  const overdue = family.overduePreventItems.length;
  const facts = [
    plural(family.members.length, 'incident'),
    `${family.first} → ${family.last}`,
    `last ${plural(family.daysSinceLast, 'day')} ago`,
    family.openPreventItems.length ? `${plural(family.openPreventItems.length, 'open prevent item')}${overdue ? `, ${paint.red(`${overdue} overdue`)}` : ''}` : '',
  ].filter(Boolean);
  const prefixes = treePrefixes(family.members);
  const tree = family.members.map((m, i) => (m.depth ? `${prefixes[i]}${paint.dim(`+${Math.round(m.gapDays!)}d`)} ${show(m.id)}` : show(m.id)));
  const shown = tree.slice(0, MEMBERS_SHOWN);
  if (tree.length > MEMBERS_SHOWN) shown.push(paint.dim(`… ${tree.length - MEMBERS_SHOWN} more`));
  return [`    ${shown[0]}  ${paint.dim(`(${facts.join(', ')})`)}`, ...shown.slice(1).map((line) => `      ${line}`)];
}

function itemLines(entries: readonly RecurrenceWithItems[], describe: (item: RecurrenceWithItems['items'][number]) => string, listed: number, more: (count: number, noun: string) => string[]): string[] {
  if (!entries.length) return ['  none'];
  return [
    ...entries.slice(0, listed).flatMap((e) => [`  ${show(e.id)}, a recurrence of ${show(e.origin)}:`, ...e.items.map((item) => `    "${show(item.title)}" (${item.priority}, ${show(item.owner)}) ${describe(item)}`)]),
    ...more(entries.length, 'recurrence'),
  ];
}

/**
 * The recurrence sections of the terminal report: families by status, suggestions, and the four
 * kinds of recurrence, each list cut at `listed`. Text from postmortems goes through `show`.
 */
export function recurrenceSections(recurrence: RecurrenceAnalysis, paint: Painter, listed: number): string[] {
  const out: string[] = [];
  const more = (count: number, noun: string, nouns?: string) => (count > listed ? [paint.dim(`  … and ${plural(count - listed, noun, nouns)} more: --json FILE lists them all`)] : []);
  out.push('', paint.heading('Recurrence families (confirmed links)'));
  if (!recurrence.families.length) out.push('  none');
  for (const status of ['active', 'quiet', 'fixed'] as const) {
    const families = recurrence.families.filter((f) => f.status === status);
    if (!families.length) continue;
    out.push(`  ${STATUS_TITLES[status]} (${families.length})`);
    for (const family of families.slice(0, listed)) out.push(...familyLines(family, paint));
    out.push(...more(families.length, 'family', 'families'));
  }

  const { suggestions } = recurrence;
  out.push('', paint.heading(`Possible recurrences not yet confirmed (${suggestions.length})`));
  if (!suggestions.length) out.push('  none');
  for (const s of suggestions.slice(0, listed)) {
    const shared = [...s.shared.services, ...s.shared.rootCauses, ...(s.shared.trigger ? [s.shared.trigger] : [])].join(', ');
    out.push(`  ${s.score.toFixed(2)}  ${show(s.to)}`);
    out.push(`        looks like ${show(s.from)} ${paint.dim(`(+${Math.round(s.gapDays)}d; shared: ${show(shared)}; terms: ${show(s.terms.join(', '))})`)}`);
  }
  out.push(...more(suggestions.length, 'suggestion'));
  if (suggestions.length) out.push(paint.dim('  Confirm one with `recurrence_of`, or dismiss it with `not_recurrence_of`, in the later postmortem.'));

  const due = (item: RecurrenceWithItems['items'][number]) => (item.daysPastDue === null ? 'no due date' : item.daysPastDue > 0 ? `${plural(item.daysPastDue, 'day')} overdue` : item.daysPastDue === 0 ? 'due that day' : `due ${plural(-item.daysPastDue, 'day')} later`);
  const state = (item: RecurrenceWithItems['items'][number]) => (item.completedAt ? `done only on ${item.completedAt}` : item.status);
  out.push('', paint.heading(`Preventable recurrences (${recurrence.preventable.length}): a prevent item of the origin was overdue`));
  const kind = (entries: readonly RecurrenceWithItems[], describe: (item: RecurrenceWithItems['items'][number]) => string) => itemLines(entries, describe, listed, more);
  out.push(...kind(recurrence.preventable, (item) => `was ${paint.red(due(item))}, ${state(item)}`));
  out.push('', paint.heading(`Recurred after the fix was done (${recurrence.recurredAfterFix.length}): the fix did not work`));
  out.push(...kind(recurrence.recurredAfterFix, (item) => `done on ${item.completedAt}`));
  out.push('', paint.heading(`Recurred before the fix was due (${recurrence.recurredBeforeDue.length})`));
  out.push(...kind(recurrence.recurredBeforeDue, (item) => `${due(item)}, ${state(item)}`));
  out.push('', paint.heading(`Recurred while a prevent item had no due date (${recurrence.recurredWithoutDueDate.length})`));
  out.push(...kind(recurrence.recurredWithoutDueDate, (item) => state(item)));
  return out;
}

/** The blind check in a few lines: how often inference finds the origin an author wrote. */
export function blindCheckReport(check: BlindCheck, windowDays: number): string {
  const out = [`Blind check: suggestions made with all ${plural(check.hidden, '`recurrence_of` link')} hidden`];
  if (!check.hidden) return `${out[0]}\n  nothing to check: no postmortem names the incident it repeats\n`;
  out.push(`  agreement          ${percent(check.agreement)}: the author's origin suggested for ${check.agreed} of ${check.hidden}`);
  out.push(`  another origin     ${check.otherOrigin}`);
  out.push(`  nothing suggested  ${check.missed}${check.outsideWindow ? ` (${check.outsideWindow} of them more than ${windowDays} days after their origin)` : ''}`);
  out.push(`  other suggestions  ${check.otherSuggestions}, for incidents nobody linked`);
  const wrong = check.cases.filter((c) => c.suggested !== c.origin);
  if (wrong.length) out.push('', 'Where inference disagreed:');
  for (const c of wrong.slice(0, 20)) out.push(`  ${show(c.id)}: the author wrote ${show(c.origin)}; inference ${c.suggested ? `suggested ${show(c.suggested)}` : 'suggested nothing'}`);
  if (wrong.length > 20) out.push(`  … ${wrong.length - 20} more in --json`);
  return `${out.join('\n')}\n`;
}
