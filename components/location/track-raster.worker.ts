/**
 * The track's painter, off the page's main thread: it keeps the picture it was last sent and, for
 * each view asked for, draws it on an OffscreenCanvas and hands back the bitmap. Rasterizing a dense
 * track takes tens of milliseconds without a GPU; here that time never holds up a frame of the map.
 */
import { drawTrack, type TrackPicture } from './track-raster';
import type { TrackRasterReply, TrackRasterRequest } from './track-raster-protocol';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<TrackRasterRequest>) => void) | null;
  postMessage(message: TrackRasterReply, transfer?: Transferable[]): void;
};

let picture: TrackPicture | null = null;
let canvas: OffscreenCanvas | null = null;

scope.onmessage = ({ data }) => {
  if (data.kind === 'picture') {
    picture = data.picture;
    return;
  }
  try {
    const { view } = data;
    const width = Math.max(1, Math.round(view.width * view.ratio));
    const height = Math.max(1, Math.round(view.height * view.ratio));
    if (!canvas || canvas.width !== width || canvas.height !== height) canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2D context on an OffscreenCanvas');
    const drawn = picture ? drawTrack(ctx, picture, view) : 0;
    const bitmap = canvas.transferToImageBitmap();
    scope.postMessage({ kind: 'drawn', id: data.id, bitmap, drawn }, [bitmap]);
  } catch (err) {
    scope.postMessage({ kind: 'failed', id: data.id, message: String((err as Error)?.message ?? err) });
  }
};
