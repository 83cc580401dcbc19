import { describe, expect, it } from 'vitest';
import {
  areaCategory,
  areaInterval,
  buildChoropleth,
  decileLabel,
  DECILE_PALETTE,
  diffFills,
  hasCompare,
  VALUE_PALETTE,
  type FillStates,
} from '../../../src/lib/indicators/choropleth';
import { CATEGORY_STYLE } from '../../../src/lib/indicators/benchmark';
import { wilsonInterval } from '../../../src/lib/indicators/intervals';
import type { IndicatorValues } from '../../../src/lib/core/types';
import { record } from '../../fixtures/bundle';


// ---------------------------------------------------------------- value mode
const valueCodes = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07', 'A08', 'A09', 'A10', 'A11'];
const valueData: IndicatorValues = {
  values: [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, null],
  // quantile breaks for 10..100: h = 1.8, 3.6, 5.4, 7.2 -> 28, 46, 64, 82
  breaks: { quantile: [28, 46, 64, 82], jenks: [25, 55, 75, 95] },
};
const valueInd = record({ kind: 'score', compare: 'decile', england: { value: 50, statistic: 'x' }, data: { ward: valueData } });

describe('buildChoropleth: value mode', () => {
  const c = buildChoropleth(valueInd, 'ward', valueCodes, 'value', 'quantile');

  it('legend has 5 classes plus No data', () => {
    expect(c.legend).toHaveLength(6);
    expect(c.legend.slice(0, 5).map((l) => l.color)).toEqual([...VALUE_PALETTE]);
    expect(c.legend[5]).toEqual({ color: null, label: 'No data' });
  });

  it('legend labels are class ranges from the data extent and breaks, with decimals and unit', () => {
    expect(c.legend.slice(0, 5).map((l) => l.label)).toEqual([
      '10.0% to 28.0%',
      '28.0% to 46.0%',
      '46.0% to 64.0%',
      '64.0% to 82.0%',
      '82.0% to 100.0%',
    ]);
  });

  it('marks England (50) in class 3 only', () => {
    expect(c.legend.map((l) => !!l.england)).toEqual([false, false, true, false, false, false]);
  });

  it.each([
    ['A01', 0],
    ['A02', 0],
    ['A03', 1], // 30 >= 28
    ['A05', 2],
    ['A07', 3],
    ['A09', 4], // 90 >= 82
    ['A10', 4],
  ])('%s is filled with class %i', (code, k) => {
    expect(c.fills[code]).toBe(VALUE_PALETTE[k]);
    expect(c.labels[code]).toBe(`Class ${k + 1} of 5`);
  });

  it('an area with no value has no fill and says No data', () => {
    expect(c.fills.A11).toBeNull();
    expect(c.labels.A11).toBe('No data');
  });

  it('fills every code', () => {
    expect(Object.keys(c.fills).sort()).toEqual([...valueCodes].sort());
  });

  it('title carries the unit', () => {
    expect(c.title).toBe('Test indicator (%)');
  });

  it('uses the chosen classification method', () => {
    const j = buildChoropleth(valueInd, 'ward', valueCodes, 'value', 'jenks');
    // 50: quantile class 3 (46–64) vs jenks class 2 (25–55); 90: quantile class 5 (>= 82) vs jenks class 4 (75–95).
    expect(c.fills.A05).toBe(VALUE_PALETTE[2]);
    expect(j.fills.A05).toBe(VALUE_PALETTE[1]);
    expect(c.fills.A09).toBe(VALUE_PALETTE[4]);
    expect(j.fills.A09).toBe(VALUE_PALETTE[3]);
    expect(j.legend[0].label).toBe('10.0% to 25.0%');
    expect(j.legend[4].label).toBe('95.0% to 100.0%');
    // England (50) is in jenks class 2.
    expect(j.legend.map((l) => !!l.england)).toEqual([false, true, false, false, false, false]);
  });

  it.each([
    [28, 1, 'on a break -> upper class'],
    [10, 0, 'at the minimum'],
    [100, 4, 'at the maximum'],
    [82.5, 4, 'inside the top class'],
  ])('England %s marks class %i (%s)', (value, k) => {
    const ind = record({ ...valueInd, england: { value, statistic: 'x' } });
    const legend = buildChoropleth(ind, 'ward', valueCodes, 'value', 'quantile').legend;
    expect(legend.findIndex((l) => l.england)).toBe(k);
    expect(legend.filter((l) => l.england)).toHaveLength(1);
  });

  it.each([5, 101])('England %s outside the data range marks no class', (value) => {
    const ind = record({ ...valueInd, england: { value, statistic: 'x' } });
    expect(buildChoropleth(ind, 'ward', valueCodes, 'value', 'quantile').legend.some((l) => l.england)).toBe(false);
  });

  it('no England comparator marks no class', () => {
    const ind = record({ ...valueInd, england: undefined });
    expect(buildChoropleth(ind, 'ward', valueCodes, 'value', 'quantile').legend.some((l) => l.england)).toBe(false);
  });

  it('non-% units are not appended to legend labels', () => {
    const ind = record({ ...valueInd, unit: 'score', decimals: 0 });
    const r = buildChoropleth(ind, 'ward', valueCodes, 'value', 'quantile');
    expect(r.legend[0].label).toBe('10 to 28');
    expect(r.title).toBe('Test indicator (score)');
  });

  it('fewer breaks -> fewer classes (ties deduplicated upstream)', () => {
    const ind = record({ data: { ward: { values: [0, 0, 0, 1, null], breaks: { quantile: [1], jenks: [1] } } } });
    const r = buildChoropleth(ind, 'ward', ['a', 'b', 'c', 'd', 'e'], 'value', 'quantile');
    expect(r.legend.map((l) => l.color)).toEqual([VALUE_PALETTE[0], VALUE_PALETTE[1], null]);
    expect(r.labels.d).toBe('Class 2 of 2');
    expect(r.fills.e).toBeNull();
  });

  it('all values missing -> only a No data legend entry, no fills', () => {
    const ind = record({ data: { ward: { values: [null, null], breaks: { quantile: [], jenks: [] } } } });
    const r = buildChoropleth(ind, 'ward', ['a', 'b'], 'value', 'quantile');
    expect(r.legend).toEqual([{ color: null, label: 'No data' }]);
    expect(r.fills).toEqual({ a: null, b: null });
  });

  it('compare mode on an indicator with compare "none" falls back to the value map', () => {
    const ind = record({ ...valueInd, compare: 'none' });
    const r = buildChoropleth(ind, 'ward', valueCodes, 'benchmark', 'quantile');
    expect(r).toEqual(buildChoropleth(ind, 'ward', valueCodes, 'value', 'quantile'));
  });

  it('geography with no data: every area unfilled, with a title saying so', () => {
    const r = buildChoropleth(valueInd, 'lsoa', ['x', 'y'], 'value', 'quantile');
    expect(r.fills).toEqual({ x: null, y: null });
    expect(r.legend).toEqual([{ color: null, label: 'No data' }]);
    expect(r.title).toBe('Test indicator is not available for this geography');
  });
});

