import type { MapRouterDto } from '@/lib/dto/fleet-map';

/**
 * A router's popup, built as DOM nodes with text content: router names come from NCM and are
 * untrusted, so they are never parsed as HTML.
 */
export function routerPopup(router: MapRouterDto): HTMLElement {
  const root = document.createElement('div');
  root.className = 'map-popup';
  root.dataset.testid = 'map-popup';
  const name = document.createElement('strong');
  name.textContent = router.name;
  const state = document.createElement('div');
  state.textContent = `State: ${router.state}`;
  const signal = document.createElement('div');
  signal.textContent =
    router.rsrp === null
      ? 'Signal: no reading'
      : `Signal: ${router.rsrp} dBm RSRP${router.signalQuality ? ` (${router.signalQuality})` : ''}`;
  const link = document.createElement('a');
  link.href = `/routers/${encodeURIComponent(router.id)}`;
  link.textContent = 'Open router';
  root.append(name, state, signal, link);
  return root;
}
