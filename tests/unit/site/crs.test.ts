import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCsv } from '../../../src/lib/core/csv';
import { bngToWgs84, detectCrs, toWgs84, wgs84ToBng } from '../../../src/lib/site/crs';
import { haversineMetres } from '../../../src/lib/core/geo';

/** OS Code-Point Open postcodes for the borough: easting/northing and PROJ-computed lat/lon. */
const postcodes = parseCsv(readFileSync(resolve(__dirname, '../../../data/assets/postcodes_stockton_on_tees.csv'), 'utf8')).rows.map((r) => ({
  postcode: r.postcode,
  e: Number(r.easting),
  n: Number(r.northing),
  lon: Number(r.lon),
  lat: Number(r.lat),
}));
const byPostcode = new Map(postcodes.map((p) => [p.postcode, p]));

describe('bngToWgs84', () => {
  it('converts TS18 1HU (Stockton town centre) to the Code-Point lat/lon within 5 m', () => {
    const p = byPostcode.get('TS18 1HU')!;
    expect(p).toMatchObject({ e: 444136, n: 518701, lat: 54.561625, lon: -1.318986 });
    const ll = bngToWgs84([p.e, p.n]);
    expect(haversineMetres(ll, [p.lon, p.lat])).toBeLessThan(5);
  });

  it('agrees with the CSV for several real postcodes across the borough', () => {
    for (const code of ['DL2 1HP', 'DL2 1SX', 'TS18 1HU', postcodes[1000].postcode, postcodes[2500].postcode, postcodes[postcodes.length - 1].postcode]) {
      const p = byPostcode.get(code)!;
      const d = haversineMetres(bngToWgs84([p.e, p.n]), [p.lon, p.lat]);
      expect(d, code).toBeLessThan(5);
    }
  });

  it('agrees for every postcode in the file (worst case under 5 m)', () => {
    expect(postcodes.length).toBeGreaterThan(5000);
    let worst = 0;
    for (const p of postcodes) worst = Math.max(worst, haversineMetres(bngToWgs84([p.e, p.n]), [p.lon, p.lat]));
    expect(worst).toBeLessThan(5);
  });

  it('round-trips through wgs84ToBng to the millimetre', () => {
    const [e, n] = wgs84ToBng(bngToWgs84([444136, 518701]));
    expect(e).toBeCloseTo(444136, 2);
    expect(n).toBeCloseTo(518701, 2);
  });
});

describe('detectCrs', () => {
  const square = (x: number, y: number, d: number) => ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });

  it('reads lon/lat and British National Grid from coordinate magnitudes', () => {
    expect(detectCrs(square(-1.32, 54.56, 0.01))).toBe('EPSG:4326');
    expect(detectCrs(square(444000, 518000, 200))).toBe('EPSG:27700');
    expect(detectCrs({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [444136, 518701] } })).toBe('EPSG:27700');
    expect(detectCrs({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: {}, geometry: square(444000, 518000, 200) }] })).toBe('EPSG:27700');
  });

  it('honours a crs member naming 27700 / OSGB or WGS84', () => {
    const crs = (name: string) => ({ type: 'name', properties: { name } });
    expect(detectCrs({ type: 'FeatureCollection', crs: crs('urn:ogc:def:crs:EPSG::27700'), features: [] })).toBe('EPSG:27700');
    expect(detectCrs({ ...square(444000, 518000, 200), crs: crs('EPSG:27700') })).toBe('EPSG:27700');
    expect(detectCrs({ ...square(444000, 518000, 200), crs: crs('OSGB 1936 / British National Grid') })).toBe('EPSG:27700');
    expect(detectCrs({ ...square(-1.3, 54.5, 0.01), crs: crs('urn:ogc:def:crs:OGC:1.3:CRS84') })).toBe('EPSG:4326');
    expect(detectCrs({ ...square(-146000, 7270000, 100), crs: crs('urn:ogc:def:crs:EPSG::3857') })).toBe('unknown');
  });

  it('is unknown for other projections, mixtures, empty or malformed input', () => {
    expect(detectCrs(square(-146000, 7270000, 100))).toBe('unknown'); // Web Mercator
    expect(detectCrs({ type: 'MultiPoint', coordinates: [[-1.3, 54.5], [444136, 518701]] })).toBe('unknown');
    expect(detectCrs({ type: 'FeatureCollection', features: [] })).toBe('unknown');
    expect(detectCrs({ type: 'Point', coordinates: ['-1.3', '54.5'] })).toBe('unknown');
    expect(detectCrs({ type: 'Point', coordinates: [NaN, 54.5] })).toBe('unknown');
    expect(detectCrs(null)).toBe('unknown');
    expect(detectCrs('Point')).toBe('unknown');
    expect(detectCrs({ type: 'Polygon', coordinates: [[1, 2]] })).toBe('unknown');
  });
});

describe('toWgs84', () => {
  it('converts every coordinate of a FeatureCollection, keeps properties and drops crs', () => {
    const fc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::27700' } },
      features: [
        { type: 'Feature', properties: { ref: 'A' }, geometry: { type: 'Point', coordinates: [444136, 518701] } },
        { type: 'Feature', properties: { ref: 'B' }, geometry: { type: 'MultiPolygon', coordinates: [[[[444000, 518000], [444200, 518000], [444200, 518200], [444000, 518000]]]] } },
      ],
    };
    const out = toWgs84(fc) as typeof fc;
    expect('crs' in out).toBe(false);
    expect(out.features[0].properties).toEqual({ ref: 'A' });
    const pt = out.features[0].geometry.coordinates as number[];
    expect(haversineMetres(pt as [number, number], [-1.318986, 54.561625])).toBeLessThan(5);
    const ring = (out.features[1].geometry.coordinates as number[][][][])[0][0];
    expect(ring).toHaveLength(4);
    for (const p of ring) expect(detectCrs({ type: 'Point', coordinates: p })).toBe('EPSG:4326');
    expect(fc.features[0].geometry.coordinates).toEqual([444136, 518701]); // input untouched
  });

  it('copies lon/lat unchanged and refuses an unknown CRS', () => {
    const g = { type: 'Point', coordinates: [-1.3, 54.5] };
    expect(toWgs84(g)).toEqual(g);
    expect(() => toWgs84({ type: 'Point', coordinates: [-146000, 7270000] })).toThrow(/not recognised/);
  });
});