// -------------------------------------------------------------- compare mode
// England 20%. Areas, with 95% Wilson intervals (×100):
//   W1 300/1000 = 30%  -> about 27.2–32.9, wholly above 20 -> Worse (LowIsGood)
//   W2 100/1000 = 10%  -> about 8.3–12.0, wholly below    -> Better
//   W3  20/100  = 20%  -> about 13.3–28.9, overlaps       -> Similar
//   W4  13/50   = 26%  -> about 15.9–39.6, overlaps       -> Similar
//   W5 no numerator                                        -> NotCompared
//   W6 denominator 0                                       -> NotCompared
const cmpCodes = ['W1', 'W2', 'W3', 'W4', 'W5', 'W6'];
const cmpData: IndicatorValues = {
  values: [30, 10, 20, 26, null, null],
  numerators: [300, 100, 20, 13, null, 0],
  denominators: [1000, 1000, 100, 50, 200, 0],
  breaks: { quantile: [15, 25], jenks: [15, 25] },
};
const cmpInd = record({
  kind: 'proportion',
  compare: 'interval',
  polarity: 'LowIsGood',
  england: { value: 20, statistic: 'x', numerator: 2000, denominator: 10000 },
  data: { ward: cmpData },
});

describe('areaInterval / areaCategory', () => {
  it('areaInterval is the Wilson interval on the percentage scale', () => {
    const w = wilsonInterval(300, 1000)!;
    const a = areaInterval(cmpInd, 'ward', 0)!;
    expect(a.lower).toBeCloseTo(w.lower * 100, 10);
    expect(a.upper).toBeCloseTo(w.upper * 100, 10);
    expect(a.lower).toBeGreaterThan(27);
    expect(a.upper).toBeLessThan(33);
  });

  it('99.8% interval is wider than 95%', () => {
    const a = areaInterval(cmpInd, 'ward', 2, 0.95)!;
    const b = areaInterval(cmpInd, 'ward', 2, 0.998)!;
    expect(b.lower).toBeLessThan(a.lower);
    expect(b.upper).toBeGreaterThan(a.upper);
  });

  it.each([
    [4, 'missing numerator'],
    [5, 'zero denominator'],
    [99, 'index out of range'],
  ])('area %i (%s) has no interval', (i) => {
    expect(areaInterval(cmpInd, 'ward', i)).toBeNull();
  });

  it.each(['none', 'decile'] as const)('an indicator with compare "%s" has no interval, even with counts', (compare) => {
    expect(areaInterval(record({ ...cmpInd, compare }), 'ward', 0)).toBeNull();
  });

  it('no data for the geography -> null interval', () => {
    expect(areaInterval(cmpInd, 'msoa', 0)).toBeNull();
  });

  it.each([
    [0, 'Worse'],
    [1, 'Better'],
    [2, 'Similar'],
    [3, 'Similar'],
    [4, 'NotCompared'],
    [5, 'NotCompared'],
  ])('area %i -> %s', (i, cat) => {
    expect(areaCategory(cmpInd, 'ward', i)).toBe(cat);
  });

  it('W4 (13/50) is Similar at 95% and at 99.8%, but a bigger area with the same rate is Worse', () => {
    expect(areaCategory(cmpInd, 'ward', 3, 0.998)).toBe('Similar');
    const big = record({ ...cmpInd, data: { ward: { ...cmpData, numerators: [2600], denominators: [10000] } } });
    expect(areaCategory(big, 'ward', 0)).toBe('Worse');
  });

  it('an indicator without interval comparison is never compared', () => {
    expect(areaCategory(record({ ...cmpInd, compare: 'decile' }), 'ward', 0)).toBe('NotCompared');
    expect(areaCategory(record({ ...cmpInd, compare: 'none' }), 'ward', 1)).toBe('NotCompared');
  });

  it('no England value -> NotCompared', () => {
    expect(areaCategory(record({ ...cmpInd, england: undefined }), 'ward', 0)).toBe('NotCompared');
  });
});

