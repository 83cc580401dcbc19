import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { area, booleanClockwise, booleanContains, buffer } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { IndicatorBundle, IndicatorRecord } from '../../../src/lib/core/types';
import type { AssetCategory } from '../../../src/lib/assets/categories';
import { parseCsv } from '../../../src/lib/core/csv';
import { areaValue } from '../../../src/lib/indicators/value';
import { wgs84ToBng } from '../../../src/lib/site/crs';
import { haversineMetres } from '../../../src/lib/core/geo';
import { WHAT_THIS_CANNOT_TELL, appraisalCsv, appraise, siteGeoJson, type SiteAsset } from '../../../src/lib/site/appraisal';
import { areaWeights, catchments, poolWeighted } from '../../../src/lib/site/catchments';
import { parseSiteGeoJson, siteFromPoint, siteFromPolygon, type SiteGeometry, type SiteParseResult } from '../../../src/lib/site/geometry';

const root = resolve(__dirname, '../../..');

/** The built files the browser loads (npm run data:ensure builds them before the unit tests). */
function readJson<T>(rel: string): T {
  return JSON.parse(readFileSync(resolve(root, rel), 'utf8')) as T;
}
const bundle = readJson<IndicatorBundle>('public/data/indicators.json');
const geo = readJson<FeatureCollection<MultiPolygon | Polygon>>('public/data/geo-lsoa.json');
const ind = (id: string) => bundle.indicators.find((x) => x.id === id)!;

/** Real community assets (data/assets/assets_all.csv), categories mapped to assets.ts ids. */
const CSV_CATEGORY: Record<string, AssetCategory> = { gp_surgery: 'gp', pharmacy: 'pharmacy', library: 'library', food_bank: 'food_bank', health_service: 'nhs_other' };
const realAssets: SiteAsset[] = parseCsv(readFileSync(resolve(root, 'data/assets/assets_all.csv'), 'utf8')).rows.map((r) => ({
  name: r.name,
  category: CSV_CATEGORY[r.category],
  lon: Number(r.lon),
  lat: Number(r.lat),
  status: r.status === 'closed' ? 'closed' : 'open',
}));

const TS18_1HU: [number, number] = [-1.318986, 54.561625];

const ok = (r: SiteParseResult) => {
  if ('error' in r) throw new Error(`expected a site, got: ${r.error}`);
  return r;
};
const err = (r: SiteParseResult) => {
  if (!('error' in r)) throw new Error('expected an error');
  return r.error;
};
const rectangle = (w: number, s: number, e: number, n: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] });
const feature = (geometry: Polygon | MultiPolygon, properties: Record<string, unknown> = {}): Feature<Polygon | MultiPolygon> => ({ type: 'Feature', properties, geometry });

// ---------------------------------------------------------------------------------------------

