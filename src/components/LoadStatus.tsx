import { useStore } from '../store';

/** What the panel shows until the data has loaded: progress, or what failed. */
export function LoadStatus() {
  const loadError = useStore((s) => s.loadError);
  return loadError ? (
    <div role="alert" className="error">
      {loadError}
    </div>
  ) : (
    <p role="status">Loading data…</p>
  );
}
