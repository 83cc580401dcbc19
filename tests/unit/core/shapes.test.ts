import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { checkAssets, checkBoundaries, checkBundle, checkGazetteer, checkPostcodes, checkValues, droppedMessage, failureMessage, type Checked } from '../../../src/lib/core/shapes';

// The real built files (npm run data:ensure builds them; the unit run needs them, as the browser tests do).
const real = (f: string): unknown => {
  const p = `public/data/${f}`;
  if (!existsSync(p)) throw new Error(`${p} is missing: run "npm run data:ensure" first`);
  return JSON.parse(readFileSync(p, 'utf8'));
};
const clone = <T>(x: T): T => structuredClone(x);
const bundle = real('indicators.json') as Record<string, any>;
const problem = (r: Checked<unknown>) => (r.ok ? null : r.problem);

describe('the real built files pass', () => {
  it('indicators.json', () => {
    const r = checkBundle(bundle);
    expect(problem(r)).toBeNull();
  });
  it.each([
    ['places.json', checkGazetteer],
    ['assets.json', checkAssets],
    ['postcodes.json', checkPostcodes],
  ] as const)('%s, with nothing dropped', (f, check) => {
    const r = (check as (x: unknown) => Checked<unknown>)(real(f));
    expect(problem(r)).toBeNull();
    expect(r.ok && r.dropped).toBe(0);
    expect(r.ok && r.total).toBeGreaterThan(0);
  });
  it.each(['ward', 'lsoa', 'msoa'])('geo-%s.json, with every area drawn', (g) => {
    const r = checkBoundaries(real(`geo-${g}.json`), bundle.areas[g].codes);
    expect(problem(r)).toBeNull();
    expect(r.ok && r.dropped).toBe(0);
    expect(r.missing).toEqual([]);
  });
  it.each(['borough', 'context'])('geo-%s.json', (g) => {
    expect(problem(checkBoundaries(real(`geo-${g}.json`)))).toBeNull();
  });
});

/** A copy of the real bundle with one change made. */
const broken = (edit: (b: any) => void) => {
  const b = clone(bundle);
  edit(b);
  return b;
};

describe('checkBundle refuses what the app cannot use', () => {
  it.each([
    ['null', null, /no record/],
    ['an empty object', {}, /build date/],
    ['{"a":1}', { a: 1 }, /build date/],
    ['an array', [bundle], /no record/],
    ['a string', 'indicators', /no record/],
    ['no place', broken((b) => delete b.place), /place/],
    ['a place without a name', broken((b) => delete b.place.name), /place has no name/],
    ['bounds of the wrong length', broken((b) => (b.place.bounds = [1, 2, 3])), /extent/],
    ['no areas', broken((b) => delete b.areas), /area lists/],
    ['no MSOA list', broken((b) => delete b.areas.msoa), /msoa list/],
    ['LSOA names one short', broken((b) => b.areas.lsoa.names.pop()), /lsoa names do not match its 124 codes/],
    ['ward residents as text', broken((b) => (b.areas.ward.residents[0] = '123')), /ward residents/],
    ['a bbox with three numbers', broken((b) => (b.areas.ward.bbox[2] = [1, 2, 3])), /ward bbox/],
    ['LSOA→MSOA links one short', broken((b) => b.lsoaLinks.msoa.pop()), /LSOA-to-msoa/],
    ['a link past the end', broken((b) => (b.lsoaLinks.ward[0] = 999)), /LSOA-to-ward/],
    ['ward parts of the wrong length', broken((b) => b.lsoaLinks.wardParts.pop()), /ward parts/],
    ['no themes', broken((b) => (b.themes = [])), /themes/],
    ['themes not text', broken((b) => (b.themes = [1, 2])), /themes/],
    ['no indicators', broken((b) => (b.indicators = [])), /no indicators/],
    ['indicators not a list', broken((b) => (b.indicators = {})), /no indicators/],
    ['an indicator with no id', broken((b) => delete b.indicators[0].id), /indicator 1 has no id/],
    ['an indicator twice', broken((b) => b.indicators.push(b.indicators[0])), /appears twice/],
    ['an indicator with no label', broken((b) => delete b.indicators[3].label), /has no label/],
    ['an unknown polarity', broken((b) => (b.indicators[0].polarity = 'Up')), /polarity/],
    ['decimals as text', broken((b) => (b.indicators[0].decimals = '1')), /decimals/],
    ['an indicator with no data', broken((b) => (b.indicators[0].data = {})), /has no data/],
    ['values one short', broken((b) => b.indicators[0].data.lsoa.values.pop()), /values for lsoa that do not match its 124 areas/],
    ['a value as text', broken((b) => (b.indicators[0].data.ward.values[0] = '12.3')), /ward values that are not numbers/],
    ['NaN-like value', broken((b) => (b.indicators[0].data.ward.values[0] = {})), /not numbers/],
    ['numerators of the wrong length', broken((b) => (b.indicators.find((i: any) => i.data.ward.numerators).data.ward.numerators = [1])), /numerators/],
    ['an unknown geography', broken((b) => (b.indicators[0].data.county = b.indicators[0].data.ward)), /unknown geography/],
    ['no class breaks', broken((b) => delete b.indicators[0].data.msoa.breaks), /class breaks/],
    ['a broken England value', broken((b) => (b.indicators[0].england = { value: 'x' })), /england value/],
    ['presets not a list', broken((b) => (b.presets = null)), /pilot neighbourhoods/],
    ['a practice without a name', broken((b) => delete b.practices[0].name), /GP practices/],
    ['no QOF years', broken((b) => delete b.qof.years), /GP-recorded/],
    ['a borough indicator without a value', broken((b) => delete b.boroughIndicators[0].borough), /borough-only/],
  ])('%s', (_label, x, msg) => {
    const r = checkBundle(x);
    expect(r.ok).toBe(false);
    expect(problem(r)).toMatch(msg);
  });
});

