/**
 * The bundle the app shows: the built data plus people's own indicators (under the theme "Your data")
 * and, when they loaded the NHS patients-by-LSOA file, the exactly apportioned GP-practice conditions in
 * place of the modelled ones. Pure: the built bundle is never changed.
 */
import type { IndicatorBundle, IndicatorRecord } from '../core/types';

export const USER_THEME = 'Your data';

export function mergeUserData(base: IndicatorBundle, own: readonly IndicatorRecord[], replacements: readonly IndicatorRecord[] = []): IndicatorBundle {
  if (!own.length && !replacements.length) return base;
  const byId = new Map(replacements.map((r) => [r.id, r]));
  const known = new Set(base.indicators.map((i) => i.id));
  // An own indicator never shadows a built one (ids differ by construction; this keeps it so).
  const added = own.filter((i) => !known.has(i.id));
  return {
    ...base,
    themes: added.length && !base.themes.includes(USER_THEME) ? [...base.themes, USER_THEME] : base.themes,
    indicators: [...base.indicators.map((i) => byId.get(i.id) ?? i), ...added],
  };
}
