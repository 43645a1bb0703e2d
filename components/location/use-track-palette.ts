'use client';

import { type RefObject, useEffect, useState } from 'react';
import { SIGNAL_CLASSES, SPEED_CLASSES } from './track-colors';

export type TrackPalette = Record<string, string>;

const VARS = [...new Set([...SIGNAL_CLASSES, ...SPEED_CLASSES].map((c) => c.cssVar))];

/**
 * The track's colours as the stylesheet sets them (custom properties on the panel), read again when
 * the colour scheme changes (the system's, or the viewer's choice on <html data-theme>): the canvas
 * cannot use `var()` itself.
 */
export function useTrackPalette(ref: RefObject<HTMLElement | null>): TrackPalette | null {
  const [palette, setPalette] = useState<TrackPalette | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const read = () => {
      const style = getComputedStyle(el);
      setPalette(Object.fromEntries(VARS.map((v) => [v, style.getPropertyValue(v).trim() || '#6b7280'])));
    };
    read();
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    media.addEventListener('change', read);
    const theme = new MutationObserver(read);
    theme.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      media.removeEventListener('change', read);
      theme.disconnect();
    };
  }, [ref]);
  return palette;
}