describe('a tiled build: values split out of indicators.json (values/<id>.json)', () => {
  const split = broken((b) => {
    b.valuesSplit = true;
    for (const i of b.indicators) i.data = {};
  });
  const file = (edit: (f: any) => void = () => {}) => {
    const f = { id: bundle.indicators[0].id, data: clone(bundle.indicators[0].data) };
    edit(f);
    return f;
  };
  it('indicators.json with the flag may leave every indicator’s data empty; without it, it may not', () => {
    expect(checkBundle(split).ok).toBe(true);
    expect(problem(checkBundle({ ...split, valuesSplit: undefined }))).toMatch(/has no data/);
    expect(problem(checkBundle({ ...split, valuesSplit: 'yes' }))).toMatch(/values-split flag/);
  });
  it('a good values file passes, giving the indicator’s data', () => {
    expect(checkValues(file(), bundle.indicators[0].id, bundle.areas as any)).toEqual({ ok: true, value: bundle.indicators[0].data, dropped: 0, total: 1 });
  });
  it.each([
    ['null', () => null, /no record/],
    ['another indicator’s file', () => file((f) => (f.id = 'something_else')), /not the values of/],
    ['no data', () => file((f) => delete f.data), /holds no values/],
    ['empty data', () => file((f) => (f.data = {})), /has no data/],
    ['values one short', () => file((f) => f.data.lsoa.values.pop()), /values for lsoa that do not match its 124 areas/],
    ['a value as text', () => file((f) => (f.data.ward.values[0] = '12.3')), /ward values that are not numbers/],
    ['no class breaks', () => file((f) => delete f.data.msoa.breaks), /class breaks/],
    ['an unknown geography', () => file((f) => (f.data.county = f.data.ward)), /unknown geography/],
  ])('refused: %s', (_label, make, msg) => {
    const r = checkValues(make(), bundle.indicators[0].id, bundle.areas as any);
    expect(r.ok).toBe(false);
    expect(problem(r)).toMatch(msg);
  });
  it('never throws on arbitrary JSON, and says why when it refuses', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const r = checkValues(x, 'imd_score', bundle.areas as any);
        return r.ok || (typeof r.problem === 'string' && r.problem.length > 0);
      }),
    );
  });
});

describe('list files keep their good entries and count the rest', () => {
  const places = real('places.json') as any[];
  const assets = real('assets.json') as any[];
  it.each([
    ['places.json', checkGazetteer],
    ['assets.json', checkAssets],
  ] as const)('%s: {} and {"a":1} and a string are refused', (_f, check) => {
    for (const x of [{}, { a: 1 }, 'x', null, 3]) expect(check(x).ok).toBe(false);
  });
  it.each([
    ['no name', (p: any) => delete p.name],
    ['a longitude as text', (p: any) => (p.lon = '-1.3')],
    ['no ward index', (p: any) => delete p.ward],
    ['a fractional LSOA index', (p: any) => (p.lsoa = 1.5)],
  ])('places: an entry with %s is dropped', (_l, edit) => {
    const list = clone(places);
    edit(list[2]);
    const r = checkGazetteer(list);
    expect(r.ok && r.dropped).toBe(1);
    expect(r.ok && r.value.length).toBe(places.length - 1);
  });
  it.each([
    ['an unknown category', (a: any) => (a.category = 'shop')],
    ['no point', (a: any) => delete a.lat],
    ['a status of 1', (a: any) => (a.status = 1)],
    ['a phone number as a number', (a: any) => (a.phone = 1642)],
    ['not a record', (_a: any, l: any[]) => (l[0] = 'x')],
  ])('assets: an entry with %s is dropped', (_l, edit) => {
    const list = clone(assets);
    edit(list[0], list);
    const r = checkAssets(list);
    expect(r.ok && r.dropped).toBe(1);
  });
  it('a list where nothing is usable is refused; an empty list is not', () => {
    expect(problem(checkAssets([{ a: 1 }, 2]))).toMatch(/none of its 2 services/);
    expect(checkGazetteer([]).ok).toBe(true);
  });
  it('postcodes: {} and a list are refused; a bad entry is dropped', () => {
    expect(problem(checkPostcodes({}))).toMatch(/no postcodes/);
    expect(checkPostcodes([['TS18 1HU', [1, 2, 3, 4]]]).ok).toBe(false);
    expect(problem(checkPostcodes({ a: 1 }))).toMatch(/none of its 1 postcodes/);
    const r = checkPostcodes({ 'TS18 1HU': [-1.3, 54.5, 3, 4], 'TS18 1HV': [-1.3, 54.5, 3], 'NOT A PC': [-1.3, 54.5, 3, 4] });
    expect(r.ok && r.dropped).toBe(2);
    expect(r.ok && Object.keys(r.value)).toEqual(['TS18 1HU']);
  });
  it('boundaries: bad features dropped, missing areas listed, a foreign file refused', () => {
    const geo = real('geo-ward.json') as any;
    const codes = bundle.areas.ward.codes as string[];
    const g = clone(geo);
    g.features[0].geometry.coordinates = [[[1, 2]]];
    const r = checkBoundaries(g, codes);
    expect(r.ok && r.dropped).toBe(1);
    expect(r.missing).toEqual([geo.features[0].properties.code]);
    expect(problem(checkBoundaries(geo, ['E00000000']))).toMatch(/none of its boundaries belongs/);
    expect(problem(checkBoundaries({}))).toMatch(/no feature collection/);
    expect(problem(checkBoundaries({ type: 'FeatureCollection', features: [] }))).toMatch(/no boundaries/);
  });
});

