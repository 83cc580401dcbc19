import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAssets } from '../../../scripts/assets';
import { readInputs } from '../../../scripts/build/read';
import { validate } from '../../../scripts/build/validate';
import { ACCESS_MEASURES } from '../../../data/registry';
import { validateAsset } from '../../../src/lib/assets/categories';
import { geocoderFromMap, parseHubsCsv } from '../../../src/lib/assets/hubs';
import { haversineMetres } from '../../../src/lib/core/geo';

type FC = { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] };
const DATA = resolve(__dirname, '..', '..', '..', 'data');
// The same validated inputs the build uses.
const v = validate(readInputs(DATA));
const { place, lsoaPwc } = v;
const lsoaCodes = v.layers.lsoa.codes;
const built = buildAssets({ dataDir: DATA, place, lsoaCodes, lsoaPwc });
const raw = (file: string) =>
  (JSON.parse(readFileSync(join(DATA, 'assets', file), 'utf8')) as { features: { properties: Record<string, unknown>; geometry: { coordinates: number[] } }[] }).features;
const access = (cat: string) => built.access.find((a) => a.category === cat)!;
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('validated LSOA centroids', () => {
  it('reads the 124 Stockton LSOAs with centroids in the borough area', () => {
    expect(lsoaCodes).toHaveLength(124);
    expect(new Set(lsoaCodes).size).toBe(124);
    for (const [lon, lat] of lsoaPwc) {
      expect(lon).toBeGreaterThan(-1.46);
      expect(lon).toBeLessThan(-1.15);
      expect(lat).toBeGreaterThan(54.45);
      expect(lat).toBeLessThan(54.66);
    }
  });
});