describe('a site covering one whole LSOA', () => {
  it('touches only that LSOA, wholly, for every LSOA in the borough', () => {
    geo.features.forEach((f, i) => {
      const w = areaWeights(f.geometry, geo);
      expect(w.map((x) => x.lsoa), f.properties?.code).toEqual([i]);
      expect(w[0].share).toBeGreaterThan(0.99999);
      expect(w[0].clipped).toBe(false);
    });
  });

  it.each([0, 11, 60, 123])('returns LSOA %i’s own values (residents, disability %, scores, decile)', (i) => {
    const f = geo.features[i];
    expect(f.properties?.code).toBe(bundle.areas.lsoa.codes[i]);
    const site = ok(parseSiteGeoJson(JSON.stringify(f))).site;
    expect(site.kind).toBe('polygon');
    const a = appraise(bundle, geo, site, [0]);
    const ring = a.rings[0];
    expect(ring.label).toBe('Site');
    expect(ring.lsoas.map((l) => l.code)).toEqual([bundle.areas.lsoa.codes[i]]);
    expect(ring.clipped).toEqual([]);
    expect(ring.residents).toBe(bundle.areas.lsoa.residents[i]);

    const own = areaValue(ind('disability'), 'lsoa', i);
    const v = ring.values.disability;
    expect(v.value).toBeCloseTo(ind('disability').data.lsoa!.values[i]!, 4);
    expect(v.lower).toBeCloseTo(own.lower!, 3);
    expect(v.upper).toBeCloseTo(own.upper!, 3);
    expect(v.category).toBe(own.category);
    expect(ring.values.imd_score.value).toBeCloseTo(ind('imd_score').data.lsoa!.values[i]!, 6);
    expect(ring.values.imd_decile.value).toBe(ind('imd_decile').data.lsoa!.values[i]);
    expect(ring.values.usual_residents.value).toBeCloseTo(bundle.areas.lsoa.residents[i], 1);
    const decile = ind('imd_decile').data.lsoa!.values[i]!;
    expect(ring.imdDecileMix![decile - 1]).toBe(bundle.areas.lsoa.residents[i]);
    expect(ring.mostDeprived10.percent).toBe(decile === 1 ? 100 : 0);
    expect(ring.mostDeprived20.percent).toBe(decile <= 2 ? 100 : 0);
  });
});

