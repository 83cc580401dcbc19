import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Papa from 'papaparse';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HUBS_COLUMNS } from '../../../src/lib/assets/hubs';
import { validateAsset, type Asset } from '../../../src/lib/assets/categories';
import { parseCsv } from '../../../src/lib/core/csv';
import { bngToWgs84 } from '../../../src/lib/site/crs';
import type { ParsedTable } from '../../../src/lib/userdata/types';
import {
  isHubsFile,
  itemList,
  locationColumns,
  parseHubsCsv,
  readPointsCsv,
  readPointsGeoJson,
  userPointsSource,
  type PointsOptions,
} from '../../../src/lib/userdata/points';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'userdata');
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** A CSV as a ParsedTable (papaparse directly, so these tests do not depend on the worker's parser). */
function table(text: string, fileName = 'test.csv'): ParsedTable {
  const res = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { header: false, skipEmptyLines: false });
  const [columns, ...rows] = res.data;
  while (rows.length && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === '') rows.pop();
  return { fileName, columns, rows: rows.map((r) => columns.map((_, i) => r[i] ?? '')), delimiter: ',', notes: [] };
}

// The real postcode file (OS Code-Point Open) as the geocoder, as the app builds it.
const POSTCODES = new Map(
  parseCsv(readFileSync(resolve(__dirname, '../../../data/assets/postcodes_stockton_on_tees.csv'), 'utf8')).rows.map((r) => [
    r.postcode,
    { lon: Number(r.lon), lat: Number(r.lat), wardCode: r.ward_code, wardName: r.ward_name, e: Number(r.easting), n: Number(r.northing) },
  ]),
);

/** Roughly the borough's box: enough to tell Stockton from London in these tests. */
const inBorough = (lon: number, lat: number) => lon > -1.45 && lon < -1.15 && lat > 54.45 && lat < 54.68;
const OPTS: PointsOptions = {
  fileName: 'my-places.csv',
  geocode: (pc) => {
    const g = POSTCODES.get(pc);
    return g ? { lon: g.lon, lat: g.lat, wardCode: g.wardCode } : null;
  },
  inBorough,
};
const opts = (fileName: string, extra: Partial<PointsOptions> = {}): PointsOptions => ({ ...OPTS, fileName, ...extra });

function expectValidAssets(assets: Asset[]) {
  for (const a of assets) {
    const v = validateAsset(a);
    expect('asset' in v ? v.asset : v).toEqual(a);
  }
}

describe('readPointsCsv: latitude and longitude', () => {
  const res = readPointsCsv(table(fixture('synthetic-points-latlon.csv')), opts('synthetic-points-latlon.csv'));

  it('makes a point of every row, category "user", with the file named as the source', () => {
    expect(res.error).toBeUndefined();
    expect(res.rejected).toEqual([]);
    expect(res.itemWord).toBe('row');
    expect(res.located).toEqual({ byLatLon: 5, byEastNorth: 0, byPostcode: 0 });
    expect(res.assets.map((a) => a.id)).toEqual(['user:1', 'user:2', 'user:3', 'user:4', 'user:5']);
    for (const a of res.assets) {
      expect(a.category).toBe('user');
      expect(a.source).toBe('Your file: synthetic-points-latlon.csv (loaded in this browser only)');
      expect(a.licence).toBe('Your own data');
      expect(a.status).toBe('open');
    }
    expectValidAssets(res.assets);
  });

  it('reads the optional columns: type as subcategory, address, phone, website as contact, dates', () => {
    const [walk, allot, yoga] = res.assets;
    expect(walk).toMatchObject({ name: 'Synthetic Walking Club', lat: 54.5616, lon: -1.319, subcategory: 'Physical activity', address: '1 Made-up Street', phone: '01632 960101', contact: 'https://example.org/walk', lastUpdated: '2025-06-01', inBorough: true });
    expect(allot.lastUpdated).toBe('2025-05-20');
    expect(yoga.lastUpdated).toBe('Sep 2025');
    expect(res.warnings.some((w) => /row 4.*not in the form YYYY-MM-DD/i.test(w))).toBe(true);
  });

  it('keeps hostile text literally, as text (never interpreted)', () => {
    const hostile = res.assets[3];
    expect(hostile.name).toBe('<img src=x onerror=alert(1)>');
    expect(hostile.subcategory).toBe('<b>bold</b> & "quoted"');
  });

  it('keeps points outside the borough, marked and warned', () => {
    const far = res.assets[4];
    expect(far).toMatchObject({ name: 'Synthetic Far Away Group', inBorough: false });
    expect(res.warnings.some((w) => /1 of 5 points lie outside the borough \(row 6\)/.test(w))).toBe(true);
  });

  it('takes the ward from wardAt when given', () => {
    const r = readPointsCsv(table(fixture('synthetic-points-latlon.csv')), opts('x.csv', { wardAt: (lon) => (lon < -1.315 ? { code: 'E05014882', name: 'Stockton Town Centre' } : null) }));
    expect(r.assets[0]).toMatchObject({ ward: 'Stockton Town Centre', wardCode: 'E05014882' });
    expect(r.assets[1].ward).toBeUndefined();
  });
});

