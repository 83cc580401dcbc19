import { describe, expect, it } from 'vitest';
import { partsFromOverlaps, weightedMean, weightedSum, type Part } from '../../../src/lib/indicators/aggregate';

const whole = (...idx: number[]): Part[] => idx.map((lsoa) => ({ lsoa, weight: 1 }));

describe('weightedMean', () => {
  const values = [10, 20, 30, null, 50];
  const population = [100, 300, 600, 1000, 0];

  it.each([
    // parts, expected, working
    [whole(0), 10, 'single LSOA'],
    [whole(0, 1), 17.5, '(10·100 + 20·300) / 400 = 7000/400'],
    [whole(0, 1, 2), 25, '(1000 + 6000 + 18000) / 1000'],
    [whole(2, 1, 0), 25, 'order does not matter'],
    [whole(0, 3), 10, 'null value skipped (LSOA 3)'],
    [whole(0, 4), 10, 'zero population skipped (LSOA 4)'],
    [[{ lsoa: 0, weight: 1 }, { lsoa: 2, weight: 0.5 }], 25, '(10·100 + 30·300) / 400 = 10000/400'],
    [[{ lsoa: 0, weight: 0.5 }, { lsoa: 1, weight: 0.5 }], 17.5, 'uniform weights cancel'],
    [[{ lsoa: 1, weight: 0 }, { lsoa: 2, weight: 1 }], 30, 'zero weight skipped'],
  ] as [Part[], number, string][])('%j -> %s (%s)', (parts, expected) => {
    expect(weightedMean(parts, values, population)).toBeCloseTo(expected, 10);
  });

  it.each([
    [[] as Part[], 'no parts'],
    [whole(3), 'only a null value'],
    [whole(4), 'only zero population'],
    [whole(3, 4), 'null value and zero population'],
  ])('%j -> null (%s)', (parts) => {
    expect(weightedMean(parts, values, population)).toBeNull();
  });

  it('skips NaN values rather than propagating them', () => {
    expect(weightedMean(whole(0, 1), [NaN, 20], [100, 300])).toBe(20);
  });

  it('handles negative scores (z-type scores)', () => {
    // (−1·100 + 1·300) / 400 = 0.5
    expect(weightedMean(whole(0, 1), [-1, 1], [100, 300])).toBeCloseTo(0.5, 12);
  });

  it('differs from the unweighted mean when populations differ', () => {
    const m = weightedMean(whole(0, 1), [0, 100], [900, 100])!;
    expect(m).toBeCloseTo(10, 12);
    expect(m).not.toBeCloseTo(50, 1);
  });
});

describe('weightedSum', () => {
  const counts = [10, 20, 30, null, NaN];

  it.each([
    [whole(0), 10],
    [whole(0, 1, 2), 60],
    [[{ lsoa: 1, weight: 0.25 }, { lsoa: 2, weight: 0.5 }], 20], // 5 + 15
    [[{ lsoa: 0, weight: 0 }], 0],
    [[{ lsoa: 0, weight: 1 }, { lsoa: 0, weight: 1 }], 20], // a part listed twice counts twice
  ] as [Part[], number][])('%j -> %s', (parts, expected) => {
    expect(weightedSum(parts, counts)).toBeCloseTo(expected, 12);
  });

  it.each([
    [whole(3), 'the only part is null'],
    [whole(0, 1, 3), 'one part of three is null'],
    [whole(0, 4), 'one part is NaN'],
    [[{ lsoa: 3, weight: 0 }, { lsoa: 0, weight: 1 }], 'missing even at zero weight'],
    [whole(9), 'index outside the array (undefined)'],
    [[] as Part[], 'no parts'],
  ] as [Part[], string][])('%j -> null (%s)', (parts) => {
    expect(weightedSum(parts, counts)).toBeNull();
  });
});

describe('partsFromOverlaps', () => {
  const lsoaIndex = new Map([
    ['E01000001', 0],
    ['E01000002', 1],
    ['E01000003', 2],
  ]);

  it('rescales each LSOA’s shares to add to 1 and groups by area', () => {
    // LSOA 1 has shares 0.6 + 0.3 = 0.9 (a 10% sliver dropped) -> 0.6/0.9, 0.3/0.9
    const parts = partsFromOverlaps(
      [
        { lsoa: 'E01000001', area: 'W1', share: 1 },
        { lsoa: 'E01000002', area: 'W1', share: 0.6 },
        { lsoa: 'E01000002', area: 'W2', share: 0.3 },
        { lsoa: 'E01000003', area: 'W2', share: 0.5 },
      ],
      lsoaIndex,
    );
    expect([...parts.keys()].sort()).toEqual(['W1', 'W2']);
    const w1 = parts.get('W1')!;
    const w2 = parts.get('W2')!;
    expect(w1.map((p) => p.lsoa)).toEqual([0, 1]);
    expect(w1[0].weight).toBeCloseTo(1, 12);
    expect(w1[1].weight).toBeCloseTo(2 / 3, 12);
    expect(w2.map((p) => p.lsoa)).toEqual([1, 2]);
    expect(w2[0].weight).toBeCloseTo(1 / 3, 12);
    // LSOA 3's only share (0.5) is rescaled to 1: all its residents go to W2.
    expect(w2[1].weight).toBeCloseTo(1, 12);
  });

  it('conserves residents: weights of each LSOA over all areas add to exactly 1', () => {
    const overlaps = [
      { lsoa: 'E01000001', area: 'A', share: 0.41 },
      { lsoa: 'E01000001', area: 'B', share: 0.33 },
      { lsoa: 'E01000001', area: 'C', share: 0.2 },
      { lsoa: 'E01000002', area: 'C', share: 0.97 },
      { lsoa: 'E01000003', area: 'A', share: 0.5 },
      { lsoa: 'E01000003', area: 'B', share: 0.5 },
    ];
    const parts = partsFromOverlaps(overlaps, lsoaIndex);
    const perLsoa = [0, 0, 0];
    for (const list of parts.values()) for (const p of list) perLsoa[p.lsoa] += p.weight;
    perLsoa.forEach((t) => expect(t).toBeCloseTo(1, 12));

    // So summing residents over the areas reproduces the total.
    const residents = [1000, 1500, 1200];
    const total = [...parts.values()].reduce((s, list) => s + weightedSum(list, residents)!, 0);
    expect(total).toBeCloseTo(3700, 8);
  });

  it('leaves already-complete shares alone', () => {
    const parts = partsFromOverlaps(
      [
        { lsoa: 'E01000001', area: 'A', share: 0.25 },
        { lsoa: 'E01000001', area: 'B', share: 0.75 },
      ],
      lsoaIndex,
    );
    expect(parts.get('A')).toEqual([{ lsoa: 0, weight: 0.25 }]);
    expect(parts.get('B')).toEqual([{ lsoa: 0, weight: 0.75 }]);
  });

  it('throws on an unknown LSOA, naming it', () => {
    expect(() =>
      partsFromOverlaps(
        [
          { lsoa: 'E01000001', area: 'A', share: 1 },
          { lsoa: 'E01999999', area: 'A', share: 1 },
        ],
        lsoaIndex,
      ),
    ).toThrow(/E01999999/);
  });

  it('empty overlaps -> empty map', () => {
    expect(partsFromOverlaps([], lsoaIndex).size).toBe(0);
  });
});
