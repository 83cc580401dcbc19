import { useEffect } from 'react';
import { useStore } from '../store';
import type { IndicatorBundle, IndicatorRecord } from '../lib/core/types';
import { checkValues } from '../lib/core/shapes';
import { getChecked } from './load';

/**
 * A tiled build (bundle.valuesSplit) keeps each indicator's values in values/<id>.json: the browser fetches an
 * indicator's values when something first shows it (the map, the table, a profile, a comparison), once, and
 * the store puts them into the bundle. Other builds carry every value inline and nothing here fetches.
 */
const inFlight = new Map<string, Promise<IndicatorRecord['data'] | null>>();

/** Whether the bundle holds this indicator's values (always, unless the build split them out and they are not here yet). */
export function hasValues(bundle: IndicatorBundle | null, id: string, failed: readonly string[] = []): boolean {
  if (!bundle?.valuesSplit || failed.includes(id)) return true;
  const ind = bundle.indicators.find((i) => i.id === id);
  // An indicator of the person's own, or one not in this place: nothing to fetch.
  return !ind || Object.keys(ind.data).length > 0;
}

/** One indicator's values file, checked; null (said once, in words) when it cannot be used. */
function fetchValues(bundle: IndicatorBundle, id: string): Promise<IndicatorRecord['data'] | null> {
  let p = inFlight.get(id);
  if (!p) {
    p = getChecked('values/<id>.json', (x) => checkValues(x, id, bundle.areas), undefined, `values/${id}.json`)
      .then((r) => r.value)
      .catch((e: Error) => {
        console.warn(e.message);
        useStore.getState().setValuesFailed(id);
        useStore.getState().addMessage(e.message);
        return null;
      })
      .finally(() => inFlight.delete(id));
    inFlight.set(id, p);
  }
  return p;
}

/**
 * Fetch the values of these indicators that the bundle lacks, each once, and put them into the bundle in one
 * update (a profile asks for every indicator: one new bundle, not one per file).
 */
export async function ensureValues(ids: readonly string[]): Promise<void> {
  const bundle = useStore.getState().baseBundle;
  if (!bundle?.valuesSplit) return;
  const failed = useStore.getState().valuesFailed;
  const missing = ids.filter((id) => !hasValues(bundle, id, failed));
  const got = await Promise.all(missing.map((id) => fetchValues(bundle, id)));
  const values = new Map(missing.flatMap((id, k) => (got[k] ? [[id, got[k]] as const] : [])));
  // Another call may have put some of them in meanwhile: only what is still missing.
  const now = useStore.getState();
  for (const id of values.keys()) if (hasValues(now.baseBundle, id)) values.delete(id);
  now.addIndicatorValues(values);
}

/**
 * Whether the values these indicators need are here ('all': every indicator of the place); fetches what is
 * missing. A view that needs them shows a short "Loading…" line until this is true.
 */
export function useValues(ids: readonly string[] | 'all'): boolean {
  const key = ids === 'all' ? 'all' : ids.join('\n');
  const ready = useStore((s) => {
    const b = s.baseBundle;
    // Checked on every store change: nothing to look at unless the build split the values out.
    if (!b?.valuesSplit) return true;
    return ids === 'all' ? b.indicators.every((i) => Object.keys(i.data).length > 0 || s.valuesFailed.includes(i.id)) : ids.every((id) => hasValues(b, id, s.valuesFailed));
  });
  useEffect(() => {
    if (ready) return;
    const st = useStore.getState();
    void ensureValues(ids === 'all' ? (st.baseBundle?.indicators.map((i) => i.id) ?? []) : ids);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for `ids`
  }, [ready, key]);
  return ready;
}