describe('messages in plain words', () => {
  it('the essential file says nothing can be shown; the others say what still works', () => {
    expect(failureMessage('indicators.json', { kind: 'incomplete' })).toBe(
      'The indicator data (indicators.json) could not be read: the file is incomplete or damaged. Nothing can be shown without it.',
    );
    expect(failureMessage('places.json', { kind: 'http', status: 404 })).toBe(
      'The list of towns and villages (places.json) could not be read: the file is missing from the server (HTTP 404); search finds areas and postcodes but not place names.',
    );
    expect(failureMessage('indicators.json', { kind: 'timeout', seconds: 20 })).toMatch(/nothing arrived for 20 seconds/);
    expect(failureMessage('postcodes.json', { kind: 'shape', problem: 'it holds no postcodes' })).toMatch(/not in the expected form \(it holds no postcodes\); search finds places/);
    expect(droppedMessage('assets.json', 2, 181)).toBe('2 of 181 entries in the list of community services (assets.json) were not in the expected form and are left out.');
  });
});

describe('properties', () => {
  const checks = { checkBundle, checkGazetteer, checkAssets, checkPostcodes, checkBoundaries: (x: unknown) => checkBoundaries(x, ['E05000001']) };
  it.each(Object.entries(checks))('%s never throws on arbitrary JSON, and says why when it refuses', (_n, check) => {
    fc.assert(
      fc.property(fc.jsonValue(), (x) => {
        const r = check(x);
        if (!r.ok) expect(r.problem.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('checkBundle never throws on the real bundle with arbitrary JSON put anywhere', () => {
    const paths = ['place', 'areas', 'areas.lsoa', 'areas.ward.names', 'lsoaLinks', 'lsoaLinks.pwc', 'themes', 'indicators', 'indicators.0', 'indicators.0.data', 'indicators.0.data.ward', 'presets', 'practices', 'qof'];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, v) => {
        const b = clone(bundle);
        const keys = path.split('.');
        const last = keys.pop()!;
        const parent = keys.reduce((o, k) => o[k], b as any);
        parent[last] = v;
        expect(() => checkBundle(b)).not.toThrow();
      }),
      { numRuns: 100 },
    );
  });

  it('checkBundle never passes a bundle missing a required field', () => {
    const required = ['builtAt', 'place', 'areas', 'lsoaLinks', 'themes', 'indicators', 'presets', 'practices', 'qof', 'boroughIndicators'];
    const nested = ['place.name', 'place.bounds', 'areas.ward', 'areas.lsoa.codes', 'areas.msoa.label', 'lsoaLinks.msoa', 'indicators.0.id', 'indicators.0.data', 'indicators.0.polarity', 'indicators.1.data.lsoa.values', 'qof.years'];
    fc.assert(
      fc.property(fc.constantFrom(...required, ...nested), (path) => {
        const b = clone(bundle);
        const keys = path.split('.');
        const last = keys.pop()!;
        delete keys.reduce((o, k) => o[k], b as any)[last];
        expect(checkBundle(b).ok).toBe(false);
      }),
    );
  });

  it('list checks never pass an entry missing a required field', () => {
    const place = (real('places.json') as any[])[0];
    const asset = (real('assets.json') as any[])[0];
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(place)), (k) => {
        const p = clone(place);
        delete p[k];
        const r = checkGazetteer([p]);
        expect(r.ok).toBe(false);
      }),
    );
    const requiredAsset = ['id', 'name', 'category', 'subcategory', 'address', 'postcode', 'lon', 'lat', 'source', 'licence', 'lastUpdated', 'status', 'inBorough'];
    fc.assert(
      fc.property(fc.constantFrom(...requiredAsset), (k) => {
        const a = clone(asset);
        delete a[k];
        expect(checkAssets([a]).ok).toBe(false);
      }),
    );
  });
});
