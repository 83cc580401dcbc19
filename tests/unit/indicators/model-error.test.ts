/**
 * Modelled small-area values carry the model's own error: a widened interval, compared with England on
 * it, or "Not compared (modelled)" where the model has no skill. Synthetic records (named so) plus the real bundle.
 */
import { describe, expect, it } from 'vitest';
import { areaValue, boroughValue, poolLsoas, proportionValue, widenForModelError } from '../../../src/lib/indicators/value';
import { wilsonInterval } from '../../../src/lib/indicators/intervals';
import { categoryWords } from '../../../src/lib/indicators/benchmark';
import { comparisonWords } from '../../../src/lib/places/comparison';
import type { IndicatorRecord } from '../../../src/lib/core/types';
import { loadBundle, record } from '../../fixtures/bundle';

const breaks = { quantile: [], jenks: [] };
/** Synthetic modelled proportion: 3 LSOAs, England 10%. */
function syntheticModelled(over: Partial<IndicatorRecord> = {}): IndicatorRecord {
  return record({
    id: 'synthetic_modelled',
    kind: 'proportion',
    compare: 'interval',
    polarity: 'NoJudgement',
    modelled: true,
    modelError: { relative: 0.2, comparable: true, fit: [['synthetic', '1', '2']] },
    england: { value: 10, statistic: 'synthetic' },
    borough: { value: 12, numerator: 1200, denominator: 10000, statistic: 'synthetic' },
    geographyMethod: { lsoa: 'LSOA: synthetic modelled estimate.' },
    data: { lsoa: { values: [13, 10.5, 20], numerators: [1300, 105, 2000], denominators: [10000, 1000, 10000], breaks } },
    ...over,
  });
}

describe('widenForModelError', () => {
  it.each([
    { p: 0.13, lo: 0.124, hi: 0.137, e: 0.2 },
    { p: 0.05, lo: 0.03, hi: 0.08, e: 0.5 },
    { p: 0.3, lo: 0.29, hi: 0.31, e: 0 },
  ])('p $p, e $e: each side is √(side² + (z e p)²)', ({ p, lo, hi, e }) => {
    const z = 1.959963984540054;
    const w = widenForModelError(p, { lower: lo, upper: hi }, e, 0.95);
    expect(w.lower).toBeCloseTo(Math.max(0, p - Math.sqrt((p - lo) ** 2 + (z * e * p) ** 2)), 12);
    expect(w.upper).toBeCloseTo(p + Math.sqrt((hi - p) ** 2 + (z * e * p) ** 2), 12);
    expect(w.lower).toBeLessThanOrEqual(lo);
    expect(w.upper).toBeGreaterThanOrEqual(hi);
  });

  it('never goes below zero; 99.8% is wider than 95%', () => {
    expect(widenForModelError(0.01, { lower: 0.001, upper: 0.03 }, 1, 0.95).lower).toBe(0);
    const a = widenForModelError(0.2, { lower: 0.19, upper: 0.21 }, 0.2, 0.95);
    const b = widenForModelError(0.2, { lower: 0.19, upper: 0.21 }, 0.2, 0.998);
    expect(b.lower).toBeLessThan(a.lower);
    expect(b.upper).toBeGreaterThan(a.upper);
  });
});

