/**
 * The generated organisation: services with their teams and tiers, the people who write
 * postmortems, and the catalog file that declares them. Root causes and triggers are those of the
 * bundled catalog, so analyses of a generated corpus and of the examples speak the same vocabulary.
 */
import { createRng, type Rng } from './random.ts';

/** What a service is decides which details and impact phrases fit it. */
export type ServiceKind = 'api' | 'web' | 'db' | 'cache' | 'queue' | 'batch' | 'data' | 'infra';

/** Where a team sits decides the offset its people write timestamps in. */
export type Region = 'eu' | 'us' | 'utc';

export interface ServiceDef {
  id: string;
  name: string;
  team: string;
  tier: 1 | 2 | 3;
  kind: ServiceKind;
}

export interface Organisation {
  services: ServiceDef[];
  /** The same services, most incident-prone first. */
  byPopularity: ServiceDef[];
  teams: string[];
  region: Record<string, Region>;
  people: Record<string, string[]>;
}

export const SEVERITIES = [
  { id: 'SEV1', label: 'Critical', description: 'Customer-facing outage of a tier-1 service, or data loss.' },
  { id: 'SEV2', label: 'Major', description: 'Significant degradation for customers, or a full outage of an internal system.' },
  { id: 'SEV3', label: 'Minor', description: 'Limited impact, a workaround exists.' },
  { id: 'SEV4', label: 'Low', description: 'No customer impact; worth learning from.' },
] as const;

export const ROOT_CAUSES = [
  { id: 'capacity-exhaustion', label: 'Capacity exhaustion', description: 'A resource ran out: connections, memory, disk, quota.' },
  { id: 'unsafe-automation', label: 'Unsafe automation', description: 'Automation acted without limits or safety checks.' },
  { id: 'missing-limits', label: 'Missing limits', description: 'No pooling, rate limit, timeout or quota where one was needed.' },
  { id: 'bad-config', label: 'Bad configuration', description: 'A configuration value was wrong or inconsistent.' },
  { id: 'software-bug', label: 'Software bug', description: 'A defect in our own code.' },
  { id: 'data-migration-error', label: 'Data migration error', description: 'A migration step produced wrong data or blocked production.' },
  { id: 'expired-credential', label: 'Expired credential', description: 'A certificate, token or password expired.' },
  { id: 'dependency-failure', label: 'Dependency failure', description: 'A third-party or upstream service failed.' },
  { id: 'insufficient-testing', label: 'Insufficient testing', description: 'A change reached production without a test that would have caught it.' },
  { id: 'process-gap', label: 'Process gap', description: 'A missing runbook, review, ownership or communication step.' },
] as const;

export type RootCauseId = (typeof ROOT_CAUSES)[number]['id'];

export const TRIGGERS = [
  { id: 'deploy', label: 'Deploy' },
  { id: 'config-change', label: 'Config change' },
  { id: 'cron-job', label: 'Cron job' },
  { id: 'traffic-spike', label: 'Traffic spike' },
  { id: 'migration-step', label: 'Migration step' },
  { id: 'certificate-expiry', label: 'Certificate expiry' },
  { id: 'third-party-outage', label: 'Third-party outage' },
  { id: 'manual-operation', label: 'Manual operation' },
] as const;

export type TriggerId = (typeof TRIGGERS)[number]['id'];

/** Teams in the order they appear as the organisation grows; the first eight always exist. */
const TEAMS: readonly [string, Region][] = [
  ['platform', 'eu'], ['payments', 'eu'], ['orders', 'eu'], ['identity', 'eu'], ['storefront', 'eu'],
  ['data', 'utc'], ['growth', 'us'], ['logistics', 'eu'], ['search', 'eu'], ['finance', 'eu'],
  ['mobile', 'us'], ['messaging', 'eu'], ['risk', 'us'], ['observability', 'utc'], ['developer-experience', 'eu'],
];

/** Where a service goes when its own team does not exist yet in a small organisation. */
const FALLBACK_TEAM: Record<string, string> = {
  search: 'storefront', finance: 'payments', mobile: 'storefront', messaging: 'platform', risk: 'payments',
  observability: 'platform', 'developer-experience': 'platform',
};

