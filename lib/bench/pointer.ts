/** Mouse gestures the browser benchmarks share (#8–#10): real input through Playwright, paced like a hand. */
import type { Page } from '@playwright/test';
import { sleep } from './stats';

/**
 * Drags from `from` by (dx, dy) in ten moves a frame apart, then holds still for 100 ms before
 * releasing: Leaflet adds no inertia to a drag that stopped, so every pan is exactly the distance.
 */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  dx: number,
  dy: number,
  steps = 10,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let k = 1; k <= steps; k++) {
    await page.mouse.move(from.x + (dx * k) / steps, from.y + (dy * k) / steps);
    await sleep(16);
  }
  await sleep(100);
  await page.mouse.up();
}

/** Twenty pans of 150 px: right, down, left, up, five times (the map ends where it started). */
export const PANS_150: ReadonlyArray<[number, number]> = Array.from(
  { length: 20 },
  (_, i) =>
    [
      [150, 0],
      [0, 150],
      [-150, 0],
      [0, -150],
    ][i % 4] as [number, number],
);
