/**
 * Benchmark page, never shipped: the app's own area layers (areasFamily) and feature-state colouring
 * (applyFills, buildChoropleth) drawing the synthetic England vector tiles the data build's tile step made.
 * Query: ?geo=lsoa|msoa|ward&lon=&lat=&zoom=&ind=<indicator id>. Exposes window.__bench for the driver.
 */
import { Map as MlMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { areasFamily, applyFills } from '../../../src/map/layers/areas';
import { buildChoropleth, type FillStates } from '../../../src/lib/indicators/choropleth';
import type { GeographyId, IndicatorRecord, TileManifest } from '../../../src/lib/core/types';

interface ValuesIndex {
  codes: Partial<Record<GeographyId, string[]>>;
  indicators: Omit<IndicatorRecord, 'data'>[];
}

// As the app does (MapView): MapLibre's worker as a file of its own.
setWorkerUrl(workerUrl);

const q = new URLSearchParams(location.search);
const geo = (q.get('geo') ?? 'lsoa') as GeographyId;
const dataUrl = (f: string) => new URL(`data/${f}`, document.baseURI).href;
const getJson = async <T>(f: string): Promise<T> => (await fetch(dataUrl(f))).json() as Promise<T>;

const bench = { ready: false, error: '', recolour: async (_id: string, _geo: GeographyId): Promise<number> => 0, repaint: async (): Promise<number> => 0, last: {} as Record<string, number> };
(window as unknown as { __bench: typeof bench }).__bench = bench;

const idle = (map: MlMap) => new Promise<void>((resolve) => map.once('idle', () => resolve()));

async function main() {
  const [tiles, index] = await Promise.all([getJson<TileManifest>('tiles/tiles.json'), getJson<ValuesIndex>('values/index.json')]);
  const fam = areasFamily(dataUrl, geo, tiles);
  const map = new MlMap({
    container: 'map',
    style: { version: 8, sources: fam.sources, layers: fam.layers },
    center: [Number(q.get('lon')), Number(q.get('lat'))],
    zoom: Number(q.get('zoom')),
    attributionControl: false,
    fadeDuration: 0,
  });
  const applied: Partial<Record<GeographyId, FillStates>> = {};
  // Only the indicator shown is fetched (values/<id>.json), as a tiled app would.
  const colour = async (id: string, g: GeographyId, all: boolean) => {
    const t0 = performance.now();
    const meta = index.indicators.find((d) => d.id === id)!;
    const { data } = await getJson<{ data: IndicatorRecord['data'] }>(`values/${id}.json`);
    const t1 = performance.now();
    const ch = buildChoropleth({ ...meta, data }, g, index.codes[g]!, 'value', 'quantile');
    const t2 = performance.now();
    // `all`: every area's state is set, not only the ones that changed (the worst case).
    applyFills(map, tiles, g, all ? {} : applied[g] ?? {}, ch.fills);
    // Where the time goes: fetching the values, classing them, setting feature-state (drawing follows until idle).
    bench.last = { fetch: t1 - t0, classify: t2 - t1, setState: performance.now() - t2 };
    applied[g] = ch.fills;
  };
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  await colour(q.get('ind') ?? index.indicators[0].id, geo, false);
  await idle(map);
  bench.recolour = async (id, g) => {
    const t0 = performance.now();
    await colour(id, g, true);
    await idle(map);
    bench.last.total = performance.now() - t0;
    return bench.last.total;
  };
  // One redraw of the same view with nothing changed: what any recolour costs at least on this renderer.
  bench.repaint = async () => {
    const t0 = performance.now();
    map.triggerRepaint();
    await idle(map);
    return performance.now() - t0;
  };
  bench.ready = true;
}
main().catch((e) => (bench.error = String(e)));
