import type { IndicatorBundle } from '../core/types';
import { MAX_COMPARISON, parseCustom, type CustomArea } from '../places/keys';
import { resolvePlace } from '../places/comparison';
import { siteCoordinates, type ShareState } from './url';

/**
 * The one check of shareable state against the data, used by the URL, by every store change
 * and by neighbourhoods restored from this browser. It never throws: what does not fit the data
 * is dropped and said in `warnings` (callers decide whether to show them).
 */
export function validateShare(candidate: ShareState, bundle: IndicatorBundle | null): { state: ShareState; warnings: string[] } {
  const state: ShareState = { ...candidate };
  const warnings: string[] = [];
  if (!bundle) return { state, warnings };
  if (!bundle.indicators.some((i) => i.id === state.indicator)) {
    warnings.push(`Indicator "${state.indicator.slice(0, 40)}" is not in this data; the first indicator is shown.`);
    state.indicator = bundle.indicators[0]?.id ?? state.indicator;
  }
  if (state.selected && !bundle.areas[state.geography].codes.includes(state.selected)) {
    warnings.push(`Area "${state.selected.slice(0, 20)}" in the link is not a ${state.geography.toUpperCase()} in this data and was ignored.`);
    state.selected = null;
  }
  const total = bundle.areas.lsoa.codes.length;
  const parsed = state.custom.map((c, i) => parseCustom(c, `n${i + 1}`, total));
  const good = state.custom.filter((_, i) => parsed[i]);
  if (good.length < state.custom.length) {
    warnings.push(`${state.custom.length - good.length} neighbourhood(s) in the link could not be read and were ignored.`);
    // Ids are positions, so comparison keys for custom areas are dropped if any were malformed.
    state.comparison = state.comparison.filter((k) => !k.startsWith('custom:'));
  }
  // Unchanged lists keep their identity, so nothing downstream (places, map outlines) redraws for nothing.
  state.custom = sameList(good, state.custom) ? state.custom : good;
  // Re-parsed only when something was dropped: ids are positions, so they change.
  const customs = good.length < parsed.length ? customAreas(good, total) : parsed.filter((a): a is CustomArea => a !== null);
  const known = [...new Set(state.comparison)].slice(0, MAX_COMPARISON * 4).filter((k) => resolvePlace(bundle, k, customs)).slice(0, MAX_COMPARISON);
  if (known.length < state.comparison.length) warnings.push(`${state.comparison.length - known.length} place(s) in the link's comparison are not in this data and were ignored.`);
  state.comparison = sameList(known, state.comparison) ? state.comparison : known;
  if (state.themes && state.themes.some((t) => t >= bundle.themes.length)) {
    warnings.push('Some themes chosen for the comparison in the link are not in this data and were ignored.');
    state.themes = state.themes.filter((t) => t < bundle.themes.length);
  }
  if (state.practice && !bundle.practices.some((p) => p.code === state.practice)) {
    warnings.push(`GP practice "${state.practice.slice(0, 20)}" in the link is not in this data and was ignored.`);
    state.practice = null;
  }
  if (state.site && !siteInPlace(state.site, bundle.place.bounds)) {
    warnings.push(`The site in the link is not in or near ${bundle.place.name} and was ignored.`);
    state.site = null;
  }
  return { state, warnings };
}

/** How far outside the place's bounds a site may reach, in degrees (about 11 km: the widest ring is 5 km). */
export const SITE_MARGIN_DEG = 0.1;

/** A site parameter whose every coordinate lies within the place's bounds plus SITE_MARGIN_DEG (latitude; widened for longitude). */
export function siteInPlace(raw: string, bounds: readonly [number, number, number, number]): boolean {
  const coords = siteCoordinates(raw);
  if (!coords) return false;
  const [w, s, e, n] = bounds;
  const mLat = SITE_MARGIN_DEG;
  const mLon = SITE_MARGIN_DEG / Math.max(0.2, Math.cos((((s + n) / 2) * Math.PI) / 180));
  return coords.every(([x, y]) => x >= w - mLon && x <= e + mLon && y >= s - mLat && y <= n + mLat);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Custom neighbourhoods parsed from their URL form; malformed ones are dropped (validateShare reports them). */
export function customAreas(custom: readonly string[], total: number): CustomArea[] {
  return custom.map((c, i) => parseCustom(c, `n${i + 1}`, total)).filter((a): a is CustomArea => a !== null);
}