describe('modelled areas (synthetic)', () => {
  it('13% of 10,000 is Higher on Wilson alone; with a 20% model error it is Similar to England (10%)', () => {
    const plain = syntheticModelled({ modelError: undefined });
    expect(areaValue(plain, 'lsoa', 0).category).toBe('Higher');
    const v = areaValue(syntheticModelled(), 'lsoa', 0);
    expect(v.category).toBe('Similar');
    expect(v.lower!).toBeLessThan(10);
    expect(v.method).toBe("LSOA: synthetic modelled estimate. Modelled estimate, so approximate: the interval adds the model's own error (20% of the value, from leave-one-practice-out validation) to the sampling error.");
  });

  it('20% of 10,000 stays Higher even with the model error', () => {
    expect(areaValue(syntheticModelled(), 'lsoa', 2).category).toBe('Higher');
  });

  it('a model with no skill: the area keeps its widened interval but is "Not compared (modelled)"', () => {
    const ind = syntheticModelled({ modelError: { relative: 0.35, comparable: false, fit: [] } });
    const v = areaValue(ind, 'lsoa', 2);
    expect(v.category).toBe('NotCompared');
    expect(v.notComparedWhy).toBe('modelled');
    expect(v.lower).toBeDefined();
    expect(categoryWords(v.category, '95%', v.notComparedWhy)).toBe('Not compared (modelled)');
    expect(comparisonWords(ind, v)).toBe('Not compared (modelled)');
    expect(v.method).toMatch(/too large to judge against England, so not compared \(modelled\)/);
    // Pooled places (presets, drawn areas) too.
    const pooled = poolLsoas(loadBundleLike(ind), ind, [0, 2]);
    expect(pooled.category).toBe('NotCompared');
    expect(pooled.notComparedWhy).toBe('modelled');
  });

  it('pooled places (presets, drawn areas) carry the widened interval and the approximate note', () => {
    const ind = syntheticModelled();
    const v = poolLsoas(loadBundleLike(ind), ind, [0, 1]);
    const ci = wilsonInterval(1405, 11000)!;
    const w = widenForModelError(1405 / 11000, ci, 0.2, 0.95);
    expect(v.lower).toBeCloseTo(w.lower * 100, 12);
    expect(v.upper).toBeCloseTo(w.upper * 100, 12);
    expect(v.method).toMatch(/^Pooled from counts: .* Modelled estimate, so approximate: the interval adds the model's own error \(20% of the value/);
  });

  it('counted values keep the plain Wilson interval: the borough, practices, and exact (registrations) values', () => {
    const ind = syntheticModelled();
    const ci = wilsonInterval(1200, 10000)!;
    const b = boroughValue(ind);
    expect(b.lower).toBeCloseTo(ci.lower * 100, 12);
    const pr = proportionValue(ind, 1200, 10000, 'practice');
    expect(pr.upper).toBeCloseTo(ci.upper * 100, 12);
    // The registrations method sets modelled: false and drops the model error.
    const exact = syntheticModelled({ modelled: false, modelError: undefined });
    const a = areaValue(exact, 'lsoa', 0);
    const ci0 = wilsonInterval(1300, 10000)!;
    expect(a.lower).toBeCloseTo(ci0.lower * 100, 12);
    expect(a.category).toBe('Higher');
    expect(a.method).toBe('LSOA: synthetic modelled estimate.');
  });
});

/** The smallest bundle poolParts reads: LSOA residents and the indicator. */
function loadBundleLike(ind: IndicatorRecord) {
  const real = loadBundle();
  return { ...real, areas: { ...real.areas, lsoa: { ...real.areas.lsoa, residents: [1, 1, 1] } }, indicators: [ind] };
}

describe('the built bundle', () => {
  const bundle = loadBundle();
  const qof = bundle.indicators.filter((i) => i.qof);
  it('every QOF indicator is modelled and carries a model error with before → after fit figures', () => {
    expect(qof.length).toBe(12);
    for (const ind of qof) {
      expect(ind.modelled, ind.id).toBe(true);
      expect(ind.modelError!.relative, ind.id).toBeGreaterThan(0.05);
      expect(ind.modelError!.fit.map((r) => r[0]).join('\n')).toMatch(/error against OHID[\s\S]*Elm Tree Surgery[\s\S]*Leave-one-practice-out/);
    }
    expect(bundle.qof.crossingKm!).toBeGreaterThan(0);
  });

  it('depression (no better than no model) is "Not compared (modelled)" in every ward; hypertension is compared', () => {
    const dep = qof.find((i) => i.id === 'qof_dep')!;
    const hyp = qof.find((i) => i.id === 'qof_hyp')!;
    expect(dep.modelError!.comparable).toBe(false);
    expect(hyp.modelError!.comparable).toBe(true);
    bundle.areas.ward.codes.forEach((_, w) => {
      expect(areaValue(dep, 'ward', w).notComparedWhy).toBe('modelled');
      expect(areaValue(hyp, 'ward', w).category).not.toBe('NotCompared');
    });
  });
});
