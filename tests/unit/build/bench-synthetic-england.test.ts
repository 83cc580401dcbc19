/**
 * The benchmark's SYNTHETIC England-size geography (scripts/bench/synthetic-england.ts): exactly 33,755
 * LSOA-like cells, no two overlapping, parents that are exactly their cells, seeded synthetic values.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import { ENGLAND_BBOX, ENGLAND_LSOA_COUNT, latticeSize, seeded, syntheticEngland, syntheticIndicator } from '../../../scripts/bench/synthetic-england';

describe('syntheticEngland at full size', () => {
  const g = syntheticEngland();

  it('has exactly 33,755 LSOA-like cells on distinct lattice positions, each with a unique code', () => {
    expect(ENGLAND_LSOA_COUNT).toBe(33_755);
    expect(g.lsoa.length).toBe(33_755);
    expect(new Set(g.cells.map(([c, r]) => `${c},${r}`)).size).toBe(33_755);
    expect(new Set(g.lsoa.map((f) => f.properties!.code)).size).toBe(33_755);
    expect(g.cols * g.rows).toBeGreaterThanOrEqual(33_755);
    expect(g.cols * (g.rows - 1)).toBeLessThan(33_755);
  });

  it("covers England's extent and nothing beyond it", () => {
    const b = [Infinity, Infinity, -Infinity, -Infinity];
    for (const f of g.lsoa)
      for (const [x, y] of f.geometry.coordinates[0]) {
        b[0] = Math.min(b[0], x);
        b[1] = Math.min(b[1], y);
        b[2] = Math.max(b[2], x);
        b[3] = Math.max(b[3], y);
      }
    const [w, s, e, n] = ENGLAND_BBOX;
    expect(b[0]).toBeCloseTo(w, 6);
    expect(b[2]).toBeCloseTo(e, 6);
    expect(b[1]).toBeCloseTo(s, 6);
    expect(b[3]).toBeLessThanOrEqual(n + 1e-9);
  });

  it('has MSOA-, ward- and district-like parents, every cell naming its own', () => {
    expect(g.msoa.length).toBeGreaterThan(5000);
    expect(g.district.length).toBeGreaterThan(200);
    const msoaCodes = new Set(g.msoa.map((f) => f.properties!.code));
    expect(g.lsoa.every((f) => msoaCodes.has(f.properties!.msoa))).toBe(true);
  });
});

describe('syntheticEngland geometry (small lattices)', () => {
  const bbox: [number, number, number, number] = [-2, 53, -1, 53.6];

  it('no point lies in two cells, and the cells fill the lattice (property, random points)', () => {
    const g = syntheticEngland({ count: 150, bbox, msoaBlock: [2, 2], wardBlock: [3, 2], districtBlock: [4, 5] });
    const fullTop = bbox[1] + ((g.rows - 1) * (bbox[3] - bbox[1])) / g.rows;
    fc.assert(
      fc.property(fc.double({ min: bbox[0], max: bbox[2], noNaN: true }), fc.double({ min: bbox[1], max: bbox[3], noNaN: true }), (x, y) => {
        const p = point([x, y]);
        const inCells = g.lsoa.filter((f) => booleanPointInPolygon(p, f, { ignoreBoundary: true })).length;
        expect(inCells).toBeLessThanOrEqual(1);
        // Below the (partly filled) top row, away from the wiggly lines' reach, every point is in a cell.
        if (y < fullTop - 0.2 * ((bbox[3] - bbox[1]) / g.rows)) expect(g.lsoa.filter((f) => booleanPointInPolygon(p, f)).length).toBeGreaterThanOrEqual(1);
        for (const parents of [g.msoa, g.ward, g.district]) expect(parents.filter((f) => booleanPointInPolygon(p, f, { ignoreBoundary: true })).length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 400 },
    );
  });

  it.each([
    [150, [2, 2]],
    [97, [3, 2]],
    [64, [4, 4]],
  ] as [number, [number, number]][])('%i cells: each parent (block %j) has exactly the area of its cells', (count, block) => {
    const g = syntheticEngland({ count, bbox, msoaBlock: block });
    expect(g.lsoa.length).toBe(count);
    for (const m of g.msoa) {
      const kids = g.lsoa.filter((f) => f.properties!.msoa === m.properties!.code);
      expect(kids.length).toBeGreaterThan(0);
      expect(area(m)).toBeCloseTo(kids.reduce((s, f) => s + area(f), 0), -2);
    }
    const total = g.lsoa.reduce((s, f) => s + area(f), 0);
    expect(g.msoa.reduce((s, f) => s + area(f), 0)).toBeCloseTo(total, -3);
  });

  it.each([
    [33_755, ENGLAND_BBOX],
    [100, [0, 0, 1, 1]],
  ] as [number, [number, number, number, number]][])('latticeSize(%i) holds the count in near-square cells', (count, b) => {
    const [cols, rows] = latticeSize(count, b);
    expect(cols * rows).toBeGreaterThanOrEqual(count);
    expect(cols * (rows - 1)).toBeLessThan(count);
  });
});

describe('synthetic values', () => {
  it('are seeded: the same seed gives the same values, another seed others, all in 0–100', () => {
    const codes = { lsoa: ['SL1', 'SL2', 'SL3', 'SL4', 'SL5', 'SL6'] };
    const a = syntheticIndicator('synthetic_a', codes, 1);
    expect(syntheticIndicator('synthetic_a', codes, 1)).toEqual(a);
    expect(syntheticIndicator('synthetic_a', codes, 2).data.lsoa!.values).not.toEqual(a.data.lsoa!.values);
    expect(a.data.lsoa!.values.every((v) => v! >= 0 && v! <= 100)).toBe(true);
    expect(a.source).toMatch(/synthetic/i);
    const r = seeded(7);
    const xs = Array.from({ length: 1000 }, r);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
