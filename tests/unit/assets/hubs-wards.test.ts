/**
 * Issue 12 defects: a hub given by latitude/longitude inside Mandale & Victoria was marked "outside the
 * borough" (no ward was found for points without a postcode); long lists from a loaded file are capped.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HUBS_COLUMNS, LIST_CAP, capList, parseHubsCsv, placeHubsInWards, wardLocator } from '../../../src/lib/assets/hubs';
import type { IndicatorBundle } from '../../../src/lib/core/types';

const root = resolve(__dirname, '../../..');
const bundle = JSON.parse(readFileSync(resolve(root, 'public/data/indicators.json'), 'utf8')) as IndicatorBundle;
const wardGeo = JSON.parse(readFileSync(resolve(root, 'public/data/geo-ward.json'), 'utf8'));
const W = bundle.areas.ward;
const mandale = W.names.indexOf('Mandale & Victoria');
const MANDALE_CODE = W.codes[mandale];
/** The ward's label point (inside the ward, from its geometry). */
const [lon, lat] = (W as unknown as { label: [number, number][] }).label[mandale];
const wardByName = new Map(W.names.map((n, i) => [n, W.codes[i]]));
const wardNames = new Map(W.codes.map((c, i) => [c, W.names[i]]));
const csv = `${HUBS_COLUMNS.join(',')}\nThornaby hub,,hub,,,,${lat},${lon},,,2025-01-01\nMiddlesbrough hub,,hub,,,,54.575852,-1.244942,,,2025-01-01\n`;

describe('hubs by latitude/longitude', () => {
  it('wardLocator finds Mandale & Victoria for a point inside it, and no ward outside the borough', () => {
    expect(MANDALE_CODE).toBe('E05014872');
    const wardAt = wardLocator(wardGeo);
    expect(wardAt(lon, lat)).toBe(MANDALE_CODE);
    // Every ward's label point is in that ward.
    W.codes.forEach((c, i) => expect(wardAt(...(W as unknown as { label: [number, number][] }).label[i])).toBe(c));
    expect(wardAt(-1.244942, 54.575852)).toBeNull(); // Middlesbrough
    expect(wardAt(NaN, 54)).toBeNull();
  });

  it('a hub by latitude/longitude inside Mandale & Victoria is in the borough, in that ward', () => {
    const r = parseHubsCsv(csv, () => null, wardByName, { wardAt: wardLocator(wardGeo) });
    expect(r.points[0]).toMatchObject({ name: 'Thornaby hub', inBorough: true, wardCode: MANDALE_CODE, ward: 'Mandale & Victoria' });
    expect(r.points[1]).toMatchObject({ inBorough: false });
    expect(r.points[1].wardCode).toBeUndefined();
  });

  it('a file read without wardAt (as the app reads it) is put right by placeHubsInWards', () => {
    const r = parseHubsCsv(csv, () => null, wardByName);
    expect(r.points[0].inBorough).toBe(false); // the defect, before the ward step
    const placed = placeHubsInWards(r.points, wardLocator(wardGeo), wardNames);
    expect(placed[0]).toMatchObject({ inBorough: true, wardCode: MANDALE_CODE, ward: 'Mandale & Victoria' });
    expect(placed[1]).toBe(r.points[1]);
    expect(r.points[0].inBorough).toBe(false); // not mutated
  });
});

describe('capList', () => {
  it('keeps short lists whole and caps long ones, counting the rest', () => {
    expect(capList([1, 2, 3])).toEqual({ shown: [1, 2, 3], more: 0 });
    const many = Array.from({ length: 10_000 }, (_, i) => i);
    const c = capList(many);
    expect(LIST_CAP).toBe(200);
    expect(c.shown).toHaveLength(200);
    expect(c.shown[199]).toBe(199);
    expect(c.more).toBe(9_800);
    expect(capList(many.slice(0, 200)).more).toBe(0);
    expect(capList(many, 5)).toEqual({ shown: [0, 1, 2, 3, 4], more: 9_995 });
  });
});
