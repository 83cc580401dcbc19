/**
 * The site appraisal worker: reads a site (from its link form, or a GeoJSON file), buffers it into catchment
 * rings, weighs each LSOA by the share of its area inside each ring and pools the indicators — the heavy part
 * of an appraisal — off the main thread, reporting progress at most about 20 times a second.
 *
 * The same handler runs on the main thread when workers are unavailable (useAppraisal.ts), and in tests.
 * Messages in are AppraisalRequest, out AppraisalMessage; nothing leaves the browser.
 */
import type { FeatureCollection } from 'geojson';
import type { IndicatorBundle } from '../lib/core/types';
import { appraise, type SiteAppraisal, type SiteAsset } from '../lib/site/appraisal';
import { withCatchmentProgress } from '../lib/site/catchments';
import { parseSiteGeoJson, type SiteGeometry, type SiteParseResult } from '../lib/site/geometry';
import { decodeSite } from '../lib/site/link';

export type AppraisalRequest =
  /** Once per worker (and again when the bundle changes): the indicators, and where the LSOA boundaries are (or the boundaries themselves). */
  | { type: 'init'; bundle: IndicatorBundle; geoUrl?: string; geo?: FeatureCollection }
  /** When the person's assets change (bundled services, hubs, their points). */
  | { type: 'assets'; assets: SiteAsset[] }
  /** Appraise a site given as in the link ("pt:…" or "poly:…"). */
  | { type: 'appraise'; id: number; site: string; rings: number[] }
  /** Read a site GeoJSON file (a File/Blob, or its text). */
  | { type: 'parse'; id: number; file?: Blob; text?: string };

export type AppraisalMessage =
  | { type: 'progress'; id: number; fraction: number; stage: string }
  | { type: 'appraised'; id: number; site: SiteGeometry; appraisal: SiteAppraisal; ms: number }
  /** The site text could not be read as a site. */
  | { type: 'bad-site'; id: number }
  | { type: 'parsed'; id: number; result: SiteParseResult }
  | { type: 'error'; id: number; message: string };

/** Least time between progress messages (ms). */
const PROGRESS_EVERY_MS = 50;

/** Shares of the progress bar: reading the site, drawing the rings, weighing small areas; the rest is pooling and counting services. */
const READ_END = 0.05;
const BUFFER_END = 0.35;
const WEIGHTS_END = 0.95;

export interface HandlerDeps {
  /** Fetch a JSON file (the LSOA boundaries); defaults to fetch(). */
  fetchJson?: (url: string) => Promise<unknown>;
  now?: () => number;
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`Could not load the small-area boundaries (HTTP ${r.status}).`);
  return r.json();
}

/**
 * The worker's state and message handler: returns a function that answers one request (resolving when it
 * has been answered). Exported so tests and the main-thread fallback run exactly what the worker runs.
 */
export function createAppraisalHandler(post: (m: AppraisalMessage) => void, deps: HandlerDeps = {}): (req: AppraisalRequest) => Promise<void> {
  const fetchJson = deps.fetchJson ?? defaultFetchJson;
  const now = deps.now ?? (() => Date.now());
  let bundle: IndicatorBundle | null = null;
  let geo: Promise<FeatureCollection> | null = null;
  let assets: SiteAsset[] = [];
  let geoUrl: string | null = null;
  const loadGeo = (): Promise<FeatureCollection> => {
    if (geo) return geo;
    if (!geoUrl) return Promise.reject(new Error('The small-area boundaries were not given.'));
    const p = (fetchJson(geoUrl) as Promise<FeatureCollection>).catch((e) => {
      if (geo === p) geo = null;
      throw e;
    });
    geo = p;
    return p;
  };

  return async (req) => {
    if (req.type === 'init') {
      bundle = req.bundle;
      if (req.geo) geo = Promise.resolve(req.geo);
      else if (req.geoUrl && req.geoUrl !== geoUrl) {
        geoUrl = req.geoUrl;
        geo = null;
        // Start loading now; errors surface with the next appraisal (which tries again).
        loadGeo().catch(() => {});
      }
      return;
    }
    if (req.type === 'assets') {
      assets = req.assets;
      return;
    }
    const { id } = req;
    try {
      if (req.type === 'parse') {
        const text = req.text ?? (req.file ? await req.file.text() : '');
        post({ type: 'parsed', id, result: parseSiteGeoJson(text) });
        return;
      }
      const t0 = now();
      let last = -Infinity;
      const progress = (fraction: number, stage: string, force = false) => {
        const t = now();
        if (!force && t - last < PROGRESS_EVERY_MS) return;
        last = t;
        post({ type: 'progress', id, fraction: Math.min(1, Math.max(0, fraction)), stage });
      };
      if (!bundle) throw new Error('The appraisal was asked for before the data was ready.');
      progress(0, 'Reading the site', true);
      const site = decodeSite(req.site);
      if (!site) {
        post({ type: 'bad-site', id });
        return;
      }
      progress(READ_END, 'Loading small-area boundaries', true);
      const lsoaGeo = await loadGeo();
      const rings = req.rings.length;
      let ring = -1;
      const appraisal = withCatchmentProgress(
        (p) => {
          if (p.phase === 'buffer') progress(READ_END + ((BUFFER_END - READ_END) * p.step) / Math.max(1, p.steps), 'Drawing the catchment rings');
          else {
            if (p.lsoa === 0) ring++;
            const done = (Math.max(0, ring) + p.lsoa / Math.max(1, p.lsoas)) / Math.max(1, rings);
            progress(BUFFER_END + (WEIGHTS_END - BUFFER_END) * done, `Weighing small areas (ring ${Math.max(0, ring) + 1} of ${rings})`);
          }
        },
        () => appraise(bundle!, lsoaGeo, site, req.rings, assets),
      );
      progress(1, 'Done', true);
      post({ type: 'appraised', id, site, appraisal, ms: Math.round(now() - t0) });
    } catch (e) {
      post({ type: 'error', id, message: e instanceof Error && e.message ? e.message : 'The site could not be appraised.' });
    }
  };
}

// Inside a worker (not when the main thread imports the handler for its fallback): answer each request in turn.
const g = globalThis as unknown as { WorkerGlobalScope?: new () => unknown; postMessage: (m: AppraisalMessage) => void; onmessage: ((e: MessageEvent<AppraisalRequest>) => void) | null };
if (typeof g.WorkerGlobalScope === 'function' && globalThis instanceof g.WorkerGlobalScope) {
  const handle = createAppraisalHandler((m) => g.postMessage(m));
  let queue: Promise<void> = Promise.resolve();
  g.onmessage = (e) => {
    queue = queue.then(() => handle(e.data));
  };
}
