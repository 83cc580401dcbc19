import { useCallback, useEffect, useMemo, useState } from 'react';
import { useStore } from '../store';
import { dataUrl } from './load';
import { useAllAssets } from './useAssets';
import type { SiteAppraisal, SiteAsset } from '../lib/site/appraisal';
import type { SiteGeometry, SiteParseResult } from '../lib/site/geometry';
import { decodeSite } from '../lib/site/link';
import type { IndicatorBundle } from '../lib/core/types';
import type { Asset } from '../lib/assets/categories';
import { createAppraisalHandler, type AppraisalMessage, type AppraisalRequest } from './appraisal.worker';

/**
 * The site appraisal runs in a module worker (appraisal.worker.ts) so a detailed boundary never freezes the
 * page: progress comes back as it works, and "Cancel appraisal" (or a new site) ends the worker. Where
 * workers are unavailable or fail to start, the same handler runs on the main thread.
 */

/** The site decoded on this thread. Cheap for a point; a detailed boundary is better left to useAppraisal(). */
export function useSite(): SiteGeometry | null {
  const raw = useStore((s) => s.site);
  return useMemo(() => (raw ? decodeSite(raw) : null), [raw]);
}

/** Only what the appraisal reads from each asset (keeps the message to the worker small). */
const siteAssets = (assets: readonly Asset[]): SiteAsset[] => assets.map((a) => ({ name: a.name, category: a.category, lon: a.lon, lat: a.lat, status: a.status }));

const geoUrl = () => dataUrl('geo-lsoa.json');

type Post = (m: AppraisalMessage) => void;

/** One appraisal engine: a worker, or the handler on this thread. Knows what it has been sent. */
interface Engine {
  send(req: AppraisalRequest): void;
  /** Stop it (the worker is ended; on the main thread, later messages are ignored). */
  stop(): void;
  bundle: IndicatorBundle | null;
  assets: readonly Asset[] | null;
  /** Called with each message; replaced per job. */
  listener: Post | null;
  /** True when it runs in a worker. */
  worker: boolean;
}

function mainThreadEngine(): Engine {
  let stopped = false;
  const e: Engine = {
    bundle: null,
    assets: null,
    listener: null,
    worker: false,
    send: (req) => {
      // Let the page paint ("Appraising…") before the synchronous work.
      setTimeout(() => !stopped && void handle(req), 0);
    },
    stop: () => {
      stopped = true;
    },
  };
  const handle = createAppraisalHandler((m) => !stopped && e.listener?.(m));
  return e;
}

