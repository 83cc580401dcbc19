/**
 * Shape checks for the built data files as they arrive in the browser. Pure: no I/O, no DOM, no React.
 * Every check takes anything (`unknown`, from JSON.parse) and never throws: it returns the value, typed,
 * or a short description of the first thing that is wrong. List files (places, assets, postcodes, boundary
 * features) keep their good entries and count the dropped ones, so one bad row does not cost the file.
 */
import type { GazetteerEntry, GeographyId, IndicatorBundle, IndicatorRecord, PostcodeIndex } from './types';
import { ASSET_CATEGORY_IDS, type Asset } from '../assets/categories';

export type Checked<T> = { ok: true; value: T; dropped: number; total: number } | { ok: false; problem: string };

/** The data files the browser loads, what each is called in words, and what the app can do without it. */
export const DATA_FILES = {
  'indicators.json': { what: 'The indicator data', essential: true, without: 'Nothing can be shown without it.' },
  'places.json': { what: 'The list of towns and villages', essential: false, without: 'search finds areas and postcodes but not place names.' },
  'assets.json': {
    what: 'The list of community services',
    essential: false,
    without: 'the map, area profiles and comparisons work, but pharmacies, libraries, food banks and other services are not shown and Near me cannot list them.',
  },
  'postcodes.json': { what: 'The postcode list', essential: false, without: 'search finds places and areas by name, but not postcodes.' },
  'geo-ward.json': { what: 'The ward boundaries', essential: false, without: 'wards cannot be drawn on the map; the profiles, table and comparison work.' },
  'geo-lsoa.json': { what: 'The LSOA boundaries', essential: false, without: 'LSOAs cannot be drawn on the map; the profiles, table and comparison work.' },
  'geo-msoa.json': { what: 'The MSOA boundaries', essential: false, without: 'MSOAs cannot be drawn on the map; the profiles, table and comparison work.' },
  'geo-borough.json': { what: 'The borough outline', essential: false, without: 'the map works without the outline.' },
  'geo-context.json': { what: 'The neighbouring areas', essential: false, without: 'the map works without them.' },
  // A tiled build's per-indicator values (values/<id>.json); messages name the indicator's own file.
  'values/<id>.json': { what: 'The values of one indicator', essential: false, without: 'that indicator cannot be shown or compared; the others still can.' },
} as const;
export type DataFile = keyof typeof DATA_FILES;

/** Why a file could not be used. */
export type LoadFailure =
  | { kind: 'http'; status: number }
  | { kind: 'network' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'incomplete' }
  | { kind: 'shape'; problem: string };

const REASON = (f: LoadFailure): string => {
  switch (f.kind) {
    case 'http':
      return f.status === 404 ? 'the file is missing from the server (HTTP 404)' : `the server answered with an error (HTTP ${f.status})`;
    case 'network':
      return 'the connection failed';
    case 'timeout':
      return `nothing arrived for ${f.seconds} seconds`;
    case 'incomplete':
      return 'the file is incomplete or damaged';
    case 'shape':
      return `the file is not in the expected form (${f.problem})`;
  }
};

/** The message a person sees for a file that could not be used: what failed, why, and what still works. */
export function failureMessage(file: DataFile, failure: LoadFailure, path: string = file): string {
  const d = DATA_FILES[file];
  return d.essential ? `${d.what} (${path}) could not be read: ${REASON(failure)}. ${d.without}` : `${d.what} (${path}) could not be read: ${REASON(failure)}; ${d.without}`;
}

/** The notice for a list file whose bad entries were left out. */
export function droppedMessage(file: DataFile, dropped: number, total: number): string {
  return `${dropped} of ${total} entries in ${DATA_FILES[file].what.replace(/^The /, 'the ')} (${file}) were not in the expected form and are left out.`;
}

// ---- small predicates ---------------------------------------------------------------------------

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStr = (x: unknown): x is string => typeof x === 'string';
const isNumOrNull = (x: unknown) => x === null || isNum(x);
const isStrArr = (x: unknown): x is string[] => Array.isArray(x) && x.every(isStr);
const isNumArr = (x: unknown): x is number[] => Array.isArray(x) && x.every(isNum);
const isTuple = (x: unknown, n: number) => Array.isArray(x) && x.length === n && x.every(isNum);

/** Thrown inside a check and caught at its top: the first problem found, in words. */
class Bad extends Error {}
const fail = (msg: string): never => {
  throw new Bad(msg);
};
const need = (cond: boolean, msg: string) => {
  if (!cond) fail(msg);
};
function guard<T>(check: () => Checked<T>): Checked<T> {
  try {
    return check();
  } catch (e) {
    if (e instanceof Bad) return { ok: false, problem: e.message };
    // A check must never throw; anything unexpected is still a "not in the expected form".
    return { ok: false, problem: `unexpected content (${e instanceof Error ? e.message : String(e)})` };
  }
}

