/**
 * The component an incident is about: `invoice-sync`, written `invoice_sync` in a table or a
 * setting and `InvoiceSync` in a class name. Every incident that is not a repeat gets a component
 * no other incident has, and every repeat keeps its origin's, so the details that make two
 * postmortems the same problem (the resource, the code path, the error, the cron job) are shared
 * within a planted family and nowhere else: an oracle could find every planted pair and no other.
 * Services and causes are not unique: unrelated incidents keep sharing those, as they do in life.
 */
import type { Rng } from './random.ts';

export interface Names {
  kebab: string;
  snake: string;
  pascal: string;
}

/*
 * No word of a list is in another list, and no name built from them is a service id or a
 * hyphenated word of the text tables, so a name is found in a file only where it was written.
 */
const DOMAINS = [
  'invoice', 'receipt', 'voucher', 'coupon', 'basket', 'wishlist', 'review', 'rating', 'stock', 'parcel', 'courier',
  'tariff', 'quote', 'subscription', 'dispute', 'chargeback', 'settlement', 'remittance', 'payslip', 'contract',
  'merchant', 'affiliate', 'referral', 'bundle', 'giftcard', 'ticket', 'booking', 'slot', 'depot', 'pallet',
  'manifest', 'customs', 'barcode', 'locale', 'consent', 'avatar', 'address', 'fx', 'kyc', 'mandate', 'ledgerline',
  'statement', 'payroll', 'warranty', 'rebate', 'loyaltypoint', 'preorder', 'backorder', 'supplier', 'vendorfeed',
  'assortment', 'markdown', 'pricebook', 'storecredit', 'clickcollect', 'layaway', 'rma', 'sku', 'taxonomy',
  'sitemap', 'banner', 'newsletter', 'survey', 'chatbot',
];
const PARTS = [
  'sync', 'writer', 'reader', 'indexer', 'exporter', 'importer', 'resolver', 'renderer', 'compactor', 'dispatcher',
  'reconciler', 'matcher', 'ranker', 'validator', 'enricher', 'splitter', 'merger', 'poller', 'notifier', 'archiver',
  'uploader', 'fetcher', 'builder', 'planner', 'allocator', 'tracker', 'auditor', 'collector', 'aggregator',
  'publisher', 'listener', 'watcher', 'loader', 'sweeper', 'batcher', 'streamer', 'scorer', 'deduper', 'normaliser',
  'projector', 'snapshotter', 'replayer', 'throttler', 'bridge', 'relay', 'feeder', 'syncer', 'mapper',
];
const QUALIFIERS = [
  'eu', 'us', 'apac', 'bulk', 'fast', 'legacy', 'nightly', 'hourly', 'v2', 'v3', 'async', 'batched', 'primary',
  'replica', 'shadow', 'edgecase', 'internal', 'public', 'retail', 'wholesale', 'b2b', 'mx', 'ca', 'nordic',
];

export function namesOf(kebab: string): Names {
  const words = kebab.split('-');
  return { kebab, snake: words.join('_'), pascal: words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('') };
}

/** Draws component names never drawn before in this corpus. */
export function componentNames(rng: Rng): () => string {
  const taken = new Set<string>();
  let numbered = 0;
  const take = (name: string) => {
    taken.add(name);
    return name;
  };
  return () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      const name = `${rng.pick(DOMAINS)}-${rng.pick(PARTS)}`;
      if (!taken.has(name)) return take(name);
    }
    for (let attempt = 0; attempt < 4; attempt++) {
      const name = `${rng.pick(DOMAINS)}-${rng.pick(QUALIFIERS)}-${rng.pick(PARTS)}`;
      if (!taken.has(name)) return take(name);
    }
    // Only a very large corpus gets here: a number keeps the name new.
    return take(`${rng.pick(DOMAINS)}-${rng.pick(QUALIFIERS)}-${rng.pick(PARTS)}${++numbered}`);
  };
}

const alternatives = (words: readonly string[], form: (w: string) => string) => [...words].sort((a, b) => b.length - a.length).map(form).join('|');
const capitalised = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
const KEBAB = new RegExp(`(?<![a-z0-9])(?:${alternatives(DOMAINS, (w) => w)})[-_](?:(?:${alternatives(QUALIFIERS, (w) => w)})[-_])?(?:${alternatives(PARTS, (w) => w)})\\d*(?![a-z0-9])`, 'g');
const PASCAL = new RegExp(`(?<![A-Za-z0-9])(?:${alternatives(DOMAINS, capitalised)})(?:${alternatives(QUALIFIERS, capitalised)})?(?:${alternatives(PARTS, capitalised)})\\d*(?![a-z0-9])`, 'g');

/** Every component a text names, in any of its three forms, as its kebab-case name. */
export function componentsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const [match] of text.matchAll(KEBAB)) found.add(match.replaceAll('_', '-'));
  for (const [match] of text.matchAll(PASCAL)) found.add(match.replace(/(?<=.)(?=[A-Z])/g, '-').toLowerCase());
  return found;
}
