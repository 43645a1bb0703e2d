'use client';

import { useEffect, useRef, useState } from 'react';

/**
 * An element's width in pixels, in steps of 20 so a resize does not ask the server for every pixel
 * (charts and tracks are shaped on the server for their width).
 */
export function useWidth<T extends HTMLElement = HTMLDivElement>(initial = 800): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(initial);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => setWidth(Math.max(280, Math.round(el.clientWidth / 20) * 20));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
