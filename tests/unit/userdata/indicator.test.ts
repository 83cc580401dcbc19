/**
 * A person's dataset as an indicator record: values, aggregates checked against pooled values worked out by
 * hand, comparison with England (Wilson intervals from counts, or published limits), labels, and a
 * round-trip property over generated valid files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorBundle } from '../../../src/lib/core/types';
import { checkTable } from '../../../src/lib/userdata/check';
import { buildUserIndicator } from '../../../src/lib/userdata/indicator';
import { parseCsvText } from '../../../src/lib/userdata/parse';
import type { ColumnChoice, UserDataset, UserIndicatorSpec } from '../../../src/lib/userdata/types';
import { areaValue, boroughValue, poolLsoas } from '../../../src/lib/indicators/value';
import { wilsonInterval } from '../../../src/lib/indicators/intervals';
import { jenksBreaks, quantileBreaks } from '../../../src/lib/indicators/classify';
import { bundle, fixtureTable } from './helpers';

const { lsoa, msoa, ward } = bundle.areas;
const POP = lsoa.residents;

function dataset(fileName: string, choice: ColumnChoice, spec: Partial<UserIndicatorSpec> = {}, b: IndicatorBundle = bundle): UserDataset {
  const { report, checked } = checkTable(fixtureTable(fileName), choice, b);
  if (!checked) throw new Error(report.errors.join(' '));
  return {
    id: 'user_test',
    fileName,
    addedAt: '2026-01-01T00:00:00Z',
    spec: { name: 'Synthetic measure', unit: '%', polarity: 'LowIsGood', period: '2024', england: 12, decimals: 1, columns: choice, ...spec },
    checked,
    notes: [report.geographyNote, ...report.warnings],
  };
}

const COUNTS: ColumnChoice = { area: 'lsoa21cd', value: 'value', count: 'numerator', denominator: 'denominator' };
const t = fixtureTable('synthetic-lsoa-counts.csv');
const row = (code: string) => t.rows.find((r) => r[0] === code)!;
const n = (code: string) => Number(row(code)[2]);
const d = (code: string) => Number(row(code)[3]);

describe('an LSOA file with counts', () => {
  const ind = buildUserIndicator(bundle, dataset('synthetic-lsoa-counts.csv', COUNTS));

  it('is labelled as the person’s own data', () => {
    expect(ind).toMatchObject({
      id: 'user_test',
      label: 'Synthetic measure',
      theme: 'Your data',
      unit: '%',
      decimals: 1,
      polarity: 'LowIsGood',
      period: '2024',
      licence: 'Your own data',
      userFile: 'synthetic-lsoa-counts.csv',
      source: 'Your file: synthetic-lsoa-counts.csv (not published; loaded in this browser only)',
      kind: 'proportion',
      compare: 'interval',
      england: { value: 12, statistic: 'England value as entered by you' },
      derived: { lsoa: false, msoa: true, ward: true },
    });
    expect(ind.geographyMethod.lsoa).toBe('From your file.');
    expect(ind.geographyMethod.msoa).toMatch(/Derived from your LSOA values: counts summed, then divided/);
    expect(ind.geographyMethod.ward).toMatch(/area overlap/);
    expect(ind.method).toMatch(/count ÷ denominator × 100.*Wilson/);
  });

  it('LSOA values are count ÷ denominator × 100', () => {
    lsoa.codes.forEach((c, i) => expect(ind.data.lsoa!.values[i]).toBeCloseTo((n(c) / d(c)) * 100, 6));
  });

  it('an MSOA’s value is the sum of its LSOAs’ counts over the sum of their denominators', () => {
    msoa.codes.forEach((_, m) => {
      const mine = lsoa.codes.filter((_, i) => bundle.lsoaLinks.msoa[i] === m);
      const num = mine.reduce((s, c) => s + n(c), 0);
      const den = mine.reduce((s, c) => s + d(c), 0);
      expect(ind.data.msoa!.numerators![m]).toBe(num);
      expect(ind.data.msoa!.denominators![m]).toBe(den);
      expect(ind.data.msoa!.values[m]).toBeCloseTo((num / den) * 100, 6);
    });
  });

  it('a ward’s value pools its LSOA parts by their overlap weights', () => {
    const parts = bundle.lsoaLinks.wardParts!;
    expect(parts).toBeDefined();
    ward.codes.forEach((_, w) => {
      const num = parts[w].reduce((s, [i, wt]) => s + n(lsoa.codes[i]) * wt, 0);
      const den = parts[w].reduce((s, [i, wt]) => s + d(lsoa.codes[i]) * wt, 0);
      expect(ind.data.ward!.values[w]).toBeCloseTo((num / den) * 100, 5);
    });
  });

  it('the borough pools every LSOA', () => {
    const num = lsoa.codes.reduce((s, c) => s + n(c), 0);
    const den = lsoa.codes.reduce((s, c) => s + d(c), 0);
    expect(ind.borough).toMatchObject({ numerator: num, denominator: den });
    expect(ind.borough!.value).toBeCloseTo((num / den) * 100, 9);
    const ci = wilsonInterval(num, den)!;
    expect(boroughValue(ind).lower).toBeCloseTo(ci.lower * 100, 9);
  });

  it('breaks as the build computes them', () => {
    for (const geo of ['lsoa', 'msoa', 'ward'] as const) {
      const v = ind.data[geo]!.values;
      expect(ind.data[geo]!.breaks).toEqual({ quantile: quantileBreaks(v), jenks: jenksBreaks(v) });
      expect(ind.data[geo]!.breaks.quantile.length).toBeGreaterThan(0);
    }
  });

  it('is compared with England by Wilson interval, and pooled places too', () => {
    const i = 5;
    const v = areaValue(ind, 'lsoa', i);
    const ci = wilsonInterval(n(lsoa.codes[i]), d(lsoa.codes[i]))!;
    expect(v.lower).toBeCloseTo(ci.lower * 100, 9);
    expect(v.category).toBe(ci.lower * 100 > 12 ? 'Worse' : ci.upper * 100 < 12 ? 'Better' : 'Similar');
    const pooled = poolLsoas(bundle, ind, [0, 1, 2]);
    expect(pooled.numerator).toBe(n(lsoa.codes[0]) + n(lsoa.codes[1]) + n(lsoa.codes[2]));
    expect(pooled.category).not.toBe('NotCompared');
  });

  it('without an England value: not compared, and says why', () => {
    const no = buildUserIndicator(bundle, dataset('synthetic-lsoa-counts.csv', COUNTS, { england: null }));
    expect(no.compare).toBe('none');
    expect(no.england).toBeUndefined();
    expect(no.method).toMatch(/no England value was entered/);
    expect(areaValue(no, 'lsoa', 0).category).toBe('NotCompared');
  });

  it('a unit other than % makes a score (population-weighted), without counts in the record', () => {
    const s = buildUserIndicator(bundle, dataset('synthetic-lsoa-counts.csv', COUNTS, { unit: 'per 1,000' }));
    expect(s.kind).toBe('score');
    expect(s.compare).toBe('none');
    expect(s.data.lsoa!.numerators).toBeUndefined();
    const m = 3;
    const mine = lsoa.codes.map((_, i) => i).filter((i) => bundle.lsoaLinks.msoa[i] === m);
    const hand = mine.reduce((a, i) => a + Number(row(lsoa.codes[i])[4]) * POP[i], 0) / mine.reduce((a, i) => a + POP[i], 0);
    expect(s.data.msoa!.values[m]).toBeCloseTo(hand, 6);
    expect(s.geographyMethod.msoa).toMatch(/population-weighted mean of your LSOA values|population-weighted mean \(Census 2021/);
  });

  it('best-fit wards, said so, when the data has no ward parts', () => {
    const old: IndicatorBundle = { ...bundle, lsoaLinks: { ...bundle.lsoaLinks, wardParts: undefined } };
    const b = buildUserIndicator(old, dataset('synthetic-lsoa-counts.csv', COUNTS, {}, old));
    expect(b.geographyMethod.ward).toMatch(/best fit/);
    expect(b.method).toMatch(/best-fit ward/);
    const w = 4;
    const mine = lsoa.codes.filter((_, i) => bundle.lsoaLinks.ward[i] === w);
    const num = mine.reduce((s, c) => s + n(c), 0);
    const den = mine.reduce((s, c) => s + d(c), 0);
    expect(b.data.ward!.values[w]).toBeCloseTo((num / den) * 100, 6);
  });
});

describe('published limits', () => {
  const LIM: ColumnChoice = { area: 'LSOA code', value: 'Value', lower: 'Lower CI', upper: 'Upper CI' };
  const ind = buildUserIndicator(bundle, dataset('synthetic-lsoa-limits.csv', LIM, { unit: '%', england: 25, polarity: 'HighIsGood' }));
  const lt = fixtureTable('synthetic-lsoa-limits.csv');

  it('a score compared by interval, limits kept at LSOA only', () => {
    expect(ind.kind).toBe('score');
    expect(ind.compare).toBe('interval');
    expect(ind.data.lsoa!.lowers).toHaveLength(lsoa.codes.length);
    expect(ind.data.msoa!.lowers).toBeUndefined();
  });

  it('areaValue uses the limits for the category, as for Wilson intervals', () => {
    lsoa.codes.forEach((c, i) => {
      const r = lt.rows.find((x) => x[0] === c)!;
      const [lo, hi] = [Number(r[2]), Number(r[3])];
      const v = areaValue(ind, 'lsoa', i);
      expect([v.lower, v.upper]).toEqual([lo, hi]);
      expect(v.category).toBe(lo > 25 ? 'Better' : hi < 25 ? 'Worse' : 'Similar');
    });
    // 99.8% asked for: 95% limits do not answer it.
    const strict = areaValue(ind, 'lsoa', 0, 0.998);
    expect(strict.category).toBe('NotCompared');
    expect(strict.lower).toBeUndefined();
  });

  it('pooled places: population-weighted value, no interval, not compared, and said so; one LSOA keeps its limits', () => {
    const p = poolLsoas(bundle, ind, [0, 1, 2]);
    expect(p.category).toBe('NotCompared');
    expect(p.lower).toBeUndefined();
    expect(p.method).toMatch(/no interval for pooled values from published limits/);
    const hand = [0, 1, 2].reduce((s, i) => s + ind.data.lsoa!.values[i]! * POP[i], 0) / (POP[0] + POP[1] + POP[2]);
    expect(p.value).toBeCloseTo(hand, 9);
    const one = poolLsoas(bundle, ind, [7]);
    expect(one).toMatchObject({ value: ind.data.lsoa!.values[7], lower: ind.data.lsoa!.lowers![7], category: areaValue(ind, 'lsoa', 7).category });
  });

  it('an MSOA (aggregated) has no interval', () => {
    const m = areaValue(ind, 'msoa', 0);
    expect(m.category).toBe('NotCompared');
    expect(m.lower).toBeUndefined();
    expect(m.value).not.toBeNull();
  });
});

describe('MSOA and ward files stay at their own geography', () => {
  it('MSOA values', () => {
    const ind = buildUserIndicator(bundle, dataset('synthetic-msoa-values.csv', { area: 'MSOA21CD', value: 'score' }, { unit: 'score', england: null }));
    expect(Object.keys(ind.data)).toEqual(['msoa']);
    expect(ind.derived).toEqual({ msoa: false });
    expect(ind.geographyMethod).toEqual({ msoa: 'From your file.' });
    expect(ind.borough!.statistic).toMatch(/population-weighted mean of your MSOA values/);
  });
  it('ward names', () => {
    const ind = buildUserIndicator(bundle, dataset('synthetic-ward-names.csv', { area: 'Ward', value: 'Percent' }));
    expect(Object.keys(ind.data)).toEqual(['ward']);
    expect(ind.compare).toBe('none');
  });
});

describe('hostile text', () => {
  it('names and units are kept literally (never interpreted here; the interface renders text)', () => {
    const ds = dataset('synthetic-hostile.csv', { area: 'area', value: '<img src=x onerror=alert(1)> value' }, { name: '<img src=x onerror=alert(1)>', unit: '<b>%</b>' });
    const ind = buildUserIndicator(bundle, ds);
    expect(ind.label).toBe('<img src=x onerror=alert(1)>');
    expect(ind.unit).toBe('<b>%</b>');
    expect(ind.method).toContain('column "<img src=x onerror=alert(1)> value"');
  });
});

describe('round trip', () => {
  it('generated valid files: LSOA values equal count ÷ denominator × 100, MSOAs pool them', () => {
    const codes = lsoa.codes.map((c, i) => [c, i] as const);
    const rowArb = fc.integer({ min: 1, max: 5000 }).chain((den) => fc.tuple(fc.integer({ min: 0, max: den }), fc.constant(den)));
    fc.assert(
      fc.property(fc.shuffledSubarray(codes, { minLength: 1 }), fc.array(rowArb, { minLength: codes.length, maxLength: codes.length }), fc.constantFrom(',', ';', '\t'), (subset, nums, sep) => {
        const lines = ['area' + sep + 'n' + sep + 'd', ...subset.map(([c], k) => [c, nums[k][0], nums[k][1]].join(sep))];
        const table = parseCsvText(lines.join('\r\n'), 'generated.csv');
        const choice: ColumnChoice = { area: 'area', value: '', count: 'n', denominator: 'd' };
        const { report, checked } = checkTable(table, choice, bundle);
        expect(report.errors).toEqual([]);
        expect(report.matched).toBe(subset.length);
        expect(report.missingAreas).toHaveLength(codes.length - subset.length);
        const ind = buildUserIndicator(bundle, {
          id: 'user_gen',
          fileName: 'generated.csv',
          addedAt: '',
          spec: { name: 'g', unit: '%', polarity: 'NoJudgement', period: '', england: 50, decimals: 1, columns: choice },
          checked: checked!,
          notes: [],
        });
        const given = new Map(subset.map(([, i], k) => [i, nums[k]]));
        lsoa.codes.forEach((_, i) => {
          const g = given.get(i);
          if (g) expect(ind.data.lsoa!.values[i]).toBeCloseTo((g[0] / g[1]) * 100, 5);
          else expect(ind.data.lsoa!.values[i]).toBeNull();
        });
        msoa.codes.forEach((_, m) => {
          const mine = lsoa.codes.map((_, i) => i).filter((i) => bundle.lsoaLinks.msoa[i] === m);
          const v = ind.data.msoa!.values[m];
          if (mine.every((i) => given.has(i))) {
            const num = mine.reduce((s, i) => s + given.get(i)![0], 0);
            const den = mine.reduce((s, i) => s + given.get(i)![1], 0);
            expect(v).toBeCloseTo((num / den) * 100, 5);
          } else expect(v).toBeNull();
        });
      }),
      { numRuns: 60 },
    );
  });
});
