import { describe, expect, it } from 'vitest';
import type { AssetCategory } from '../../../src/lib/assets/categories';
import { countWithin, nearestByCategory, nearestDistance } from '../../../src/lib/assets/nearest';
import { EARTH_RADIUS_M, haversineMetres } from '../../../src/lib/core/geo';

/** Metres per degree of latitude on the sphere used. */
const M_PER_DEG = (EARTH_RADIUS_M * Math.PI) / 180;
const origin: [number, number] = [-1.318986, 54.561625]; // TS18 1HU (OS Code-Point Open)
const north = (m: number): [number, number] => [origin[0], origin[1] + m / M_PER_DEG];

type P = { id: string; category: AssetCategory; lon: number; lat: number; open?: boolean };
const at = (id: string, category: AssetCategory, m: number, open = true): P => {
  const [lon, lat] = north(m);
  return { id, category, lon, lat, open };
};

describe('haversineMetres', () => {
  it('one degree of latitude is about 111.2 km', () => {
    expect(haversineMetres([0, 0], [0, 1])).toBeCloseTo(111195, -1);
    expect(haversineMetres([-1.3, 54], [-1.3, 55]) / 1000).toBeCloseTo(111.2, 1);
  });
  it('is zero for the same point and symmetric', () => {
    expect(haversineMetres(origin, origin)).toBe(0);
    const b: [number, number] = [-1.294445, 54.607237];
    expect(haversineMetres(origin, b)).toBe(haversineMetres(b, origin));
  });
  it('matches the British National Grid distance between two real Stockton postcodes', () => {
    // TS18 1HU (444136, 518701) and TS23 2NH (445672, 523792): grid distance 5317.7 m,
    // ground distance ≈ grid / local scale factor 0.99963 ≈ 5319.7 m.
    const grid = Math.hypot(445672 - 444136, 523792 - 518701);
    const d = haversineMetres([-1.318986, 54.561625], [-1.294445, 54.607237]);
    expect(Math.abs(d - grid / 0.99963) / d).toBeLessThan(0.003);
    expect(d).toBeGreaterThan(5290);
    expect(d).toBeLessThan(5350);
  });
  it('one degree of longitude shrinks with cos(latitude)', () => {
    const d = haversineMetres([-1.5, 54.5], [-0.5, 54.5]);
    expect(d / 1000).toBeCloseTo(111.195 * Math.cos((54.5 * Math.PI) / 180), 0);
  });
});

describe('nearestByCategory', () => {
  const assets: P[] = [
    at('gp-far', 'gp', 2000),
    at('gp-near', 'gp', 150),
    at('gp-mid', 'gp', 900),
    at('ph-1', 'pharmacy', 600),
    at('gp-mid-twin', 'gp', 900),
    at('lib-closed', 'library', 100, false),
    at('lib-open', 'library', 1500),
  ];

  it('sorts each category nearest first, with distances, and keeps every category', () => {
    const r = nearestByCategory(origin, assets, { limitPerCategory: 3 });
    expect(r.gp.map((h) => h.asset.id)).toEqual(['gp-near', 'gp-mid', 'gp-mid-twin']);
    expect(r.gp[0].distanceM).toBeCloseTo(150, 3);
    expect(r.gp[1].distanceM).toBeCloseTo(900, 3);
    expect(r.pharmacy.map((h) => h.asset.id)).toEqual(['ph-1']);
    expect(r.hub).toEqual([]);
    expect(Object.keys(r).sort()).toEqual(['champion_org', 'food_bank', 'gp', 'hub', 'library', 'nhs_other', 'osm_gym', 'osm_park', 'pharmacy', 'user']);
    expect(r.user).toEqual([]);
  });

  it('keeps input order for ties, applies the limit, filter, categories and maximum distance', () => {
    expect(nearestByCategory(origin, assets, { limitPerCategory: 1 }).gp.map((h) => h.asset.id)).toEqual(['gp-near']);
    expect(nearestByCategory(origin, assets).gp).toHaveLength(3); // default 3
    expect(nearestByCategory(origin, assets, { filter: (a) => a.open !== false }).library.map((h) => h.asset.id)).toEqual(['lib-open']);
    const onlyGp = nearestByCategory(origin, assets, { categories: ['gp'] });
    expect(onlyGp.pharmacy).toEqual([]);
    expect(nearestByCategory(origin, assets, { maxDistanceM: 1000, limitPerCategory: 10 }).gp.map((h) => h.asset.id)).toEqual([
      'gp-near',
      'gp-mid',
      'gp-mid-twin',
    ]);
  });

  it('nearestDistance gives Infinity when nothing qualifies', () => {
    expect(nearestDistance(origin, assets, (a) => a.category === 'gp')).toBeCloseTo(150, 3);
    expect(nearestDistance(origin, assets, (a) => a.category === 'hub')).toBe(Infinity);
    expect(nearestDistance(origin, [])).toBe(Infinity);
  });
});

describe('countWithin', () => {
  const assets: P[] = [at('a', 'gp', 300), at('b', 'gp', 700), at('c', 'gp', 1100), at('d', 'gp', 1500), at('e', 'pharmacy', 399), at('f', 'pharmacy', 401)];

  it('counts per category within 400, 800 and 1200 m', () => {
    const r = countWithin(origin, assets);
    expect(r.radiiMetres).toEqual([400, 800, 1200]);
    expect(r.byCategory.gp).toEqual([1, 2, 3]);
    expect(r.byCategory.pharmacy).toEqual([1, 2, 2]);
    expect(r.byCategory.library).toEqual([0, 0, 0]);
    expect(r.total).toEqual([2, 4, 5]);
  });

  it('takes custom radii (inclusive) and a filter; a westward point is found too', () => {
    const west: P = { id: 'w', category: 'hub', lon: origin[0] - 500 / (M_PER_DEG * Math.cos((origin[1] * Math.PI) / 180)), lat: origin[1] };
    const r = countWithin(origin, [...assets, west], [500.5, 2000], (a) => a.id !== 'b');
    expect(r.byCategory.hub).toEqual([1, 1]);
    expect(r.byCategory.gp).toEqual([1, 3]);
  });

  it('counts points from a person’s own file (category "user") like the built-in layers', () => {
    const mine = [at('u1', 'user', 350), at('u2', 'user', 1000)];
    const r = countWithin(origin, [...assets, ...mine]);
    expect(r.byCategory.user).toEqual([1, 1, 2]);
    expect(r.total).toEqual([3, 5, 7]);
    expect(nearestByCategory(origin, [...assets, ...mine]).user.map((h) => h.asset.id)).toEqual(['u1', 'u2']);
  });
});