describe('buildChoropleth: compare mode (interval)', () => {
  const c = buildChoropleth(cmpInd, 'ward', cmpCodes, 'benchmark', 'quantile');

  it.each([
    ['W1', 'Worse'],
    ['W2', 'Better'],
    ['W3', 'Similar'],
    ['W4', 'Similar'],
    ['W5', 'NotCompared'],
    ['W6', 'NotCompared'],
  ] as const)('%s -> %s fill and words', (code, cat) => {
    expect(c.fills[code]).toBe(CATEGORY_STYLE[cat].fill);
    expect(c.labels[code]).toBe(CATEGORY_STYLE[cat].words);
  });

  it('legend: Better, Similar, Worse, Not compared', () => {
    expect(c.legend).toEqual([
      { color: CATEGORY_STYLE.Better.fill, label: 'Better than England (95%)' },
      { color: CATEGORY_STYLE.Similar.fill, label: 'Similar to England (95%)' },
      { color: CATEGORY_STYLE.Worse.fill, label: 'Worse than England (95%)' },
      { color: null, label: 'Not compared' },
    ]);
  });

  it('title gives England’s value with unit', () => {
    expect(c.title).toBe('Compared with England (20.0%), 95% confidence interval');
  });

  it('HighIsGood swaps Better and Worse', () => {
    const r = buildChoropleth(record({ ...cmpInd, polarity: 'HighIsGood' }), 'ward', cmpCodes, 'benchmark', 'quantile');
    expect(r.fills.W1).toBe(CATEGORY_STYLE.Better.fill);
    expect(r.fills.W2).toBe(CATEGORY_STYLE.Worse.fill);
    expect(r.fills.W3).toBe(CATEGORY_STYLE.Similar.fill);
  });

  it('NoJudgement uses Lower / Similar / Higher', () => {
    const r = buildChoropleth(record({ ...cmpInd, polarity: 'NoJudgement' }), 'ward', cmpCodes, 'benchmark', 'quantile');
    expect(r.fills.W1).toBe(CATEGORY_STYLE.Higher.fill);
    expect(r.fills.W2).toBe(CATEGORY_STYLE.Lower.fill);
    expect(r.labels.W1).toBe('Higher than England');
    expect(r.legend.map((l) => l.label)).toEqual(['Lower than England (95%)', 'Similar to England (95%)', 'Higher than England (95%)', 'Not compared']);
  });

  it('value mode on the same indicator gives value classes, not categories', () => {
    const v = buildChoropleth(cmpInd, 'ward', cmpCodes, 'value', 'quantile');
    expect(v.fills.W1).toBe(VALUE_PALETTE[2]);
    expect(v.fills.W2).toBe(VALUE_PALETTE[0]);
    expect(v.fills.W5).toBeNull();
  });
});

