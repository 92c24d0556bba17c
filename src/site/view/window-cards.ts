import { formatMinutes, trendWord, type CountChange, type HeadlineWindows, type WindowCount } from '../../lib/index.ts';

export interface WindowCard {
  key: WindowCount | 'overdueActionItems' | 'resolveP50';
  label: string;
  value: string;
  /** The previous window, and what the comparison says. */
  note: string;
  /** Shown only for a change beyond chance. */
  arrow: '▲' | '▼' | null;
  /** `bad` for a rise of something that should fall. */
  tone: 'good' | 'bad' | null;
}

function direction(change: CountChange): Pick<WindowCard, 'arrow' | 'tone'> {
  // Every count on the dashboard is better lower.
  if (change.direction === 'rising') return { arrow: '▲', tone: 'bad' };
  if (change.direction === 'falling') return { arrow: '▼', tone: 'good' };
  return { arrow: null, tone: null };
}

/**
 * The dashboard's window-over-window cards. Counts of incidents carry an arrow and a colour only
 * when the change is beyond chance (the analysis' two-count test); otherwise they say why not.
 * Overdue action items are a level at a date, not events in a window, and the p50 is a median:
 * neither gets an arrow; the p50 says its n.
 */
export function windowCards(windows: HeadlineWindows, severeLabel: string): WindowCard[] {
  const { recent, previous, days } = windows;
  const counts: [WindowCount, string][] = [['incidents', 'Incidents'], ['severe', severeLabel], ['customerFacing', 'Customer-facing'], ['recurrences', 'Recurrences']];
  const cards: WindowCard[] = counts.map(([key, label]) => {
    const change = windows.changes[key];
    const word = trendWord(change);
    return { key, label, value: String(recent[key]), note: `${previous[key]} in the ${days} days before: ${word}`, ...direction(change) };
  });
  cards.push({ key: 'overdueActionItems', label: 'Overdue action items (at period end)', value: String(recent.overdueActionItems), note: `${previous.overdueActionItems} at the end of the ${days} days before`, arrow: null, tone: null });
  const leftOut = [recent.resolveMissing ? `${recent.resolveMissing} unresolved` : '', recent.resolveApproximate ? `${recent.resolveApproximate} approximate` : ''].filter(Boolean);
  cards.push({
    key: 'resolveP50',
    label: `p50 time to resolve (n = ${recent.resolveCount})`,
    value: formatMinutes(recent.resolveP50),
    note: `${formatMinutes(previous.resolveP50)} (n = ${previous.resolveCount}) in the ${days} days before${leftOut.length ? `; left out: ${leftOut.join(', ')}` : ''}`,
    arrow: null,
    tone: null,
  });
  return cards;
}
