/** Whether the viewer asked the system for less motion: maps then jump instead of flying and fading. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}
