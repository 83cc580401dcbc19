/**
 * Recognising a file's geography against the real built bundle (public/data/indicators.json), 2011 codes
 * through the real and a synthetic lookup, and the first guess at which column is which.
 */
import { describe, expect, it } from 'vitest';
import { areaMatcher, detectGeography, nameKey, suggestColumns } from '../../../src/lib/userdata/geography';
import { bundle, fixtureTable, realLookups, syntheticLookups, table } from './helpers';

const { lsoa, msoa, ward } = bundle.areas;

describe('detectGeography on the real bundle', () => {
  it('LSOA codes (all 124)', () => {
    const r = detectGeography(fixtureTable('synthetic-lsoa-counts.csv'), 'lsoa21cd', bundle);
    expect(r.geography).toBe('lsoa');
    expect(r.note).toMatch(/2021 LSOA codes \(124 of 124/);
  });
  it('MSOA codes', () => {
    expect(detectGeography(fixtureTable('synthetic-msoa-values.csv'), 'MSOA21CD', bundle).geography).toBe('msoa');
  });
  it('ward codes', () => {
    const r = detectGeography(fixtureTable('synthetic-ward-codes.csv'), 'ward_code', bundle);
    expect(r.geography).toBe('ward');
    expect(r.note).toMatch(/2025 ward codes \(27 of 27/);
  });
  it('ward names in other case, "and" for "&", with "Ward" and spaces', () => {
    const r = detectGeography(fixtureTable('synthetic-ward-names.csv'), 'Ward', bundle);
    expect(r.geography).toBe('ward');
    expect(r.note).toMatch(/ward names \(27 of 27/);
  });
  it('MSOA names (House of Commons Library names and ONS names)', () => {
    const t = table(['area', 'v'], [...msoa.aliases.filter(Boolean).map((n) => [n, 1]), [msoa.names[0].toUpperCase(), 2]]);
    expect(detectGeography(t, 'area', bundle).geography).toBe('msoa');
  });
  it('codes with spaces and lower case', () => {
    const t = table(['code', 'v'], lsoa.codes.slice(0, 5).map((c) => [`  ${c.toLowerCase()} `, 1]));
    expect(detectGeography(t, 'code', bundle).geography).toBe('lsoa');
  });
  it('most rows matched wins (a few ward codes among LSOA codes)', () => {
    const t = table(['code', 'v'], [...lsoa.codes.slice(0, 10).map((c) => [c, 1]), ...ward.codes.slice(0, 3).map((c) => [c, 1])]);
    expect(detectGeography(t, 'code', bundle).geography).toBe('lsoa');
  });
  it('another place’s codes, or nothing recognisable: null with a note in words', () => {
    const other = detectGeography(fixtureTable('synthetic-bad-not-this-place.csv'), 'lsoa21cd', bundle);
    expect(other.geography).toBeNull();
    expect(other.note).toMatch(/not Stockton-on-Tees LSOAs/);
    const nothing = detectGeography(table(['a', 'b'], [['apple', 1]]), 'a', bundle);
    expect(nothing.geography).toBeNull();
    expect(nothing.note).toMatch(/Nothing in column "a"/);
    expect(detectGeography(table(['a', 'b'], [['x', 1]]), 'missing', bundle).note).toMatch(/no column "missing"/);
  });
});

describe('2011 codes', () => {
  it('a 2011 LSOA file is recognised through the real lookups, with how it is mapped', () => {
    expect(realLookups).not.toBeNull();
    const t = fixtureTable('synthetic-lsoa11-counts.csv');
    const r = detectGeography(t, 'LSOA11CD', bundle, realLookups);
    expect(r.geography).toBe('lsoa11');
    const keys = Object.keys(realLookups!.lsoa11);
    const same = keys.filter((k) => realLookups!.lsoa11[k].length === 1 && lsoa.codes[realLookups!.lsoa11[k][0][0]] === k).length;
    expect(r.note).toContain(`${same} unchanged in 2021, ${keys.length - same} mapped`);
    expect(r.note).toMatch(/estimates/);
    // Without the lookups the same file reads as 2021 LSOAs (the unchanged codes).
    expect(detectGeography(t, 'LSOA11CD', bundle).geography).toBe('lsoa');
  });
  it('2011 MSOA codes through the synthetic lookup', () => {
    const lk = syntheticLookups();
    const t = table(['code', 'v'], Object.keys(lk.msoa11).map((c) => [c, 1]));
    const r = detectGeography(t, 'code', bundle, lk);
    expect(r.geography).toBe('msoa11');
    expect(r.note).toContain(`${msoa.codes.length - 2} unchanged in 2021, 1 mapped`);
  });
  it('a 2021 file stays 2021 when the lookups are there (unchanged codes tie, 2021 wins)', () => {
    expect(detectGeography(fixtureTable('synthetic-lsoa-counts.csv'), 'lsoa21cd', bundle, realLookups).geography).toBe('lsoa');
  });
});

describe('names and matchers', () => {
  it('nameKey ignores case and punctuation, reads & as and', () => {
    expect(nameKey('Billingham North & Wolviston')).toBe(nameKey('billingham north and wolviston'));
    expect(nameKey('Stockton-on-Tees 001')).toBe('stockton on tees 001');
    expect(nameKey(' Hardwick  &  Salters Lane ')).toBe('hardwick and salters lane');
  });
  it('areaMatcher gives the canonical code', () => {
    const m = areaMatcher(bundle, 'ward', null);
    expect(m('billingham central ward')).toBe(ward.codes[ward.names.indexOf('Billingham Central')]);
    expect(m(ward.codes[3].toLowerCase())).toBe(ward.codes[3]);
    expect(m('Atlantis')).toBeNull();
    expect(m('')).toBeNull();
  });
});

describe('suggestColumns', () => {
  it('LSOA counts file: area, value, count and denominator by header words', () => {
    expect(suggestColumns(fixtureTable('synthetic-lsoa-counts.csv'), bundle)).toEqual({ area: 'lsoa21cd', value: 'value', count: 'numerator', denominator: 'denominator' });
    // Without the bundle the codes still pick the area column.
    expect(suggestColumns(fixtureTable('synthetic-lsoa-counts.csv')).area).toBe('lsoa21cd');
  });
  it('limits by header words', () => {
    expect(suggestColumns(fixtureTable('synthetic-lsoa-limits.csv'), bundle)).toEqual({ area: 'LSOA code', value: 'Value', lower: 'Lower CI', upper: 'Upper CI' });
  });
  it('ward names file: the names column and the percent column', () => {
    expect(suggestColumns(fixtureTable('synthetic-ward-names.csv'), bundle)).toEqual({ area: 'Ward', value: 'Percent' });
  });
  it('2011 file with population as denominator', () => {
    expect(suggestColumns(fixtureTable('synthetic-lsoa11-counts.csv'), bundle, realLookups)).toEqual({ area: 'LSOA11CD', value: 'rate', count: 'count', denominator: 'population' });
  });
  it('area column after the value column; first numeric column as value when no header says so', () => {
    const t = table(['x', 'where'], [[1, ward.names[0]], [2, ward.names[1]]]);
    expect(suggestColumns(t, bundle)).toEqual({ area: 'where', value: 'x' });
    expect(suggestColumns(table(['a', 'b'], [['p', 'q']]))).toEqual({ area: '', value: '' });
  });
  it('a value column that is not all numbers is still offered as the value, never the area column', () => {
    const lsoa = bundle.areas.lsoa.codes;
    const t = table(['code', 'value'], [[lsoa[0], '1'], [lsoa[1], 'n/k'], [lsoa[2], 'abc'], [lsoa[3], '4']]);
    expect(suggestColumns(t, bundle)).toEqual({ area: 'code', value: 'value' });
  });
  it('a file of places has no area column (so the panel reads it as points)', () => {
    for (const name of ['synthetic-points-latlon.csv', 'synthetic-points-postcodes.csv', 'synthetic-points-eastnorth.csv']) {
      const t = fixtureTable(name);
      expect(suggestColumns(t).area, name).toBe('');
      expect(suggestColumns(t, bundle, realLookups).area, name).toBe('');
    }
    expect(suggestColumns(table(['ward', 'value'], [['Nowhere', 1]])).area).toBe('ward');
  });
});
