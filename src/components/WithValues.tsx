import type { ReactNode } from 'react';
import { useValues } from '../data/values';

/**
 * Shows its children once the values they read are here (a tiled build fetches each indicator's values when
 * first needed, src/data/values.ts); until then one line says they are loading. Other builds show them at once.
 */
export function WithValues({ ids, children }: { ids: readonly string[] | 'all'; children: ReactNode }) {
  const ready = useValues(ids);
  return ready ? children : <p className="values-loading" role="status">Loading indicator values…</p>;
}
