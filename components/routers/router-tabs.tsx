import Link from 'next/link';

const ROUTER_TABS = [
  { id: 'overview', label: 'Overview' },
  { id: 'modems', label: 'Modems' },
  { id: 'signal', label: 'Signal' },
  { id: 'location', label: 'Location' },
  { id: 'alerts', label: 'Alerts' },
] as const;
export type RouterTab = (typeof ROUTER_TABS)[number]['id'];

export function parseRouterTab(raw: unknown): RouterTab {
  return ROUTER_TABS.some((t) => t.id === raw) ? (raw as RouterTab) : 'overview';
}

/**
 * Tabs as links: the choice lives in `?tab=` so a copied link opens the same tab, and switching needs
 * no client code. Other parameters (the alert window, the charts' window and zone) are kept.
 */
export function RouterTabs({
  routerId,
  active,
  params,
}: {
  routerId: string;
  active: RouterTab;
  params: Record<string, string>;
}) {
  return (
    <nav className="tabs" aria-label="Router sections" data-testid="router-tabs">
      {ROUTER_TABS.map((t) => {
        const search = new URLSearchParams({ ...params, tab: t.id });
        return (
          <Link
            key={t.id}
            href={`/routers/${encodeURIComponent(routerId)}?${search.toString()}`}
            aria-current={t.id === active ? 'page' : undefined}
            scroll={false}
            // Each prefetch would render this router's page, with NCM calls, before anyone asks.
            prefetch={false}
          >
            {t.label}
          </Link>
        );
      })}
    </nav>
  );
}
