/** What the comparison focuses on: themes to show, and one row per measure (earlier periods become a change). */
import type { IndicatorBundle, IndicatorRecord } from '../core/types';

/** Ids of indicators that are an earlier period of another (listed through their latest one). */
export function earlierPeriodIds(indicators: readonly IndicatorRecord[]): Set<string> {
  return new Set(indicators.map((i) => i.previousId).filter((x): x is string => !!x));
}

/** Themes in the Indicator list's order, each with its latest-period indicators; empty themes dropped. */
export function themesWithMeasures(bundle: Pick<IndicatorBundle, 'themes' | 'indicators'>): { theme: string; indicators: IndicatorRecord[] }[] {
  const earlier = earlierPeriodIds(bundle.indicators);
  return bundle.themes
    .map((theme) => ({ theme, indicators: bundle.indicators.filter((i) => i.theme === theme && !earlier.has(i.id)) }))
    .filter((t) => t.indicators.length > 0);
}

/**
 * The comparison's default focus, the pilot's subject: long-term conditions (themes holding GP-recorded
 * conditions) and deprivation (themes holding a national-decile indicator). Read from the data, not names.
 */
export function defaultCompareThemes(bundle: Pick<IndicatorBundle, 'themes' | 'indicators'>): string[] {
  return themesWithMeasures(bundle)
    .filter((t) => t.indicators.some((i) => i.qof || i.kind === 'decile'))
    .map((t) => t.theme);
}