describe('readPointsCsv: easting and northing (British National Grid)', () => {
  const res = readPointsCsv(table(fixture('synthetic-points-eastnorth.csv')), opts('grid.csv'));

  it('converts with crs.ts (within 1e-5 degrees) and counts them as located by easting/northing', () => {
    expect(res.rejected).toEqual([]);
    expect(res.located).toEqual({ byLatLon: 0, byEastNorth: 3, byPostcode: 0 });
    const [lon, lat] = bngToWgs84([444136, 518701]);
    expect(Math.abs(res.assets[0].lon - lon)).toBeLessThan(1e-5);
    expect(Math.abs(res.assets[0].lat - lat)).toBeLessThan(1e-5);
    // TS18 1HU in OS Code-Point Open: 444136, 518701 ↔ 54.561625, -1.318986 (a few metres apart at most).
    expect(Math.abs(res.assets[0].lat - 54.561625)).toBeLessThan(1e-4);
    expect(Math.abs(res.assets[0].lon - -1.318986)).toBeLessThan(1e-4);
    expect(res.assets[0]).toMatchObject({ name: 'Synthetic Grid Point One', subcategory: 'Community garden', inBorough: true });
    expectValidAssets(res.assets);
  });

  it('reads thousands separators and decimals in metres', () => {
    const pf = POSTCODES.get('TS17 6PF')!;
    const [lon, lat] = bngToWgs84([pf.e, pf.n]);
    expect(res.assets[1].lon).toBeCloseTo(lon, 5);
    expect(res.assets[1].lat).toBeCloseTo(lat, 5);
    const [lon3] = bngToWgs84([442073.5, 518801]);
    expect(res.assets[2].lon).toBeCloseTo(lon3, 5);
  });

  it('reads "x" and "y" columns that hold degrees as longitude and latitude, with a warning', () => {
    const r = readPointsCsv(table('name,x,y\nSynthetic XY,-1.319,54.5616\nSynthetic Grid XY,444136,518701\n'), opts('xy.csv'));
    expect(r.located).toEqual({ byLatLon: 1, byEastNorth: 1, byPostcode: 0 });
    expect(r.assets[0]).toMatchObject({ lon: -1.319, lat: 54.5616 });
    expect(r.warnings.some((w) => /hold longitude and latitude in degrees/.test(w))).toBe(true);
  });

  it('rejects grid references outside the grid or off the coast', () => {
    const r = readPointsCsv(table('name,easting,northing\nA,800000,518701\nB,10,10\n'), opts('g.csv'));
    expect(r.assets).toEqual([]);
    expect(r.rejected.map((x) => x.row)).toEqual([2, 3]);
    expect(r.rejected[0].text).toMatch(/outside the British National Grid/);
    expect(r.rejected[1].text).toMatch(/off the coast of Great Britain/);
  });
});

describe('readPointsCsv: postcodes', () => {
  const res = readPointsCsv(table(fixture('synthetic-points-postcodes.csv')), opts('pcs.csv'));

  it('places rows at their postcode centre from the real postcode file, tolerating case and spacing', () => {
    expect(res.located).toEqual({ byLatLon: 0, byEastNorth: 0, byPostcode: 3 });
    const hu = POSTCODES.get('TS18 1HU')!;
    expect(res.assets[0]).toMatchObject({ name: 'Synthetic Befriending Service', postcode: 'TS18 1HU', lon: hu.lon, lat: hu.lat, wardCode: 'E05014882', contact: 'befriend@example.org', inBorough: true });
    expect(res.assets[1]).toMatchObject({ name: "Synthetic Men's Shed", postcode: 'TS17 6PF', wardCode: 'E05014872' });
    expect(res.assets[2]).toMatchObject({ postcode: 'TS20 1AE', wardCode: 'E05014875' });
    expectValidAssets(res.assets);
  });

  it('rejects unknown and malformed postcodes with their row numbers', () => {
    expect(res.rejected).toEqual([
      { row: 5, text: 'postcode TS21 3AA was not found (the app knows postcodes in and around the borough)' },
      { row: 6, text: '"NOT A POSTCODE" is not a full UK postcode' },
    ]);
  });
});

