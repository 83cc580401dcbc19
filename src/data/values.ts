import { useEffect } from 'react';
import { useStore } from '../store';
import type { IndicatorBundle } from '../lib/core/types';
import { checkValues } from '../lib/core/shapes';
import { getChecked } from './load';

/**
 * A tiled build (bundle.valuesSplit) keeps each indicator's values in values/<id>.json: the browser fetches an
 * indicator's values when something first shows it (the map, the table, a profile, a comparison), once, and
 * the store puts them into the bundle. Other builds carry every value inline and nothing here fetches.
 */
const inFlight = new Map<string, Promise<void>>();

/** Whether the bundle holds this indicator's values (always, unless the build split them out and they are not here yet). */
export function hasValues(bundle: IndicatorBundle | null, id: string, failed: readonly string[] = []): boolean {
  if (!bundle?.valuesSplit || failed.includes(id)) return true;
  const ind = bundle.indicators.find((i) => i.id === id);
  // An indicator of the person's own, or one not in this place: nothing to fetch.
  return !ind || Object.keys(ind.data).length > 0;
}

/** Fetch the values of these indicators that the bundle lacks (each once; a failure is said once, in words). */
export function ensureValues(ids: readonly string[]): Promise<void> {
  const st = useStore.getState();
  const bundle = st.baseBundle;
  if (!bundle?.valuesSplit) return Promise.resolve();
  return Promise.all(
    ids.map((id) => {
      if (hasValues(bundle, id, useStore.getState().valuesFailed)) return undefined;
      let p = inFlight.get(id);
      if (!p) {
        const file = `values/${id}.json`;
        p = getChecked('values/<id>.json', (x) => checkValues(x, id, bundle.areas), undefined, file)
          .then((r) => useStore.getState().addIndicatorValues(id, r.value))
          .catch((e: Error) => {
            console.warn(e.message);
            useStore.getState().setValuesFailed(id);
            useStore.getState().addMessage(e.message);
          })
          .finally(() => inFlight.delete(id));
        inFlight.set(id, p);
      }
      return p;
    }),
  ).then(() => undefined);
}

/**
 * Whether the values these indicators need are here ('all': every indicator of the place); fetches what is
 * missing. A view that needs them shows a short "Loading…" line until this is true.
 */
export function useValues(ids: readonly string[] | 'all'): boolean {
  const key = ids === 'all' ? 'all' : ids.join('\n');
  const ready = useStore((s) => {
    const want = ids === 'all' ? (s.baseBundle?.indicators.map((i) => i.id) ?? []) : ids;
    return want.every((id) => hasValues(s.baseBundle, id, s.valuesFailed));
  });
  useEffect(() => {
    if (ready) return;
    const st = useStore.getState();
    void ensureValues(ids === 'all' ? (st.baseBundle?.indicators.map((i) => i.id) ?? []) : ids);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `ids`
  }, [ready, key]);
  return ready;
}