describe('a site split across two LSOAs', () => {
  // Two equal squares side by side (same latitude band, so equal areas on the sphere).
  const lsoas: FeatureCollection<Polygon> = {
    type: 'FeatureCollection',
    features: [feature(rectangle(-1.32, 54.56, -1.31, 54.57), { code: 'A' }), feature(rectangle(-1.31, 54.56, -1.3, 54.57), { code: 'B' })] as Feature<Polygon>[],
  };
  // All of A and the western half of B.
  const siteRect = rectangle(-1.321, 54.559, -1.305, 54.571);

  it('weights them by the share of their area inside: 1 and 0.5', () => {
    const w = areaWeights(siteRect, lsoas);
    expect(w.map((x) => x.lsoa)).toEqual([0, 1]);
    expect(w[0].share).toBeCloseTo(1, 6);
    expect(w[0].clipped).toBe(false);
    expect(w[1].share).toBeCloseTo(0.5, 6);
    expect(w[1].clipped).toBe(true);
  });

  it('pools counts, proportions and scores with those weights', () => {
    const rec = (over: Partial<IndicatorRecord>): IndicatorRecord => ({
      id: 'x', label: 'x', theme: 't', unit: '%', decimals: 1, period: '2021', source: 's', licence: 'OGL', polarity: 'LowIsGood',
      kind: 'score', compare: 'none', method: '', caveats: '', geographyMethod: {}, data: {}, ...over,
    });
    const breaks = { quantile: [], jenks: [] };
    const indicators = [
      rec({ id: 'prop', kind: 'proportion', compare: 'interval', england: { value: 20, statistic: 's' }, data: { lsoa: { values: [10, 50], numerators: [10, 100], denominators: [100, 200], breaks } } }),
      rec({ id: 'score', kind: 'score', data: { lsoa: { values: [10, 40], breaks } } }),
      rec({ id: 'count', kind: 'count', unit: 'people', data: { lsoa: { values: [100, 200], breaks } } }),
    ];
    const mini = { areas: { lsoa: { codes: ['A', 'B'], names: ['A', 'B'], aliases: [], residents: [100, 200], bbox: [], label: [] } }, indicators } as unknown as IndicatorBundle;
    const a = appraise(mini, lsoas, siteFromPolygon(siteRect.coordinates[0]), [0]);
    const r = a.rings[0];
    expect(r.residents).toBe(200); // 100 + 200 × 0.5
    expect(r.clipped).toEqual(['B']);
    expect(r.values.prop.numerator).toBeCloseTo(60, 4); // 10 + 100 × 0.5
    expect(r.values.prop.denominator).toBeCloseTo(200, 4);
    expect(r.values.prop.value).toBeCloseTo(30, 4);
    expect(r.values.prop.lower).toBeLessThan(30);
    expect(r.values.prop.upper).toBeGreaterThan(30);
    expect(r.values.prop.category).toBe('Worse'); // 30% (24–37%) against England's 20%, low is good
    expect(r.values.score.value).toBeCloseTo(25, 4); // weights 100 × 1 and 200 × 0.5
    expect(r.values.count.value).toBeCloseTo(200, 4);
    expect(r.imdDecileMix).toBeNull();
    // The same through poolWeighted directly.
    expect(poolWeighted(mini, indicators[1], [{ lsoa: 0, weight: 1 }, { lsoa: 1, weight: 0.5 }]).value).toBeCloseTo(25, 6);
    expect(poolWeighted(mini, indicators[1], []).value).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------------

describe('parseSiteGeoJson', () => {
  const sq = rectangle(-1.32, 54.56, -1.315, 54.563);

  it('accepts a bare geometry, a Feature and a FeatureCollection', () => {
    for (const obj of [sq, feature(sq), { type: 'FeatureCollection', features: [feature(sq)] }]) {
      const { site } = ok(parseSiteGeoJson(JSON.stringify(obj)));
      expect(site.kind).toBe('polygon');
      expect(site.geometry).toEqual(sq);
      expect(site.areaHa).toBeCloseTo(area(sq) / 10_000, 6);
      expect(site.centroid[0]).toBeCloseTo(-1.3175, 6);
      expect(site.centroid[1]).toBeCloseTo(54.5615, 6);
    }
  });

  it('unions several polygons: adjacent ones into one polygon, separate ones into a MultiPolygon', () => {
    const a = rectangle(-1.32, 54.56, -1.31, 54.57);
    const b = rectangle(-1.31, 54.56, -1.3, 54.57);
    const c = rectangle(-1.28, 54.56, -1.27, 54.57);
    const two = ok(parseSiteGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [feature(a), feature(b)] })));
    expect(two.site.geometry.type).toBe('Polygon');
    expect(two.site.areaHa).toBeCloseTo((area(a) + area(b)) / 10_000, 3);
    expect(two.notes.join(' ')).toMatch(/2 polygon features were combined/);
    const apart = ok(parseSiteGeoJson(JSON.stringify({ type: 'FeatureCollection', features: [feature(a), feature(c)] })));
    expect(apart.site.geometry.type).toBe('MultiPolygon');
    expect(apart.site.areaHa).toBeCloseTo((area(a) + area(c)) / 10_000, 3);
  });

  it('takes the first point when there are only points, and ignores points beside a polygon', () => {
    const pts = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: TS18_1HU } }, { type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [-1.3, 54.5] } }] };
    const p = ok(parseSiteGeoJson(JSON.stringify(pts)));
    expect(p.site).toEqual(siteFromPoint(TS18_1HU));
    expect(p.notes.join(' ')).toMatch(/2 points; the first/);
    expect(ok(parseSiteGeoJson(JSON.stringify({ type: 'MultiPoint', coordinates: [TS18_1HU, [-1.3, 54.5]] }))).site.centroid).toEqual(TS18_1HU);
    const mixed = ok(parseSiteGeoJson(JSON.stringify({ type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: TS18_1HU }, sq] })));
    expect(mixed.site.kind).toBe('polygon');
  });

  it('detects British National Grid and converts it', () => {
    const [e, n] = [444136, 518701]; // TS18 1HU
    const bng = rectangle(e - 100, n - 100, e + 100, n + 100);
    const r = ok(parseSiteGeoJson(JSON.stringify(feature(bng))));
    expect(r.notes.join(' ')).toMatch(/British National Grid/);
    expect(r.site.areaHa).toBeGreaterThan(3.96); // 200 m × 200 m = 4 ha (grid scale and spherical area: within 1%)
    expect(r.site.areaHa).toBeLessThan(4.04);
    expect(haversineMetres(r.site.centroid, TS18_1HU)).toBeLessThan(5);
    const withCrs = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [e, n] } }] };
    expect(haversineMetres(ok(parseSiteGeoJson(JSON.stringify(withCrs))).site.centroid, TS18_1HU)).toBeLessThan(5);
  });

  it('keeps holes: area is the outer ring less the hole', () => {
    const outer = rectangle(-1.32, 54.56, -1.31, 54.57).coordinates[0];
    const hole = rectangle(-1.318, 54.562, -1.312, 54.568).coordinates[0];
    const { site } = ok(parseSiteGeoJson(JSON.stringify({ type: 'Polygon', coordinates: [outer, hole] })));
    const rings = (site.geometry as Polygon).coordinates;
    expect(booleanClockwise(rings[0])).toBe(false);
    expect(booleanClockwise(rings[1])).toBe(true);
    const expected = (area(rectangle(-1.32, 54.56, -1.31, 54.57)) - area(rectangle(-1.318, 54.562, -1.312, 54.568))) / 10_000;
    expect(site.areaHa).toBeCloseTo(expected, 6);
    expect(site.centroid[0]).toBeCloseTo(-1.315, 6);
    expect(site.centroid[1]).toBeCloseTo(54.565, 6);
  });

  it('closes an open ring and winds it the RFC 7946 way', () => {
    const clockwiseOpen = [[-1.32, 54.56], [-1.32, 54.563], [-1.315, 54.563], [-1.315, 54.56]];
    const { site } = ok(parseSiteGeoJson(JSON.stringify({ type: 'Polygon', coordinates: [clockwiseOpen] })));
    const ring = (site.geometry as Polygon).coordinates[0];
    expect(ring).toHaveLength(5);
    expect(ring[0]).toEqual(ring[4]);
    expect(booleanClockwise(ring)).toBe(false);
  });

  it('ignores feature properties, so hostile text never reaches the result', () => {
    const hostile = {
      type: 'Feature',
      properties: { name: '<img src=x onerror=alert(1)>', description: '=HYPERLINK("http://evil")', __proto__: { polluted: true }, constructor: { prototype: { polluted: true } } },
      geometry: sq,
    };
    const text = JSON.stringify(hostile).replace('"name"', '"__proto__":{"polluted":true},"name"');
    const r = ok(parseSiteGeoJson(text));
    expect(r.notes.join(' ')).toMatch(/properties .* ignored/);
    expect(JSON.stringify(r)).not.toMatch(/onerror|HYPERLINK|polluted/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects bad files with clear messages, never a throw', () => {
    const cases: [string, RegExp][] = [
      ['{"type": "Polygon", "coordinates": [[[-1.3, 54.5], ', /not valid JSON/],
      ['<html><script>alert(1)</script></html>', /not valid JSON/],
      ['', /empty/],
      ['   \n ', /empty/],
      ['42', /not GeoJSON/],
      ['null', /not GeoJSON/],
      ['[]', /not GeoJSON/],
      ['{"features": []}', /not GeoJSON/],
      [JSON.stringify({ type: 'FeatureCollection', features: [] }), /empty: it has no features/],
      [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: null }] }), /no geometry/],
      [JSON.stringify({ type: 'LineString', coordinates: [TS18_1HU, [-1.3, 54.5]] }), /only has lines/],
      [JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: { type: 'MultiLineString', coordinates: [[TS18_1HU, [-1.3, 54.5]]] } }] }), /only has lines/],
      [JSON.stringify({ type: 'Polygon', coordinates: [[['-1.32', '54.56'], ['-1.31', '54.56'], ['-1.31', '54.57'], ['-1.32', '54.56']]] }), /text \(in quotes\)/],
      ['{"type":"Point","coordinates":[1e999, 54.5]}', /not finite/],
      [JSON.stringify({ type: 'Point', coordinates: [null, 54.5] }), /not nested/],
      [JSON.stringify({ type: 'Polygon', coordinates: [-1.3, 54.5] }), /not nested/],
      [JSON.stringify({ type: 'Polygon', coordinates: [[[-1.3, 54.5], [-1.3, 54.5], [-1.3, 54.5], [-1.3, 54.5]]] }), /three distinct corners/],
      [JSON.stringify({ type: 'Polygon', coordinates: [[[-1.32, 54.56], [-1.31, 54.57], [-1.31, 54.56], [-1.32, 54.57], [-1.32, 54.56]]] }), /crosses itself/],
      [JSON.stringify({ type: 'Point', coordinates: [2.3522, 48.8566] }), /outside the UK/], // Paris
      [JSON.stringify({ type: 'Point', coordinates: [54.56, -1.32] }), /outside the UK/], // lat/lon swapped
      [JSON.stringify({ type: 'Point', coordinates: [-146_000, 7_270_000] }), /neither longitude\/latitude/], // Web Mercator
      [JSON.stringify({ type: 'Circle', coordinates: [0, 0] }), /"Circle", which is not a GeoJSON geometry type/],
      [JSON.stringify({ type: '<b>x</b>', coordinates: [0, 0] }), /an unrecognised type/],
      ['['.repeat(100_000) + ']'.repeat(100_000), /not GeoJSON|not valid JSON|could not be read/],
    ];
    for (const [text, message] of cases) {
      let r: SiteParseResult | undefined;
      expect(() => (r = parseSiteGeoJson(text)), text.slice(0, 60)).not.toThrow();
      expect(err(r!), text.slice(0, 60)).toMatch(message);
    }
    expect(err(parseSiteGeoJson(undefined as unknown as string))).toMatch(/No file text/);
  });

  it('refuses huge text before parsing it', () => {
    const huge = `{"type":"Point","coordinates":[-1.3,54.5]}${' '.repeat(5_000_001)}`;
    expect(err(parseSiteGeoJson(huge))).toMatch(/The file is 5\.0 MB; the limit is 5 MB/);
    expect(err(parseSiteGeoJson(JSON.stringify(sq), 100))).toMatch(/the limit is/);
    // Multi-byte characters count as bytes, not characters.
    expect(err(parseSiteGeoJson(`{"type":"Point","coordinates":[-1.3,54.5],"x":"${'é'.repeat(60)}"}`, 120))).toMatch(/the limit is/);
  });

  it('never throws on truncated or corrupted copies of a real file', () => {
    const text = JSON.stringify(geo.features[11]);
    for (let cut = 0; cut < text.length; cut += 7) {
      expect(() => parseSiteGeoJson(text.slice(0, cut))).not.toThrow();
      expect(() => parseSiteGeoJson(text.slice(0, cut) + '"x"' + text.slice(cut + 3))).not.toThrow();
    }
  });
});

