import type { Links } from './links.ts';

export interface NavItem {
  label: string;
  href: string;
  /** The section the page is in: `aria-current="page"` and a marker. */
  current: boolean;
}

const SECTIONS: readonly [label: string, path: string][] = [
  ['Dashboard', '/'],
  ['Incidents', '/incidents/'],
  ['Patterns', '/patterns/'],
  ['Recurrences', '/recurrences/'],
  ['Action items', '/action-items/'],
  ['Programs', '/programs/'],
  ['Services', '/services/'],
  ['Root causes', '/causes/'],
  ['Triggers', '/triggers/'],
  ['Teams', '/teams/'],
  ['Search', '/search/'],
];

/** The site's navigation; `path` is the page's own path under the base, e.g. `/services/orders-db/`. */
export function navigation(links: Links, path: string): NavItem[] {
  return SECTIONS.map(([label, section]) => ({
    label,
    href: links.page(section),
    current: section === '/' ? path === '/' : path.startsWith(section),
  }));
}

/** A page's path under the base path: what `navigation` compares. */
export function pathInSite(pathname: string, base: string): string {
  const root = base.replace(/\/$/, '');
  return pathname.startsWith(root) ? pathname.slice(root.length) || '/' : pathname;
}

export function documentTitle(title: string, siteTitle: string): string {
  return title === siteTitle ? title : `${title} · ${siteTitle}`;
}

export function footerLinks(links: Links): { label: string; href: string }[] {
  return [
    { label: 'incidents.json', href: links.page('/incidents.json') },
    { label: 'analysis.json', href: links.page('/analysis.json') },
    { label: 'incidents.csv', href: links.page('/incidents.csv') },
    { label: 'Atom feed', href: links.page('/feed.xml') },
  ];
}
