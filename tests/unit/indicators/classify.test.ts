import { describe, expect, it } from 'vitest';
import { CLASS_COUNT, classOf, classRanges, jenksBreaks, quantileBreaks } from '../../../src/lib/indicators/classify';

const oneTo100 = Array.from({ length: 100 }, (_, i) => i + 1);
const shuffled = [...oneTo100].sort((a, b) => ((a * 37) % 101) - ((b * 37) % 101));

function strictlyIncreasing(xs: number[]) {
  for (let i = 1; i < xs.length; i++) expect(xs[i]).toBeGreaterThan(xs[i - 1]);
}

describe('quantileBreaks (type 7)', () => {
  it('CLASS_COUNT is 5', () => expect(CLASS_COUNT).toBe(5));

  it('1..100 into 5 classes', () => {
    // h = (n − 1)·k/5 = 19.8, 39.6, 59.4, 79.2; q = v[⌊h⌋] + frac(h)·(v[⌊h⌋+1] − v[⌊h⌋])
    // v[i] = i + 1, so q = 20 + 0.8 = 20.8, 40.6, 60.4, 80.2
    const b = quantileBreaks(oneTo100);
    expect(b).toHaveLength(4);
    [20.8, 40.6, 60.4, 80.2].forEach((x, i) => expect(b[i]).toBeCloseTo(x, 10));
  });

  it('does not depend on input order', () => {
    expect(quantileBreaks(shuffled)).toEqual(quantileBreaks(oneTo100));
  });

  it.each([
    // values, classes, expected breaks, working
    [[1, 2, 3, 4, 5], 5, [1.8, 2.6, 3.4, 4.2]], // h = 0.8, 1.6, 2.4, 3.2
    [[1, 2, 3, 4, 5], 2, [3]], // h = 2 -> v[2] = 3
    [[1, 2, 3, 4, 5], 4, [2, 3, 4]], // h = 1, 2, 3
    [[10, 20], 5, [12, 14, 16, 18]],
    [[1, 1, 2, 2, 3, 3], 5, [2, 3]], // h = 1 -> 1 (= min, dropped), 2 -> 2, 3 -> 2 (dup), 4 -> 3
    [[1, 1, 1, 1, 1, 1, 1, 1, 2, 3], 5, [1.2]], // h = 1.8, 3.6, 5.4 -> 1 (dropped); 7.2 -> 1 + 0.2·(2 − 1)
    [[0, 0, 0, 0, 0, 0, 0, 0, 0, 1], 5, []], // the 80th percentile is still 0: one class
  ] as [number[], number, number[]][])('%j into %i classes -> %j', (values, classes, expected) => {
    const b = quantileBreaks(values, classes);
    expect(b).toHaveLength(expected.length);
    expected.forEach((x, i) => expect(b[i]).toBeCloseTo(x, 10));
  });

  it('deduplicates: many ties never give repeated or minimum-valued breaks', () => {
    const values = [...Array(50).fill(0), ...Array(30).fill(1), ...Array(20).fill(2)];
    const b = quantileBreaks(values);
    strictlyIncreasing(b);
    expect(b.every((x) => x > 0)).toBe(true);
    expect(b.length).toBeLessThan(4);
  });

  it('ignores null, NaN and ±Infinity', () => {
    const dirty = [null, 3, NaN, 1, null, 2, Infinity, 4, -Infinity, 5];
    expect(quantileBreaks(dirty)).toEqual(quantileBreaks([1, 2, 3, 4, 5]));
  });

  it.each([[[]], [[null, null]], [[NaN]]] as [(number | null)[]][])('no finite values (%j) -> []', (values) => {
    expect(quantileBreaks(values)).toEqual([]);
  });

  it('one value or all-equal values -> [] (a single class)', () => {
    expect(quantileBreaks([7])).toEqual([]);
    expect(quantileBreaks([5, 5, 5, 5, 5, 5])).toEqual([]);
  });
});