describe('readPointsCsv: bad rows', () => {
  const res = readPointsCsv(table(fixture('synthetic-points-bad-rows.csv')), opts('bad.csv'));

  it('keeps the good rows and rejects the rest with row numbers (header = row 1) and reasons in words', () => {
    expect(res.assets.map((a) => a.name)).toEqual(['Synthetic Good One', 'Synthetic Good Two', 'Synthetic Rescued By Postcode']);
    const byRow = Object.fromEntries(res.rejected.map((r) => [r.row, r.text]));
    expect(Object.keys(byRow).map(Number)).toEqual([3, 4, 5, 6, 7]);
    expect(byRow[3]).toMatch(/latitude and longitude must be decimal numbers \(got "fifty-four", "-1.3190"\)/);
    expect(byRow[4]).toMatch(/latitude 48.8566, longitude 2.3522 is outside Great Britain/);
    expect(byRow[5]).toBe('no location: give latitude and longitude, or a postcode');
    expect(byRow[6]).toBe('latitude given without longitude');
    expect(byRow[7]).toMatch(/look swapped/);
  });

  it('warns about a row with latitude and longitude swapped (other rows fine), without fixing it', () => {
    expect(res.warnings.some((w) => /^Row 7 has latitude and longitude the wrong way round/.test(w))).toBe(true);
  });

  it('falls back to the postcode when the coordinates are unusable, and says so', () => {
    expect(res.assets[2]).toMatchObject({ postcode: 'TS16 0AA', wardCode: 'E05014864' });
    expect(res.located).toEqual({ byLatLon: 2, byEastNorth: 0, byPostcode: 1 });
    expect(res.warnings.some((w) => /^Row 10: .*placed by its postcode instead/.test(w))).toBe(true);
  });

  it('skips blank lines silently', () => {
    expect(res.rejected.some((r) => r.row === 9)).toBe(false);
  });
});

describe('readPointsCsv: swapped columns and whole-file problems', () => {
  it('reads latitude and longitude the other way round when every row is swapped, with a warning', () => {
    const res = readPointsCsv(table(fixture('synthetic-points-swapped.csv')), opts('sw.csv'));
    expect(res.rejected).toEqual([]);
    expect(res.assets.map((a) => [a.lon, a.lat])).toEqual([
      [-1.319, 54.5616],
      [-1.3015, 54.555],
      [-1.3119, 54.5895],
    ]);
    expect(res.warnings.some((w) => /latitude and longitude columns look swapped/.test(w))).toBe(true);
  });

  it('gives an error, not a crash, when there are no location columns', () => {
    const res = readPointsCsv(table('name,value\nA,1\n'), opts('v.csv'));
    expect(res.assets).toEqual([]);
    expect(res.error).toMatch(/No location columns were found \(the columns are "name", "value"\)/);
  });

  it('names unnamed points by row and warns', () => {
    const res = readPointsCsv(table('lat,lon\n54.5616,-1.319\n'), opts('n.csv'));
    expect(res.assets[0].name).toBe('Unnamed point (row 2)');
    expect(res.warnings.some((w) => /No name column/.test(w))).toBe(true);
  });

  it('never makes a point of an individual champion', () => {
    const res = readPointsCsv(table('name,type,postcode,notes\nA Person,champion_individual,TS18 1HU,x\nA Group,walking group,TS18 1HU,y\n'), opts('c.csv'));
    expect(res.assets.map((a) => a.name)).toEqual(['A Group']);
    expect(res.rejected).toHaveLength(1);
    expect(res.rejected[0].row).toBe(2);
    expect(res.rejected[0].text).not.toContain('A Person');
  });

  it('recognises columns by header words, whatever their case', () => {
    expect(locationColumns(['Site Name', 'LATITUDE (WGS84)', 'Lng'])).toEqual({ latLon: true, eastNorth: false, postcode: false });
    expect(locationColumns(['Eastings', 'Northings'])).toEqual({ latLon: false, eastNorth: true, postcode: false });
    expect(locationColumns(['Post Code'])).toEqual({ latLon: false, eastNorth: false, postcode: true });
    expect(locationColumns(['lsoa21cd', 'value'])).toEqual({ latLon: false, eastNorth: false, postcode: false });
    const res = readPointsCsv(table('Ward name,Venue,LATITUDE (WGS84),Lng\nFairfield,Synthetic Venue,54.56,-1.35\n'), opts('w.csv'));
    expect(res.assets[0].name).toBe('Synthetic Venue');
  });
});

