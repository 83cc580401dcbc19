import { useMemo } from 'react';
import { useStore } from '../store';
import { customAreas } from '../lib/share/validate';
import { resolvePlace, type ResolvedPlace } from '../lib/places/comparison';
import type { CustomArea } from '../lib/places/keys';

export function useCustomAreas(): CustomArea[] {
  const custom = useStore((s) => s.custom);
  const total = useStore((s) => s.bundle?.areas.lsoa.codes.length ?? 0);
  return useMemo(() => customAreas(custom, total), [custom, total]);
}

/** The places in the comparison, resolved; unknown ones are skipped. */
export function useComparisonPlaces(): ResolvedPlace[] {
  const bundle = useStore((s) => s.bundle);
  const comparison = useStore((s) => s.comparison);
  const customs = useCustomAreas();
  return useMemo(() => {
    if (!bundle) return [];
    return comparison.map((k) => resolvePlace(bundle, k, customs)).filter((p): p is ResolvedPlace => p !== null);
  }, [bundle, comparison, customs]);
}
