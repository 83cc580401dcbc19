/**
 * Measures and periods: tables of synthetic cases (made-up ids and values, named as synthetic), then
 * the real built bundle (public/data/indicators.json).
 */
import { describe, expect, it } from 'vitest';
import { latestIndicators, measureLabel, measureOf, periodChange, periodLabel, periodsOf } from '../../../src/lib/indicators/periods';
import type { PlaceValue } from '../../../src/lib/indicators/value';
import { loadBundle, record } from '../../fixtures/bundle';

/** Synthetic: a three-year measure (a ← a_prev ← a_old), a two-year one (b ← b_prev) and a lone one (c). */
const SYNTH = [
  record({ id: 'synthetic_a_old', label: 'Synthetic A (2020-21)', period: 'Synthetic 2020-21 text', qof: { condition: 'a', year: '2020-21' } }),
  record({ id: 'synthetic_a_prev', label: 'Synthetic A (2022-23)', period: 'Synthetic 2022-23 text', qof: { condition: 'a', year: '2022-23' }, previousId: 'synthetic_a_old' }),
  record({ id: 'synthetic_c', label: 'Synthetic C', period: 'Synthetic census 2021' }),
  record({ id: 'synthetic_a', label: 'Synthetic A', period: 'Synthetic 2024-25 text', qof: { condition: 'a', year: '2024-25' }, previousId: 'synthetic_a_prev' }),
  record({ id: 'synthetic_b_prev', label: 'Synthetic B (18+) (2019)', period: 'Synthetic year 2019' }),
  record({ id: 'synthetic_b', label: 'Synthetic B (18+)', period: 'Synthetic year 2023', previousId: 'synthetic_b_prev' }),
];

describe('measureOf (synthetic)', () => {
  it.each([
    ['synthetic_a', 'synthetic_a'],
    ['synthetic_a_prev', 'synthetic_a'],
    ['synthetic_a_old', 'synthetic_a'],
    ['synthetic_b_prev', 'synthetic_b'],
    ['synthetic_b', 'synthetic_b'],
    ['synthetic_c', 'synthetic_c'],
    ['synthetic_not_there', 'synthetic_not_there'],
  ])('%s belongs to the measure %s', (id, latest) => {
    expect(measureOf(SYNTH, id)).toBe(latest);
  });

  it('stops on a cycle of previousId links instead of looping', () => {
    const loop = [
      { id: 'synthetic_x', previousId: 'synthetic_y' },
      { id: 'synthetic_y', previousId: 'synthetic_x' },
    ];
    expect(['synthetic_x', 'synthetic_y']).toContain(measureOf(loop, 'synthetic_x'));
  });
});

describe('latestIndicators (synthetic)', () => {
  it('lists one indicator per measure, the latest, in the given order', () => {
    expect(latestIndicators(SYNTH).map((i) => i.id)).toEqual(['synthetic_c', 'synthetic_a', 'synthetic_b']);
  });
  it('keeps everything when nothing links', () => {
    const flat = [record({ id: 'synthetic_1' }), record({ id: 'synthetic_2' })];
    expect(latestIndicators(flat)).toEqual(flat);
  });
});

describe('periodsOf (synthetic)', () => {
  it.each([
    ['synthetic_a', [['synthetic_a', '2024-25'], ['synthetic_a_prev', '2022-23'], ['synthetic_a_old', '2020-21']]],
    ['synthetic_a_old', [['synthetic_a', '2024-25'], ['synthetic_a_prev', '2022-23'], ['synthetic_a_old', '2020-21']]],
    ['synthetic_b_prev', [['synthetic_b', 'Synthetic year 2023'], ['synthetic_b_prev', 'Synthetic year 2019']]],
    ['synthetic_c', [['synthetic_c', 'Synthetic census 2021']]],
    ['synthetic_not_there', []],
  ])('%s: latest first, QOF year else period text', (id, want) => {
    expect(periodsOf(SYNTH, id).map((p) => [p.id, p.label])).toEqual(want);
  });

  it('drops a previousId that points at no indicator', () => {
    const dangling = [record({ id: 'synthetic_d', period: 'Synthetic 2024', previousId: 'synthetic_missing' })];
    expect(periodsOf(dangling, 'synthetic_d')).toEqual([{ id: 'synthetic_d', label: 'Synthetic 2024' }]);
  });
});

describe('measureLabel', () => {
  it.each([
    ['Hypertension (2022-23)', 'Hypertension'],
    ['Obesity (18+) (2022-23)', 'Obesity (18+)'],
    ['Obesity (18+)', 'Obesity (18+)'],
    ['Depression (2022–23)', 'Depression'],
    ['Diabetes (2019/2020)', 'Diabetes'],
    ['Disabled (2021)', 'Disabled'],
    ['Households deprived in 1 or more dimensions', 'Households deprived in 1 or more dimensions'],
    ['Ratio (100 ≈ England average)', 'Ratio (100 ≈ England average)'],
  ])('%s → %s', (label, want) => {
    expect(measureLabel({ label })).toBe(want);
  });
});

