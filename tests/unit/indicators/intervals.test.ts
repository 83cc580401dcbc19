import { describe, expect, it } from 'vitest';
import { wilsonInterval, zFor } from '../../../src/lib/indicators/intervals';

/*
 * Wilson score interval as in PHEindicatormethods::phe_proportion:
 *   lower = (2O + z² − z·√(z² + 4·O·(1 − p))) / (2·(n + z²))
 *   upper = (2O + z² + z·√(z² + 4·O·(1 − p))) / (2·(n + z²))
 * with O = numerator, n = denominator, p = O/n, z = qnorm(1 − α/2).
 *
 * z(95%)   = 1.959963984540054, z² = 3.841458820694124
 * z(99.8%) = 3.090232306167813, z² = 9.549535706083
 */

describe('zFor', () => {
  it.each([
    [0.95, 1.959963984540054],
    [0.998, 3.090232306167813],
  ] as const)('level %s -> z %s (qnorm(1 - alpha/2))', (level, z) => {
    expect(zFor(level)).toBe(z);
  });
});

describe('wilsonInterval: hand-computed values', () => {
  // Each row: numerator, denominator, level, expected lower, expected upper, working.
  const cases: [number, number, 0.95 | 0.998, number, number, string][] = [
    [
      65,
      100,
      0.95,
      // a = 2·65 + 3.841458821 = 133.841458821
      // b = 1.959963985 · √(3.841458821 + 4·65·0.35) = 1.959963985 · √94.841458821 = 1.959963985 · 9.738657... = 19.087419
      // c = 2·(100 + 3.841458821) = 207.682917641
      // lower = (133.841459 − 19.087419) / 207.682918 = 114.754040 / 207.682918 = 0.552544
      // upper = (133.841459 + 19.087419) / 207.682918 = 152.928878 / 207.682918 = 0.736358
      0.5525444,
      0.7363575,
      '65/100 at 95%',
    ],
    [
      65,
      100,
      0.998,
      // z² = 9.549535706; a = 130 + 9.549535706 = 139.549535706
      // b = 3.090232306 · √(9.549535706 + 91) = 3.090232306 · 10.027439... = 30.987116
      // c = 2·(109.549535706) = 219.099071412
      // lower = 108.562419 / 219.099071 = 0.495495 ; upper = 170.536652 / 219.099071 = 0.778354
      0.4954947,
      0.7783541,
      '65/100 at 99.8%',
    ],
    [
      50,
      100,
      0.95,
      // a = 103.841458821; b = 1.959963985 · √(3.841458821 + 100) = 1.959963985 · 10.190262... = 19.972548
      // lower = 83.868911 / 207.682918 = 0.403832 ; upper = 123.814007 / 207.682918 = 0.596168 (symmetric about 0.5)
      0.4038315,
      0.5961685,
      '50/100 at 95%',
    ],
    [
      5,
      20,
      0.95,
      // a = 10 + 3.841458821 = 13.841458821; b = 1.959963985 · √(3.841458821 + 4·5·0.75) = 1.959963985 · √18.841458821
      //   = 1.959963985 · 4.340675... = 8.507567
      // c = 2·23.841458821 = 47.682917641
      // lower = 5.333892 / 47.682918 = 0.111862 ; upper = 22.349025 / 47.682918 = 0.468701
      0.1118617,
      0.4687009,
      '5/20 at 95%',
    ],
    [
      1,
      2,
      0.95,
      // a = 2 + 3.841458821 = 5.841458821; b = 1.959963985 · √(3.841458821 + 2) = 1.959963985 · 2.416911... = 4.737059
      // c = 2·5.841458821 = 11.682917641
      // lower = 1.104400 / 11.682918 = 0.094531 ; upper = 10.578518 / 11.682918 = 0.905469
      0.0945312,
      0.9054688,
      '1/2 at 95%',
    ],
    [
      0,
      10,
      0.95,
      // a = 0 + z² = 3.841458821; b = z·√(z²) = z² = 3.841458821  -> lower = 0
      // c = 2·13.841458821 = 27.682917641 ; upper = 7.682917641 / 27.682917641 = 0.277533
      0,
      0.2775328,
      '0/10 at 95%',
    ],
    [
      10,
      10,
      0.95,
      // p = 1 so b = z·√(z²) = z² ; a = 20 + z² = 23.841458821
      // lower = 20 / 27.682917641 = 0.722467 ; upper = (20 + 2z²)/(2(10 + z²)) = 1
      0.7224672,
      1,
      '10/10 at 95%',
    ],
    [
      39055,
      196597,
      0.95,
      // Stockton disabled residents (Census 2021): p = 0.198655
      // a = 78110 + 3.841459 = 78113.841459 ; b = 1.959964 · √(3.841459 + 4·39055·(1 − 0.198655)) = 1.959964 · √125186.83... = 693.478
      // c = 2·196600.841459 = 393201.682918
      // lower = 77420.363 / 393201.683 = 0.196897 ; upper = 78807.320 / 393201.683 = 0.200425
      0.1968973,
      0.2004247,
      'Stockton disability 39055/196597 at 95%',
    ],
  ];

  it.each(cases)('%i/%i at level %s', (n, d, level, lower, upper) => {
    const ci = wilsonInterval(n, d, level);
    expect(ci).not.toBeNull();
    expect(ci!.lower).toBeCloseTo(lower, 6);
    expect(ci!.upper).toBeCloseTo(upper, 6);
  });

  it('defaults to 95%', () => {
    expect(wilsonInterval(65, 100)).toEqual(wilsonInterval(65, 100, 0.95));
    expect(wilsonInterval(65, 100)).not.toEqual(wilsonInterval(65, 100, 0.998));
  });
});

