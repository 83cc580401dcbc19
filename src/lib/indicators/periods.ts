/**
 * Measures and periods. The bundle holds each year of a measure as its own indicator, linked by
 * `previousId` (the latest year points at the year before). A measure is shown once, by its latest
 * indicator, with its periods to choose from. Pure: no React, no store.
 */
import type { IndicatorMeta } from '../core/types';
import { formatNumber, formatValue } from '../core/format';
import { changeBeyondIntervals, type PlaceValue } from './value';

type Linked = Pick<IndicatorMeta, 'id' | 'previousId'>;

/** One period of a measure, for a Period selector. */
export interface PeriodOption {
  id: string;
  /** A short period name for people, e.g. "2024-25". */
  label: string;
}

/** The change between two periods of one measure, for one place. */
export interface PeriodChange {
  /** Current minus previous, in the indicator's unit (percentage points for %); null when either value is missing. */
  change: number | null;
  /** True when the two 95% intervals do not overlap; null when either has no interval. */
  beyondIntervals: boolean | null;
  /** The change in plain English. */
  words: string;
}

/** For each id that is another indicator's previousId: that later indicator's id. */
function laterOf(indicators: readonly Linked[]): Map<string, string> {
  const later = new Map<string, string>();
  for (const ind of indicators) if (ind.previousId && ind.previousId !== ind.id) later.set(ind.previousId, ind.id);
  return later;
}

/**
 * The id of the latest indicator of the measure `id` belongs to: follows previousId links forwards
 * (an indicator that is another's previousId is an earlier period of that one). An id that is not in
 * the list, or is already the latest, comes back unchanged.
 */
export function measureOf(indicators: readonly Linked[], id: string): string {
  const later = laterOf(indicators);
  const seen = new Set([id]);
  let cur = id;
  for (let next = later.get(cur); next != null && !seen.has(next); next = later.get(cur)) {
    seen.add(next);
    cur = next;
  }
  return cur;
}

/** The indicators to list, one per measure (those that are nobody's previousId), in the bundle's order. */
export function latestIndicators<T extends Linked>(indicators: readonly T[]): T[] {
  const earlier = new Set(indicators.filter((i) => i.previousId && i.previousId !== i.id).map((i) => i.previousId!));
  return indicators.filter((i) => !earlier.has(i.id));
}

/** A short name for an indicator's period: the QOF year ("2024-25") where there is one, else its period text. */
export function periodLabel(ind: Pick<IndicatorMeta, 'period' | 'qof'>): string {
  return ind.qof?.year ?? ind.period;
}

/**
 * The periods of the measure `id` belongs to, latest first. Links to ids not in the list are
 * dropped. An id not in the list gives no periods.
 */
export function periodsOf(indicators: readonly Pick<IndicatorMeta, 'id' | 'previousId' | 'period' | 'qof'>[], id: string): PeriodOption[] {
  const byId = new Map(indicators.map((i) => [i.id, i]));
  const out: PeriodOption[] = [];
  const seen = new Set<string>();
  for (let ind = byId.get(measureOf(indicators, id)); ind && !seen.has(ind.id); ind = ind.previousId ? byId.get(ind.previousId) : undefined) {
    seen.add(ind.id);
    out.push({ id: ind.id, label: periodLabel(ind) });
  }
  return out;
}

/** A trailing year or year range in brackets, e.g. " (2022-23)", " (2022–23)", " (2021)". "(18+)" is not a period. */
const PERIOD_SUFFIX = /\s*\((?:19|20)\d{2}(?:\s*[-–/]\s*(?:\d{2}|\d{4}))?\)\s*$/;

/** The indicator's label without a trailing period, e.g. "Hypertension (2022-23)" → "Hypertension". */
export function measureLabel(ind: Pick<IndicatorMeta, 'label'>): string {
  const stripped = ind.label.replace(PERIOD_SUFFIX, '');
  return stripped || ind.label;
}

/**
 * The unit words for a change of `size` (as formatted): "percentage points" for %, "points" for
 * scores, ratios and indices, "deciles" for deciles, nothing for counts, else the unit without its
 * bracketed note ("metres (straight line)" → "metres").
 */
function unitWords(unit: string, size: string): string {
  const one = size === '1';
  if (unit === '%') return one ? 'percentage point' : 'percentage points';
  const bare = unit.replace(/\s*\(.*\)\s*$/, '').trim();
  if (/^(score|ratio|index)\b/i.test(bare)) return one ? 'point' : 'points';
  if (/^decile\b/i.test(bare)) return one ? 'decile' : 'deciles';
  if (/^count\b/i.test(bare)) return '';
  return bare;
}

/**
 * The change from `previous` (the earlier period, named `since`, e.g. "2022-23") to `current`, for
 * one place, in plain English: which way, how much, from what to what, and whether the 95% intervals
 * overlap. Intervals that do not overlap mean the change is beyond chance variation; overlapping
 * ones mean it may be chance. E.g. "Up 1.2 percentage points since 2022-23, from 14.4% to 15.6%;
 * the 95% intervals do not overlap, so the change is beyond chance variation."
 */
export function periodChange(current: PlaceValue, previous: PlaceValue, ind: Pick<IndicatorMeta, 'unit' | 'decimals'>, since: string): PeriodChange {
  const has = (v: number | null): v is number => v != null && Number.isFinite(v);
  if (!has(current.value) || !has(previous.value)) {
    const missing = has(previous.value) ? 'no value for the latest period' : `no value for ${since}`;
    return { change: null, beyondIntervals: null, words: `No change to show: ${missing}.` };
  }
  const change = current.value - previous.value;
  const beyondIntervals = changeBeyondIntervals(current, previous);
  const size = formatNumber(Math.abs(change), ind.decimals);
  const unchanged = Number(size.replace(/,/g, '')) === 0;
  const what = unchanged
    ? `Unchanged since ${since} at ${formatValue(current.value, ind)}`
    : [change > 0 ? 'Up' : 'Down', size, unitWords(ind.unit, size), `since ${since}, from ${formatValue(previous.value, ind)} to ${formatValue(current.value, ind)}`]
        .filter(Boolean)
        .join(' ');
  const judged =
    beyondIntervals === null
      ? ' (no interval to judge the change)'
      : beyondIntervals
        ? `; the 95% intervals do not overlap, so the ${unchanged ? 'small ' : ''}change is beyond chance variation`
        : unchanged
          ? '; the 95% intervals overlap'
          : '; the 95% intervals overlap, so the change may be chance';
  return { change, beyondIntervals, words: `${what}${judged}.` };
}