describe('periodChange (synthetic values)', () => {
  const pct = { unit: '%', decimals: 1 };
  const v = (value: number | null, lower?: number, upper?: number): PlaceValue => ({ value, lower, upper, category: 'NotCompared', method: 'synthetic' });
  it.each<[string, PlaceValue, PlaceValue, { unit: string; decimals: number }, number | null, boolean | null, string]>([
    [
      'up, intervals apart',
      v(15.6, 15.1, 16.1),
      v(14.4, 13.9, 14.9),
      pct,
      1.2,
      true,
      'Up 1.2 percentage points since 2022-23, from 14.4% to 15.6%; the 95% intervals do not overlap, so the change is beyond chance variation.',
    ],
    [
      'down, intervals overlap',
      v(14.0, 13.0, 15.0),
      v(14.5, 13.6, 15.4),
      pct,
      -0.5,
      false,
      'Down 0.5 percentage points since 2022-23, from 14.5% to 14.0%; the 95% intervals overlap, so the change may be chance.',
    ],
    ['up, no intervals', v(15.6), v(14.4), pct, 1.2, null, 'Up 1.2 percentage points since 2022-23, from 14.4% to 15.6% (no interval to judge the change).'],
    ['one interval missing', v(15.6, 15.1, 16.1), v(14.4), pct, 1.2, null, 'Up 1.2 percentage points since 2022-23, from 14.4% to 15.6% (no interval to judge the change).'],
    ['unchanged at the shown precision', v(14.42, 14.0, 14.8), v(14.4, 14.0, 14.8), pct, 0.02, false, 'Unchanged since 2022-23 at 14.4%; the 95% intervals overlap.'],
    ['one point of a %', v(15.4), v(14.4), { unit: '%', decimals: 0 }, 1, null, 'Up 1 percentage point since 2022-23, from 14% to 15% (no interval to judge the change).'],
    ['a score', v(21.5), v(23.0), { unit: 'score (0 = England mean)', decimals: 1 }, -1.5, null, 'Down 1.5 points since 2022-23, from 23.0 to 21.5 (no interval to judge the change).'],
    ['metres', v(850), v(1200), { unit: 'metres (straight line)', decimals: 0 }, -350, null, 'Down 350 metres since 2022-23, from 1,200 to 850 (no interval to judge the change).'],
    ['a count', v(3), v(1), { unit: 'count within 1 km (straight line)', decimals: 0 }, 2, null, 'Up 2 since 2022-23, from 1 to 3 (no interval to judge the change).'],
    ['no earlier value', v(15.6, 15.1, 16.1), v(null), pct, null, null, 'No change to show: no value for 2022-23.'],
    ['no latest value', v(null), v(14.4, 13.9, 14.9), pct, null, null, 'No change to show: no value for the latest period.'],
  ])('%s', (_name, current, previous, ind, change, beyond, words) => {
    const got = periodChange(current, previous, ind, '2022-23');
    if (change == null) expect(got.change).toBeNull();
    else expect(got.change).toBeCloseTo(change, 9);
    expect(got.beyondIntervals).toBe(beyond);
    expect(got.words).toBe(words);
  });
});

describe('the real built bundle', () => {
  const inds = loadBundle().indicators;
  const latest = latestIndicators(inds);

  it('lists no earlier-year entry in the Indicator select, and still every measure once', () => {
    expect(latest.length).toBeGreaterThan(0);
    expect(latest.map((i) => i.label).filter((l) => /\(\d{4}-\d{2}\)$/.test(l))).toEqual([]);
    expect(latest.map((i) => i.id).filter((id) => /_\d{4}_\d{2}$/.test(id))).toEqual([]);
    expect(latest.map((i) => i.id)).toContain('qof_hyp');
    expect(new Set(latest.map((i) => measureLabel(i))).size).toBe(latest.length);
    // Every indicator belongs to exactly one listed measure.
    for (const ind of inds) expect(latest.map((i) => i.id)).toContain(measureOf(inds, ind.id));
  });

  it('gives hypertension its two QOF years, latest first, from either year', () => {
    expect(periodsOf(inds, 'qof_hyp').map((p) => p.label)).toEqual(['2024-25', '2022-23']);
    expect(periodsOf(inds, 'qof_hyp_2022_23').map((p) => p.id)).toEqual(['qof_hyp', 'qof_hyp_2022_23']);
    expect(measureOf(inds, 'qof_hyp_2022_23')).toBe('qof_hyp');
  });

  it('names each earlier year as its measure', () => {
    for (const ind of inds.filter((i) => i.previousId)) {
      const prev = inds.find((i) => i.id === ind.previousId)!;
      expect(measureLabel(prev)).toBe(measureLabel(ind));
      expect(periodLabel(prev)).not.toBe(periodLabel(ind));
    }
  });
});
