import { describe, expect, it } from 'vitest';
import { formatDistance, formatNumber, formatRadius, formatValue } from '../../../src/lib/core/format';

describe('formatNumber', () => {
  it.each([
    [0, 0, '0'],
    [0, 2, '0.00'],
    [12, 1, '12.0'],
    [12.345, 1, '12.3'],
    [12.35, 1, '12.4'], // 12.35 is 12.3499… in binary, but Intl rounds the decimal string
    [2.5, 0, '3'], // half away from zero
    [-2.5, 0, '-3'],
    [0.125, 2, '0.13'],
    [999.95, 1, '1,000.0'], // rounding carries into a thousands separator
    [1234.5, 1, '1,234.5'],
    [-1234.5, 1, '-1,234.5'],
    [196597, 0, '196,597'],
    [56490046, 0, '56,490,046'],
    [1234567.891, 2, '1,234,567.89'],
    [0.000123, 3, '0.000'],
    [27.137242, 1, '27.1'],
    [-0.261, 2, '-0.26'],
    [60.183174, 0, '60'],
  ])('%d to %i decimals -> %s', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('%s -> "No data"', (_label, value) => {
    expect(formatNumber(value, 1)).toBe('No data');
  });

  it('uses en-GB separators (comma for thousands, point for decimals) whatever the process locale', () => {
    const s = formatNumber(1234567.5, 1);
    expect(s).toBe('1,234,567.5');
    expect(s).not.toMatch(/[\u00a0\u202f ]/);
  });

  it('the number of decimals is honoured when formats for several precisions are interleaved (cache)', () => {
    const order = [3, 0, 3, 1, 0, 2, 1];
    expect(order.map((d) => formatNumber(1.23456, d))).toEqual(['1.235', '1', '1.235', '1.2', '1', '1.23', '1.2']);
  });
});

describe('formatValue', () => {
  it.each([
    [27.137242, { decimals: 1, unit: '%' }, '27.1%'],
    [0, { decimals: 1, unit: '%' }, '0.0%'],
    [100, { decimals: 0, unit: '%' }, '100%'],
    [1234.56, { decimals: 1, unit: '%' }, '1,234.6%'],
    [60.183174, { decimals: 1, unit: 'score' }, '60.2'],
    [196597, { decimals: 0, unit: 'people' }, '196,597'],
    [3, { decimals: 0, unit: 'decile (1 = most deprived 10% in England)' }, '3'], // unit mentions % but is not '%'
    [111.155, { decimals: 1, unit: 'years per 1,000 (age/sex standardised)' }, '111.2'],
    [-0.261, { decimals: 2, unit: 'score (0 = England mean)' }, '-0.26'],
  ])('%d with %j -> %s', (value, meta, expected) => {
    expect(formatValue(value, meta)).toBe(expected);
  });

  it.each([null, undefined, Number.NaN, Number.POSITIVE_INFINITY])('%s -> "No data", with no unit appended', (value) => {
    expect(formatValue(value, { decimals: 1, unit: '%' })).toBe('No data');
    expect(formatValue(value, { decimals: 0, unit: 'people' })).toBe('No data');
  });
});

describe('formatDistance and formatRadius', () => {
  it.each([
    [0, '0 m'],
    [4, '0 m'],
    [5, '10 m'],
    [394, '390 m'],
    [994, '990 m'],
    [995, '1.0 km'],
    [1234, '1.2 km'],
    [12_345, '12.3 km'],
  ])('distance %d m → %s', (m, s) => expect(formatDistance(m)).toBe(s));
  it.each([
    [400, '400 m'],
    [1200, '1.2 km'],
    [1000, '1 km'],
  ])('radius %d → %s', (r, s) => expect(formatRadius(r)).toBe(s));
});