describe('wilsonInterval: edge cases', () => {
  it.each([1, 2, 7, 10, 100, 12345])('0/%i has lower bound exactly 0 and upper bound in (0, 1)', (n) => {
    const ci = wilsonInterval(0, n)!;
    expect(ci.lower).toBe(0);
    expect(ci.upper).toBeGreaterThan(0);
    expect(ci.upper).toBeLessThan(1);
  });

  it.each([1, 2, 7, 10, 100, 12345])('%i/%i has upper bound 1 and lower bound in (0, 1)', (n) => {
    const ci = wilsonInterval(n, n)!;
    expect(ci.upper).toBeCloseTo(1, 12);
    expect(ci.upper).toBeLessThanOrEqual(1);
    expect(ci.lower).toBeGreaterThan(0);
    expect(ci.lower).toBeLessThan(1);
  });

  it.each([
    [1, 0, 'denominator 0'],
    [0, 0, '0/0'],
    [5, -10, 'negative denominator'],
    [11, 10, 'numerator > denominator'],
    [-1, 10, 'negative numerator'],
    [NaN, 10, 'NaN numerator'],
    [5, NaN, 'NaN denominator'],
    [Infinity, 10, 'infinite numerator'],
    [5, Infinity, 'infinite denominator'],
  ])('%s/%s (%s) -> null', (n, d) => {
    expect(wilsonInterval(n, d)).toBeNull();
    expect(wilsonInterval(n, d, 0.998)).toBeNull();
  });

  it('accepts non-integer counts (pooled, area-weighted ward counts)', () => {
    const ci = wilsonInterval(12.5, 50.25)!;
    expect(ci.lower).toBeLessThan(12.5 / 50.25);
    expect(ci.upper).toBeGreaterThan(12.5 / 50.25);
  });
});

describe('wilsonInterval: properties', () => {
  const grid: [number, number][] = [
    [1, 3],
    [3, 10],
    [65, 100],
    [17, 1000],
    [500, 1000],
    [999, 1000],
    [39055, 196597],
  ];

  it.each(grid)('%i/%i: 99.8%% interval strictly contains the 95%% interval', (n, d) => {
    const a = wilsonInterval(n, d, 0.95)!;
    const b = wilsonInterval(n, d, 0.998)!;
    expect(b.lower).toBeLessThan(a.lower);
    expect(b.upper).toBeGreaterThan(a.upper);
  });

  it.each(grid)('%i/%i: interval contains p and lies within [0, 1]', (n, d) => {
    const p = n / d;
    for (const level of [0.95, 0.998] as const) {
      const ci = wilsonInterval(n, d, level)!;
      expect(ci.lower).toBeGreaterThanOrEqual(0);
      expect(ci.upper).toBeLessThanOrEqual(1);
      expect(ci.lower).toBeLessThan(p);
      expect(ci.upper).toBeGreaterThan(p);
    }
  });

  it('narrows as the denominator grows at a fixed proportion', () => {
    const widths = [10, 100, 1000, 10000].map((d) => {
      const ci = wilsonInterval(d * 0.3, d)!;
      return ci.upper - ci.lower;
    });
    for (let i = 1; i < widths.length; i++) expect(widths[i]).toBeLessThan(widths[i - 1]);
  });

  it('is symmetric: interval for O/n mirrors the interval for (n−O)/n', () => {
    const a = wilsonInterval(13, 40)!;
    const b = wilsonInterval(27, 40)!;
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
    expect(a.upper).toBeCloseTo(1 - b.lower, 12);
  });
});