const GEOS: readonly GeographyId[] = ['ward', 'lsoa', 'msoa'];
const POLARITIES = new Set(['HighIsGood', 'LowIsGood', 'NoJudgement']);
const KINDS = new Set(['score', 'proportion', 'count', 'decile']);
const COMPARES = new Set(['decile', 'interval', 'none']);

// ---- indicators.json ----------------------------------------------------------------------------

function checkPlace(p: unknown) {
  need(isObj(p), 'no place description');
  const o = p as Obj;
  need(isStr(o.name) && o.name.length > 0, 'the place has no name');
  need(isStr(o.code), 'the place has no code');
  need(isTuple(o.bounds, 4), 'the place has no map extent');
  need(isObj(o.england) && isStr((o.england as Obj).name) && isStr((o.england as Obj).code), 'the place has no England comparator');
  need(Array.isArray(o.attribution) && o.attribution.every((a) => isObj(a) && isStr(a.text)), 'the place has no attribution');
  need(isObj(o.basemap) && isStrArr((o.basemap as Obj).tiles) && isStr((o.basemap as Obj).attribution), 'the place has no basemap description');
}

function checkAreas(a: unknown): Record<GeographyId, number> {
  need(isObj(a), 'no area lists');
  const counts = {} as Record<GeographyId, number>;
  for (const g of GEOS) {
    const l = (a as Obj)[g];
    need(isObj(l), `no ${g} list`);
    const o = l as Obj;
    need(isStrArr(o.codes) && o.codes.length > 0, `the ${g} list has no codes`);
    const n = (o.codes as string[]).length;
    counts[g] = n;
    const same = (k: string, ok: (x: unknown) => boolean) => {
      const v = o[k];
      need(Array.isArray(v) && v.length === n, `the ${g} ${k} do not match its ${n} codes`);
      need((v as unknown[]).every(ok), `the ${g} ${k} hold something that is not expected`);
    };
    same('names', isStr);
    same('aliases', (x) => isStr(x) || isStrArr(x));
    same('residents', isNum);
    same('bbox', (x) => isTuple(x, 4));
    same('label', (x) => isTuple(x, 2));
  }
  return counts;
}

function checkLinks(l: unknown, n: Record<GeographyId, number>) {
  need(isObj(l), 'no LSOA links');
  const o = l as Obj;
  const idx = (k: string, max: number) => need(isNumArr(o[k]) && (o[k] as number[]).length === n.lsoa && (o[k] as number[]).every((i) => Number.isInteger(i) && i >= -1 && i < max), `the LSOA-to-${k} links do not match the areas`);
  idx('msoa', n.msoa);
  idx('ward', n.ward);
  need(Array.isArray(o.pwc) && o.pwc.length === n.lsoa && o.pwc.every((p) => isTuple(p, 2)), 'the LSOA centroids do not match the LSOAs');
  if (o.wardParts !== undefined) {
    need(
      Array.isArray(o.wardParts) &&
        o.wardParts.length === n.ward &&
        o.wardParts.every((parts) => Array.isArray(parts) && parts.every((p) => isTuple(p, 2) && Number.isInteger((p as number[])[0]) && (p as number[])[0] >= 0 && (p as number[])[0] < n.lsoa)),
      'the ward parts do not match the wards',
    );
  }
}

function checkIndicator(x: unknown, k: number, n: Record<GeographyId, number>, seen: Set<string>, split: boolean) {
  need(isObj(x), `indicator ${k + 1} is not a record`);
  const o = x as Obj;
  need(isStr(o.id) && o.id.length > 0, `indicator ${k + 1} has no id`);
  const name = `indicator “${String(o.id)}”`;
  need(!seen.has(o.id as string), `${name} appears twice`);
  seen.add(o.id as string);
  for (const f of ['label', 'theme', 'unit', 'period', 'source', 'licence', 'method', 'caveats']) need(isStr(o[f]), `${name} has no ${f}`);
  need(isNum(o.decimals), `${name} has no number of decimals`);
  need(POLARITIES.has(o.polarity as string), `${name} has no polarity`);
  need(KINDS.has(o.kind as string), `${name} has no kind`);
  need(COMPARES.has(o.compare as string), `${name} has no comparison mode`);
  need(isObj(o.geographyMethod), `${name} has no method per geography`);
  for (const c of ['england', 'borough']) if (o[c] !== undefined) need(isObj(o[c]) && isNum((o[c] as Obj).value) && isStr((o[c] as Obj).statistic), `${name} has a broken ${c} value`);
  if (o.decileThresholds !== undefined) need(isNumArr(o.decileThresholds), `${name} has broken decile thresholds`);
  need(isObj(o.data), `${name} has no data`);
  // A tiled build keeps values in values/<id>.json, checked when fetched (checkValues).
  if (!split) checkData(name, o.data as Obj, n);
}