/** Core services first: a small organisation has these, a large one has all of them. */
const SERVICES: readonly (readonly [string, string, string, 1 | 2 | 3, ServiceKind])[] = [
  ['api-gateway', 'API gateway', 'platform', 1, 'infra'],
  ['payments-api', 'Payments API', 'payments', 1, 'api'],
  ['orders-service', 'Orders service', 'orders', 1, 'api'],
  ['orders-db', 'Orders database (PostgreSQL)', 'orders', 1, 'db'],
  ['auth-service', 'Auth service', 'identity', 1, 'api'],
  ['checkout-web', 'Checkout web app', 'storefront', 1, 'web'],
  ['inventory-service', 'Inventory service', 'orders', 2, 'api'],
  ['batch-workers', 'Batch workers', 'data', 2, 'batch'],
  ['notifications', 'Notifications', 'growth', 3, 'api'],
  ['edge-proxy', 'Edge proxy', 'platform', 1, 'infra'],
  ['config-service', 'Config service', 'platform', 2, 'infra'],
  ['session-store', 'Session store (Redis)', 'identity', 1, 'cache'],
  ['search-service', 'Search service', 'search', 2, 'api'],
  ['shipping-service', 'Shipping service', 'logistics', 2, 'api'],
  ['reports-service', 'Reports service', 'finance', 3, 'api'],
  ['event-bus', 'Event bus (Kafka)', 'messaging', 1, 'queue'],
  ['ci-cd', 'CI/CD', 'developer-experience', 3, 'infra'],
  ['mobile-bff', 'Mobile backend', 'mobile', 1, 'api'],
  ['fraud-detection', 'Fraud detection', 'risk', 2, 'api'],
  ['metrics-stack', 'Metrics and dashboards', 'observability', 2, 'infra'],
  ['catalog-service', 'Product catalog service', 'storefront', 2, 'api'],
  ['cart-service', 'Cart service', 'storefront', 1, 'api'],
  ['etl-pipeline', 'ETL pipeline', 'data', 2, 'batch'],
  ['billing-service', 'Billing service', 'finance', 1, 'api'],
  ['users-db', 'Users database (PostgreSQL)', 'identity', 1, 'db'],
  ['warehouse-sync', 'Warehouse sync', 'logistics', 2, 'batch'],
  ['email-gateway', 'Email gateway', 'growth', 3, 'api'],
  ['search-index', 'Search index (Elasticsearch)', 'search', 2, 'data'],
  ['k8s-platform', 'Kubernetes platform', 'platform', 1, 'infra'],
  ['storefront-web', 'Storefront web', 'storefront', 1, 'web'],
  ['ledger-db', 'Ledger database', 'finance', 1, 'db'],
  ['pricing-service', 'Pricing service', 'storefront', 2, 'api'],
  ['promotions-service', 'Promotions service', 'growth', 2, 'api'],
  ['user-profile', 'User profile service', 'identity', 2, 'api'],
  ['data-warehouse', 'Data warehouse', 'data', 3, 'data'],
  ['secrets-vault', 'Secrets vault', 'platform', 1, 'infra'],
  ['dns', 'DNS', 'platform', 1, 'infra'],
  ['cdn', 'CDN', 'platform', 1, 'infra'],
  ['push-service', 'Push notifications', 'mobile', 3, 'api'],
  ['alerting', 'Alerting', 'observability', 2, 'infra'],
  ['refunds-service', 'Refunds service', 'payments', 2, 'api'],
  ['payouts-service', 'Payouts service', 'payments', 1, 'api'],
  ['inventory-db', 'Inventory database (MySQL)', 'orders', 2, 'db'],
  ['message-queue', 'Message queue (RabbitMQ)', 'messaging', 2, 'queue'],
  ['feature-flags', 'Feature flags', 'developer-experience', 2, 'infra'],
  ['tax-service', 'Tax service', 'finance', 2, 'api'],
  ['webhooks', 'Webhook delivery', 'messaging', 2, 'queue'],
  ['scheduler', 'Job scheduler', 'data', 2, 'batch'],
  ['logging-pipeline', 'Logging pipeline', 'observability', 3, 'data'],
  ['identity-provider', 'Identity provider (SSO)', 'identity', 1, 'infra'],
  ['recommendations', 'Recommendations', 'growth', 3, 'api'],
  ['object-storage', 'Object storage', 'platform', 2, 'infra'],
  ['returns-service', 'Returns service', 'logistics', 3, 'api'],
  ['card-vault', 'Card vault', 'payments', 1, 'db'],
  ['image-resizer', 'Image resizer', 'storefront', 3, 'api'],
  ['analytics-ingest', 'Analytics ingest', 'data', 3, 'queue'],
  ['sms-gateway', 'SMS gateway', 'messaging', 3, 'api'],
  ['backup-service', 'Backups', 'platform', 2, 'batch'],
  ['support-portal', 'Customer support portal', 'growth', 3, 'web'],
  ['admin-console', 'Admin console', 'developer-experience', 3, 'web'],
  ['currency-rates', 'Currency rates', 'finance', 3, 'batch'],
  ['loyalty-service', 'Loyalty service', 'growth', 3, 'api'],
  ['carrier-tracking', 'Carrier tracking', 'logistics', 3, 'batch'],
  ['ml-feature-store', 'ML feature store', 'data', 3, 'data'],
];

