import { useSyncExternalStore } from 'react';
import { useStore } from '../store';
import { loadProgress, type FileProgress } from '../data/load';
import { DATA_FILES, type DataFile } from '../lib/core/shapes';

const STARTUP_FILES: DataFile[] = ['indicators.json', 'places.json', 'assets.json'];

// Grouped by hand: this shows before anything else, and the first Intl number format costs tens of milliseconds to make.
const kb = (n: number) => `${String(Math.round(n / 1024)).replace(/\B(?=(\d{3})+$)/g, ',')} kB`;
function fileState(p: FileProgress | undefined): string {
  if (!p) return 'waiting';
  if (p.state === 'done') return 'loaded';
  if (p.state === 'failed') return 'failed';
  return p.total ? `${kb(p.loaded)} of ${kb(p.total)}` : p.loaded ? `${kb(p.loaded)} so far` : 'loading';
}

/** What the panel shows until the data has loaded: progress per file, or what failed with "Try again". */
export function LoadStatus() {
  const loadError = useStore((s) => s.loadError);
  const retry = useStore((s) => s.retryStartup);
  const progress = useSyncExternalStore(loadProgress.subscribe, loadProgress.get);
  if (loadError) {
    return (
      <div role="alert" className="error load-error">
        <p>{loadError}</p>
        <button type="button" onClick={retry}>
          Try again
        </button>
      </div>
    );
  }
  const files = STARTUP_FILES.map((f) => ({ f, p: progress[f] }));
  // Bytes when every file's size is known; otherwise files done out of all (or indeterminate before any is).
  const known = files.every(({ p }) => p?.total || p?.state === 'done');
  const loaded = files.reduce((s, { p }) => s + (p?.loaded ?? 0), 0);
  const total = files.reduce((s, { p }) => s + (p?.total ?? p?.loaded ?? 0), 0);
  const done = files.filter(({ p }) => p?.state === 'done').length;
  return (
    <div className="load-status">
      <p role="status">Loading data…</p>
      {known && total > 0 ? (
        <progress aria-label="Loading data" max={total} value={loaded} />
      ) : done > 0 ? (
        <progress aria-label="Loading data" max={files.length} value={done} />
      ) : (
        <progress aria-label="Loading data" />
      )}
      <ul className="sub load-files" aria-label="Data files">
        {files.map(({ f, p }) => (
          <li key={f} data-state={p?.state ?? 'waiting'}>
            {DATA_FILES[f].what.replace(/^The (.)/, (_, c: string) => c.toUpperCase())} ({f}): {fileState(p)}
          </li>
        ))}
      </ul>
    </div>
  );
}
