import { describe, expect, it } from 'vitest';
import { DEFAULT_RADII_M, haversineKm, haversineMetres, parseRadii } from '../../../src/lib/core/geo';

describe('parseRadii', () => {
  it.each([
    ['400, 800, 1200', [400, 800, 1200]],
    ['1200 400 800', [400, 800, 1200]],
    ['400,400', [400]],
    ['50', [50]],
    ['5000', [5000]],
    ['400.4', [400]],
    ['', null],
    ['49', null],
    ['5001', null],
    ['1,2,3,4,5,6', null],
    ['400,abc', null],
    ['Infinity', null],
    ['100,200,300,400,500', [100, 200, 300, 400, 500]],
  ] as [string, number[] | null][])('%j → %j', (raw, want) => expect(parseRadii(raw)).toEqual(want));
  it('the default rings are valid rings', () => expect(parseRadii(DEFAULT_RADII_M.join(','))).toEqual([...DEFAULT_RADII_M]));
});

describe('haversineKm', () => {
  it('is haversineMetres in kilometres', () => {
    const a: [number, number] = [-1.318986, 54.561625];
    const b: [number, number] = [-1.292215, 54.611726];
    expect(haversineKm(a, b)).toBeCloseTo(haversineMetres(a, b) / 1000, 12);
  });
});