/** A worker engine; if the worker fails to start, it switches to the main thread and replays what it was sent. */
function workerEngine(): Engine {
  if (typeof Worker === 'undefined') return mainThreadEngine();
  let worker: Worker | null;
  try {
    worker = new Worker(new URL('./appraisal.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return mainThreadEngine();
  }
  const sent: AppraisalRequest[] = [];
  let heard = false;
  let fallback: Engine | null = null;
  const e: Engine = {
    bundle: null,
    assets: null,
    listener: null,
    worker: true,
    send: (req) => {
      if (fallback) return fallback.send(req);
      sent.push(req);
      worker!.postMessage(req);
    },
    stop: () => {
      worker?.terminate();
      worker = null;
      fallback?.stop();
    },
  };
  worker.onmessage = (ev: MessageEvent<AppraisalMessage>) => {
    heard = true;
    e.listener?.(ev.data);
  };
  worker.onerror = (ev) => {
    ev.preventDefault?.();
    if (heard || fallback || !worker) return;
    // The worker could not start (e.g. blocked): do the work here instead.
    worker.terminate();
    worker = null;
    fallback = mainThreadEngine();
    fallback.listener = (m) => e.listener?.(m);
    e.worker = false;
    for (const r of sent) fallback.send(r);
  };
  return e;
}

let engine: Engine | null = null;
let jobId = 0;

function readyEngine(bundle: IndicatorBundle, assets: readonly Asset[]): Engine {
  engine ??= workerEngine();
  if (engine.bundle !== bundle) {
    engine.send({ type: 'init', bundle, geoUrl: geoUrl() });
    engine.bundle = bundle;
  }
  if (engine.assets !== assets) {
    engine.send({ type: 'assets', assets: siteAssets(assets) });
    engine.assets = assets;
  }
  return engine;
}

/** End the engine (a running appraisal stops at once); the next appraisal starts a fresh one. */
function endEngine() {
  engine?.stop();
  engine = null;
}

export interface AppraisalState {
  appraisal: SiteAppraisal | null;
  /** The site as appraised (decoded off the main thread). */
  site: SiteGeometry | null;
  busy: boolean;
  /** 0–1 while busy. */
  progress: number;
  /** What it is doing, in words ("Weighing small areas (ring 2 of 3)"). */
  stage: string;
  error: string | null;
  /** The site in the link could not be read. */
  badSite: boolean;
  /** The person cancelled this site's appraisal. */
  cancelled: boolean;
  ms: number | null;
}

const IDLE: AppraisalState = { appraisal: null, site: null, busy: false, progress: 0, stage: '', error: null, badSite: false, cancelled: false, ms: null };

/** The appraisal of the current site, computed in a worker; `busy` with `progress` while it runs; `cancel()` stops it, `rerun()` starts it again. */
export function useAppraisal(): AppraisalState & { cancel: () => void; rerun: () => void } {
  const bundle = useStore((s) => s.bundle);
  const rings = useStore((s) => s.rings);
  const raw = useStore((s) => s.site);
  const assets = useAllAssets();
  const [run, setRun] = useState(0);
  const [state, setState] = useState<AppraisalState>(IDLE);
  const [cancelFn, setCancelFn] = useState<{ f: () => void } | null>(null);

  useEffect(() => {
    if (!bundle || !raw) {
      setState(IDLE);
      return;
    }
    const id = ++jobId;
    let done = false;
    const t0 = performance.now();
    const e = readyEngine(bundle, assets);
    setState((s) => ({ ...s, busy: true, progress: 0, stage: 'Starting', error: null, badSite: false, cancelled: false }));
    e.listener = (m) => {
      if (done || m.id !== id) return;
      if (m.type === 'progress') setState((s) => (s.busy ? { ...s, progress: m.fraction, stage: m.stage } : s));
      else {
        done = true;
        if (m.type === 'appraised') setState({ ...IDLE, appraisal: m.appraisal, site: m.site, ms: Math.round(performance.now() - t0) });
        else if (m.type === 'bad-site') setState({ ...IDLE, badSite: true });
        else if (m.type === 'error') setState({ ...IDLE, error: m.message });
      }
    };
    e.send({ type: 'appraise', id, site: raw, rings: [...rings] });
    const stop = () => {
      if (done) return;
      done = true;
      // Unfinished: end the worker so it stops working on a site nobody wants.
      if (engine === e) endEngine();
    };
    setCancelFn({
      f: () => {
        if (done) return;
        stop();
        setState({ ...IDLE, cancelled: true });
      },
    });
    return stop;
  }, [bundle, raw, rings, assets, run]);

  const cancel = useCallback(() => cancelFn?.f(), [cancelFn]);
  const rerun = useCallback(() => setRun((n) => n + 1), []);
  return { ...state, cancel, rerun };
}

/** Read a site GeoJSON file off the main thread (a short-lived worker; on this thread where workers are unavailable). Never rejects. */
export function parseSiteFile(file: Blob): Promise<SiteParseResult> {
  const id = ++jobId;
  return new Promise((resolve) => {
    const e = workerEngine();
    e.listener = (m) => {
      if (m.id !== id) return;
      if (m.type === 'parsed') resolve(m.result);
      else if (m.type === 'error') resolve({ error: m.message });
      else return;
      e.stop();
    };
    e.send({ type: 'parse', id, file });
  });
}
