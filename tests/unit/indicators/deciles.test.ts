import { describe, expect, it } from 'vitest';
import { decileFromThresholds, decileThresholds, nationalDecile } from '../../../src/lib/indicators/deciles';

// 100 England scores, descending: 100, 99, …, 1 (rank r has score 101 − r).
const desc100 = Array.from({ length: 100 }, (_, i) => 100 - i);

describe('nationalDecile on 100 scores 100..1', () => {
  // rank = 1 + (number of scores strictly greater); decile = ceil(rank·10/N)
  it.each([
    [100, 1], // rank 1
    [91, 1], // rank 10 -> ceil(100/100) = 1 (last of decile 1)
    [90, 2], // rank 11 -> ceil(1.1) = 2
    [81, 2], // rank 20
    [80, 3], // rank 21
    [55, 5], // rank 46 -> ceil(4.6) = 5
    [50.5, 6], // 50 scores (100..51) exceed 50.5 -> rank 51 -> ceil(5.1) = 6
    [11, 9], // rank 90
    [10, 10], // rank 91
    [1, 10], // rank 100
  ])('score %s -> decile %i', (score, decile) => {
    expect(nationalDecile(score, desc100)).toBe(decile);
  });

  it('beyond the extremes clamps to 1 and 10', () => {
    expect(nationalDecile(1000, desc100)).toBe(1);
    expect(nationalDecile(0, desc100)).toBe(10);
    expect(nationalDecile(-1e9, desc100)).toBe(10);
  });

  it('every England score gets its own published decile (10 per decile)', () => {
    const counts = new Array(11).fill(0);
    for (const s of desc100) counts[nationalDecile(s, desc100)!]++;
    expect(counts.slice(1)).toEqual([10, 10, 10, 10, 10, 10, 10, 10, 10, 10]);
  });

  it('is monotone: a higher (more deprived) score never gets a higher decile', () => {
    let prev = 1;
    for (let s = 101; s >= 0; s -= 0.25) {
      const d = nationalDecile(s, desc100)!;
      expect(d).toBeGreaterThanOrEqual(prev);
      prev = d;
    }
  });

  it('accepts a Float64Array', () => {
    const f = Float64Array.from(desc100);
    expect(nationalDecile(100, f)).toBe(1);
    expect(nationalDecile(1, f)).toBe(10);
    expect(nationalDecile(90, f)).toBe(2);
  });
});