// --------------------------------------------------------------- decile mode
describe('buildChoropleth: decile mode', () => {
  const codes = ['L1', 'L2', 'L3', 'L4'];
  const decileInd = record({
    kind: 'decile',
    compare: 'decile',
    polarity: 'HighIsGood',
    unit: 'decile',
    decimals: 0,
    data: { lsoa: { values: [1, 5, 10, null], breaks: { quantile: [5], jenks: [5] } } },
  });

  it.each(['value', 'benchmark'] as const)('a decile indicator in %s mode is coloured by decile', (mode) => {
    const r = buildChoropleth(decileInd, 'lsoa', codes, mode, 'quantile');
    expect(r.fills).toEqual({ L1: DECILE_PALETTE[0], L2: DECILE_PALETTE[4], L3: DECILE_PALETTE[9], L4: null });
    expect(r.labels).toEqual({ L1: 'National decile 1', L2: 'National decile 5', L3: 'National decile 10', L4: 'No data' });
    expect(r.legend).toHaveLength(11);
    expect(r.legend[0]).toEqual({ color: DECILE_PALETTE[0], label: '1 – most deprived 10% in England' });
    expect(r.legend[9]).toEqual({ color: DECILE_PALETTE[9], label: '10 – least deprived 10% in England' });
    expect(r.legend[4].label).toBe('5');
    expect(r.legend[10]).toEqual({ color: null, label: 'No data' });
    expect(r.title).toMatch(/National deprivation decile/);
  });

  const scoreInd = record({
    kind: 'score',
    compare: 'decile',
    unit: 'score',
    data: { ward: { values: [45.2, 12.1, 30], deciles: [1, 8, null], breaks: { quantile: [20, 40], jenks: [20, 40] } } },
  });

  it('a score with national deciles uses them in compare mode', () => {
    const r = buildChoropleth(scoreInd, 'ward', ['a', 'b', 'c'], 'benchmark', 'quantile');
    expect(r.fills).toEqual({ a: DECILE_PALETTE[0], b: DECILE_PALETTE[7], c: null });
  });

  it('… and its values in value mode', () => {
    const r = buildChoropleth(scoreInd, 'ward', ['a', 'b', 'c'], 'value', 'quantile');
    expect(r.fills).toEqual({ a: VALUE_PALETTE[2], b: VALUE_PALETTE[0], c: VALUE_PALETTE[1] });
  });

  it('compare mode with no deciles for the geography -> all No data', () => {
    const ind = record({ ...scoreInd, data: { ward: { values: [1, 2], breaks: { quantile: [], jenks: [] } } } });
    const r = buildChoropleth(ind, 'ward', ['a', 'b'], 'benchmark', 'quantile');
    expect(r.fills).toEqual({ a: null, b: null });
  });

  it('DECILE_PALETTE has 10 distinct colours', () => {
    expect(DECILE_PALETTE).toHaveLength(10);
    expect(new Set(DECILE_PALETTE).size).toBe(10);
  });

  it.each([
    [1, '1 – most deprived 10% in England'],
    [2, '2'],
    [9, '9'],
    [10, '10 – least deprived 10% in England'],
  ])('decileLabel(%i) = %s', (d, label) => {
    expect(decileLabel(d)).toBe(label);
  });
});

describe('hasCompare', () => {
  it.each([
    ['interval', true],
    ['decile', true],
    ['none', false],
  ] as const)('compare %s -> %s', (compare, yes) => {
    expect(hasCompare(record({ compare }))).toBe(yes);
  });
});

// --------------------------------------------------------------- diffFills
describe('diffFills', () => {
  const cases: [string, FillStates, FillStates, [string, string | null][]][] = [
    ['identical -> nothing', { a: '#111', b: null }, { a: '#111', b: null }, []],
    ['one colour changed', { a: '#111', b: '#222' }, { a: '#111', b: '#333' }, [['b', '#333']]],
    ['colour to no fill', { a: '#111' }, { a: null }, [['a', null]]],
    ['no fill to colour', { a: null }, { a: '#111' }, [['a', '#111']]],
    ['new code', { a: '#111' }, { a: '#111', b: '#222' }, [['b', '#222']]],
    ['removed code is cleared', { a: '#111', b: '#222' }, { a: '#111' }, [['b', null]]],
    ['from empty', {}, { a: '#111', b: null }, [['a', '#111'], ['b', null]]],
    ['to empty', { a: '#111' }, {}, [['a', null]]],
    ['both empty', {}, {}, []],
  ];
  it.each(cases)('%s', (_label, prev, next, expected) => {
    expect(diffFills(prev, next)).toEqual(expected);
  });

  it('between two real views returns exactly the codes whose fill differs', () => {
    const a = buildChoropleth(valueInd, 'ward', valueCodes, 'value', 'quantile').fills;
    const b = buildChoropleth(valueInd, 'ward', valueCodes, 'value', 'jenks').fills;
    const diff = diffFills(a, b);
    const changed = valueCodes.filter((c) => a[c] !== b[c]);
    expect(diff.map(([c]) => c).sort()).toEqual(changed.sort());
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.length).toBeLessThan(valueCodes.length);
    // Applying the diff to prev gives next.
    const applied = { ...a };
    for (const [c, f] of diff) applied[c] = f;
    expect(applied).toEqual(b);
  });
});
