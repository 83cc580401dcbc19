import type { GeographyId, IndicatorBundle, IndicatorRecord } from '../core/types';
import { wilsonInterval, zFor, type ConfidenceLevel, type Interval } from './intervals';
import { compareWithBenchmark, type Category, type NotComparedWhy } from './benchmark';
import { weightedMean, weightedSum, type Part } from './aggregate';
import { decileFromThresholds } from './deciles';

/** One indicator's value for one place, with everything a comparison needs. */
export interface PlaceValue {
  value: number | null;
  numerator?: number;
  denominator?: number;
  /** Interval on the display scale (e.g. %). */
  lower?: number;
  upper?: number;
  decile?: number | null;
  /** Published national rank (1 = most deprived) of a single LSOA, out of `rankOf` LSOAs in England. */
  rank?: number;
  rankOf?: number;
  /** The borough only: the publisher's own figure where it differs from ours (e.g. the official IMD LA summary). */
  official?: IndicatorRecord['boroughOfficial'];
  category: Category;
  /** Set when the value is not compared for a reason worth saying (the model's error is too large to judge). */
  notComparedWhy?: NotComparedWhy;
  /** How the value was made for this place. */
  method: string;
}

/**
 * A modelled value's interval with the model's error added: an extra standard error of relative × p,
 * added in quadrature to each side of the sampling interval (so the interval stays asymmetric like Wilson's).
 * On the same scale as p (0–1 or %).
 */
export function widenForModelError(p: number, ci: Interval, relative: number, level: ConfidenceLevel): Interval {
  const m = zFor(level) * relative * p;
  return { lower: Math.max(0, p - Math.hypot(p - ci.lower, m)), upper: p + Math.hypot(ci.upper - p, m) };
}

/** The words every modelled value carries: approximate, and how its interval was made. */
export function modelledWords(ind: IndicatorRecord): string {
  if (!ind.modelled) return '';
  const e = ind.modelError;
  if (!e) return ' Modelled estimate, so approximate: the interval treats the apportioned counts as observed.';
  const pct = `${Math.round(e.relative * 100)}%`;
  return e.comparable
    ? ` Modelled estimate, so approximate: the interval adds the model's own error (${pct} of the value, from leave-one-practice-out validation) to the sampling error.`
    : ` Modelled estimate, so approximate: the model's error (${pct} of the value) is too large to judge against England, so not compared (modelled).`;
}

function withInterval(ind: IndicatorRecord, v: Omit<PlaceValue, 'category'>, level: ConfidenceLevel, modelledArea = false): PlaceValue {
  // Intervals only where sampling-style uncertainty makes sense: indicators compared by interval.
  if (ind.compare === 'interval' && ind.kind === 'proportion' && v.numerator != null && v.denominator) {
    const ci = wilsonInterval(v.numerator, v.denominator, level);
    if (ci && modelledArea && ind.modelled && ind.modelError) {
      // Modelled small areas: the model's error widens the interval; no judgement where it is too large.
      const w = widenForModelError(v.numerator / v.denominator, ci, ind.modelError.relative, level);
      const out = { ...v, lower: w.lower * 100, upper: w.upper * 100 };
      if (!ind.modelError.comparable) return { ...out, category: 'NotCompared', notComparedWhy: 'modelled' };
      return { ...out, category: compareWithBenchmark({ lower: out.lower, upper: out.upper }, ind.england?.value, ind.polarity) };
    }
    if (ci) {
      const out = { ...v, lower: ci.lower * 100, upper: ci.upper * 100 };
      return { ...out, category: compareWithBenchmark({ lower: out.lower, upper: out.upper }, ind.england?.value, ind.polarity) };
    }
  }
  // Published 95% limits (people's own files) where there are no counts: compared by the same rule.
  // They are 95% limits whatever level is asked for, so only the 95% comparison uses them.
  if (ind.compare === 'interval' && v.numerator == null && v.lower != null && v.upper != null && level === 0.95) {
    return { ...v, category: compareWithBenchmark({ lower: v.lower, upper: v.upper }, ind.england?.value, ind.polarity) };
  }
  if (level !== 0.95 && v.numerator == null && (v.lower != null || v.upper != null)) {
    const { lower: _l, upper: _u, ...rest } = v;
    return { ...rest, category: 'NotCompared' };
  }
  return { ...v, category: 'NotCompared' };
}

/** An area's published limits, when its indicator has them and both are given. */
function limitsAt(d: { lowers?: (number | null)[]; uppers?: (number | null)[] }, i: number): { lower?: number; upper?: number } {
  const lower = d.lowers?.[i];
  const upper = d.uppers?.[i];
  return lower != null && upper != null && Number.isFinite(lower) && Number.isFinite(upper) ? { lower, upper } : {};
}

/** The value of a standard area (ward, LSOA, MSOA) as built. */
export function areaValue(ind: IndicatorRecord, geo: GeographyId, i: number, level: ConfidenceLevel = 0.95): PlaceValue {
  const d = ind.data[geo];
  if (!d) return { value: null, category: 'NotCompared', method: 'Not available at this geography.' };
  return withInterval(
    ind,
    {
      value: d.values[i],
      numerator: d.numerators?.[i] ?? undefined,
      denominator: d.denominators?.[i] ?? undefined,
      decile: ind.kind === 'decile' ? d.values[i] : d.deciles?.[i],
      ...(d.ranks?.[i] != null && ind.rankOf ? { rank: d.ranks[i]!, rankOf: ind.rankOf } : {}),
      ...(d.numerators?.[i] == null ? limitsAt(d, i) : {}),
      method: `${ind.geographyMethod[geo] ?? ''}${modelledWords(ind)}`.trim(),
    },
    level,
    true,
  );
}

