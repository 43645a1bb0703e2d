'use client';

import { useSyncExternalStore } from 'react';
import { viewerZoneName } from './time-format';

const never = () => () => undefined;

/** The viewer's zone name; null while rendering on the server, which cannot know it. */
export function useViewerZone(): string | null {
  return useSyncExternalStore(never, viewerZoneName, () => null);
}
