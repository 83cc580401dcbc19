import { describe, expect, it } from 'vitest';
import { compareWithBenchmark, categoryWords, CATEGORY_STYLE, type Category } from '../../../src/lib/indicators/benchmark';
import type { Polarity } from '../../../src/lib/core/types';
import type { Interval } from '../../../src/lib/indicators/intervals';

const iv = (lower: number, upper: number): Interval => ({ lower, upper });

describe('compareWithBenchmark (Fingertips rule)', () => {
  // interval, benchmark, polarity, expected
  const cases: [string, Interval | null, number | null | undefined, Polarity, Category][] = [
    // Wholly above the benchmark value.
    ['above, high is good', iv(20, 25), 17.3, 'HighIsGood', 'Better'],
    ['above, low is good', iv(20, 25), 17.3, 'LowIsGood', 'Worse'],
    ['above, no judgement', iv(20, 25), 17.3, 'NoJudgement', 'Higher'],
    // Wholly below.
    ['below, high is good', iv(10, 15), 17.3, 'HighIsGood', 'Worse'],
    ['below, low is good', iv(10, 15), 17.3, 'LowIsGood', 'Better'],
    ['below, no judgement', iv(10, 15), 17.3, 'NoJudgement', 'Lower'],
    // Overlapping the benchmark.
    ['overlap, high is good', iv(15, 20), 17.3, 'HighIsGood', 'Similar'],
    ['overlap, low is good', iv(15, 20), 17.3, 'LowIsGood', 'Similar'],
    ['overlap, no judgement', iv(15, 20), 17.3, 'NoJudgement', 'Similar'],
    // Boundaries: an interval touching the benchmark counts as Similar.
    ['lower bound equals benchmark', iv(17.3, 25), 17.3, 'LowIsGood', 'Similar'],
    ['upper bound equals benchmark', iv(10, 17.3), 17.3, 'LowIsGood', 'Similar'],
    ['degenerate interval at the benchmark', iv(17.3, 17.3), 17.3, 'HighIsGood', 'Similar'],
    // Just off the boundary.
    ['lower bound a hair above', iv(17.3 + 1e-9, 25), 17.3, 'LowIsGood', 'Worse'],
    ['upper bound a hair below', iv(10, 17.3 - 1e-9), 17.3, 'LowIsGood', 'Better'],
    // Negative and zero benchmarks (z-type scores).
    ['negative benchmark, above', iv(-0.5, 0.5), -0.9, 'LowIsGood', 'Worse'],
    ['zero benchmark, below', iv(-2, -0.1), 0, 'HighIsGood', 'Worse'],
    ['zero benchmark, touching', iv(-2, 0), 0, 'HighIsGood', 'Similar'],
    // Missing inputs.
    ['no interval', null, 17.3, 'LowIsGood', 'NotCompared'],
    ['no benchmark (null)', iv(20, 25), null, 'LowIsGood', 'NotCompared'],
    ['no benchmark (undefined)', iv(20, 25), undefined, 'HighIsGood', 'NotCompared'],
    ['benchmark NaN', iv(20, 25), NaN, 'HighIsGood', 'NotCompared'],
    ['benchmark Infinity', iv(20, 25), Infinity, 'HighIsGood', 'NotCompared'],
    ['no interval, no judgement', null, 17.3, 'NoJudgement', 'NotCompared'],
  ];

  it.each(cases)('%s', (_label, interval, benchmark, polarity, expected) => {
    expect(compareWithBenchmark(interval, benchmark, polarity)).toBe(expected);
  });

  it('compares against the benchmark value, not the benchmark interval (interval straddling is irrelevant)', () => {
    // Area 20–25 vs benchmark 19.9: area lower bound is above the value -> Higher,
    // even though a benchmark with its own interval (say 19–21) would overlap.
    expect(compareWithBenchmark(iv(20, 25), 19.9, 'NoJudgement')).toBe('Higher');
  });
});

describe('CATEGORY_STYLE and categoryWords', () => {
  const all: Category[] = ['Better', 'Similar', 'Worse', 'Lower', 'Higher', 'NotCompared'];

  it('every category has a style; only NotCompared has no fill', () => {
    for (const c of all) {
      expect(CATEGORY_STYLE[c]).toBeDefined();
      if (c === 'NotCompared') expect(CATEGORY_STYLE[c].fill).toBeNull();
      else expect(CATEGORY_STYLE[c].fill).toMatch(/^#[0-9A-Fa-f]{6}$/);
    }
  });

  it('fills are distinct across categories', () => {
    const fills = all.map((c) => CATEGORY_STYLE[c].fill).filter((f) => f !== null);
    expect(new Set(fills).size).toBe(fills.length);
  });

  it.each([
    ['Better', undefined, 'Better than England'],
    ['Better', '95%', 'Better than England (95%)'],
    ['Worse', '99.8%', 'Worse than England (99.8%)'],
    ['Similar', '95%', 'Similar to England (95%)'],
    ['Lower', '95%', 'Lower than England (95%)'],
    ['Higher', '', 'Higher than England'],
    ['NotCompared', '95%', 'Not compared'],
    ['NotCompared', undefined, 'Not compared'],
  ] as [Category, string | undefined, string][])('categoryWords(%s, %s) -> %s', (c, level, words) => {
    expect(categoryWords(c, level)).toBe(words);
  });
});
