'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * An element's width in pixels, in steps of 20 so a resize does not ask the server for every pixel
 * (charts and tracks are shaped on the server for their width), and whether it has been measured:
 * asking before that would fetch a window for a guessed width, then again for the real one.
 */
export function useWidth<T extends HTMLElement = HTMLDivElement>(
  initial = 800,
): [React.RefObject<T | null>, number, boolean] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState<number | null>(null);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.round(el.clientWidth / 20) * 20));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width ?? initial, width !== null];
}