/** An indicator's values per geography: aligned with each geography's areas, numbers or null, with class breaks. */
function checkData(name: string, data: Obj, n: Record<GeographyId, number>) {
  let any = false;
  for (const [g, v] of Object.entries(data)) {
    need((GEOS as string[]).includes(g), `${name} has data for an unknown geography “${g}”`);
    const len = n[g as GeographyId];
    need(isObj(v), `${name} has no ${g} values`);
    const d = v as Obj;
    for (const f of ['values', 'numerators', 'denominators', 'deciles', 'lowers', 'uppers']) {
      if (f !== 'values' && d[f] === undefined) continue;
      need(Array.isArray(d[f]) && (d[f] as unknown[]).length === len, `${name} has ${f} for ${g} that do not match its ${len} areas`);
      need((d[f] as unknown[]).every(isNumOrNull), `${name} has ${g} ${f} that are not numbers`);
    }
    need(isObj(d.breaks) && isNumArr((d.breaks as Obj).quantile) && isNumArr((d.breaks as Obj).jenks), `${name} has no class breaks for ${g}`);
    any = true;
  }
  need(any, `${name} has no data`);
}

/** indicators.json: the areas, their links, the indicators (values aligned with each geography), and the rest the app reads. */
export function checkBundle(x: unknown): Checked<IndicatorBundle> {
  return guard(() => {
    need(isObj(x), 'it holds no record');
    const o = x as Obj;
    need(isStr(o.builtAt), 'no build date');
    checkPlace(o.place);
    const n = checkAreas(o.areas);
    checkLinks(o.lsoaLinks, n);
    need(isStrArr(o.themes) && o.themes.length > 0, 'no themes');
    need(Array.isArray(o.indicators) && o.indicators.length > 0, 'no indicators');
    const seen = new Set<string>();
    need(o.valuesSplit === undefined || typeof o.valuesSplit === 'boolean', 'its values-split flag is broken');
    (o.indicators as unknown[]).forEach((ind, k) => checkIndicator(ind, k, n, seen, o.valuesSplit === true));
    need(Array.isArray(o.presets) && o.presets.every((p) => isObj(p) && isStr(p.id) && isStr(p.name) && isStr(p.ruleText) && isStrArr(p.lsoas)), 'the pilot neighbourhoods are broken');
    need(
      Array.isArray(o.practices) &&
        o.practices.every((p) => isObj(p) && isStr(p.code) && isStr(p.name) && isStr(p.pcnCode) && isStr(p.pcnName) && isNumOrNull(p.lon) && isNumOrNull(p.lat) && isObj(p.listSize) && isObj(p.conditions)),
      'the GP practices are broken',
    );
    need(isObj(o.qof) && isStrArr((o.qof as Obj).years) && isStr((o.qof as Obj).method) && isStr((o.qof as Obj).note), 'the GP-recorded conditions note is broken');
    need(
      Array.isArray(o.boroughIndicators) && o.boroughIndicators.every((b) => isObj(b) && isStr(b.id) && isStr(b.label) && isNum(b.borough) && isNum(b.england) && isStr(b.published)),
      'the borough-only indicators are broken',
    );
    return { ok: true, value: x as IndicatorBundle, dropped: 0, total: 1 };
  });
}

/**
 * values/<id>.json of a tiled build: `{ id, data }`, one indicator's values, checked against the bundle's areas
 * as indicators.json's inline values are.
 */
export function checkValues(x: unknown, id: string, areas: Record<GeographyId, { codes: readonly string[] }>): Checked<IndicatorRecord['data']> {
  return guard(() => {
    need(isObj(x), 'it holds no record');
    const o = x as Obj;
    need(o.id === id, `it is not the values of “${id}”`);
    need(isObj(o.data), 'it holds no values');
    const n = Object.fromEntries(GEOS.map((g) => [g, areas[g].codes.length])) as Record<GeographyId, number>;
    checkData(`indicator “${id}”`, o.data as Obj, n);
    return { ok: true, value: o.data as IndicatorRecord['data'], dropped: 0, total: 1 };
  });
}

// ---- list files ---------------------------------------------------------------------------------

/** Keep the entries that pass; fail only when the file is not a list or nothing in it is usable. */
function keepGood<T>(x: unknown, good: (e: unknown) => boolean, what: string): Checked<T[]> {
  return guard(() => {
    need(Array.isArray(x), `it holds no list of ${what}`);
    const all = x as unknown[];
    const kept = all.filter(good) as T[];
    need(kept.length > 0 || all.length === 0, `none of its ${all.length} ${what} is usable`);
    return { ok: true, value: kept, dropped: all.length - kept.length, total: all.length };
  });
}