const FIRST_NAMES = [
  'dana', 'sam', 'marco', 'priya', 'lena', 'ahmed', 'jonas', 'aisha', 'tom', 'mei', 'olga', 'ravi', 'sofia', 'ben',
  'nadia', 'kenji', 'lucas', 'emma', 'yusuf', 'clara', 'ivan', 'zoe', 'diego', 'hana', 'felix', 'maya', 'omar',
  'julia', 'leo', 'ines', 'noah', 'sara', 'tariq', 'elif', 'max', 'anya', 'paul', 'rosa', 'karim', 'lea', 'arjun',
  'nora', 'erik', 'fatima', 'hugo', 'mila', 'chen', 'ada', 'luca', 'vera',
];

/** Roughly 30 services for a small corpus, up to 60 for a very large one. */
export function serviceCount(count: number): number {
  return Math.min(60, Math.max(30, Math.round(30 + count / 4000)));
}

export function buildOrganisation(count: number, seed: string): Organisation {
  const rng = createRng(`${seed}:organisation`);
  const size = serviceCount(count);
  const teamCount = Math.min(TEAMS.length, 8 + Math.floor(size / 10));
  const existing = new Set(TEAMS.slice(0, teamCount).map(([team]) => team));
  const services = SERVICES.slice(0, size).map(([id, name, team, tier, kind]): ServiceDef => {
    let owner = team;
    while (!existing.has(owner)) owner = FALLBACK_TEAM[owner]!;
    return { id, name, team: owner, tier, kind };
  });
  const teams = TEAMS.map(([team]) => team).filter((team) => services.some((s) => s.team === team));
  const region = Object.fromEntries(TEAMS.map(([team, r]) => [team, r]));
  return { services, byPopularity: popularity(services, rng), teams, region, people: people(teams, count, rng) };
}

/** Tier-1 services draw more incidents (more traffic, more change), but the seed decides the order. */
function popularity(services: readonly ServiceDef[], rng: Rng): ServiceDef[] {
  return services
    .map((service) => ({ service, key: rng.next() * (service.tier === 1 ? 1 : service.tier === 2 ? 1.6 : 2.4) }))
    .sort((a, b) => a.key - b.key)
    .map(({ service }) => service);
}

function people(teams: readonly string[], count: number, rng: Rng): Record<string, string[]> {
  const perTeam = Math.min(16, 4 + Math.floor(count / 4000));
  const taken = new Set<string>();
  const out: Record<string, string[]> = {};
  for (const team of teams) {
    const members: string[] = [];
    while (members.length < perTeam) {
      const handle = `${rng.pick(FIRST_NAMES)}.${String.fromCharCode(97 + rng.int(0, 25))}`;
      if (taken.has(handle)) continue;
      taken.add(handle);
      members.push(handle);
    }
    out[team] = members;
  }
  return out;
}

function flow(entries: Record<string, string | number>): string {
  const parts = Object.entries(entries).map(([key, value]) =>
    `${key}: ${typeof value === 'number' || /^[A-Za-z0-9][A-Za-z0-9 ./()-]*$/.test(value) ? value : JSON.stringify(value)}`);
  return `  - { ${parts.join(', ')} }`;
}

export function renderCatalog(org: Organisation): string {
  const lines = [
    '# A generated organisation: every postmortem in this folder uses only these values.',
    '# Lists are in display order; severities are listed worst first.',
    '',
    'severities:',
    ...SEVERITIES.map((s) => flow(s)),
    '',
    'services:',
  ];
  for (const team of org.teams) {
    lines.push(`  # ${team}`);
    for (const s of org.services) if (s.team === team) lines.push(flow({ id: s.id, name: s.name, team: s.team, tier: s.tier }));
  }
  lines.push('', 'root_causes:', ...ROOT_CAUSES.map((c) => flow(c)), '', 'triggers:', ...TRIGGERS.map((t) => flow(t)), '');
  return lines.join('\n');
}
