/**
 * The check report for each bad case (one synthetic fixture each), values mapped onto the bundle's area
 * order, 2011 codes mapped to 2021, and properties: checking never throws, and valid files check clean.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkTable } from '../../../src/lib/userdata/check';
import { parseCsvText } from '../../../src/lib/userdata/parse';
import type { ColumnChoice } from '../../../src/lib/userdata/types';
import { bundle, fixtureTable, realLookups, syntheticLookups, table } from './helpers';

const { lsoa, ward } = bundle.areas;
const N = lsoa.codes.length;
const check = (name: string, choice: ColumnChoice) => checkTable(fixtureTable(name), choice, bundle, realLookups);

describe('a clean file', () => {
  it('LSOA counts: every row matched, nothing to warn about, values in bundle order', () => {
    const { report, checked } = check('synthetic-lsoa-counts.csv', { area: 'lsoa21cd', value: 'value', count: 'numerator', denominator: 'denominator' });
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report).toMatchObject({ geography: 'lsoa', rows: N, matched: N, unknown: [], duplicates: [], nonNumeric: [], suppressed: 0, missingAreas: [], countOverDenominator: [] });
    const t = fixtureTable('synthetic-lsoa-counts.csv');
    expect(checked!.geography).toBe('lsoa');
    // Row order in the file need not be bundle order: each value lands on its own code.
    const i = 17;
    const row = t.rows.find((r) => r[0] === lsoa.codes[i])!;
    expect(checked!.numerators![i]).toBe(Number(row[2]));
    expect(checked!.denominators![i]).toBe(Number(row[3]));
    expect(checked!.values[i]).toBe(Number(row[4]));
  });
  it('ward names map to ward order', () => {
    const { report, checked } = check('synthetic-ward-names.csv', { area: 'Ward', value: 'Percent' });
    expect(report.errors).toEqual([]);
    expect(report.matched).toBe(27);
    expect(checked!.geography).toBe('ward');
    expect(checked!.values.every((v) => v != null && v >= 0 && v <= 40)).toBe(true);
  });
  it('semicolons and decimal commas', () => {
    const { report, checked } = check('synthetic-semicolon-decimal-comma.csv', { area: 'code', value: 'waarde', count: 'teller', denominator: 'noemer' });
    expect(report.nonNumeric).toEqual([]);
    expect(report.matched).toBe(20);
    expect(checked!.denominators![1]).toBe(1973);
    expect(checked!.values[0]).toBe(3.44);
    expect(report.missingAreas).toHaveLength(N - 20);
  });
  it('no value column: value = count ÷ denominator × 100', () => {
    const t = table(['code', 'n', 'd'], [[lsoa.codes[0], 5, 20]]);
    expect(checkTable(t, { area: 'code', value: '', count: 'n', denominator: 'd' }, bundle).checked!.values[0]).toBe(25);
  });
});

describe('each bad case', () => {
  it('unknown codes, with spreadsheet row numbers (header = row 1)', () => {
    const { report, checked } = check('synthetic-bad-unknown-codes.csv', { area: 'code', value: '', count: 'count', denominator: 'denominator' });
    expect(report.errors).toEqual([]);
    expect(report.unknown.map((u) => u.row)).toEqual([7, 8]);
    expect(report.unknown[0].text).toMatch(/"E01999999" is not one of Stockton-on-Tees’s 2021 LSOAs/);
    expect(report.matched).toBe(6);
    expect(report.warnings.join(' ')).toMatch(/2 rows are not Stockton-on-Tees 2021 LSOAs \(rows 7 and 8\)/);
    expect(checked!.values.filter((v) => v != null)).toHaveLength(6);
  });
  it('duplicates: the first row is kept, and the repeats listed', () => {
    const { report, checked } = check('synthetic-bad-duplicates.csv', { area: 'code', value: 'value' });
    expect(report.duplicates.map((d) => d.row)).toEqual([4, 6]);
    expect(report.duplicates[0].text).toMatch(/first in row 2/);
    expect(checked!.values[0]).toBe(1);
    expect(checked!.values[1]).toBe(2);
    expect(report.matched).toBe(3);
  });
  it('non-numeric values', () => {
    const { report, checked } = check('synthetic-bad-non-numeric.csv', { area: 'code', value: 'value' });
    expect(report.nonNumeric.map((d) => [d.row, d.text])).toEqual([
      [3, 'Column "value": "twelve" is not a number.'],
      [4, 'Column "value": "1.2.3" is not a number.'],
    ]);
    expect(checked!.values.slice(0, 4)).toEqual([1.5, null, null, 4]);
    expect(report.errors).toEqual([]);
  });
  it('suppressed values count as no data, not as zero', () => {
    const { report, checked } = check('synthetic-bad-suppressed.csv', { area: 'code', value: 'value' });
    expect(report.suppressed).toBe(5);
    expect(report.nonNumeric).toEqual([]);
    expect(checked!.values.slice(0, 6)).toEqual([null, null, null, null, null, 7]);
  });
  it('counts larger than denominators, and negative denominators', () => {
    const { report } = check('synthetic-bad-count-over-denominator.csv', { area: 'code', value: '', count: 'numerator', denominator: 'denominator' });
    expect(report.countOverDenominator.map((c) => c.row)).toEqual([3, 4]);
    expect(report.countOverDenominator[0].text).toBe('Count 150 is larger than denominator 100.');
    expect(report.warnings.join(' ')).toMatch(/negative count or denominator \(row 4\)/);
  });
  it('areas with no value, by name and code', () => {
    const { report } = check('synthetic-bad-missing-areas.csv', { area: 'code', value: 'value' });
    expect(report.missingAreas).toHaveLength(N - 100);
    expect(report.missingAreas[0]).toBe(`${lsoa.names[100]} (${lsoa.codes[100]})`);
    expect(report.warnings.join(' ')).toMatch(/24 of 124 2021 LSOAs have no value/);
    // Wards are listed by name.
    const w = checkTable(table(['w', 'v'], ward.names.slice(1).map((n) => [n, 1])), { area: 'w', value: 'v' }, bundle);
    expect(w.report.missingAreas).toEqual([ward.names[0]]);
  });
  it('limits that do not contain the value', () => {
    const t = table(['code', 'v', 'lo', 'hi'], [[lsoa.codes[0], 5, 6, 9], [lsoa.codes[1], 5, 4, 6], [lsoa.codes[2], 10, 4, 6]]);
    const { report, checked } = checkTable(t, { area: 'code', value: 'v', lower: 'lo', upper: 'hi' }, bundle);
    expect(report.warnings.join(' ')).toMatch(/2 rows have limits that do not contain the value.*rows 2 and 4/);
    expect(checked!.lowers!.slice(0, 3)).toEqual([6, 4, 4]);
  });
  it('errors block Apply: another place’s codes, no numbers, a missing column, no value column', () => {
    const other = check('synthetic-bad-not-this-place.csv', { area: 'lsoa21cd', value: 'value' });
    expect(other.checked).toBeNull();
    expect(other.report.geography).toBeNull();
    expect(other.report.errors.join(' ')).toMatch(/not Stockton-on-Tees LSOAs/);
    const none = check('synthetic-bad-no-numbers.csv', { area: 'code', value: 'value' });
    expect(none.checked).toBeNull();
    expect(none.report.errors).toEqual(['There are no numbers in column "value" for any recognised area.']);
    const missing = check('synthetic-lsoa-counts.csv', { area: 'lsoa21cd', value: 'rate' });
    expect(missing.report.errors).toEqual(['There is no column "rate" in the file (chosen as the value column).']);
    expect(check('synthetic-lsoa-counts.csv', { area: 'lsoa21cd', value: '' }).report.errors[0]).toMatch(/Choose the column that holds the values/);
    const nameless = check('synthetic-ward-names.csv', { area: 'Percent', value: 'Ward' });
    expect(nameless.report.errors[0]).toMatch(/Nothing in column "Percent"/);
  });
  it('a count without a denominator is not used, with a warning', () => {
    const { report, checked } = check('synthetic-lsoa-counts.csv', { area: 'lsoa21cd', value: 'value', count: 'numerator' });
    expect(report.warnings[0]).toMatch(/count column needs a denominator/);
    expect(checked!.numerators).toBeUndefined();
  });
  it('hostile text is carried as text only (the report never builds markup)', () => {
    const { report } = check('synthetic-hostile.csv', { area: 'area', value: '<img src=x onerror=alert(1)> value' });
    expect(report.unknown).toEqual([{ row: 4, text: '"<img src=x onerror=alert(1)>" is not one of Stockton-on-Tees’s 2021 LSOAs.' }]);
    expect(report.matched).toBe(2);
  });
  it('a code of another geography is explained', () => {
    const t = table(['code', 'v'], [[lsoa.codes[0], 1], [lsoa.codes[1], 2], [ward.codes[0], 3]]);
    expect(checkTable(t, { area: 'code', value: 'v' }, bundle).report.unknown[0].text).toMatch(/is a ward, but the file is read as 2021 LSOAs/);
  });
});

describe('2011 codes mapped to 2021', () => {
  const lk = syntheticLookups();
  const POP = lsoa.residents;
  it('counts split by weight and summed; values population-weighted; limits dropped where mapped', () => {
    const rows = [
      ['E01900001', 100, 1000, 10, 8, 12], // split: 40% to LSOA 0, 60% to LSOA 1
      ['E01900002', 30, 600, 5, 4, 6], // merged with E01900003 into LSOA 2
      ['E01900003', 10, 400, 2.5, 2, 3],
      [lsoa.codes[3], 7, 70, 10, 9, 11], // unchanged
    ];
    const t = table(['code', 'n', 'd', 'v', 'lo', 'hi'], rows);
    const { report, checked } = checkTable(t, { area: 'code', value: 'v', count: 'n', denominator: 'd', lower: 'lo', upper: 'hi' }, bundle, lk);
    expect(report.geography).toBe('lsoa11');
    expect(report.geographyNote).toMatch(/2011 LSOA codes.*mapped to 2021 LSOAs/);
    expect(checked!.geography).toBe('lsoa');
    expect(checked!.sourceGeography).toBe('lsoa11');
    expect(checked!.numerators!.slice(0, 4)).toEqual([40, 60, 40, 7]);
    expect(checked!.denominators!.slice(0, 4)).toEqual([400, 600, 1000, 70]);
    // A split area's parts take its value; merged parts are weighted by their estimated residents
    // (here both 2011 areas feed only LSOA 2, so they share its residents equally: a plain mean).
    expect(checked!.values[0]).toBeCloseTo(10, 12);
    expect(checked!.values[1]).toBeCloseTo(10, 12);
    expect(checked!.values[2]).toBeCloseTo((5 + 2.5) / 2, 12);
    expect(checked!.values[3]).toBe(10);
    expect(checked!.lowers!.slice(0, 4)).toEqual([null, null, null, 9]);
    expect(checked!.uppers!.slice(0, 4)).toEqual([null, null, null, 11]);
    expect(report.warnings.join(' ')).toMatch(/Published limits are dropped for 3 2021 LSOAs made from split or merged 2011 areas/);
    expect(POP[2]).toBeGreaterThan(0);
  });
  it('a 2021 area is missing a count when one of its 2011 parts has none (a partial sum would mislead)', () => {
    const t = table(['code', 'n', 'd', 'v'], [['E01900002', 30, 600, 5], ['E01900003', '*', '*', 4], [lsoa.codes[3], 1, 2, 3]]);
    const { checked, report } = checkTable(t, { area: 'code', value: 'v', count: 'n', denominator: 'd' }, bundle, lk);
    expect(report.geography).toBe('lsoa11');
    expect(checked!.numerators![2]).toBeNull();
    expect(checked!.values[2]).toBeCloseTo(4.5, 12);
  });
  it('the real 2011 fixture: every 2021 LSOA gets a value, counts add up', () => {
    const { report, checked } = check('synthetic-lsoa11-counts.csv', { area: 'LSOA11CD', value: 'rate', count: 'count', denominator: 'population' });
    expect(report.errors).toEqual([]);
    expect(report.geography).toBe('lsoa11');
    expect(report.missingAreas).toEqual([]);
    const t = fixtureTable('synthetic-lsoa11-counts.csv');
    const fileTotal = t.rows.reduce((s, r) => s + Number(r[1]), 0);
    const mappedTotal = checked!.numerators!.reduce<number>((s, v) => s + v!, 0);
    expect(mappedTotal).toBeCloseTo(fileTotal, 6);
  });
});

describe('properties', () => {
  it('parsing then checking never throws anything but our Error with a message', () => {
    const code = fc.constantFrom(...lsoa.codes, ...ward.names, 'E01999999', '', 'x', '<b>');
    const cell = fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('*', 'c', '1,234', '12%', '−3', '1e999', '..'), fc.double().map(String));
    const sep = fc.constantFrom(',', ';', '\t');
    const text = fc.oneof(
      fc.string(),
      fc.tuple(sep, fc.array(fc.tuple(code, cell, cell, cell), { maxLength: 20 })).map(([d, rows]) => ['code', 'value', 'n', 'd'].join(d) + '\n' + rows.map((r) => r.join(d)).join('\n')),
    );
    fc.assert(
      fc.property(text, fc.boolean(), (s, counts) => {
        let t;
        try {
          t = parseCsvText(s, 'x.csv');
        } catch (e) {
          expect(e).toBeInstanceOf(Error);
          expect((e as Error).message).not.toBe('');
          return;
        }
        const cols = t.columns;
        const choice: ColumnChoice = { area: cols[0], value: cols[1], ...(counts && cols.length >= 4 ? { count: cols[2], denominator: cols[3] } : {}) };
        const { report, checked } = checkTable(t, choice, bundle, realLookups);
        expect(report.rows).toBe(t.rows.length);
        if (report.geography) expect(report.matched + report.unknown.length + report.duplicates.length).toBe(t.rows.length);
        if (report.errors.length) expect(checked).toBeNull();
        else {
          expect(checked).not.toBeNull();
          for (const v of checked!.values) expect(v == null || Number.isFinite(v)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
