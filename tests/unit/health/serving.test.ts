import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { servingPractices, wholeLsoas, type Flows } from '../../../src/lib/health/serving';

// Synthetic flows: 3 LSOAs, 4 practices.
const synthetic: Flows = [
  [
    [0, 60],
    [1, 30],
    [3, 0.5],
  ],
  [
    [1, 50],
    [2, 9.5],
  ],
  [[0, 100]],
];
const lists = [1000, 400, null, 50];

describe('servingPractices', () => {
  it.each([
    {
      name: 'one LSOA',
      parts: wholeLsoas([0]),
      rows: [
        { practice: 0, patients: 60, areaShare: (60 / 90.5) * 100, listShare: 6 },
        { practice: 1, patients: 30, areaShare: (30 / 90.5) * 100, listShare: 7.5 },
      ],
      total: 90.5,
      omitted: { practices: 1, patients: 0.5, areaShare: (0.5 / 90.5) * 100 },
    },
    {
      name: 'two LSOAs pool a practice across both',
      parts: wholeLsoas([0, 1]),
      rows: [
        { practice: 1, patients: 80, areaShare: 53.33333333333333, listShare: 20 },
        { practice: 0, patients: 60, areaShare: 40, listShare: 6 },
        { practice: 2, patients: 9.5, areaShare: (9.5 / 150) * 100, listShare: null },
      ],
      total: 150,
      omitted: { practices: 1, patients: 0.5, areaShare: (0.5 / 150) * 100 },
    },
    {
      name: 'a part-LSOA weight scales its patients',
      parts: [[2, 0.5] as const],
      rows: [{ practice: 0, patients: 50, areaShare: 100, listShare: 5 }],
      total: 50,
      omitted: { practices: 0, patients: 0, areaShare: 0 },
    },
    {
      name: 'an LSOA outside the flows contributes nothing',
      parts: wholeLsoas([7]),
      rows: [],
      total: 0,
      omitted: { practices: 0, patients: 0, areaShare: 0 },
    },
  ])('$name', ({ parts, rows, total, omitted }) => {
    const s = servingPractices(synthetic, parts, lists);
    expect(s.total).toBeCloseTo(total, 9);
    expect(s.rows.map((r) => r.practice)).toEqual(rows.map((r) => r.practice));
    s.rows.forEach((r, k) => {
      expect(r.patients).toBeCloseTo(rows[k].patients, 9);
      expect(r.areaShare).toBeCloseTo(rows[k].areaShare, 9);
      if (rows[k].listShare == null) expect(r.listShare).toBeNull();
      else expect(r.listShare).toBeCloseTo(rows[k].listShare!, 9);
    });
    expect(s.omitted.practices).toBe(omitted.practices);
    expect(s.omitted.patients).toBeCloseTo(omitted.patients, 9);
    expect(s.omitted.areaShare).toBeCloseTo(omitted.areaShare, 9);
    expect(s.threshold).toBe(1);
  });

  it('cuts at the threshold given, keeping shares exactly at it', () => {
    // Practice 2 has 9.5 / 150 = 6.33%: kept at a 6.33% cut expressed a little lower, dropped above.
    expect(servingPractices(synthetic, wholeLsoas([0, 1]), lists, 6.3).rows.map((r) => r.practice)).toEqual([1, 0, 2]);
    expect(servingPractices(synthetic, wholeLsoas([0, 1]), lists, 6.4).rows.map((r) => r.practice)).toEqual([1, 0]);
    expect(servingPractices(synthetic, wholeLsoas([0, 1]), lists, 0).rows).toHaveLength(4);
  });

  it('gives nothing for empty flows or an empty place', () => {
    expect(servingPractices([], wholeLsoas([0, 1]), lists)).toEqual({ rows: [], total: 0, threshold: 1, omitted: { practices: 0, patients: 0, areaShare: 0 } });
    expect(servingPractices([[], []], wholeLsoas([0, 1]), lists).rows).toEqual([]);
    expect(servingPractices(synthetic, [], lists).rows).toEqual([]);
  });

  it('breaks ties by practice order', () => {
    const tied: Flows = [
      [
        [3, 10],
        [1, 10],
      ],
    ];
    expect(servingPractices(tied, wholeLsoas([0]), []).rows.map((r) => r.practice)).toEqual([1, 3]);
  });

  const flowsArb = fc.array(
    fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.double({ min: 0, max: 5000, noNaN: true })), { maxLength: 8 }),
    { minLength: 1, maxLength: 12 },
  );

  it('shares add up to 100% before the cut (property)', () => {
    fc.assert(
      fc.property(flowsArb, fc.double({ min: 0, max: 50, noNaN: true }), (flows, threshold) => {
        const parts = wholeLsoas(flows.map((_, i) => i));
        const s = servingPractices(flows, parts, []);
        const listed = s.rows.reduce((a, r) => a + r.areaShare, 0);
        if (s.total > 0) expect(listed + s.omitted.areaShare).toBeCloseTo(100, 6);
        else expect(s.rows).toEqual([]);
        // The same place cut at any threshold: listed + omitted is still everything.
        const cut = servingPractices(flows, parts, [], threshold);
        if (cut.total > 0) expect(cut.rows.reduce((a, r) => a + r.areaShare, 0) + cut.omitted.areaShare).toBeCloseTo(100, 6);
        expect(cut.rows.every((r) => r.areaShare >= threshold)).toBe(true);
        for (let k = 1; k < cut.rows.length; k++) expect(cut.rows[k - 1].patients).toBeGreaterThanOrEqual(cut.rows[k].patients);
      }),
    );
  });
});
