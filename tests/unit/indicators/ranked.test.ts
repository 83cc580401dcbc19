/**
 * The ranked bar chart's data and geometry: synthetic areas and values (named as synthetic), then
 * the real built bundle (public/data/indicators.json).
 */
import { describe, expect, it } from 'vitest';
import { NEUTRAL_FILL, areaValues, fitText, rankedAriaLabel, rankedBars, rankedLayout, type RankedBar } from '../../../src/lib/indicators/ranked';
import { CATEGORY_STYLE, type Category } from '../../../src/lib/indicators/benchmark';
import { areaValue, boroughValue, type PlaceValue } from '../../../src/lib/indicators/value';
import { indicator, loadBundle, record } from '../../fixtures/bundle';

const pv = (value: number | null, category: Category = 'NotCompared', lower?: number, upper?: number): PlaceValue => ({ value, lower, upper, category, method: 'synthetic' });

/** Synthetic: five areas, one with no value, two tied. */
const AREAS = {
  codes: ['S01', 'S02', 'S03', 'S04', 'S05'],
  names: ['Synthetic Beta', 'Synthetic Alpha', 'Synthetic Empty', 'Synthetic Gamma', 'Synthetic Delta'],
};
const VALUES = [pv(12, 'Similar', 10, 14), pv(12, 'Higher', 11.5, 12.5), pv(null), pv(20.5, 'Higher', 19, 22), pv(3, 'Lower', 2, 4)];
const INTERVAL_IND = record({ id: 'synthetic_prev', label: 'Synthetic prevalence', unit: '%', decimals: 1, kind: 'proportion', compare: 'interval', polarity: 'NoJudgement', qof: { condition: 'syn', year: '2024-25' } });
const SCORE_IND = record({ id: 'synthetic_score', label: 'Synthetic score', unit: 'score', decimals: 1, kind: 'score', compare: 'none', period: 'Synthetic 2025' });

describe('rankedBars (synthetic)', () => {
  const bars = rankedBars(INTERVAL_IND, AREAS, VALUES, 'S02');

  it('sorts highest first, ties by name, no data last', () => {
    expect(bars.map((b) => b.code)).toEqual(['S04', 'S02', 'S01', 'S05', 'S03']);
  });

  it.each<[string, string, string]>([
    ['S04', CATEGORY_STYLE.Higher.fill!, 'Synthetic Gamma (S04): 20.5%, 95% interval 19.0 to 22.0, higher than England'],
    ['S01', CATEGORY_STYLE.Similar.fill!, 'Synthetic Beta (S01): 12.0%, 95% interval 10.0 to 14.0, similar to England'],
    ['S05', CATEGORY_STYLE.Lower.fill!, 'Synthetic Delta (S05): 3.0%, 95% interval 2.0 to 4.0, lower than England'],
    ['S03', NEUTRAL_FILL, 'Synthetic Empty (S03): no data'],
  ])('%s is filled by its category and titled in words', (code, fill, title) => {
    const b = bars.find((x) => x.code === code)!;
    expect(b.fill).toBe(fill);
    expect(b.title).toBe(title);
  });

  it('marks only the selected area', () => {
    expect(bars.filter((b) => b.selected).map((b) => b.code)).toEqual(['S02']);
  });

  it('fills every bar neutral where the indicator has no intervals, and says no comparison', () => {
    const plain = rankedBars(SCORE_IND, AREAS, [pv(1), pv(2), pv(null), pv(-3), pv(4)], null);
    expect(new Set(plain.map((b) => b.fill))).toEqual(new Set([NEUTRAL_FILL]));
    expect(plain.map((b) => b.code)).toEqual(['S05', 'S02', 'S01', 'S04', 'S03']);
    expect(plain[0].title).toBe('Synthetic Delta (S05): 4.0');
  });

  it('fills an interval indicator’s area with no interval neutral', () => {
    const [b] = rankedBars(INTERVAL_IND, { codes: ['S09'], names: ['Synthetic Lone'] }, [pv(5)], null);
    expect(b.fill).toBe(NEUTRAL_FILL);
  });
});

