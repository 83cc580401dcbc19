import { useMemo } from 'react';
import { useStore, currentIndicator } from '../store';
import { buildChoropleth, type Choropleth } from '../lib/indicators/choropleth';

/** The current view's fills, labels and legend, computed once per view change. */
export function useChoropleth(): Choropleth | null {
  const bundle = useStore((s) => s.bundle);
  const indicator = useStore((s) => s.indicator);
  const geography = useStore((s) => s.geography);
  const mode = useStore((s) => s.mode);
  const classes = useStore((s) => s.classes);
  return useMemo(() => {
    const ind = currentIndicator({ bundle, indicator });
    if (!bundle || !ind) return null;
    return buildChoropleth(ind, geography, bundle.areas[geography].codes, mode, classes);
  }, [bundle, indicator, geography, mode, classes]);
}
