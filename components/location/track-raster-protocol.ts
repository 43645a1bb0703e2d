import type { TrackPicture, TrackView } from './track-raster';

/** What the page sends the track's worker: a new picture (none: an empty map), or a view to draw it in. */
export type TrackRasterRequest =
  | { kind: 'picture'; picture: TrackPicture | null }
  | { kind: 'draw'; id: number; view: TrackView };

/** What the worker answers a draw with: the bitmap and the vertices in it, or why it could not. */
export type TrackRasterReply =
  | { kind: 'drawn'; id: number; bitmap: ImageBitmap; drawn: number }
  | { kind: 'failed'; id: number; message: string };
