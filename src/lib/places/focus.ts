/** What the comparison focuses on: themes to show, and one row per measure (earlier periods become a change). */
import type { IndicatorBundle, IndicatorRecord } from '../core/types';
import { latestIndicators } from '../indicators/periods';

/** Themes in the Indicator list's order, each with its latest-period indicators; empty themes dropped. */
export function themesWithMeasures(bundle: Pick<IndicatorBundle, 'themes' | 'indicators'>): { theme: string; indicators: IndicatorRecord[] }[] {
  // One row per measure: the same list the Indicator select shows.
  const latest = latestIndicators(bundle.indicators);
  return bundle.themes
    .map((theme) => ({ theme, indicators: latest.filter((i) => i.theme === theme) }))
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