describe('buildAssets (real data)', () => {
  it('reads every feature of the five asset files, with unique ids, each valid against the schema', () => {
    const n = ['gp_practices_nhs_ods', 'pharmacies_nhs_ods', 'libraries_dcms_2023', 'food_banks_givefood', 'nhs_other_services_nhs_ods'].reduce(
      (s, f) => s + raw(`${f}.geojson`).length,
      0,
    );
    expect(n).toBe(181); // PROVENANCE.md: assets_all.csv has 181 rows
    // Besides them, the unnamed OpenStreetMap parks and gyms (their own file, counted in place-data-build.test.ts).
    const named = built.assets.filter((a) => !a.category.startsWith('osm_'));
    expect(named).toHaveLength(n);
    expect(new Set(named.map((a) => a.id)).size).toBe(n);
    expect(new Set(built.assets.map((a) => a.id)).size).toBe(built.assets.length);
    for (const a of built.assets) expect(validateAsset(a)).toEqual({ asset: a });
  });

  it('includes every in-borough GP practice (20), keeping the in_borough flag', () => {
    const gpFile = raw('gp_practices_nhs_ods.geojson');
    const inBorough = gpFile.filter((f) => f.properties.in_borough === true);
    expect(inBorough).toHaveLength(20);
    for (const f of inBorough) {
      const a = built.assets.find((x) => x.id === f.properties.id);
      expect(a, String(f.properties.id)).toBeDefined();
      expect(a!.category).toBe('gp');
      expect(a!.inBorough).toBe(true);
      expect(a!.name).toBe(f.properties.name);
      expect([a!.lon, a!.lat]).toEqual(f.geometry.coordinates);
    }
    expect(built.assets.filter((a) => a.category === 'gp')).toHaveLength(44);
    expect(built.assets.filter((a) => a.category === 'gp' && !a.inBorough)).toHaveLength(24);
  });

  it('matches the in-borough counts in PROVENANCE.md', () => {
    const count = (c: string) => built.assets.filter((a) => a.category === c && a.inBorough).length;
    expect([count('gp'), count('nhs_other'), count('pharmacy'), count('library'), count('food_bank')]).toEqual([20, 14, 35, 17, 6]);
  });

  it('keeps closed libraries flagged as closed and unverified food banks as unverified', () => {
    const libs = built.assets.filter((a) => a.category === 'library');
    expect(libs.filter((a) => a.status === 'closed')).toHaveLength(5);
    expect(libs.filter((a) => a.status === 'open')).toHaveLength(12);
    const fb = built.assets.filter((a) => a.category === 'food_bank');
    expect(fb.filter((a) => a.status === 'unverified' && a.verified === false)).toHaveLength(3);
    expect(fb.filter((a) => a.status === 'open' && a.verified === true)).toHaveLength(3);
  });

  it('carries source, licence and vintage on every asset', () => {
    for (const a of built.assets) {
      expect(a.source).not.toBe('');
      expect(a.licence).not.toBe('');
      expect(a.lastUpdated).not.toBe('');
    }
    expect(built.assets.find((a) => a.id === 'ods:A81001')!.lastUpdated).toBe('~Sep 2025');
  });

  it('gives every LSOA a finite GP distance under 15 km, and access arrays aligned with the LSOAs', () => {
    expect(built.access.map((a) => a.category)).toEqual(['gp', 'pharmacy', 'library', 'food_bank']);
    for (const a of built.access) {
      expect(a.lsoaDistanceM).toHaveLength(124);
      expect(a.lsoaCount1km).toHaveLength(124);
      for (const d of a.lsoaDistanceM) {
        expect(Number.isFinite(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThan(15000);
      }
      expect(a.note.length).toBeGreaterThan(10);
    }
  });

  it('measures distances to the nearest asset including those just outside the borough', () => {
    const gps = built.assets.filter((a) => a.category === 'gp');
    const all = lsoaPwc.map((c) => Math.min(...gps.map((a) => haversineMetres(c, [a.lon, a.lat]))));
    expect(access('gp').lsoaDistanceM).toEqual(all.map(Math.round));
    // For today's LSOA centroids the nearest practice happens to be in the borough, so check inclusion with a
    // centroid placed on a practice over the boundary: its distance must be 0.
    const outside = gps.find((a) => !a.inBorough)!;
    const r = buildAssets({ dataDir: DATA, place, lsoaCodes: ['test'], lsoaPwc: [[outside.lon, outside.lat]] });
    expect(r.access.find((a) => a.category === 'gp')!.lsoaDistanceM).toEqual([0]);
    const inBoroughOnly = Math.min(...gps.filter((a) => a.inBorough).map((a) => haversineMetres([outside.lon, outside.lat], [a.lon, a.lat])));
    expect(inBoroughOnly).toBeGreaterThan(0);
  });

  it('counts within 1 km and uses only open static libraries', () => {
    const open = built.assets.filter((a) => a.category === 'library' && a.status === 'open' && a.subcategory === 'Static Library');
    expect(open).toHaveLength(9);
    const lib = access('library');
    lsoaPwc.forEach((c, i) => {
      const ds = open.map((a) => haversineMetres(c, [a.lon, a.lat]));
      expect(lib.lsoaDistanceM[i]).toBe(Math.round(Math.min(...ds)));
      expect(lib.lsoaCount1km[i]).toBe(ds.filter((d) => d <= 1000).length);
    });
    const rule = ACCESS_MEASURES.find((r) => r.category === 'library')!;
    expect(built.assets.filter((a) => a.category === 'library' && a.status === 'closed').some(rule.include)).toBe(false);
  });

  it('summarises the figures', () => {
    expect(built.summary.some((s) => s.startsWith('access gp: 44'))).toBe(true);
    const gp = sorted(access('gp').lsoaDistanceM);
    expect(built.summary.join('\n')).toContain(`min ${gp[0]} m`);
  });

  it('fails loudly on mismatched inputs', () => {
    expect(() => buildAssets({ dataDir: DATA, place, lsoaCodes, lsoaPwc: lsoaPwc.slice(1) })).toThrow(/124 LSOA codes but 123 centroids/);
    expect(() => buildAssets({ dataDir: DATA, place, lsoaCodes: ['E01012187'], lsoaPwc: [[54.57, -1.36]] })).toThrow(/not a UK \[lon, lat\]/);
  });
});

describe('buildAssets: bad input files', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const withEdit = (file: string, edit: (fc: FC) => void) => {
    const dir = mkdtempSync(join(tmpdir(), 'assets-'));
    dirs.push(dir);
    cpSync(join(DATA, 'assets'), join(dir, 'assets'), { recursive: true, filter: (s) => !s.endsWith('.csv') || s.endsWith('assets') });
    const p = join(dir, 'assets', file);
    const fc = JSON.parse(readFileSync(p, 'utf8'));
    edit(fc);
    writeFileSync(p, JSON.stringify(fc));
    return () => buildAssets({ dataDir: dir, place, lsoaCodes, lsoaPwc });
  };
  it.each([
    ['gp_practices_nhs_ods.geojson', (fc: FC) => (fc.features[0].properties.in_borough = 'yes'), /in_borough is not true\/false/],
    ['libraries_dcms_2023.geojson', (fc: FC) => (fc.features[0].properties.status = 'temporarily closed'), /library status/],
    ['food_banks_givefood.geojson', (fc: FC) => delete fc.features[0].properties.verified, /no verified flag/],
    ['pharmacies_nhs_ods.geojson', (fc: FC) => (fc.features[0].geometry.coordinates = [0, 51.5]), /outside the study area/],
    ['pharmacies_nhs_ods.geojson', (fc: FC) => (fc.features[1].properties.id = fc.features[0].properties.id), /duplicate id/],
    ['nhs_other_services_nhs_ods.geojson', (fc: FC) => (fc.features[0].properties.category = 'gp_surgery'), /expected "health_service"/],
    ['gp_practices_nhs_ods.geojson', (fc: FC) => (fc.features[0].properties.name = ''), /missing name/],
  ])('%s: rejects an edited feature', (file, edit, msg) => {
    expect(withEdit(file, edit)).toThrow(msg);
  });
});

describe('postcode geocoder (OS Code-Point Open, parsed once by the validate step)', () => {
  const pcs = v.geocoder;
  it('holds every TS postcode plus the borough’s DL2 postcodes', () => {
    expect(pcs.size).toBe(17823 + 6);
    expect([...pcs.keys()].filter((k) => k.startsWith('DL2 '))).toHaveLength(6);
  });
  it('matches the PROVENANCE sample check for TS18 1HU', () => {
    expect(pcs.get('TS18 1HU')).toEqual({ lon: -1.318986, lat: 54.561625, wardCode: 'E05014882', wardName: 'Stockton Town Centre', ladCode: 'E06000004' });
  });
  it('geocodes the hubs fixture the same way as the fixture geocoder', () => {
    const text = readFileSync(resolve(__dirname, '..', '..', 'fixtures', 'hubs-champions-sample.csv'), 'utf8');
    const wards = new Map([...pcs.values()].filter((p) => p.ladCode === 'E06000004').map((p) => [p.wardName, p.wardCode]));
    expect(wards.size).toBe(27);
    const r = parseHubsCsv(text, geocoderFromMap(pcs), wards);
    expect(r.points.map((p) => p.name)).toEqual(['Example Hub A', 'Example Hub B', 'Example Champion Organisation C']);
    expect(r.championCounts).toEqual({ E05014875: 1, E05014866: 1, E05014882: 1 });
    expect(r.rejected.map((x) => x.row)).toEqual([8]);
  });
});
