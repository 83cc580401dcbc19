import { useMemo } from 'react';
import { useStore, currentIndicator } from '../store';
import { practiceValue } from '../lib/health/practices';
import type { IndicatorRecord, PracticeRecord } from '../lib/core/types';
import type { PlaceValue } from '../lib/indicators/value';

/** The QOF indicator the practice layer shows: the current one if it is QOF, else the first QOF indicator. */
export function usePracticeIndicator(): IndicatorRecord | null {
  const bundle = useStore((s) => s.bundle);
  const indicator = useStore((s) => s.indicator);
  return useMemo(() => {
    const cur = currentIndicator({ bundle, indicator });
    if (cur?.qof) return cur;
    return bundle?.indicators.find((i) => i.qof && !i.id.match(/_\d{4}_\d{2}$/)) ?? null;
  }, [bundle, indicator]);
}

export function usePracticeValues(): { ind: IndicatorRecord; rows: { practice: PracticeRecord; v: PlaceValue | null }[] } | null {
  const bundle = useStore((s) => s.bundle);
  const ind = usePracticeIndicator();
  return useMemo(() => {
    if (!bundle || !ind) return null;
    return { ind, rows: bundle.practices.map((practice) => ({ practice, v: practiceValue(practice, ind) })) };
  }, [bundle, ind]);
}
