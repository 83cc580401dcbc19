import { useEffect } from 'react';
import { useStore } from '../store';
import { loadAssets, loadBundle, loadGazetteer, loadProgress } from './load';
import { startUrlSync } from '../share/urlSync';
import { restoreSavedData, startKeepingYourData } from './keepYourData';

/**
 * Start-up: load the built data, restore the person's own (so a link to one of their indicators opens
 * it), then let the URL own the shareable state. The indicator data starts the app; the places and services
 * lists join as they arrive. The indicator data is essential: its failure goes to the
 * store's loadError (shown with "Try again", which bumps `startupRun` and so runs start-up again). The
 * places and services lists are not: without them the app runs, with a notice saying what is missing.
 */
export function useStartup(): void {
  const run = useStore((s) => s.startupRun);
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    const abort = new AbortController();
    loadProgress.reset();
    // A non-essential file that fails gives a notice and an empty list instead.
    const optional = <T>(p: Promise<T>, fallback: T) =>
      p.catch((e: Error) => {
        if (!cancelled) {
          console.warn(e.message);
          useStore.getState().addMessage(e.message);
        }
        return fallback;
      });
    const notice = (msg: string) => !cancelled && useStore.getState().addMessage(msg);
    // The indicator data alone starts the app (the map and panel need nothing else); place names and services
    // join when they arrive, so the first view does not wait for them.
    void optional(loadGazetteer(abort.signal, notice), []).then((g) => !cancelled && useStore.getState().setGazetteer(g));
    void optional(loadAssets(abort.signal, notice), []).then((a) => !cancelled && useStore.getState().setAssets(a));
    loadBundle(abort.signal)
      .then(async (b) => {
        if (cancelled) return;
        useStore.getState().setBundle(b);
        await restoreSavedData();
        if (cancelled) return;
        const keep = startKeepingYourData();
        const sync = startUrlSync(new Set(useStore.getState().bundle!.indicators.map((i) => i.id)));
        stop = () => {
          keep();
          sync();
        };
      })
      .catch((e: Error) => {
        if (cancelled) return;
        // An expected failure, said to the person in words: a warning, not an error, in the console.
        console.warn(e.message);
        useStore.getState().setLoadError(e.message);
      });
    return () => {
      cancelled = true;
      abort.abort();
      stop?.();
    };
  }, [run]);
}