describe('rankedLayout (synthetic)', () => {
  const bars = rankedBars(INTERVAL_IND, AREAS, VALUES, null);
  const refs = { england: 15, borough: 16, boroughName: 'Synthetic Borough' };
  const L = rankedLayout(bars, INTERVAL_IND, refs, { width: 600 });
  const x = (v: number) => L.plotLeft + ((v - L.ticks[0].value) / (L.ticks[L.ticks.length - 1].value - L.ticks[0].value)) * (L.plotRight - L.plotLeft);

  it('gives each area a 14 px row, in order, inside the drawing', () => {
    expect(L.rowHeight).toBe(14);
    expect(L.rows.map((r) => r.y)).toEqual(bars.map((_, k) => L.top + k * 14));
    expect(L.bottom).toBe(L.top + 5 * 14);
    expect(L.height).toBeGreaterThan(L.bottom);
    expect(L.width).toBe(600);
  });

  it('draws bars from zero to the value, and whiskers at the interval', () => {
    expect(L.ticks[0].value).toBe(0);
    expect(L.zeroX).toBeCloseTo(L.plotLeft, 6);
    const top = L.rows[0];
    expect(top.rect!.x).toBeCloseTo(L.zeroX, 6);
    expect(top.rect!.x + top.rect!.width).toBeCloseTo(x(20.5), 6);
    expect(top.whisker!.x1).toBeCloseTo(x(19), 6);
    expect(top.whisker!.x2).toBeCloseTo(x(22), 6);
    expect(top.whisker!.y).toBe(top.y + 7);
    // Longer value, longer bar.
    expect(L.rows[0].rect!.width).toBeGreaterThan(L.rows[1].rect!.width);
  });

  it('leaves no bar and writes "no data" for an area with no value', () => {
    const last = L.rows[L.rows.length - 1];
    expect(last.rect).toBeNull();
    expect(last.whisker).toBeNull();
    expect(last.valueText).toBe('no data');
  });

  it('puts the plot between the names and the values, with ticks inside it', () => {
    expect(L.labelRight).toBeLessThan(L.plotLeft);
    expect(L.plotRight).toBeLessThan(L.width);
    for (const t of L.ticks) {
      expect(t.x).toBeGreaterThanOrEqual(L.plotLeft - 1e-6);
      expect(t.x).toBeLessThanOrEqual(L.plotRight + 1e-6);
    }
    expect(L.ticks.map((t) => t.label)).toContain('10');
  });

  it('draws England dashed and the borough solid, each labelled on its own line above the rows', () => {
    const [eng, bor] = L.lines;
    expect(eng).toMatchObject({ key: 'england', label: 'England 15.0%', dashed: true });
    expect(bor).toMatchObject({ key: 'borough', label: 'Synthetic Borough 16.0%', dashed: false });
    expect(eng.x).toBeCloseTo(x(15), 6);
    expect(bor.x).toBeCloseTo(x(16), 6);
    expect(eng.labelY).not.toBe(bor.labelY);
    expect(Math.max(eng.labelY, bor.labelY)).toBeLessThan(L.top);
  });

  it('keeps a reference label inside the drawing near an edge', () => {
    const name = 'Synthetic Borough with a long name for its label';
    const high = rankedLayout(bars, INTERVAL_IND, { england: null, borough: 25, boroughName: name }, { width: 600 });
    expect(high.lines).toHaveLength(1);
    expect(high.lines[0].anchor).toBe('end');
    expect(high.lines[0].labelX).toBeLessThanOrEqual(600);
    const low = rankedLayout(bars, INTERVAL_IND, { england: null, borough: 0.5, boroughName: name }, { width: 600 });
    expect(low.lines[0].anchor).toBe('start');
    expect(low.lines[0].labelX).toBeGreaterThanOrEqual(0);
  });

  it('draws negative values to the left of zero', () => {
    const neg = rankedBars(SCORE_IND, AREAS, [pv(1), pv(2), pv(null), pv(-3), pv(4)], null);
    const NL = rankedLayout(neg, SCORE_IND, { england: 0, borough: null, boroughName: 'Synthetic Borough' }, { width: 400 });
    const row = NL.rows.find((r) => r.bar.code === 'S04')!;
    expect(NL.zeroX).toBeGreaterThan(NL.plotLeft);
    expect(row.rect!.x + row.rect!.width).toBeCloseTo(NL.zeroX, 6);
    expect(NL.ticks.some((t) => t.value < 0)).toBe(true);
  });

  it('shortens long names on a narrow screen instead of overlapping the bars', () => {
    const long: RankedBar[] = bars.map((b) => ({ ...b, name: `${b.name} with a very long synthetic name indeed` }));
    const narrow = rankedLayout(long, INTERVAL_IND, refs, { width: 320 });
    expect(narrow.labelRight).toBeLessThanOrEqual(320 * 0.4);
    for (const r of narrow.rows) {
      expect(r.label.endsWith('…')).toBe(true);
      expect(r.label.length * narrow.fontSize * 0.56).toBeLessThanOrEqual(narrow.labelRight);
    }
  });

  it.each([
    ['Synthetic Alpha', 20, 'Synthetic Alpha'],
    ['Synthetic Alpha', 11, 'Synthetic…'],
    ['Synthetic Alpha', 9, 'Syntheti…'],
    ['Synthetic Alpha', 1, '…'],
  ])('fitText(%s, %d) = %s', (text, max, want) => {
    expect(fitText(text, max)).toBe(want);
  });
});

