/**
 * Pure, browser-safe shaping of time series and tracks for charts and maps: downsampling that keeps
 * extremes within a point budget, and Douglas–Peucker track simplification per map zoom level.
 * No server imports: the server uses these to shape what it sends, and a client may reuse them.
 */
export { downsampleColumns } from './downsample';
export { metresPerPixel } from './mercator';
export { buildTrackPyramid, type TrackPyramid, trackPieceStarts } from './track-pyramid';
export { REPLAY_FIXES_PER_PIXEL, replayBreaks, replayIndices } from './replay-fixes';