/**
 * Pool weighted LSOAs into one place: numerators and denominators summed for proportions (then a
 * Wilson interval), population-weighted means for scores, sums for counts; deciles placed against
 * England's LSOA distribution (one LSOA keeps its published decile). Weights are 1 for whole LSOAs,
 * or the share of an LSOA inside an area (site catchments). `of` describes the parts for the method note.
 */
export function poolParts(
  bundle: IndicatorBundle,
  ind: IndicatorRecord,
  parts: Part[],
  of: string,
  opts: { approximate?: boolean; level?: ConfidenceLevel } = {},
): PlaceValue {
  const d = ind.data.lsoa;
  if (!d || parts.length === 0) return { value: null, category: 'NotCompared', method: 'No LSOAs selected.' };
  const pop = bundle.areas.lsoa.residents;
  const one = parts.length === 1 ? parts[0].lsoa : -1;
  if (ind.kind === 'decile') {
    const src = bundle.indicators.find((x) => x.id === ind.decileOf);
    const score = src?.data.lsoa ? weightedMean(parts, src.data.lsoa.values, pop) : null;
    const decile = one >= 0 ? d.values[one] : decileFromThresholds(score, ind.decileThresholds ?? []);
    return {
      value: decile,
      decile,
      category: 'NotCompared',
      method: one >= 0 ? 'Published LSOA decile.' : `Derived: the national decile of the population-weighted mean IMD score of ${of}.`,
    };
  }
  if (d.numerators && d.denominators) {
    const num = weightedSum(parts, d.numerators);
    const den = weightedSum(parts, d.denominators);
    const approx = opts.approximate && !ind.modelled ? ' The interval treats the apportioned counts as observed, so it is approximate.' : '';
    const method = `Pooled from counts: numerators and denominators of ${of} summed, then divided.${approx}${modelledWords(ind)}`;
    if (num == null || !den) return { value: null, category: 'NotCompared', method };
    return withInterval(ind, { value: (num / den) * 100, numerator: num, denominator: den, method }, opts.level ?? 0.95, true);
  }
  if (ind.kind === 'count') return { value: weightedSum(parts, d.values), category: 'NotCompared', method: `Sum of ${of}.` };
  const value = weightedMean(parts, d.values, pop);
  if (d.lowers && d.uppers) {
    // Published limits cannot be pooled: one LSOA keeps its own; several have no interval.
    if (one >= 0) {
      return withInterval(ind, { value: d.values[one], ...limitsAt(d, one), method: 'One LSOA: its value with its published 95% limits.' }, opts.level ?? 0.95);
    }
    return {
      value,
      category: 'NotCompared',
      method: `Population-weighted mean of ${of} (Census 2021 usual residents); no interval for pooled values from published limits, so not compared with England.`,
    };
  }
  return {
    value,
    // One LSOA keeps its published decile; pooled areas are placed against England's LSOAs.
    decile: ind.compare !== 'decile' ? undefined : one >= 0 ? (d.deciles?.[one] ?? null) : decileFromThresholds(value, ind.decileThresholds ?? []),
    category: 'NotCompared',
    method: `Population-weighted mean of ${of} (Census 2021 usual residents).`,
  };
}

/** Pool whole LSOAs (neighbourhoods). */
export function poolLsoas(bundle: IndicatorBundle, ind: IndicatorRecord, lsoaIdx: number[], level: ConfidenceLevel = 0.95): PlaceValue {
  return poolParts(
    bundle,
    ind,
    lsoaIdx.map((lsoa) => ({ lsoa, weight: 1 })),
    `${lsoaIdx.length} LSOA${lsoaIdx.length === 1 ? '' : 's'}`,
    { level },
  );
}

/** The borough's value, from its comparator (checked against the LSOAs by the data build). */
export function boroughValue(ind: IndicatorRecord, level: ConfidenceLevel = 0.95): PlaceValue {
  const b = ind.borough;
  if (!b) return { value: null, category: 'NotCompared', method: 'No borough value.' };
  return withInterval(ind, { value: b.value, numerator: b.numerator, denominator: b.denominator, method: b.statistic, ...(ind.boroughOfficial ? { official: ind.boroughOfficial } : {}) }, level);
}

export function englandValue(ind: IndicatorRecord): PlaceValue {
  const e = ind.england;
  return { value: e?.value ?? null, numerator: e?.numerator, denominator: e?.denominator, category: 'NotCompared', method: e?.statistic ?? 'No England value.' };
}

/** A proportion from a count and denominator (e.g. a GP practice's register), with interval and comparison. */
export function proportionValue(ind: IndicatorRecord, numerator: number, denominator: number, method: string, level: ConfidenceLevel = 0.95): PlaceValue {
  return withInterval(ind, { value: denominator > 0 ? (numerator / denominator) * 100 : null, numerator, denominator, method }, level);
}

/** Whether the change between two periods is beyond chance: their 95% intervals do not overlap. */
export function changeBeyondIntervals(a: PlaceValue, b: PlaceValue): boolean | null {
  if (a.lower == null || a.upper == null || b.lower == null || b.upper == null) return null;
  return a.upper < b.lower || b.upper < a.lower;
}
