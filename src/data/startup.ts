import { useEffect } from 'react';
import { useStore } from '../store';
import { loadAssets, loadBundle, loadGazetteer, loadProgress } from './load';
import { startUrlSync } from '../share/urlSync';
import { restoreSavedData, startKeepingYourData } from './keepYourData';

/**
 * Start-up: load the built data, restore the person's own (so a link to one of their indicators opens
 * it), then let the URL own the shareable state. The indicator data is essential: its failure goes to the
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
    const notices: string[] = [];
    const notice = (msg: string) => notices.push(msg);
    // A non-essential file that fails gives a notice and an empty list instead.
    const optional = <T>(p: Promise<T>, fallback: T) =>
      p.catch((e: Error) => {
        if (!cancelled) {
          console.warn(e.message);
          notice(e.message);
        }
        return fallback;
      });
    Promise.all([loadBundle(abort.signal), optional(loadGazetteer(abort.signal, notice), []), optional(loadAssets(abort.signal, notice), [])])
      .then(async ([b, gazetteer, assets]) => {
        if (cancelled) return;
        const st = useStore.getState();
        st.setBundle(b, gazetteer);
        st.setAssets(assets);
        notices.forEach((m) => st.addMessage(m));
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
