import type { RecurrenceKind } from '../../lib/index.ts';

/** How a page marks a recurrence of a kind: a short word, and whether it is bad news. */
export interface KindBadge {
  text: string;
  tone: 'bad' | 'muted';
}

/** Each kind named plainly: what its badge says, and the sentence that explains it. */
export const KIND_WORDS: Record<RecurrenceKind, { badge: KindBadge; heading: string; explanation: string; verdict: string; counted: string }> = {
  preventable: {
    badge: { text: 'preventable', tone: 'bad' },
    heading: 'Preventable recurrences',
    explanation: 'A prevent item of the incident it repeats was overdue when it started.',
    verdict: 'Preventable: a prevent item of the earlier incident was overdue when this one started.',
    counted: 'preventable',
  },
  recurredAfterFix: {
    badge: { text: 'the fix did not work', tone: 'bad' },
    heading: 'Recurred after the fix was done — the fix did not work',
    explanation: 'Every prevent item of the incident it repeats was done before it started.',
    verdict: 'Recurred after the fix was done — the fix did not work: every prevent item of the earlier incident was done before this one started.',
    counted: 'after the fix was done — the fix did not work',
  },
  recurredBeforeDue: {
    badge: { text: 'before the fix was due', tone: 'muted' },
    heading: 'Recurred before the fix was due',
    explanation: 'No prevent item of the incident it repeats was overdue yet: one was due later.',
    verdict: 'Recurred before the fix was due: no prevent item of the earlier incident was overdue yet.',
    counted: 'before the fix was due',
  },
  recurredWithoutDueDate: {
    badge: { text: 'the fix had no due date', tone: 'bad' },
    heading: 'Recurred while the fix had no due date',
    explanation: 'The prevent items of the incident it repeats that were not done had no due date, so none could be overdue.',
    verdict: 'Recurred while the fix had no due date: the prevent items of the earlier incident not yet done had none, so none could be overdue.',
    counted: 'while the fix had no due date',
  },
};

export function kindBadge(kind: RecurrenceKind | undefined): KindBadge | undefined {
  return kind && KIND_WORDS[kind].badge;
}
