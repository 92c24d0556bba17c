import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { markdownText } from '../src/cli/report/digest-markdown.ts';
import { runCli } from './helpers.ts';

const REPO = join(import.meta.dirname, '..');
const digest = (args: string[]) => runCli(['digest', ...args], { cwd: REPO });

describe('hindsight digest on the bundled examples', () => {
  test('overdue by lateness, due in the next 14 days, done after the last digest; per team, then per owner', async () => {
    const { code, stdout, stderr } = await digest(['--as-of', '2026-06-14', '--since', '2026-06-01', '--link-base', 'https://github.com/acme/postmortems/blob/main/']);
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout).toMatchInlineSnapshot(`
      "# Action items, 2026-06-14

      5 overdue · 1 due by 2026-06-28 · 2 done after 2026-06-01

      ## By team

      ### growth

      **Done after 2026-06-01**

      - **P2** Separate queues for transactional and marketing email · noor.h · done 2026-06-12 · [2026-05-19-notifications-queue-backlog](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-05-19-notifications-queue-backlog.md)
      - **P2** Autoscale consumers on queue depth · noor.h · done 2026-06-02 · [2026-05-19-notifications-queue-backlog](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-05-19-notifications-queue-backlog.md)

      ### orders

      **Overdue**

      - **P1** Exponential backoff with jitter on inventory calls · marco.b · due 2026-01-31, **134 days overdue** · [2025-12-09-orders-service-retry-storm](https://github.com/acme/postmortems/blob/main/incidents/2025/2025-12-09-orders-service-retry-storm.md)
      - **P1** [Contract tests for the orders-service to payments-api API](https://tracker.example.com/ORD-311) · priya.n · due 2026-03-31, **75 days overdue** · [2026-01-13-orders-service-bad-deploy](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-01-13-orders-service-bad-deploy.md)

      ### payments

      **Overdue**

      - **P1** [Add a circuit breaker and a fallback provider](https://tracker.example.com/PAY-77) · team-payments · due 2025-11-30, **196 days overdue** · [2025-08-26-payments-provider-timeouts](https://github.com/acme/postmortems/blob/main/incidents/2025/2025-08-26-payments-provider-timeouts.md)

      **Due by 2026-06-28**

      - **P2** Alert on pod restarts caused by OOM kills · lena.w · due 2026-06-15 · [2026-04-28-payments-api-memory-leak](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-04-28-payments-api-memory-leak.md)

      ### platform

      **Overdue**

      - **P2** Compare schemas column by column before each cutover · fatima.h · due 2025-10-15, **242 days overdue** · [2025-09-10-schema-mismatch-drops-order-notes](https://github.com/acme/postmortems/blob/main/incidents/2025/2025-09-10-schema-mismatch-drops-order-notes.md)
      - **P0** [Stage config pushes per environment with automatic rollback on error rate](https://tracker.example.com/PLAT-97) · lena.w · due 2026-04-30, **45 days overdue** · [2026-03-10-config-push-breaks-auth](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-03-10-config-push-breaks-auth.md)

      ## By owner

      ### fatima.h

      **Overdue**

      - **P2** Compare schemas column by column before each cutover · fatima.h · due 2025-10-15, **242 days overdue** · [2025-09-10-schema-mismatch-drops-order-notes](https://github.com/acme/postmortems/blob/main/incidents/2025/2025-09-10-schema-mismatch-drops-order-notes.md)

      ### lena.w

      **Overdue**

      - **P0** [Stage config pushes per environment with automatic rollback on error rate](https://tracker.example.com/PLAT-97) · lena.w · due 2026-04-30, **45 days overdue** · [2026-03-10-config-push-breaks-auth](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-03-10-config-push-breaks-auth.md)

      **Due by 2026-06-28**

      - **P2** Alert on pod restarts caused by OOM kills · lena.w · due 2026-06-15 · [2026-04-28-payments-api-memory-leak](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-04-28-payments-api-memory-leak.md)

      ### marco.b

      **Overdue**

      - **P1** Exponential backoff with jitter on inventory calls · marco.b · due 2026-01-31, **134 days overdue** · [2025-12-09-orders-service-retry-storm](https://github.com/acme/postmortems/blob/main/incidents/2025/2025-12-09-orders-service-retry-storm.md)

      ### noor.h

      **Done after 2026-06-01**

      - **P2** Separate queues for transactional and marketing email · noor.h · done 2026-06-12 · [2026-05-19-notifications-queue-backlog](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-05-19-notifications-queue-backlog.md)
      - **P2** Autoscale consumers on queue depth · noor.h · done 2026-06-02 · [2026-05-19-notifications-queue-backlog](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-05-19-notifications-queue-backlog.md)

      ### priya.n

      **Overdue**

      - **P1** [Contract tests for the orders-service to payments-api API](https://tracker.example.com/ORD-311) · priya.n · due 2026-03-31, **75 days overdue** · [2026-01-13-orders-service-bad-deploy](https://github.com/acme/postmortems/blob/main/incidents/2026/2026-01-13-orders-service-bad-deploy.md)

      ### team-payments

      **Overdue**

      - **P1** [Add a circuit breaker and a fallback provider](https://tracker.example.com/PAY-77) · team-payments · due 2025-11-30, **196 days overdue** · [2025-08-26-payments-provider-timeouts](https://github.com/acme/postmortems/blob/main/incidents/2025/2025-08-26-payments-provider-timeouts.md)
      "
    `);
  });

  test('--since defaults to a week before; without --link-base the incident is named, not linked', async () => {
    const { code, stdout } = await digest(['--as-of', '2026-06-08']);
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 3)).toEqual(['# Action items, 2026-06-08', '', '5 overdue · 1 due by 2026-06-22 · 1 done after 2026-06-01']);
    expect(stdout).toContain('- **P2** Autoscale consumers on queue depth · noor.h · done 2026-06-02 · `2026-05-19-notifications-queue-backlog`');
    expect(stdout).not.toContain('](https://github.com');
  });

  test('--out writes the file a CI job publishes', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'hindsight-digest-')), 'summary.md');
    const { code, stdout } = await digest(['--as-of', '2026-06-14', '--out', out]);
    expect([code, stdout]).toEqual([0, `wrote the digest to ${out}\n`]);
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('# Action items, 2026-06-14');
  });

  test.each([
    { args: ['--since', 'last week'], message: 'hindsight: --since must be a date such as' },
    { args: ['--link-base', 'javascript:alert(1)//'], message: 'hindsight: --link-base must be an http(s) URL such as https://github.com/acme/postmortems/blob/main/, not `javascript:alert(1)//`\n' },
  ])('$args.0 is checked', async ({ args, message }) => {
    const { code, stdout, stderr } = await digest(args);
    expect([code, stdout]).toEqual([2, '']);
    expect(stderr.startsWith(message)).toBe(true);
  });
});

test('text from a postmortem cannot become markup in the digest', () => {
  expect(markdownText('Fix [this](javascript:alert(1)) <img src=x onerror=alert(1)> *now* | a_b `c` ~~d~~ #1 & !')).toBe(
    'Fix \\[this\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\> \\*now\\* \\| a\\_b \\`c\\` \\~\\~d\\~\\~ \\#1 \\& \\!',
  );
});