describe('nationalDecile edge cases', () => {
  it.each([[null], [NaN], [Infinity], [-Infinity]])('score %s -> null', (s) => {
    expect(nationalDecile(s, desc100)).toBeNull();
  });

  it('empty England distribution -> null', () => {
    expect(nationalDecile(10, [])).toBeNull();
    expect(nationalDecile(10, new Float64Array(0))).toBeNull();
  });

  it('ties: a score equal to tied England scores ranks with the first of them', () => {
    // 20 scores: 10 × 5.0 then 10 × 1.0. Score 5 -> 0 strictly greater -> rank 1 -> decile 1.
    const tied = [...Array(10).fill(5), ...Array(10).fill(1)];
    expect(nationalDecile(5, tied)).toBe(1);
    // Score 1 -> 10 strictly greater -> rank 11 -> ceil(110/20) = ceil(5.5) = 6.
    expect(nationalDecile(1, tied)).toBe(6);
    // Score 3 -> rank 11 -> 6.
    expect(nationalDecile(3, tied)).toBe(6);
  });

  it('N not divisible by 10 (33,755 LSOAs): boundary between deciles 1 and 2', () => {
    const n = 33755;
    const desc = Float64Array.from({ length: n }, (_, i) => n - i); // rank r has score n − r + 1
    // rank 3375 -> ceil(33750/33755) = 1 ; rank 3376 -> ceil(33760/33755) = 2
    expect(nationalDecile(n - 3375 + 1, desc)).toBe(1);
    expect(nationalDecile(n - 3376 + 1, desc)).toBe(2);
    // rank 33755 (least deprived) -> 10
    expect(nationalDecile(1, desc)).toBe(10);
  });

  it('ten England LSOAs: rank r is decile r', () => {
    const ten = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    expect(ten.map((x) => nationalDecile(x, ten))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a single England LSOA: rank 1 of 1 lies in (0.9·N, N], so decile 10', () => {
    // ((d − 1)·N/10, d·N/10] with N = 1: rank 1 is in (0.9, 1] -> decile 10.
    expect(nationalDecile(5, [5])).toBe(10);
    expect(nationalDecile(4, [5])).toBe(10);
    // Rank 1 clamps, never 0 or 11.
    expect(nationalDecile(6, [5])).toBe(10);
  });
});

describe('decileThresholds / decileFromThresholds', () => {
  it('100 scores 100..1: thresholds are the scores of ranks 10, 20, …, 90', () => {
    expect(decileThresholds(desc100)).toEqual([91, 81, 71, 61, 51, 41, 31, 21, 11]);
    expect(decileThresholds(Float64Array.from(desc100))).toEqual([91, 81, 71, 61, 51, 41, 31, 21, 11]);
  });

  const th = [91, 81, 71, 61, 51, 41, 31, 21, 11];
  it.each([
    [100, 1],
    [91, 1], // equal to the last score of decile 1 -> decile 1
    [90.9, 2],
    [81, 2],
    [50.5, 6],
    [11, 9],
    [10.99, 10],
    [-1e9, 10],
    [1e9, 1],
  ])('score %s -> decile %i', (score, d) => {
    expect(decileFromThresholds(score, th)).toBe(d);
  });

  it.each([
    [null, th],
    [NaN, th],
    [Infinity, th],
    [50, th.slice(0, 8)], // not nine thresholds
    [50, []],
  ] as [number | null, number[]][])('score %s with %j -> null', (score, t) => {
    expect(decileFromThresholds(score, t)).toBeNull();
  });

  it.each([10, 20, 100, 1000])('agrees with nationalDecile for every score and midpoint when N = %i (divisible by 10)', (n) => {
    const desc = Array.from({ length: n }, (_, i) => n - i);
    const t = decileThresholds(desc);
    for (let s = n + 1; s >= 0; s -= 0.5) expect(decileFromThresholds(s, t), `score ${s}`).toBe(nationalDecile(s, desc));
  });

  // KNOWN BUG (src/lib/deciles.ts decileThresholds): the threshold index is ceil(d·N/10) − 1, but the last
  // rank in decile d is floor(d·N/10) (decile d holds ranks ((d−1)·N/10, d·N/10]). When N is not a
  // multiple of 10 (England has 33,755 LSOAs) the odd-decile thresholds are one LSOA too deep, so a score
  // in [desc[⌈dN/10⌉−1], desc[⌈dN/10⌉−2]) gets decile d from the thresholds but d+1 from nationalDecile.
  // N = 15: thresholds[0] = desc[⌈1.5⌉−1] = desc[1] = 14; score 14 has rank 2 -> nationalDecile ⌈20/15⌉ = 2,
  // decileFromThresholds -> 1. Remove `.fails` once fixed.
  it('agrees with nationalDecile when N is not a multiple of 10 (N = 15)', () => {
    const desc = Array.from({ length: 15 }, (_, i) => 15 - i);
    expect(decileFromThresholds(14, decileThresholds(desc))).toBe(nationalDecile(14, desc));
  });

  it('agrees with nationalDecile at the decile 1/2 boundary for N = 33,755', () => {
    const n = 33755;
    const desc = Float64Array.from({ length: n }, (_, i) => n - i);
    const rank3376 = n - 3376 + 1; // published decile 2
    expect(nationalDecile(rank3376, desc)).toBe(2);
    expect(decileFromThresholds(rank3376, decileThresholds(desc))).toBe(2);
  });
});
