import { cancel, intro, isCancel, multiselect, outro, select, text } from '@clack/prompts';
import { parseTimestamp, type Catalog, type NewPostmortem } from '../../lib/index.ts';

/** Asks on the terminal for what the flags did not give; undefined when the user cancels. */
export async function askForMissing(given: Partial<NewPostmortem>, catalog: Catalog, now: string): Promise<Partial<NewPostmortem> | undefined> {
  const values = { ...given };
  intro('New postmortem');
  const stop = (answer: unknown): answer is symbol => {
    if (isCancel(answer)) cancel('Nothing was written.');
    return isCancel(answer);
  };
  if (!values.title) {
    const title = await text({
      message: 'Title: what broke, for whom?',
      validate: (v) => ((v ?? '').trim().length < 5 ? 'At least 5 characters.' : (v ?? '').length > 200 ? 'At most 200 characters.' : undefined),
    });
    if (stop(title)) return undefined;
    values.title = title;
  }
  if (!values.severity) {
    const severity = await select({
      message: 'Severity',
      options: catalog.severities.map((s) => ({ value: s.id, label: `${s.id} — ${s.label}`, ...(s.description ? { hint: s.description } : {}) })),
      initialValue: catalog.severities.at(-1)!.id,
    });
    if (stop(severity)) return undefined;
    values.severity = severity;
  }
  if (!values.services?.length) {
    const services = await multiselect({
      message: 'Services affected (space to choose, enter to confirm)',
      options: catalog.services.map((s) => ({ value: s.id, label: s.id, hint: s.name })),
      required: true,
    });
    if (stop(services)) return undefined;
    values.services = services;
  }
  if (!values.startedAt) {
    const startedAt = await text({
      message: 'When did impact begin? (with an offset)',
      initialValue: now,
      validate: (v) => (parseTimestamp(v ?? '').ok ? undefined : 'A date-time with an offset, such as 2025-03-04T14:02:00+01:00.'),
    });
    if (stop(startedAt)) return undefined;
    values.startedAt = startedAt;
  }
  outro('Writing the draft.');
  return values;
}