describe('jenksBreaks (ckmeans)', () => {
  it('1..100 into 5 equal clusters of 20: breaks are each cluster minimum', () => {
    expect(jenksBreaks(oneTo100)).toEqual([21, 41, 61, 81]);
    expect(jenksBreaks(shuffled)).toEqual([21, 41, 61, 81]);
  });

  it('finds obvious natural groups', () => {
    const values = [1, 2, 3, 10, 11, 12, 20, 21, 22, 40, 41, 42, 100, 101, 102];
    expect(jenksBreaks(values)).toEqual([10, 20, 40, 100]);
    // Quantiles on the same data split groups instead.
    expect(quantileBreaks(values)).not.toEqual([10, 20, 40, 100]);
  });

  it('fewer distinct values than classes -> one class per distinct value', () => {
    expect(jenksBreaks([1, 1, 1, 1, 1, 1, 1, 1, 2, 3])).toEqual([2, 3]);
    expect(jenksBreaks([0, 0, 0, 0, 0, 0, 0, 0, 0, 1])).toEqual([1]);
    expect(jenksBreaks([4, 4, 4])).toEqual([]);
  });

  it('honours a class count', () => {
    expect(jenksBreaks([1, 2, 10, 11, 50, 51], 3)).toEqual([10, 50]);
    expect(jenksBreaks(oneTo100, 2)).toEqual([51]);
  });

  it('ignores nulls and non-finite values', () => {
    expect(jenksBreaks([null, 1, 2, NaN, 10, 11, null, 50, 51, Infinity], 3)).toEqual([10, 50]);
  });

  it.each([[[]], [[null]], [[NaN, null]]] as [(number | null)[]][])('no finite values (%j) -> []', (values) => {
    expect(jenksBreaks(values)).toEqual([]);
  });

  it('breaks are strictly increasing data values', () => {
    const values = [3.2, 8.1, 8.1, 9.9, 14, 14, 14, 22.5, 30, 31, 47, 60, 61, 62];
    const b = jenksBreaks(values);
    expect(b).toHaveLength(4);
    strictlyIncreasing(b);
    for (const x of b) expect(values).toContain(x);
  });
});

describe('classOf', () => {
  const breaks = [20.8, 40.6, 60.4, 80.2];
  it.each([
    [1, 0],
    [20.79, 0],
    [20.8, 1], // equal to a break -> upper class
    [20.81, 1],
    [40.6, 2],
    [60.4, 3],
    [80.19, 3],
    [80.2, 4],
    [100, 4],
    [1e9, 4],
    [-1e9, 0],
  ])('value %s -> class %i', (value, cls) => {
    expect(classOf(value, breaks)).toBe(cls);
  });

  it.each([[null], [undefined], [NaN], [Infinity], [-Infinity]])('%s -> null', (v) => {
    expect(classOf(v as number | null | undefined, breaks)).toBeNull();
  });

  it('no breaks: every finite value is class 0', () => {
    expect(classOf(-5, [])).toBe(0);
    expect(classOf(5, [])).toBe(0);
  });

  it('every value of 1..100 falls in the class whose range contains it (20 per class)', () => {
    const b = quantileBreaks(oneTo100);
    const counts = [0, 0, 0, 0, 0];
    for (const v of oneTo100) counts[classOf(v, b)!]++;
    expect(counts).toEqual([20, 20, 20, 20, 20]);
  });

  it('jenks breaks put each break value in its own cluster (the upper class)', () => {
    const b = jenksBreaks(oneTo100);
    expect(b.map((x) => classOf(x, b))).toEqual([1, 2, 3, 4]);
    expect(b.map((x) => classOf(x - 1, b))).toEqual([0, 1, 2, 3]);
  });
});

describe('classRanges', () => {
  it('1..100 with quantile breaks -> [min, b1], [b1, b2], …, [b4, max]', () => {
    const b = quantileBreaks(oneTo100);
    expect(classRanges(oneTo100, b)).toEqual([
      [1, b[0]],
      [b[0], b[1]],
      [b[1], b[2]],
      [b[2], b[3]],
      [b[3], 100],
    ]);
  });

  it('uses the finite data extent, ignoring nulls', () => {
    expect(classRanges([null, 9, 3, NaN, 7], [5])).toEqual([
      [3, 5],
      [5, 9],
    ]);
  });

  it('no breaks -> a single range over the extent', () => {
    expect(classRanges([5, 5, 5], [])).toEqual([[5, 5]]);
    expect(classRanges([2, 8, 4], [])).toEqual([[2, 8]]);
  });

  it('no finite values -> []', () => {
    expect(classRanges([], [1, 2])).toEqual([]);
    expect(classRanges([null, NaN], [1, 2])).toEqual([]);
  });

  it('one range per class: length is breaks + 1', () => {
    for (const values of [oneTo100, [1, 1, 1, 2, 3], [0, 0, 0, 0, 1]]) {
      for (const b of [quantileBreaks(values), jenksBreaks(values)]) {
        expect(classRanges(values, b)).toHaveLength(b.length + 1);
      }
    }
  });
});