// ---------------------------------------------------------------------------------------------

describe('catchments', () => {
  it('a 400 m buffer of a point has area π·400² within 2%', () => {
    const [c] = catchments(siteFromPoint(TS18_1HU), [400]);
    const expected = Math.PI * 400 ** 2;
    expect(Math.abs(area(c.geometry) - expected) / expected).toBeLessThan(0.02);
    expect(c.label).toBe('Within 400 m');
    expect(c.radius).toBe(400);
  });

  it('rings are buffers of the whole site, nested, labelled with their distance', () => {
    const site = siteFromPolygon(rectangle(-1.32, 54.56, -1.31, 54.565).coordinates[0]);
    const rings = catchments(site);
    expect(rings.map((r) => r.label)).toEqual(['Within 400 m', 'Within 800 m', 'Within 1,200 m']);
    expect(booleanContains(feature(rings[0].geometry), feature(site.geometry as Polygon))).toBe(true);
    expect(booleanContains(feature(rings[1].geometry), feature(rings[0].geometry))).toBe(true);
    expect(booleanContains(feature(rings[2].geometry), feature(rings[1].geometry))).toBe(true);
    // A buffer reaches its distance beyond the site's edge: the northern edge is at 54.565°.
    const north = Math.max(...(rings[0].geometry as Polygon).coordinates[0].map((p) => p[1]));
    expect(haversineMetres([-1.315, 54.565], [-1.315, north])).toBeCloseTo(400, -1);
  });

  it('buffers a detailed polygon (a real LSOA) in steps that match a direct buffer to 0.2%', () => {
    const site = ok(parseSiteGeoJson(JSON.stringify(geo.features[11]))).site;
    const rings = catchments(site, [800, 0, 400]);
    expect(rings.map((r) => r.radius)).toEqual([800, 0, 400]);
    expect(rings[1].geometry).toEqual(site.geometry);
    for (const r of [rings[0], rings[2]]) {
      const direct = buffer(feature(site.geometry as MultiPolygon), r.radius, { units: 'meters', steps: 16 })!;
      expect(Math.abs(area(r.geometry) / area(direct) - 1)).toBeLessThan(0.002);
    }
    expect(booleanContains(feature(rings[0].geometry), feature(rings[2].geometry))).toBe(true);
  });

  it('radius 0 is the site itself (empty for a point); bad radii throw', () => {
    const poly = siteFromPolygon(rectangle(-1.32, 54.56, -1.31, 54.565).coordinates[0]);
    expect(catchments(poly, [0])[0]).toMatchObject({ radius: 0, label: 'Site', geometry: poly.geometry });
    expect(catchments(siteFromPoint(TS18_1HU), [0])[0].geometry.coordinates).toEqual([]);
    expect(() => catchments(poly, [-1])).toThrow(RangeError);
    expect(() => catchments(poly, [NaN])).toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------

describe('appraise: Stockton town centre (TS18 1HU)', () => {
  const site = siteFromPoint(TS18_1HU);
  const t0 = performance.now();
  const a = appraise(bundle, geo, site, [400, 800, 1200], realAssets);
  const ms = performance.now() - t0;

  it('takes well under a second', () => {
    const t1 = performance.now();
    appraise(bundle, geo, site, [400, 800, 1200], realAssets);
    const warm = performance.now() - t1;
    console.log(`appraise(TS18 1HU, 400/800/1200 m, ${realAssets.length} assets): first call ${ms.toFixed(0)} ms, warm ${warm.toFixed(0)} ms`);
    expect(warm).toBeLessThan(2000);
  });

  it('estimates residents per ring, growing with the radius and bounded by the LSOAs touched', () => {
    expect(a.rings.map((r) => r.radius)).toEqual([400, 800, 1200]);
    for (const r of a.rings) {
      const whole = r.lsoas.reduce((s, l) => s + bundle.areas.lsoa.residents[l.index], 0);
      expect(r.residents).toBeGreaterThan(0);
      expect(r.residents).toBeLessThanOrEqual(whole);
      expect(r.residentsNote).toMatch(/Estimate/);
      expect(r.clipped).toEqual(r.lsoas.filter((l) => l.share < 0.999).map((l) => l.code));
      expect(r.imdDecileMix!.reduce((s, x) => s + x, 0)).toBeCloseTo(r.residents, -1);
      // Share in the most deprived 10% from the indicator's counts agrees with the decile mix.
      expect(r.mostDeprived10.percent!).toBeCloseTo((100 * r.imdDecileMix![0]) / r.residents, 0);
      expect(r.mostDeprived20.percent!).toBeGreaterThanOrEqual(r.mostDeprived10.percent!);
      expect(Object.keys(r.values).sort()).toEqual(bundle.indicators.map((i) => i.id).sort());
    }
    expect(a.rings[0].residents).toBeLessThan(a.rings[1].residents);
    expect(a.rings[1].residents).toBeLessThan(a.rings[2].residents);
    // The town centre LSOA that holds the point is in every ring.
    for (const r of a.rings) expect(r.lsoas.length).toBeGreaterThan(0);
  });

  it('pools proportions from apportioned counts with a Wilson interval and an England comparison', () => {
    for (const r of a.rings) {
      const v = r.values.disability;
      expect(v.value!).toBeCloseTo((v.numerator! / v.denominator!) * 100, 8);
      expect(v.lower!).toBeLessThan(v.value!);
      expect(v.upper!).toBeGreaterThan(v.value!);
      expect(['Better', 'Similar', 'Worse']).toContain(v.category);
      expect(v.method).toMatch(/weighted by the share of its area/);
    }
  });

  it('counts assets in each ring, finds the nearest of each category, and lists gaps', () => {
    const gp = a.nearest.find((n) => n.category === 'gp')!;
    expect(gp.distanceM).toBeLessThan(1); // practices at the Lawson Street health centre share this postcode
    expect(realAssets.some((x) => x.category === 'gp' && x.name === gp.name && x.lon === TS18_1HU[0])).toBe(true);
    for (const cat of ['gp', 'pharmacy', 'library', 'food_bank', 'nhs_other'] as const) {
      const counts = a.rings.map((r) => r.assetCounts[cat]!);
      expect(counts[0]).toBeLessThanOrEqual(counts[1]);
      expect(counts[1]).toBeLessThanOrEqual(counts[2]);
      // Point in polygon agrees with straight-line distance except right at the buffer's edge.
      const within = (m: number) => realAssets.filter((x) => x.category === cat && x.status !== 'closed' && haversineMetres(TS18_1HU, [x.lon, x.lat]) <= m).length;
      expect(Math.abs(counts[2] - within(1200))).toBeLessThanOrEqual(1);
    }
    expect(a.rings[0].assetCounts.gp).toBeGreaterThan(0);
    for (const g of a.gaps) expect(g).toMatch(/^No .+ within [\d,]+ m \(nearest: .+, [\d.]+ k?m in a straight line\)\.$/);
    expect(a.cannotTell).toBe(WHAT_THIS_CANNOT_TELL);
  });

  it('writes a CSV with one row per ring and indicator, safe for spreadsheets', () => {
    const csv = appraisalCsv(a, bundle, new Date('2026-01-01'));
    const lines = csv.split('\n');
    expect(lines[0]).toMatch(/^# Neighbourhood health explorer: site appraisal/);
    expect(csv).toMatch(/# Cannot tell: Air quality/);
    const table = parseCsv(lines.filter((l) => !l.startsWith('#')).join('\n'));
    expect(table.errors).toEqual([]);
    expect(table.fields.slice(0, 3)).toEqual(['ring', 'radius_m', 'section']);
    const indicatorRows = table.rows.filter((r) => r.section === 'indicator');
    expect(indicatorRows).toHaveLength(3 * bundle.indicators.length);
    const residents = table.rows.filter((r) => r.measure_id === 'residents').map((r) => Number(r.value));
    expect(residents).toEqual(a.rings.map((r) => r.residents));
    expect(table.rows.filter((r) => r.section === 'nearest').length).toBe(a.nearest.length);

    const evil = appraise(bundle, geo, site, [400], [{ name: '=HYPERLINK("http://x")', category: 'library', lon: TS18_1HU[0], lat: TS18_1HU[1] }]);
    expect(appraisalCsv(evil, bundle)).toContain(`'=HYPERLINK`);
  });
});

describe('appraise: a site outside the borough', () => {
  it('touches no LSOAs and says so rather than inventing values', () => {
    const a = appraise(bundle, geo, siteFromPoint([-2.0, 53.0]), [400]);
    const r = a.rings[0];
    expect(r.lsoas).toEqual([]);
    expect(r.residents).toBe(0);
    expect(r.mostDeprived10.percent).toBeNull();
    for (const v of Object.values(r.values)) {
      expect(v.value).toBeNull();
      expect(v.category).toBe('NotCompared');
    }
  });
});

describe('gaps', () => {
  it('names the widest ring with none of a category, with the nearest and its distance', () => {
    const site = siteFromPoint(TS18_1HU);
    const north = (m: number) => TS18_1HU[1] + m / 111_195; // metres north in degrees of latitude
    const assets: SiteAsset[] = [
      { name: 'Far Surgery', category: 'gp', lon: TS18_1HU[0], lat: north(1000) },
      { name: 'Near Pharmacy', category: 'pharmacy', lon: TS18_1HU[0], lat: north(300) },
      { name: 'Closed Library', category: 'library', lon: TS18_1HU[0], lat: north(100), status: 'closed' },
    ];
    const a = appraise(bundle, geo, site, [400, 800, 1200], assets);
    expect(a.gaps).toEqual(['No GP practice within 800 m (nearest: Far Surgery, 1.0 km in a straight line).']);
    expect(a.rings.map((r) => r.assetCounts.gp)).toEqual([0, 0, 1]);
    expect(a.rings.map((r) => r.assetCounts.pharmacy)).toEqual([1, 1, 1]);
    expect(a.nearest.map((n) => n.name)).toEqual(['Far Surgery', 'Near Pharmacy']);
    expect(a.rings[0].assetCounts.library).toBeUndefined(); // closed assets are ignored
    expect(appraise(bundle, geo, site, [400]).gaps).toEqual([]); // no assets given: no gaps claimed
  });
});

describe('WHAT_THIS_CANNOT_TELL', () => {
  it('covers the data the appraisal lacks and its assumptions', () => {
    const all = WHAT_THIS_CANNOT_TELL.join(' ');
    for (const words of [/air quality/i, /green/i, /transport/i, /travel-time/i, /straight lines, not walking/i, /spread evenly/i]) expect(all).toMatch(words);
  });
});

// ---------------------------------------------------------------------------------------------

describe('siteGeoJson', () => {
  const isRfcPolygon = (coords: Position[][]) =>
    coords.every((ring, k) => ring.length >= 4 && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1] && booleanClockwise(ring) === (k > 0));

  function checkRfc7946(fc: FeatureCollection) {
    expect(fc.type).toBe('FeatureCollection');
    expect('crs' in fc).toBe(false);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      const g = f.geometry;
      if (g.type === 'Polygon') expect(isRfcPolygon(g.coordinates)).toBe(true);
      else if (g.type === 'MultiPolygon') expect(g.coordinates.every(isRfcPolygon)).toBe(true);
      else expect(g.type).toBe('Point');
    }
    // Valid JSON text, and every position a lon/lat.
    const text = JSON.stringify(fc);
    expect(JSON.parse(text)).toEqual(fc);
  }

  const roundTrip = (site: SiteGeometry) => {
    const rings = catchments(site);
    const fc = siteGeoJson(site, rings);
    checkRfc7946(fc);
    expect(fc.features.map((f) => f.properties?.role)).toEqual(['site', 'catchment', 'catchment', 'catchment']);
    expect(fc.features.slice(1).map((f) => f.properties?.radius_m)).toEqual([400, 800, 1200]);
    const back = ok(parseSiteGeoJson(JSON.stringify(fc)));
    expect(back.site).toEqual(site);
    return back;
  };

  it('round-trips a point site', () => {
    roundTrip(siteFromPoint(TS18_1HU));
  });

  it('round-trips a drawn polygon and a real LSOA boundary (MultiPolygon)', () => {
    roundTrip(siteFromPolygon([[-1.32, 54.56], [-1.31, 54.56], [-1.315, 54.566]]));
    const back = roundTrip(ok(parseSiteGeoJson(JSON.stringify(geo.features[11]))).site);
    expect(back.notes.join(' ')).toMatch(/catchment rings in the file were ignored/);
  });

  it('round-trips a British National Grid upload once converted', () => {
    const [e, n] = wgs84ToBng(TS18_1HU);
    const site = ok(parseSiteGeoJson(JSON.stringify(rectangle(e - 50, n - 50, e + 50, n + 50)))).site;
    roundTrip(site);
  });
});
