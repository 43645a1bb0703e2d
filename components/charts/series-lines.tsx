'use client';

import { memo, useId, useMemo } from 'react';
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts';
import type { SeriesLineDto, SeriesMarkerDto } from '@/lib/dto/series';
import { type AxisMap, axisMap, bandPaths, isDense, linePath, PATH_UNITS, tenth } from './series-points';

/** Series paths are in PATH_UNITS (tenths of a pixel); this draws them at pixel size. */
const TO_PIXELS = `scale(${1 / PATH_UNITS})`;

/** A dash pattern in pixels, for a path drawn at TO_PIXELS. */
const inUnits = (dash: string | undefined) =>
  dash
    ?.trim()
    .split(/[\s,]+/)
    .map((n) => Number(n) * PATH_UNITS)
    .join(' ');

const NO_MARKERS: SeriesMarkerDto[] = [];

/** One line as the chart draws it. */
interface DrawnLine {
  key: string;
  line: SeriesLineDto;
  color: string;
  /** SVG dash pattern; solid when absent. */
  dash?: string;
  width: number;
}

/**
 * The chart's axes as two linear maps, read from recharts' own scales so the lines sit exactly on
 * its grid and ticks. Null until the chart has laid itself out. Keyed on the numbers rather than on
 * recharts' scale objects: recharts hands out new ones as it settles (a chart renders its layers
 * several times while mounting), and the paths below are rebuilt only when the geometry changes.
 */
function useAxisMaps(domain: { from: number; to: number; low: number; high: number }) {
  const x = useXAxisScale();
  const y = useYAxisScale();
  const plot = usePlotArea();
  const { from, to, low, high } = domain;
  const x0 = x?.(from);
  const x1 = x?.(to);
  const y0 = y?.(low);
  const y1 = y?.(high);
  const { x: left, y: top, width, height } = plot ?? {};
  return useMemo(() => {
    if (
      left === undefined ||
      top === undefined ||
      width === undefined ||
      height === undefined ||
      x0 === undefined ||
      x1 === undefined ||
      y0 === undefined ||
      y1 === undefined
    )
      return null;
    return {
      x: axisMap(from, x0, to, x1),
      y: axisMap(low, y0, high, y1),
      plot: { x: left, y: top, width, height },
    };
  }, [x0, x1, y0, y1, left, top, width, height, from, to, low, high]);
}

interface Props {
  lines: DrawnLine[];
  markers?: SeriesMarkerDto[];
  from: number;
  to: number;
  /** The value axis' domain. */
  domain: readonly [number, number];
  className?: string;
  /** Shade each pixel's range on long windows (one modem's chart; a comparison keeps plain lines). */
  band?: boolean;
}

/**
 * The lines and change markers of a recharts chart, drawn as one SVG path each instead of recharts'
 * per-point <Line>: the cost of a chart then follows the pixels drawn, not the objects recharts
 * would build for every point, so a week of samples draws as fast as an hour. Rendered inside the
 * chart, in recharts' line layer, so the bands stay behind and the axes in front.
 */
export const SeriesLines = memo(function SeriesLines({
  lines,
  markers = NO_MARKERS,
  from,
  to,
  domain,
  className,
  band = false,
}: Props) {
  const maps = useAxisMaps({ from, to, low: domain[0], high: domain[1] });
  const clip = useId();
  // Built once per geometry: recharts renders this layer again as it settles, and a dense window's
  // paths are its costliest part. The same elements again let React skip the subtree.
  return useMemo(() => {
    if (!maps) return null;
    const { plot } = maps;
    return (
      <ZIndexLayer zIndex={DefaultZIndexes.line}>
        <g className="chart-lines">
          <defs>
            <clipPath id={clip}>
              <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
            </clipPath>
          </defs>
          <g clipPath={`url(#${clip})`}>
            <MarkerPaths markers={markers} x={maps.x} top={plot.y} bottom={plot.y + plot.height} />
            {lines.map((l) => {
              const cls = className ? `chart-line ${className}` : 'chart-line';
              // More readings than pixels: the server sent each pixel's lowest and highest reading, so
              // the range between them is shaded and the line follows its middle. Both are drawn one
              // pixel wide, which a rasterizer draws as hairlines, with no stroke outline built
              // around a thousand joins: without a GPU, a 1M window's chart then rasterizes in a
              // quarter of the time it took with a 1.5-pixel middle line, and sooner than the sparse
              // chart of a short window. The band's strokes sit on pixel centres, so each fills its
              // column exactly.
              if (band && isDense(l.line, plot.width)) {
                const paths = bandPaths(l.line, maps.x, maps.y);
                return (
                  <g key={l.key}>
                    <path
                      className="chart-band"
                      d={paths.band}
                      fill="none"
                      stroke={l.color}
                      strokeOpacity={0.3}
                      transform="translate(0.5 0)"
                    />
                    <path
                      className={cls}
                      data-series={l.key}
                      d={paths.middle}
                      transform={TO_PIXELS}
                      fill="none"
                      stroke={l.color}
                      strokeWidth={PATH_UNITS}
                      strokeLinecap="round"
                      strokeLinejoin="round"
                    />
                  </g>
                );
              }
              return (
                <path
                  key={l.key}
                  className={cls}
                  data-series={l.key}
                  d={linePath(l.line, maps.x, maps.y)}
                  transform={TO_PIXELS}
                  fill="none"
                  stroke={l.color}
                  strokeWidth={l.width * PATH_UNITS}
                  strokeDasharray={inUnits(l.dash)}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                />
              );
            })}
          </g>
        </g>
      </ZIndexLayer>
    );
  }, [maps, clip, markers, lines, band, className]);
});

/** Carrier, band, cell and state changes as dashed verticals: one path per colour, not one element each. */
function MarkerPaths({
  markers,
  x,
  top,
  bottom,
}: {
  markers: SeriesMarkerDto[];
  x: AxisMap;
  top: number;
  bottom: number;
}) {
  if (markers.length === 0) return null;
  let offline = '';
  let change = '';
  for (const m of markers) {
    const px = tenth(x.offset + m.t * x.scale);
    const segment = `M${px},${top}V${bottom}`;
    if (m.to === 'offline') offline += segment;
    else change += segment;
  }
  return (
    <>
      {change && (
        <path className="chart-markers" d={change} stroke="var(--chart-marker)" strokeDasharray="4 2" fill="none" />
      )}
      {offline && (
        <path
          className="chart-markers chart-markers-offline"
          d={offline}
          stroke="var(--chart-offline)"
          strokeDasharray="4 2"
          fill="none"
        />
      )}
    </>
  );
}
