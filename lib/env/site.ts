/**
 * How people and NCM reach this deployment: its public address (alert pushes, HTTPS cookies and
 * HSTS) and the map's tile server.
 */
import { z } from 'zod';
import { envSection, httpUrl, parseEnv, text } from './read';

interface TileConfig {
  url: string;
  attribution: string;
}

const tileUrl = () =>
  text().superRefine((raw, ctx) => {
    if (raw === undefined) return;
    let url: URL;
    try {
      url = new URL(raw.replace(/\{[a-z]\}/g, '0'));
    } catch {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a URL template such as https://tile.example.org/{z}/{x}/{y}.png',
      });
      return;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    else if (!/\{z\}/.test(raw) || !/\{x\}/.test(raw) || !/\{y\}/.test(raw))
      ctx.addIssue({ code: 'custom', message: 'must contain {z}, {x} and {y}' });
  });

const schema = z
  .object({
    PUBLIC_URL: httpUrl('https://fleet.example.com'),
    MAP_TILE_URL: tileUrl(),
    MAP_TILE_ATTRIBUTION: text(),
  })
  .superRefine((e, ctx) => {
    if (e.MAP_TILE_URL && !e.MAP_TILE_ATTRIBUTION) {
      ctx.addIssue({
        code: 'custom',
        path: ['MAP_TILE_ATTRIBUTION'],
        message: 'is required with MAP_TILE_URL (tile providers require credit)',
      });
    }
  });

export interface SiteEnv {
  /** The address NCM and browsers reach this dashboard at; null: push cannot work, alerts are polled. */
  publicUrl: URL | null;
  /** A raster tile server; null: the offline basemap shipped with the app. */
  mapTiles: TileConfig | null;
}

export const siteEnv = envSection('site', Object.keys(schema.shape), (env): SiteEnv => {
  const e = parseEnv(schema, env);
  return {
    publicUrl: e.PUBLIC_URL ? new URL(e.PUBLIC_URL) : null,
    mapTiles:
      e.MAP_TILE_URL && e.MAP_TILE_ATTRIBUTION ? { url: e.MAP_TILE_URL, attribution: e.MAP_TILE_ATTRIBUTION } : null,
  };
});
