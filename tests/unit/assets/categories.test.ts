import { describe, expect, it } from 'vitest';
import {
  ASSET_CATEGORIES,
  ASSET_CATEGORY_IDS,
  categoryDef,
  countByCategory,
  inUk,
  isAssetCategory,
  validateAsset,
  type Asset,
} from '../../../src/lib/assets/categories';
import { MAX_TEXT } from '../../../src/lib/core/text';
import { SHAPE_PATHS, assetIconDataUrl, assetIconSvg } from '../../../src/ui/icons';

const OKABE_ITO = ['#000000', '#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7'];

const good = {
  id: 'ods:A81001',
  name: 'The Densham Surgery',
  category: 'gp',
  subcategory: 'GP Practice',
  address: 'The Health Centre, Lawson Street, Stockton On Tees, Cleveland',
  postcode: 'TS18 1HU',
  lon: -1.318986,
  lat: 54.561625,
  source: 'NHS ODS epraccur',
  licence: 'OGL v3.0',
  lastUpdated: '~Sep 2025',
  status: 'open',
  inBorough: true,
  ward: 'Stockton Town Centre',
  wardCode: 'E05014882',
  phone: '01642 672351',
};

describe('ASSET_CATEGORIES', () => {
  it('has the ten categories with the agreed labels, in legend order', () => {
    expect(ASSET_CATEGORIES.map((c) => [c.id, c.label])).toEqual([
      ['gp', 'GP practices'],
      ['pharmacy', 'Pharmacies'],
      ['library', 'Libraries'],
      ['food_bank', 'Food banks'],
      ['nhs_other', 'Other NHS services'],
      ['osm_park', 'Parks (OpenStreetMap)'],
      ['osm_gym', 'Gyms and fitness centres (OpenStreetMap)'],
      ['hub', 'Community hubs'],
      ['champion_org', 'Community champions'],
      ['user', 'Your points'],
    ]);
    expect(ASSET_CATEGORY_IDS).toHaveLength(10);
  });

  it('uses distinct colours (Okabe–Ito, then Paul Tol’s for the two OpenStreetMap layers) and distinct shapes, so categories differ in both', () => {
    const colours = ASSET_CATEGORIES.map((c) => c.colour.toUpperCase());
    expect(new Set(colours).size).toBe(10);
    for (const c of ASSET_CATEGORIES.filter((x) => !x.id.startsWith('osm_'))) expect(OKABE_ITO).toContain(c.colour.toUpperCase());
    expect(ASSET_CATEGORIES.filter((x) => x.id.startsWith('osm_')).map((c) => c.colour)).toEqual(['#117733', '#882255']);
    expect(new Set(ASSET_CATEGORIES.map((c) => c.shape)).size).toBe(10);
    // Only the OpenStreetMap layers are unnamed points.
    expect(ASSET_CATEGORIES.filter((c) => c.unnamed).map((c) => c.id)).toEqual(['osm_park', 'osm_gym']);
  });

  it('has a closed 16 px SVG path for every shape, inside the 0–16 box', () => {
    for (const c of ASSET_CATEGORIES) {
      const d = SHAPE_PATHS[c.shape];
      expect(d).toMatch(/^M[\d.\sMLHVAZ-]+Z$/);
      const nums = (d.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
      expect(nums.length).toBeGreaterThan(2);
      for (const n of nums) {
        expect(n).toBeGreaterThanOrEqual(0);
        expect(n).toBeLessThanOrEqual(16);
      }
    }
  });

  it('builds an icon SVG and data URL from built-in values only', () => {
    const svg = assetIconSvg('pharmacy');
    expect(svg).toContain(`d="${SHAPE_PATHS.cross}"`);
    expect(svg).toContain('fill="#009E73"');
    expect(svg).toContain('width="16"');
    expect(assetIconSvg('gp', 24)).toContain('width="24"');
    const url = assetIconDataUrl('library');
    expect(url.startsWith('data:image/svg+xml;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(url.split(',')[1])).toBe(assetIconSvg('library'));
  });

  it('looks categories up and rejects unknown ones', () => {
    expect(categoryDef('hub').label).toBe('Community hubs');
    expect(isAssetCategory('food_bank')).toBe(true);
    expect(isAssetCategory('gp_surgery')).toBe(false);
    expect(isAssetCategory(3)).toBe(false);
    expect(() => categoryDef('nope' as never)).toThrow();
  });
});

describe('validateAsset', () => {
  it('accepts a good record and keeps optional fields', () => {
    const res = validateAsset(good);
    expect('asset' in res).toBe(true);
    const a = (res as { asset: Asset }).asset;
    expect(a).toEqual(good);
  });

  it('drops blank optional fields and keeps verified when boolean', () => {
    const res = validateAsset({ ...good, ward: '', phone: '   ', verified: false, status: 'unverified' });
    const a = (res as { asset: Asset }).asset;
    expect(a.ward).toBeUndefined();
    expect(a.phone).toBeUndefined();
    expect(a.verified).toBe(false);
    expect(a.status).toBe('unverified');
  });

  it.each([
    [null, 'not an object'],
    [[good], 'not an object'],
    ['text', 'not an object'],
    [{ ...good, id: '' }, 'missing id'],
    [{ ...good, name: '   ' }, 'missing name'],
    [{ ...good, category: 'gp_surgery' }, 'unknown category'],
    [{ ...good, lon: '-1.3' }, 'finite numbers'],
    [{ ...good, lat: Number.NaN }, 'finite numbers'],
    [{ ...good, lon: 54.56, lat: -1.31 }, 'outside the UK'],
    [{ ...good, lat: 40 }, 'outside the UK'],
    [{ ...good, status: 'active' }, 'unknown status'],
    [{ ...good, inBorough: 'true' }, 'inBorough'],
    [{ ...good, verified: 'yes' }, 'verified'],
    [{ ...good, address: 12 }, 'address must be text'],
    [{ ...good, source: '' }, 'missing source'],
    [{ ...good, licence: undefined }, 'missing licence'],
  ])('rejects %j (%s)', (raw, msg) => {
    const res = validateAsset(raw);
    expect('error' in res).toBe(true);
    expect((res as { error: string }).error).toContain(msg);
  });

  it('keeps hostile text as plain text, trimmed', () => {
    const res = validateAsset({ ...good, name: '<script>alert(1)</script>\u0000 Hub', address: 'x'.repeat(500) });
    const a = (res as { asset: Asset }).asset;
    expect(a.name).toBe('<script>alert(1)</script> Hub');
    expect(a.address).toHaveLength(MAX_TEXT);
  });
});

describe('helpers', () => {
  it('inUk', () => {
    expect(inUk(-1.32, 54.56)).toBe(true);
    expect(inUk(-6.2, 54.6)).toBe(true); // Belfast
    expect(inUk(2.35, 48.85)).toBe(false); // Paris
    expect(inUk(54.56, -1.32)).toBe(false);
  });
  it('countByCategory has every category', () => {
    const c = countByCategory([{ category: 'gp' }, { category: 'gp' }, { category: 'hub' }]);
    expect(c).toEqual({ gp: 2, pharmacy: 0, library: 0, food_bank: 0, nhs_other: 0, osm_park: 0, osm_gym: 0, hub: 1, champion_org: 0, user: 0 });
  });
});