/** places.json: towns, villages and suburbs with a point and the indices of their LSOA and ward. */
export function checkGazetteer(x: unknown): Checked<GazetteerEntry[]> {
  return keepGood<GazetteerEntry>(x, (e) => isObj(e) && isStr(e.name) && e.name.length > 0 && isStr(e.type) && isNum(e.lon) && isNum(e.lat) && Number.isInteger(e.lsoa) && Number.isInteger(e.ward), 'places');
}

const CATEGORIES = new Set<string>(ASSET_CATEGORY_IDS);
const STATUSES = new Set(['open', 'closed', 'unverified']);
const OPT_STR = ['ward', 'wardCode', 'phone', 'contact', 'organisation', 'services'];

/** assets.json: community services, each with an id, name, category, point and status. */
export function checkAssets(x: unknown): Checked<Asset[]> {
  return keepGood<Asset>(
    x,
    (e) =>
      isObj(e) &&
      isStr(e.id) &&
      e.id.length > 0 &&
      isStr(e.name) &&
      CATEGORIES.has(e.category as string) &&
      isStr(e.subcategory) &&
      isStr(e.address) &&
      isStr(e.postcode) &&
      isNum(e.lon) &&
      isNum(e.lat) &&
      isStr(e.source) &&
      isStr(e.licence) &&
      isStr(e.lastUpdated) &&
      STATUSES.has(e.status as string) &&
      typeof e.inBorough === 'boolean' &&
      OPT_STR.every((k) => e[k] === undefined || isStr(e[k])) &&
      (e.verified === undefined || typeof e.verified === 'boolean'),
    'services',
  );
}

/** postcodes.json: postcode → [lon, lat, LSOA index, ward index]. */
export function checkPostcodes(x: unknown): Checked<PostcodeIndex> {
  return guard(() => {
    need(isObj(x), 'it holds no postcode index');
    const out: PostcodeIndex = {};
    let total = 0;
    let kept = 0;
    for (const [pc, v] of Object.entries(x as Obj)) {
      total++;
      if (isTuple(v, 4) && Number.isInteger((v as number[])[2]) && Number.isInteger((v as number[])[3]) && /^[A-Z0-9]{2,4} ?[0-9][A-Z]{2}$/.test(pc)) {
        out[pc] = v as [number, number, number, number];
        kept++;
      }
    }
    need(kept > 0, total ? `none of its ${total} postcodes is usable` : 'it holds no postcodes');
    return { ok: true, value: out, dropped: total - kept, total };
  });
}

// ---- boundary GeoJSON (geo-*.json) --------------------------------------------------------------

const isRing = (r: unknown) => Array.isArray(r) && r.length >= 4 && r.every((p) => Array.isArray(p) && p.length >= 2 && isNum(p[0]) && isNum(p[1]));
const isPolygon = (c: unknown) => Array.isArray(c) && c.length > 0 && c.every(isRing);

export interface BoundaryFeature {
  type: 'Feature';
  properties: { code: string; name?: string };
  geometry: { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
}
export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: BoundaryFeature[];
}

/**
 * A boundary file: a FeatureCollection of Polygon/MultiPolygon features each with a `code`. Bad features
 * are dropped (counted). Given the geography's codes, it fails when none of them has a boundary, and
 * `missing` lists those without one.
 */
export function checkBoundaries(x: unknown, codes?: readonly string[]): Checked<BoundaryCollection> & { missing?: string[] } {
  const r = guard<BoundaryCollection>(() => {
    need(isObj(x) && (x as Obj).type === 'FeatureCollection' && Array.isArray((x as Obj).features), 'it holds no feature collection');
    const all = (x as Obj).features as unknown[];
    const kept = all.filter((f) => {
      if (!isObj(f) || !isObj(f.properties) || !isStr(f.properties.code) || !isObj(f.geometry)) return false;
      const g = f.geometry;
      return g.type === 'Polygon' ? isPolygon(g.coordinates) : g.type === 'MultiPolygon' ? Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(isPolygon) : false;
    }) as BoundaryFeature[];
    need(kept.length > 0, all.length ? `none of its ${all.length} boundaries is usable` : 'it holds no boundaries');
    if (codes) {
      const have = new Set(kept.map((f) => f.properties.code));
      need(
        codes.some((c) => have.has(c)),
        'none of its boundaries belongs to an area in the indicator data',
      );
    }
    return { ok: true, value: { type: 'FeatureCollection', features: kept }, dropped: all.length - kept.length, total: all.length };
  });
  if (!r.ok || !codes) return r;
  const have = new Set(r.value.features.map((f) => f.properties.code));
  return { ...r, missing: codes.filter((c) => !have.has(c)) };
}
