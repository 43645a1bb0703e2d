import type { TrackColoring } from '@/lib/queries/series-url';
import styles from './location.module.css';
import { scaleOf } from './track-colors';

/** What each colour of the track means, for the colouring shown. */
export function TrackLegend({ coloring }: { coloring: TrackColoring }) {
  return (
    <ul
      className={styles.legend}
      aria-label={coloring === 'speed' ? 'Track colours: speed' : 'Track colours: signal (RSRP)'}
      data-testid="track-legend"
    >
      {scaleOf(coloring).map((c) => (
        <li key={c.key} data-color-var={c.cssVar}>
          <span className={styles.swatch} style={{ background: `var(${c.cssVar})` }} aria-hidden="true" />
          {c.label}
        </li>
      ))}
    </ul>
  );
}