describe('readPointsGeoJson', () => {
  const res = readPointsGeoJson(fixture('synthetic-points.geojson'), opts('synthetic-points.geojson'));

  it('reads Point and MultiPoint features in WGS84', () => {
    expect(res.error).toBeUndefined();
    expect(res.itemWord).toBe('feature');
    expect(res.assets.map((a) => a.name)).toEqual([
      'Synthetic Park Run',
      '<img src=x onerror=alert(1)>',
      'Synthetic Two Sites (1 of 2)',
      'Synthetic Two Sites (2 of 2)',
      'Synthetic Postcode Only',
    ]);
    expect(res.assets[0]).toMatchObject({ lon: -1.319, lat: 54.5616, postcode: 'TS18 1HU', subcategory: 'Physical activity', category: 'user' });
    expect(res.assets[1].contact).toBe('javascript:alert(1)'); // kept as text; the panel never makes it a link
    expect(res.located).toEqual({ byLatLon: 4, byEastNorth: 0, byPostcode: 1 });
    expect(res.assets.map((a) => a.id)).toEqual(['user:1', 'user:2', 'user:3', 'user:4', 'user:5']);
    expectValidAssets(res.assets);
  });

  it('rejects non-point features and points outside Great Britain with their feature numbers', () => {
    expect(res.rejected).toEqual([
      { row: 4, text: 'a Polygon, not a point' },
      { row: 6, text: 'longitude -30, latitude 54.5 is outside Great Britain (latitude 49.8 to 60.9, longitude -8.7 to 1.8)' },
    ]);
  });

  it('converts British National Grid named in a crs member', () => {
    const r = readPointsGeoJson(fixture('synthetic-points-bng.geojson'), opts('bng.geojson'));
    expect(r.located).toEqual({ byLatLon: 0, byEastNorth: 2, byPostcode: 0 });
    const [lon, lat] = bngToWgs84([444136, 518701]);
    expect(Math.abs(r.assets[0].lon - lon)).toBeLessThan(1e-5);
    expect(Math.abs(r.assets[0].lat - lat)).toBeLessThan(1e-5);
  });

  it('detects British National Grid from the coordinate ranges when there is no crs member', () => {
    const fcText = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'G' }, geometry: { type: 'Point', coordinates: [445899, 523737] } }] });
    const r = readPointsGeoJson(fcText, opts('g.geojson'));
    expect(r.located.byEastNorth).toBe(1);
    expect(r.assets[0].lat).toBeCloseTo(bngToWgs84([445899, 523737])[1], 5);
    expect(r.warnings.some((w) => /judged from their range/.test(w))).toBe(true);
  });

  it('swaps [lat, lon] positions back when every point is written that way, with a warning', () => {
    const fcText = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'S' }, geometry: { type: 'Point', coordinates: [54.5616, -1.319] } }] });
    const r = readPointsGeoJson(fcText, opts('s.geojson'));
    expect(r.assets[0]).toMatchObject({ lon: -1.319, lat: 54.5616 });
    expect(r.warnings.some((w) => /written \[latitude, longitude\]/.test(w))).toBe(true);
  });

  it('refuses an unknown crs, invalid JSON and non-collections with a message', () => {
    const merc = JSON.stringify({ type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'EPSG:3857' } }, features: [{ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates: [0, 0] } }] });
    expect(readPointsGeoJson(merc, opts('m.geojson')).error).toMatch(/\(EPSG:3857\) is not WGS84/);
    expect(readPointsGeoJson('{not json', opts('b.geojson')).error).toMatch(/not valid GeoJSON/);
    expect(readPointsGeoJson('[1,2]', opts('b.geojson')).error).toMatch(/not a GeoJSON FeatureCollection/);
  });
});

describe('isHubsFile: the hubs-and-champions template is one case of a point file', () => {
  it('recognises the template (any case, BOM, optional columns left out)', () => {
    expect(isHubsFile([...HUBS_COLUMNS])).toBe(true);
    expect(isHubsFile(['\uFEFFName', 'KIND', 'postcode'])).toBe(true);
    expect(isHubsFile(['name', 'kind', 'latitude', 'longitude'])).toBe(true);
  });

  it('does not claim other point files', () => {
    expect(isHubsFile(['name', 'latitude', 'longitude'])).toBe(false);
    expect(isHubsFile(['name', 'kind', 'postcode', 'opening_hours'])).toBe(false);
    expect(isHubsFile(['name', 'kind'])).toBe(false);
    expect(isHubsFile([])).toBe(false);
  });

  it('leaves the hubs loader as it was: champions counted per ward, never points', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'hubs-champions-sample.csv'), 'utf8');
    expect(isHubsFile(table(text).columns)).toBe(true);
    const geocode = OPTS.geocode;
    const r = parseHubsCsv(text, geocode, new Map([['Norton Central', 'E05014875']]));
    expect(r.points.every((p) => p.category === 'hub' || p.category === 'champion_org')).toBe(true);
    expect(r.championCounts.E05014875).toBeGreaterThanOrEqual(1);
  });
});

