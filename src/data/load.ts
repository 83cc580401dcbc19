import type { GazetteerEntry, PostcodeIndex } from '../lib/core/types';
import type { Asset } from '../lib/assets/categories';
import { checkAssets, checkBundle, checkGazetteer, checkPostcodes, droppedMessage, failureMessage, type Checked, type DataFile, type LoadFailure } from '../lib/core/shapes';

/** Where the built data lives, relative to the page (works from any base path). */
export const dataUrl = (file: string) => new URL(`data/${file}`, document.baseURI).href;

/** How long a data file may send nothing before it counts as failed (tests may lower it: window.__NHE_LOAD_TIMEOUT_MS). */
export const LOAD_TIMEOUT_MS = 20_000;
export function loadTimeoutMs(): number {
  const o = (globalThis as { __NHE_LOAD_TIMEOUT_MS?: unknown }).__NHE_LOAD_TIMEOUT_MS;
  return typeof o === 'number' && o > 0 ? o : LOAD_TIMEOUT_MS;
}

/** A data file that could not be used: `message` says, in plain words, what failed and what still works. */
export class DataFileError extends Error {
  constructor(
    readonly file: DataFile,
    readonly failure: LoadFailure,
    path: string = file,
  ) {
    super(failureMessage(file, failure, path));
    this.name = 'DataFileError';
  }
}

// ---- progress, for the loading status ----------------------------------------------------------

export interface FileProgress {
  state: 'loading' | 'done' | 'failed';
  /** Bytes received so far. */
  loaded: number;
  /** Total bytes when the server said (Content-Length, uncompressed); null when unknown. */
  total: number | null;
}
export type LoadProgress = Readonly<Partial<Record<DataFile, FileProgress>>>;

let progress: LoadProgress = {};
const listeners = new Set<() => void>();
const setProgress = (file: DataFile, p: FileProgress) => {
  progress = { ...progress, [file]: p };
  listeners.forEach((l) => l());
};
/** For useSyncExternalStore: the progress of each file loading or loaded since the last reset. */
export const loadProgress = {
  subscribe(l: () => void) {
    listeners.add(l);
    return () => listeners.delete(l);
  },
  get: (): LoadProgress => progress,
  reset() {
    progress = {};
    listeners.forEach((l) => l());
  },
};

/**
 * Fetch one data file and check its shape. Reads the body as a stream to report progress; fails with a
 * DataFileError (plain words) on an HTTP error, a broken connection, nothing arriving for the timeout,
 * a damaged or incomplete file, or the wrong shape.
 */
export async function getChecked<T>(file: DataFile, check: (x: unknown) => Checked<T>, outer?: AbortSignal, path: string = file): Promise<Checked<T> & { ok: true }> {
  const timeout = loadTimeoutMs();
  const ctl = new AbortController();
  let timedOut = false;
  let timer = 0;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, timeout) as unknown as number;
  };
  const onOuter = () => ctl.abort();
  outer?.addEventListener('abort', onOuter);
  const failed = (f: LoadFailure) => {
    setProgress(file, { ...(progress[file] ?? { loaded: 0, total: null }), state: 'failed' });
    return new DataFileError(file, f, path);
  };
  setProgress(file, { state: 'loading', loaded: 0, total: null });
  arm();
  try {
    let res: Response;
    try {
      res = await fetch(dataUrl(path), { signal: ctl.signal });
    } catch {
      throw failed(timedOut ? { kind: 'timeout', seconds: Math.round(timeout / 1000) } : { kind: 'network' });
    }
    if (!res.ok) throw failed({ kind: 'http', status: res.status });
    // Content-Length counts the compressed bytes when the server compresses, so it is a total only without encoding.
    const len = Number(res.headers.get('content-length'));
    const enc = res.headers.get('content-encoding');
    const total = len > 0 && (!enc || enc === 'identity') ? len : null;
    let text: string;
    try {
      if (res.body) {
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        const parts: string[] = [];
        let loaded = 0;
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          arm();
          loaded += value.byteLength;
          parts.push(decoder.decode(value, { stream: true }));
          setProgress(file, { state: 'loading', loaded, total: total && Math.max(total, loaded) });
        }
        parts.push(decoder.decode());
        text = parts.join('');
      } else text = await res.text();
    } catch {
      throw failed(timedOut ? { kind: 'timeout', seconds: Math.round(timeout / 1000) } : { kind: 'network' });
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw failed({ kind: 'incomplete' });
    }
    const r = check(json);
    if (!r.ok) throw failed({ kind: 'shape', problem: r.problem });
    setProgress(file, { state: 'done', loaded: progress[file]?.loaded ?? text.length, total: progress[file]?.total ?? null });
    return r;
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuter);
  }
}

/** Warn (not error: these are expected failures, said to the person in words) and pass the value on. */
const noteDropped = <T>(file: DataFile, r: Checked<T> & { ok: true }, notice?: (msg: string) => void): T => {
  if (r.dropped) {
    const msg = droppedMessage(file, r.dropped, r.total);
    console.warn(msg);
    notice?.(msg);
  }
  return r.value;
};

/** indicators.json: essential; rejects with a DataFileError. */
export const loadBundle = (signal?: AbortSignal) => getChecked('indicators.json', checkBundle, signal).then((r) => r.value);
/** places.json: entries not in the expected form are left out, with a notice. */
export const loadGazetteer = (signal?: AbortSignal, notice?: (msg: string) => void): Promise<GazetteerEntry[]> =>
  getChecked('places.json', checkGazetteer, signal).then((r) => noteDropped('places.json', r, notice));
/** assets.json: entries not in the expected form are left out, with a notice. */
export const loadAssets = (signal?: AbortSignal, notice?: (msg: string) => void): Promise<Asset[]> =>
  getChecked('assets.json', checkAssets, signal).then((r) => noteDropped('assets.json', r, notice));

let postcodes: Promise<PostcodeIndex> | null = null;
let postcodesReady = false;
/** True once the postcode index has loaded (so search need not say it is loading). */
export const postcodesLoaded = () => postcodesReady;
/** The postcode index is ~200 kB, so it loads on first use, once (again after a failure). */
export function loadPostcodes(): Promise<PostcodeIndex> {
  postcodes ??= getChecked('postcodes.json', checkPostcodes)
    .then((r) => {
      postcodesReady = true;
      return noteDropped('postcodes.json', r);
    })
    .catch((e: Error) => {
      postcodes = null;
      console.warn(e.message);
      throw e;
    });
  return postcodes;
}
