/**
 * Pure, browser-safe shaping of time series and tracks for charts and maps: downsampling that keeps
 * extremes within a point budget, and Douglas–Peucker track simplification per map zoom level.
 * No server imports: the server uses these to shape what it sends, and a client may reuse them.
 */
export { type DownsampledSeries, type DownsampleOptions, downsample, downsampleColumns, GAP_FACTOR, gapThreshold, POINTS_PER_PIXEL, typicalStep } from './downsample';
export { metresPerPixel, projectTrack, projectX, projectY } from './mercator';
export { keptAt, segmentDistanceSq, simplifyTrack, trackSignificance } from './simplify-track';
export { buildTrackPyramid, MAX_ZOOM, MIN_ZOOM, type PyramidOptions, type TrackLevel, type TrackPyramid, trackPieceStarts, VERTICES_PER_PIXEL, vertexBudget } from './track-pyramid';
export { REPLAY_FIXES_PER_PIXEL, replayBreaks, replayIndices } from './replay-fixes';
