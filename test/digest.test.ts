import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Link, Node } from 'mdast';
// biome-ignore lint/suspicious/noShadowRestrictedNames: the library's own name for it
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, test } from 'vitest';
import { markdownText } from '../src/cli/report/digest-markdown.ts';
import { actingCharacters, runCli } from './helpers.ts';

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

test('a hostile action item stays text on its own line of the digest, on a terminal and in a job summary', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hindsight-digest-'));
  cpSync(join(REPO, 'incidents'), join(dir, 'incidents'), { recursive: true });
  const file = join(dir, 'incidents/2025/2025-12-09-orders-service-retry-storm.md');
  writeFileSync(file, readFileSync(file, 'utf8')
    .replace('  - title: Exponential backoff with jitter on inventory calls\n    owner: marco.b', [
      '  - title: "Backoff [now](https://evil.example) <b>now</b>\\e]0;pwned\\a see https://evil.example,\\nwww.evil.example or a@b.co\\u202e"',
      '    owner: "marco.b\\n- **P0** forged\\r\\n<script>x</script>"',
    ].join('\n')));
  const { code, stdout, stderr } = await runCli(['digest', '--incidents', 'incidents', '--as-of', '2026-06-14'], { cwd: dir });
  expect([code, stderr]).toEqual([0, '']);
  expect(actingCharacters(stdout)).toEqual([]);
  const lines = stdout.split('\n').filter((line) => line.includes('forged'));
  // Once per team, once under its owner, whose heading it is too.
  const item = '- **P1** Backoff \\[now\\](https://evil.example) \\<b\\>now\\</b\\>\\\\x1b\\]0;pwned\\\\x07 see https://evil.example, www.evil.example or a@b.co\\\\u202e · marco.b - \\*\\*P0\\*\\* forged \\<script\\>x\\</script\\> · due 2026-01-31, **134 days overdue** · `2025-12-09-orders-service-retry-storm`';
  expect(lines).toEqual([item, '### marco.b - \\*\\*P0\\*\\* forged \\<script\\>x\\</script\\>', item]);
  // As GitHub's Markdown reads it: text and the emphasis the digest writes, no HTML, and no link but
  // the bare URLs and address it autolinks, each to the very text shown.
  const tree = unified().use(remarkParse).use(remarkGfm).parse(stdout);
  const kinds = new Set<string>();
  const links: string[] = [];
  visit(tree, (node: Node) => {
    if (node.type !== 'listItem' || !toString(node).includes('forged')) return;
    visit(node, (inner: Node) => {
      kinds.add(inner.type);
      if (inner.type === 'link') links.push(`${toString(inner)} → ${(inner as Link).url}`);
    });
  });
  expect([...kinds].sort()).toEqual(['inlineCode', 'link', 'listItem', 'paragraph', 'strong', 'text']);
  expect([...new Set(links)]).toEqual(['https://evil.example → https://evil.example', 'www.evil.example → http://www.evil.example', 'a@b.co → mailto:a@b.co']);
});

function visit(node: Node, each: (node: Node) => void): void {
  each(node);
  if ('children' in node) for (const child of node.children as Node[]) visit(child, each);
}
