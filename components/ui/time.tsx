'use client';

import { formatTime, type TimeStyle } from '@/lib/format';
import { useTimes } from './times-context';

/**
 * A time in the viewer's chosen zone, saying which ("… UTC" or "… UTC+1"), with the exact ISO value
 * for hover and assistive tech. A client component only to read the preference; the server renders
 * it with the same preference, so nothing changes on hydration.
 */
export function Time({ iso, style = 'datetime' }: { iso: string | null | undefined; style?: TimeStyle }) {
  const { zone } = useTimes();
  if (!iso) return <span className="muted">—</span>;
  return (
    <time dateTime={iso} title={iso}>
      {formatTime(iso, zone, style)}
    </time>
  );
}