describe('helpers', () => {
  it('lists row numbers in words', () => {
    expect(itemList('row', [3])).toBe('row 3');
    expect(itemList('row', [3, 5])).toBe('rows 3 and 5');
    expect(itemList('feature', [1, 2, 3, 4], 2)).toBe('features 1, 2 and 2 more');
  });
  it('writes the source with a cleaned file name', () => {
    expect(userPointsSource('a\u0000b.csv')).toBe('Your file: a b.csv (loaded in this browser only)');
  });
});

describe('properties (fast-check)', () => {
  const header = fc.oneof(fc.constantFrom('name', 'lat', 'Latitude', 'lon', 'lng', 'easting', 'northing', 'x', 'y', 'postcode', 'type', 'date', 'contact', 'address', ''), fc.string({ maxLength: 12 }));
  const cell = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.double().map(String),
    fc.integer({ min: -1_000_000, max: 2_000_000 }).map(String),
    fc.constantFrom('54.56', '-1.31', '444136', '518701', 'TS18 1HU', 'ts181hu', '<img src=x onerror=alert(1)>', 'champion_individual', 'NaN', 'Infinity', '1e400', '-0'),
  );

  it('readPointsCsv never throws on arbitrary cell text, and every point it makes is a valid asset in the UK', () => {
    fc.assert(
      fc.property(fc.array(header, { minLength: 0, maxLength: 6 }), fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }), fc.boolean(), (cols, rows, geocodeAll) => {
        const t: ParsedTable = { fileName: 'f.csv', columns: cols, rows, delimiter: ',', notes: [] };
        const r = readPointsCsv(t, { ...OPTS, geocode: (pc) => (geocodeAll ? { lon: -1.3, lat: 54.5, wardCode: 'E05014882' } : OPTS.geocode(pc)) });
        expect(Array.isArray(r.assets)).toBe(true);
        // The catch-all is a safety net, not a path: an internal failure shows here.
        expect(r.error ?? '').not.toMatch(/could not be read/);
        for (const a of r.assets) {
          expect(a.category).toBe('user');
          expect('asset' in validateAsset(a)).toBe(true);
        }
        for (const x of r.rejected) expect(x.row).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 400 },
    );
  });

  const props = fc.dictionary(fc.oneof(fc.constantFrom('name', 'title', 'postcode', 'type', 'website', 'phone', 'date', 'address'), fc.string({ maxLength: 8 })), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 });
  const coord = fc.oneof(fc.double(), fc.double({ min: -2, max: 60, noNaN: true }), fc.integer({ min: 0, max: 700_000 }));
  const geometry = fc.oneof(
    fc.constant(null),
    fc.record({ type: fc.constantFrom('Point', 'MultiPoint', 'Polygon', 'LineString', 'Nope'), coordinates: fc.oneof(fc.tuple(coord, coord), fc.array(fc.tuple(coord, coord), { maxLength: 3 }), fc.jsonValue({ maxDepth: 2 })) }),
  );
  const collection = fc
    .record({ crs: fc.option(fc.jsonValue({ maxDepth: 3 }), { nil: undefined }), features: fc.array(fc.record({ type: fc.constantFrom('Feature', 'feature'), properties: fc.oneof(props, fc.constant(null)), geometry }), { maxLength: 6 }) })
    .map((o) => JSON.stringify({ type: 'FeatureCollection', ...o }));

  it('readPointsGeoJson never throws on arbitrary JSON or text', () => {
    fc.assert(
      fc.property(fc.oneof(collection, fc.jsonValue().map((v) => JSON.stringify({ type: 'FeatureCollection', features: [v, { type: 'Feature', properties: v, geometry: { type: 'Point', coordinates: v } }] })), fc.string()), (text) => {
        const r = readPointsGeoJson(text, OPTS);
        expect(r.error ?? '').not.toMatch(/could not be read \(/);
        for (const a of r.assets) expect('asset' in validateAsset(a)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
