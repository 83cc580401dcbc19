import type { ReactNode } from 'react';
import { useValues } from '../data/values';
import { useStore } from '../store';

/**
 * Shows its children once the values they read are here (a tiled build fetches each indicator's values when
 * first needed, src/data/values.ts); until then one line says they are loading. Other builds show them at once.
 */
export function WithValues({ ids, children }: { ids: readonly string[] | 'all' | 'current'; children: ReactNode }) {
  // 'current': the map's indicator, read here so that only this gate (not its parent) follows it.
  const indicator = useStore((s) => (ids === 'current' ? s.indicator : ''));
  const ready = useValues(ids === 'current' ? [indicator] : ids);
  return ready ? children : <p className="values-loading" role="status">Loading indicator values…</p>;
}
