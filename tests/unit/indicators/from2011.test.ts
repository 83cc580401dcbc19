/**
 * 2011 -> 2021 mapping (src/lib/indicators/from2011.ts): tables of cases with hand-checkable arithmetic.
 * Codes and weights in the first cases are the real ones from lookups-2011.json (E01012264 was split in 2021
 * into the LSOAs at indices 120 and 121, with 47.8567% and 52.1433% of its residents); the merged cases are
 * synthetic (the real lookups have no merges) and say so.
 */
import { describe, expect, it } from 'vitest';
import { counts2011To2021, parts2011, values2011To2021, type Lookup2011 } from '../../../src/lib/indicators/from2011';

/** 2021 areas: [0] = E01012187 (unchanged), [1], [2] = the two parts of E01012264. */
const REAL: Lookup2011 = { E01012187: [[0, 1]], E01012264: [[1, 0.478567], [2, 0.521433]] };
const REAL_RESIDENTS = [1241, 1500, 1600];

/** Synthetic: 2011 A lies wholly in 2021 area 0; 2011 B is shared half and half between areas 0 and 1. */
const SYNTHETIC_MERGE: Lookup2011 = { SYNTH_A: [[0, 1]], SYNTH_B: [[0, 0.5], [1, 0.5]] };
const SYNTHETIC_RESIDENTS = [1000, 400];

describe('values2011To2021 (rates, scores, distances)', () => {
  it.each([
    // [case, table, residents, values by 2011 code, expected per 2021 area]
    ['unchanged keeps its value; each part of a split LSOA takes its parent’s', REAL, REAL_RESIDENTS, { E01012187: 230, E01012264: 654 }, [230, 654, 654]],
    ['a missing 2011 value leaves its 2021 parts empty', REAL, REAL_RESIDENTS, { E01012187: 230, E01012264: null }, [230, null, null]],
    // Area 0 receives weight 1 + 0.5 = 1.5: A's residents 1000 × 1/1.5 = 666.67; B's 1000 × 0.5/1.5 + 400 × 0.5/0.5 = 733.33.
    // Area 0 = (10 × 1 × 666.67 + 40 × 0.5 × 733.33) / (666.67 + 366.67) = 64000 / 3100 = 20.6452; area 1 only has B = 40.
    ['synthetic merge: population-weighted over the 2011 parts', SYNTHETIC_MERGE, SYNTHETIC_RESIDENTS, { SYNTH_A: 10, SYNTH_B: 40 }, [64000 / 3100, 40]],
  ] as const)('%s', (_label, table, residents, values, expected) => {
    const p = parts2011({ table, residents2021: residents });
    const got = values2011To2021(p, (c) => (values as Record<string, number | null>)[c] ?? null);
    expect(got).toHaveLength(expected.length);
    got.forEach((g, i) => (expected[i] == null ? expect(g).toBeNull() : expect(g).toBeCloseTo(expected[i]!, 9)));
  });

  it('estimates 2011 residents from the 2021 areas they feed', () => {
    expect(parts2011({ table: REAL, residents2021: REAL_RESIDENTS }).residents2011).toEqual([1241, 3100]);
    const s = parts2011({ table: SYNTHETIC_MERGE, residents2021: SYNTHETIC_RESIDENTS }).residents2011;
    expect(s[0]).toBeCloseTo(2000 / 3, 9);
    expect(s[1]).toBeCloseTo(1000 / 3 + 400, 9);
  });
});

describe('counts2011To2021 (numerators and denominators)', () => {
  it.each([
    // 1,000 addresses of E01012264 shared 478.567 / 521.433; the unchanged area keeps its 80.
    ['split by the lookup weights', REAL, REAL_RESIDENTS, { E01012187: 80, E01012264: 1000 }, [80, 478.567, 521.433]],
    // Synthetic: area 0 = 10 + 0.5 × 40 = 30; area 1 = 0.5 × 40 = 20 (the 2011 total of 50 is kept).
    ['synthetic merge: summed', SYNTHETIC_MERGE, SYNTHETIC_RESIDENTS, { SYNTH_A: 10, SYNTH_B: 40 }, [30, 20]],
    ['any missing part leaves the area empty', SYNTHETIC_MERGE, SYNTHETIC_RESIDENTS, { SYNTH_A: 10, SYNTH_B: null }, [null, null]],
  ] as const)('%s', (_label, table, residents, counts, expected) => {
    const got = counts2011To2021(parts2011({ table, residents2021: residents }), (c) => (counts as Record<string, number | null>)[c] ?? null);
    got.forEach((g, i) => (expected[i] == null ? expect(g).toBeNull() : expect(g).toBeCloseTo(expected[i]!, 9)));
  });

  it('a proportion keeps its parent’s percentage in every part (numerator and denominator shared alike)', () => {
    const p = parts2011({ table: REAL, residents2021: REAL_RESIDENTS });
    const num = counts2011To2021(p, (c) => ({ E01012187: 50, E01012264: 930 })[c] ?? null);
    const den = counts2011To2021(p, (c) => ({ E01012187: 100, E01012264: 1000 })[c] ?? null);
    expect(num.map((n, i) => (n! / den[i]!) * 100).map((x) => Math.round(x * 1e9) / 1e9)).toEqual([50, 93, 93]);
  });

  it('ignores indices outside the 2021 list and weights that are not positive', () => {
    const p = parts2011({ table: { X: [[0, 1], [5, 0.3], [1, 0]] }, residents2021: [100, 100] });
    expect(p.parts).toEqual([[{ lsoa: 0, weight: 1 }], []]);
  });
});
