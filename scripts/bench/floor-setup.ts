/**
 * The bench's floor page (scripts/bench/floor/): built at bench time into a temporary folder, never into
 * dist/, and served by a second vite preview server exactly as the app is (same middleware, same compression).
 */
import { build, preview, type PreviewServer } from 'vite';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import type { StyleSpecification, LayerSpecification, SourceSpecification, GeoJSONSourceSpecification, LngLatBoundsLike } from 'maplibre-gl';
import type { FloorConfig } from './floor/floor';
import { GEOGRAPHY_IDS, type IndicatorBundle } from '../../src/lib/core/types';
import { buildChoropleth, VALUE_PALETTE } from '../../src/lib/indicators/choropleth';
import { DEFAULT_SHARE_STATE } from '../../src/lib/share/url';

const FLOOR_SRC = join(dirname(fileURLToPath(import.meta.url)), 'floor');

export interface Floor {
  base: string;
  close: () => Promise<void>;
  /** What the floor draws, taken from the app as it stands idle on its first view (see floorConfig). */
  config: (appPage: Page) => Promise<FloorConfig>;
}

/** Build the floor page with MapLibre only, copy the boundary files beside it and serve it. */
export async function startFloor(dist: string): Promise<Floor> {
  const out = mkdtempSync(join(tmpdir(), 'bench-floor-'));
  await build({
    configFile: false,
    root: FLOOR_SRC,
    base: './',
    logLevel: 'error',
    build: { outDir: out, emptyOutDir: true, target: 'es2022', sourcemap: false, chunkSizeWarningLimit: 2000 },
  });
  mkdirSync(join(out, 'data'));
  const server: PreviewServer = await preview({
    configFile: false,
    root: out,
    logLevel: 'error',
    build: { outDir: out },
    preview: { port: 0, host: '127.0.0.1', strictPort: false },
  });
  const base = server.resolvedUrls!.local[0];
  return {
    base,
    close: async () => {
      await server.close();
      rmSync(out, { recursive: true, force: true });
    },
    config: async (appPage) => {
      const cfg = await floorConfig(appPage, dist, base);
      // The boundary files the floor's styles load, copied byte for byte from the build.
      for (const style of Object.values(cfg.styles))
        for (const src of Object.values(style.sources)) if (src.type === 'geojson' && typeof src.data === 'string') copyFileSync(join(dist, 'data', src.data.split('/').pop()!), join(out, 'data', src.data.split('/').pop()!));
      return cfg;
    },
  };
}

/**
 * The floor's configuration, from the app itself so the two cannot drift: the app's style (its background and
 * the boundary layers it shows: context, the active geography, the council boundary), its map size, bounds
 * and zoom limits, and its first view's fills (the default indicator, computed with the app's own pure
 * choropleth function from the built data). Boundary sources load their file, data/geo-<source>.json, as the
 * app's do; the app's point, drawing and site layers (no file behind them) are left out.
 */
export async function floorConfig(appPage: Page, dist: string, floorBase: string): Promise<FloorConfig> {
  const app = (await appPage.evaluate(`(() => {
    const m = window.__map;
    const r = document.querySelector('[data-testid="map"]').getBoundingClientRect();
    return { style: m.getStyle(), width: Math.round(r.width), height: Math.round(r.height), minZoom: m.getMinZoom(), maxZoom: m.getMaxZoom() };
  })()`)) as { style: StyleSpecification; width: number; height: number; minZoom: number; maxZoom: number };
  const bundle = JSON.parse(readFileSync(join(dist, 'data', 'indicators.json'), 'utf8')) as IndicatorBundle;
  const ind = bundle.indicators.find((i) => i.id === DEFAULT_SHARE_STATE.indicator)!;
  const active = DEFAULT_SHARE_STATE.geography;
  const geos: readonly string[] = GEOGRAPHY_IDS;
  const file = (src: string) => `geo-${src}.json`;
  const shown = (l: LayerSpecification) => l.layout?.visibility !== 'none';
  const srcOf = (l: LayerSpecification) => ('source' in l && typeof l.source === 'string' ? l.source : null);
  const styles: Record<string, StyleSpecification> = {};
  const fills: FloorConfig['fills'] = {};
  for (const g of GEOGRAPHY_IDS) {
    const layers: LayerSpecification[] = [];
    const sources: Record<string, SourceSpecification> = {};
    for (const l of app.style.layers) {
      const src = srcOf(l);
      if (l.type !== 'background' && (!src || !shown(l) || !existsSync(join(dist, 'data', file(src))))) continue;
      // The app's layers for its active geography, as they are for this one (lsoa-fill for ward-fill, …).
      const layer = src && geos.includes(src) ? app.style.layers.find((x) => x.id === l.id.replace(`${active}-`, `${g}-`) && srcOf(x) === g) : l;
      if (!layer || (src && geos.includes(src) && src !== active)) continue;
      const s = src === active ? g : src;
      layers.push({ ...layer, layout: { ...layer.layout, visibility: 'visible' } } as LayerSpecification);
      if (s && !sources[s]) {
        const { data: _inline, ...rest } = app.style.sources[s] as GeoJSONSourceSpecification;
        sources[s] = { ...rest, data: new URL(`data/${file(s)}`, floorBase).href };
      }
    }
    styles[g] = { version: 8, sources, layers };
    fills[g] = buildChoropleth(ind, g, bundle.areas[g].codes, DEFAULT_SHARE_STATE.mode, DEFAULT_SHARE_STATE.classes).fills;
  }
  return {
    styles,
    fills,
    palette: [...VALUE_PALETTE],
    bounds: bundle.place.bounds as unknown as LngLatBoundsLike,
    // The app fits its bounds with 20 px padding on a desktop-sized map (src/map/MapView.tsx).
    padding: 20,
    minZoom: app.minZoom,
    maxZoom: app.maxZoom,
    width: app.width,
    height: app.height,
  };
}
