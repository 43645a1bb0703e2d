import 'server-only';

export interface TileConfig {
  url: string;
  attribution: string;
}

/**
 * The raster tile server, when the deployment has one (MAP_TILE_URL, e.g.
 * `https://tile.example.org/{z}/{x}/{y}.png`, with MAP_TILE_ATTRIBUTION); null means the offline
 * basemap shipped with the app. A malformed value stops start-up naming the variable.
 */
export function mapTileConfig(env: NodeJS.ProcessEnv = process.env): TileConfig | null {
  const url = env.MAP_TILE_URL?.trim();
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.replace(/\{[a-z]\}/g, '0'));
  } catch {
    throw new Error('MAP_TILE_URL must be a URL template such as https://tile.example.org/{z}/{x}/{y}.png');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error('MAP_TILE_URL must be an http(s) URL');
  if (!/\{z\}/.test(url) || !/\{x\}/.test(url) || !/\{y\}/.test(url)) throw new Error('MAP_TILE_URL must contain {z}, {x} and {y}');
  const attribution = env.MAP_TILE_ATTRIBUTION?.trim();
  if (!attribution) throw new Error('MAP_TILE_ATTRIBUTION is required with MAP_TILE_URL (tile providers require credit)');
  return { url, attribution };
}
