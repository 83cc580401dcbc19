import { describe, expect, it } from 'vitest';
import { commonYear, nearestYears, quotedFor } from '../../../src/lib/health/quoted';
import { areaParts, wholeLsoas } from '../../../src/lib/health/serving';
import type { QuotedReport } from '../../../src/lib/core/types';

// Synthetic report and presets.
const report: QuotedReport = {
  id: 'r',
  title: 'Synthetic report',
  author: 'Nobody',
  shortName: 'the synthetic report',
  section: 'Section 1',
  textFile: 'context/synthetic.txt',
  line: 3,
  quote: '2% are a (1% in England); 5% are b (4% in England).',
  areaWords: 'the synthetic area',
  presets: ['both'],
  figures: [
    { condition: 'a', words: 'a', area: 2, england: 1, text: '2% are a (1% in England)' },
    { condition: 'b', words: 'b', area: 5, england: 4, text: '5% are b (4% in England)' },
  ],
};
const presets = [
  { id: 'one', lsoas: [1] },
  { id: 'both', lsoas: [1, 2] },
];

describe('quotedFor', () => {
  it.each([
    ['the preset itself', wholeLsoas([1, 2]), ['r']],
    ['the same LSOAs in another order', wholeLsoas([2, 1]), ['r']],
    ['weights within rounding of 1', [[1, 0.9995], [2, 1], [7, 0.0001]] as const, ['r']],
    ['a smaller area', wholeLsoas([1]), []],
    ['a larger area', wholeLsoas([1, 2, 3]), []],
    ['part of an LSOA', [[1, 1], [2, 0.5]] as const, []],
    ['nothing', [], []],
  ])('%s', (_, parts, ids) => {
    expect(quotedFor([report], presets, parts as [number, number][]).map((q) => q.id)).toEqual(ids);
  });

  it('gives nothing for a build without quotes, or a report naming a preset that is not there', () => {
    expect(quotedFor(undefined, presets, wholeLsoas([1, 2]))).toEqual([]);
    expect(quotedFor([{ ...report, presets: ['gone'] }], presets, wholeLsoas([1, 2]))).toEqual([]);
  });
});

describe('nearestYears and commonYear', () => {
  const ind = (condition: string, year: string, england: number | null) => ({ qof: { condition, year }, england: england == null ? undefined : { value: england, statistic: '' } });
  it.each([
    ['both nearest the first year', [ind('a', 'y1', 1.1), ind('a', 'y2', 1.5), ind('b', 'y1', 3.9), ind('b', 'y2', 4.5)], ['y1', 'y1'], 'y1'],
    ['different years', [ind('a', 'y1', 1.1), ind('a', 'y2', 1.5), ind('b', 'y1', 3), ind('b', 'y2', 4)], ['y1', 'y2'], null],
    ['a measure we do not hold', [ind('a', 'y1', 1)], ['y1', null], null],
    ['an indicator without England', [ind('a', 'y1', null), ind('a', 'y2', 9), ind('b', 'y2', 4)], ['y2', 'y2'], 'y2'],
  ])('%s', (_, inds, years, common) => {
    const near = nearestYears(report.figures, inds);
    expect(near.map((n) => n.year)).toEqual(years);
    expect(commonYear(near)).toBe(common);
  });

  it('gives the gap, quoted minus ours', () => {
    const [a] = nearestYears(report.figures, [ind('a', 'y1', 0.75)]);
    expect(a).toEqual({ condition: 'a', year: 'y1', ours: 0.75, gap: 0.25 });
  });
});

describe('areaParts', () => {
  const links = { msoa: [0, 0, 1, 1, 1], ward: [0, 1, 1, 0, 1] };
  it.each([
    ['an LSOA is itself', 'lsoa', 3, links, [[3, 1]]],
    ['an MSOA is its LSOAs', 'msoa', 1, links, [[2, 1], [3, 1], [4, 1]]],
    ['a ward without overlaps: its best-fit LSOAs', 'ward', 0, links, [[0, 1], [3, 1]]],
    ['a ward with overlaps: its weighted parts', 'ward', 1, { ...links, wardParts: [[[0, 1]], [[1, 0.5], [2, 1]]] }, [[1, 0.5], [2, 1]]],
    ['no area', 'msoa', -1, links, []],
  ] as const)('%s', (_, geo, index, l, want) => {
    expect(areaParts(l as Parameters<typeof areaParts>[0], geo, index)).toEqual(want);
  });
});
