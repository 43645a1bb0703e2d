import type { FieldReadingDto } from '@/lib/dto/field';

/** RSRP over the last minutes as a small line; drawn from numbers only (no markup from data). */
export function Sparkline({
  readings,
  width = 160,
  height = 36,
}: {
  readings: readonly FieldReadingDto[];
  width?: number;
  height?: number;
}) {
  const values = readings.map((r) => r.rsrp).filter((v): v is number => v !== null);
  if (values.length < 2) return <span className="small muted">History builds up while this screen is open.</span>;
  const min = Math.min(...values, -120);
  const max = Math.max(...values, -70);
  const step = width / (values.length - 1);
  const points = values
    .map((v, i) => `${(i * step).toFixed(1)},${(height - ((v - min) / (max - min)) * height).toFixed(1)}`)
    .join(' ');
  return (
    <svg
      className="sparkline"
      width={width}
      height={height}
      viewBox={`0 0 ${width} ${height}`}
      role="img"
      aria-label={`RSRP of the last ${values.length} readings, from ${values[0]} to ${values.at(-1)} dBm`}
    >
      <polyline points={points} fill="none" strokeWidth="2" />
    </svg>
  );
}
