import { useMemo } from 'react';
import { useStore, currentIndicator, type AppState } from '../store';
import { practiceValue } from '../lib/health/practices';
import type { IndicatorRecord, PracticeRecord } from '../lib/core/types';
import type { PlaceValue } from '../lib/indicators/value';

/** The QOF indicator the practice layer shows: the current one if it is QOF, else the first QOF indicator. */
const practiceIndicator = (s: Pick<AppState, 'bundle' | 'indicator'>): IndicatorRecord | null => {
  const cur = currentIndicator(s);
  if (cur?.qof) return cur;
  return s.bundle?.indicators.find((i) => i.qof && !i.id.match(/_\d{4}_\d{2}$/)) ?? null;
};

/**
 * The practice layer's indicator. Selected as a record from the bundle (not from `indicator`), so choosing
 * an indicator that is not from QOF leaves the practice list and symbols as they are, without a re-render.
 */
export function usePracticeIndicator(): IndicatorRecord | null {
  return useStore(practiceIndicator);
}

export function usePracticeValues(): { ind: IndicatorRecord; rows: { practice: PracticeRecord; v: PlaceValue | null }[] } | null {
  const bundle = useStore((s) => s.bundle);
  const ind = usePracticeIndicator();
  return useMemo(() => {
    if (!bundle || !ind) return null;
    return { ind, rows: bundle.practices.map((practice) => ({ practice, v: practiceValue(practice, ind) })) };
  }, [bundle, ind]);
}
