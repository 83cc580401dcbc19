/**
 * The bench's floor: a bare MapLibre page (no React, no app code) that draws a choropleth the way the app
 * does (GeoJSON boundaries, colour by feature-state on the `code` property) and raises the same idle signal
 * the app does (data-map-state on .map-wrap, data-rendered on [data-testid="map"]), so the bench measures
 * both with one function. Everything it draws is handed over by the bench (window.__FLOOR__, set before
 * the page loads): the app's own style layers for the boundaries, the app's fills, its bounds and map size.
 */
import { Map as MlMap, setWorkerUrl, type StyleSpecification, type LngLatBoundsLike } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';

export interface FloorConfig {
  /** One style per geography: the background and the boundary layers the app shows for it. */
  styles: Record<string, StyleSpecification>;
  /** Fill colour per area code, per geography (null: no fill), as the app colours its first view. */
  fills: Record<string, Record<string, string | null>>;
  /** The five class colours; a recolour moves every area to the next one. */
  palette: string[];
  bounds: LngLatBoundsLike;
  padding: number;
  minZoom: number;
  maxZoom: number;
  /** The app's map size in CSS pixels, so both draw the same number of pixels. */
  width: number;
  height: number;
}

setWorkerUrl(workerUrl);

const cfg = (window as unknown as { __FLOOR__: FloorConfig }).__FLOOR__;
const wrap = document.querySelector<HTMLElement>('.map-wrap')!;
const el = document.querySelector<HTMLElement>('[data-testid="map"]')!;
wrap.style.width = el.style.width = `${cfg.width}px`;
wrap.style.height = el.style.height = `${cfg.height}px`;

const q = () => new URLSearchParams(location.search);
const geo = q().get('geo') ?? 'ward';
// The view key as the app writes it (geo|ind|mode|classes), read from the link as the app's is.
const renderKey = () => `${geo}|${q().get('ind') ?? 'imd_score'}|${q().get('mode') ?? 'value'}|${q().get('classes') ?? 'quantile'}`;

const map = new MlMap({
  container: el,
  style: cfg.styles[geo],
  bounds: cfg.bounds,
  fitBoundsOptions: { padding: cfg.padding },
  attributionControl: false,
  minZoom: cfg.minZoom,
  maxZoom: cfg.maxZoom,
});
let fills = { ...cfg.fills[geo] };

/** Set the fills, then report idle once MapLibre has drawn them (as the app's map shell does). */
function paint(changed: [string, string | null][]) {
  wrap.setAttribute('data-map-state', 'busy');
  for (const [id, fill] of changed) map.setFeatureState({ source: geo, id }, { fill });
  map.once('idle', () => {
    el.setAttribute('data-rendered', renderKey());
    wrap.setAttribute('data-map-state', 'idle');
  });
  map.triggerRepaint();
}

map.once('load', () => paint(Object.entries(fills)));

/** The floor's indicator change: every area to the next class colour, the link names the new view. */
(window as unknown as { __recolour: (ind: string) => void }).__recolour = (ind: string) => {
  const next: typeof fills = {};
  for (const [code, fill] of Object.entries(fills)) next[code] = cfg.palette[(cfg.palette.indexOf(fill ?? '') + 1) % cfg.palette.length];
  fills = next;
  const u = new URL(location.href);
  u.searchParams.set('ind', ind);
  history.replaceState(null, '', u);
  paint(Object.entries(next));
};
