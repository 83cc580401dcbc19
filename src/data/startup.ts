import { useEffect } from 'react';
import { useStore } from '../store';
import { loadAssets, loadBundle, loadGazetteer } from './load';
import { startUrlSync } from '../share/urlSync';
import { restoreSavedData, startKeepingYourData } from './keepYourData';

/**
 * Start-up: load the built data, restore the person's own (so a link to one of their indicators opens
 * it), then let the URL own the shareable state. Failures go to the store's loadError.
 */
export function useStartup(): void {
  useEffect(() => {
    let stop: (() => void) | undefined;
    let cancelled = false;
    Promise.all([loadBundle(), loadGazetteer(), loadAssets()])
      .then(async ([b, gazetteer, assets]) => {
        if (cancelled) return;
        useStore.getState().setBundle(b, gazetteer);
        useStore.getState().setAssets(assets);
        await restoreSavedData();
        if (cancelled) return;
        const keep = startKeepingYourData();
        const sync = startUrlSync(new Set(useStore.getState().bundle!.indicators.map((i) => i.id)));
        stop = () => {
          keep();
          sync();
        };
      })
      .catch((e: Error) => useStore.getState().setLoadError(e.message));
    return () => {
      cancelled = true;
      stop?.();
    };
  }, []);
}