describe('rankedAriaLabel (synthetic)', () => {
  it.each<[string, Parameters<typeof rankedAriaLabel>, string]>([
    [
      'intervals and both lines',
      [INTERVAL_IND, 'ward', { england: 14.8, borough: 15.9, boroughName: 'Synthetic Borough' }, rankedBars(INTERVAL_IND, AREAS, VALUES, null)],
      'Bar chart: Synthetic prevalence 2024-25 by ward, highest first, bars coloured by comparison with England, with 95% intervals and the England (14.8%) and Synthetic Borough (15.9%) values as lines, 1 area has no data',
    ],
    [
      'no intervals, England only, by LSOA',
      [SCORE_IND, 'lsoa', { england: 21.8, borough: null, boroughName: 'Synthetic Borough' }, rankedBars(SCORE_IND, AREAS, [pv(1), pv(2), pv(3), pv(4), pv(5)], null)],
      'Bar chart: Synthetic score, Synthetic 2025, by LSOA, highest first, with the England (21.8) value as a line',
    ],
  ])('%s', (_name, args, want) => {
    expect(rankedAriaLabel(...args)).toBe(want);
  });
});

describe('the real built bundle', () => {
  const bundle = loadBundle();
  const hyp = indicator(bundle, 'qof_hyp');

  it('charts hypertension by ward: every ward, highest first, coloured by its comparison with England', () => {
    const wards = bundle.areas.ward;
    const values = areaValues(hyp, 'ward', wards.codes.length);
    expect(values).toEqual(wards.codes.map((_, i) => areaValue(hyp, 'ward', i)));
    const bars = rankedBars(hyp, wards, values, wards.codes[0]);
    expect(bars).toHaveLength(wards.codes.length);
    const vs = bars.map((b) => b.value!);
    expect(vs).toEqual([...vs].sort((a, b) => b - a));
    for (const b of bars) {
      expect(b.lower).not.toBeNull();
      expect(b.fill).toBe(CATEGORY_STYLE[b.category].fill);
    }
    const label = rankedAriaLabel(hyp, 'ward', { england: hyp.england?.value, borough: boroughValue(hyp).value, boroughName: bundle.place.name }, bars);
    expect(label).toMatch(/^Bar chart: Hypertension 2024-25 by ward, highest first, .*with 95% intervals and the England \(\d+\.\d%\) and Stockton-on-Tees \(\d+\.\d%\) values as lines$/);
  });

  it('gives 124 LSOAs a 14 px row each', () => {
    const lsoa = bundle.areas.lsoa;
    const bars = rankedBars(hyp, lsoa, areaValues(hyp, 'lsoa', lsoa.codes.length), null);
    const L = rankedLayout(bars, hyp, { england: hyp.england?.value, borough: boroughValue(hyp).value, boroughName: bundle.place.name }, { width: 560 });
    expect(L.rows).toHaveLength(124);
    expect(L.bottom - L.top).toBe(124 * 14);
    // Names fit without shortening at this width.
    expect(L.rows.every((r) => !r.label.endsWith('…'))).toBe(true);
  });
});
