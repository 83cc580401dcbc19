import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Papa from 'papaparse';
import { DEFAULT_SHARE_STATE, MAP_LAYER_IDS, MAX_LINK_QUERY_CHARS, TASK_IDS, holdOnlineRequests, parse, serialise, type ShareState } from '../../../src/lib/share/url';
import { customAreas, validateShare } from '../../../src/lib/share/validate';
import { cleanName, encodeLsoaSet, parseCustom, parsePlaceKey } from '../../../src/lib/places/keys';
import { cleanText } from '../../../src/lib/core/text';
import { csvDocument, csvLine } from '../../../src/lib/core/csvWrite';
import { comparisonCsv, comparisonRows, resolvePlace } from '../../../src/lib/places/comparison';
import { decodeSite, encodeSite, linkSimplification, MAX_SITE_PARAM_CHARS } from '../../../src/lib/site/link';
import { siteFromPolygon } from '../../../src/lib/site/geometry';
import { GEOGRAPHY_IDS, type IndicatorRecord } from '../../../src/lib/core/types';
import { indicator, loadBundle } from '../../fixtures/bundle';

const bundle = loadBundle();
const KNOWN = new Set(bundle.indicators.map((i) => i.id));
const total = bundle.areas.lsoa.codes.length;
const RUNS = { numRuns: 300 };

/** Text that tries hard: markup, quotes, commas, formulas, control and bidi characters, emoji, long runs. */
const hostileChar = fc.constantFrom('<', '>', '"', "'", ',', ';', '=', '+', '-', '@', '\t', '\r', '\n', '\u0000', '\u202e', '\u200b', '😀', '&', '%', '#', '|', '.', ':', ' ', 'a', 'Z', '0', '9');
const hostile = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: hostileChar, maxLength: 80 }), fc.constantFrom('<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example")', 'a,=HYPERLINK("http://evil.example")', 'x"y\nz'));
const KEYS = ['task', 'geo', 'ind', 'mode', 'classes', 'area', 'basemap', 'view', 'cmp', 'themes', 'nb', 'layers', 'practice', 'site', 'rings', 'zzz'];
const query = fc.array(fc.tuple(fc.constantFrom(...KEYS), hostile), { maxLength: 12 }).map((kv) => new URLSearchParams(kv).toString());

/** A formula a spreadsheet would run: a cell starting (after spaces) with =, +, -, @, or starting with tab or CR. */
const FORMULA = /^[\t\r]|^[ \u00a0]*[=+\-@]/;

function checkState(s: ShareState) {
  expect(TASK_IDS).toContain(s.task);
  expect(GEOGRAPHY_IDS).toContain(s.geography);
  expect(KNOWN.has(s.indicator) || s.indicator === DEFAULT_SHARE_STATE.indicator).toBe(true);
  expect(['value', 'benchmark']).toContain(s.mode);
  expect(['quantile', 'jenks']).toContain(s.classes);
  expect(['map', 'table', 'comparison']).toContain(s.view);
  expect(typeof s.basemap).toBe('boolean');
  if (s.selected !== null) expect(s.selected).toMatch(/^[EWSN]\d{8}$/);
  if (s.practice !== null) expect(s.practice).toMatch(/^[A-Z]\d{5}$/);
  if (s.site !== null) expect(s.site).toMatch(/^(pt|poly):[-0-9.,;|]+$/);
  for (const k of s.comparison) expect(parsePlaceKey(k)).not.toBeNull();
  expect(s.comparison.length).toBeLessThanOrEqual(6);
  for (const l of s.layers) expect(MAP_LAYER_IDS).toContain(l);
  for (const t of s.themes ?? []) expect(Number.isInteger(t)).toBe(true);
  for (const r of s.rings) expect(Number.isFinite(r)).toBe(true);
  // Neighbourhoods are free text (a bitset and a name): bounded here, cleaned by parseCustom, rendered as text.
  expect(s.custom.length).toBeLessThanOrEqual(20);
  for (const c of s.custom) expect(c.length).toBeLessThanOrEqual(400);
}

describe('URL parse and validateShare on hostile query strings', () => {
  it('never throw; every value is from its fixed set or matches its pattern', () => {
    fc.assert(
      fc.property(fc.oneof(query, fc.string(), fc.string({ unit: 'binary' })), (q) => {
        const { state, warnings } = parse(q, KNOWN);
        checkState(state);
        for (const w of warnings) expect(typeof w).toBe('string');
        const v = validateShare(state, bundle);
        checkState(v.state);
        for (const c of customAreas(v.state.custom, total)) expect(c.name).toBe(cleanName(c.name));
      }),
      RUNS,
    );
  });

  it('warnings never echo more than a short piece of the link', () => {
    fc.assert(
      fc.property(query, (q) => {
        for (const w of parse(q, KNOWN).warnings) expect(w.length).toBeLessThan(260);
      }),
      RUNS,
    );
  });

  it('a 100,000-entry comparison list costs next to nothing and says what was ignored', () => {
    const q = `cmp=${Array.from({ length: 100_000 }, (_, i) => `lsoa:E0101${String(i).padStart(4, '0')}`).join(',')}&view=compare`;
    const t0 = performance.now();
    const { state, warnings } = parse(q, KNOWN);
    const v = validateShare(state, bundle);
    const ms = performance.now() - t0;
    expect(state.comparison.length).toBeLessThanOrEqual(6);
    expect(v.state.comparison.length).toBeLessThanOrEqual(6);
    expect(warnings.join(' ')).toContain('the rest were ignored');
    expect(ms).toBeLessThan(150);
  });

  it.each(['pt:999,999', 'pt:0,0', 'pt:-1.3,0', 'poly:0,0;0,1;1,1;0,0', 'poly:-1.3,54.56;-1.31,54.57;999,54.57;-1.3,54.56'])('a site outside the place (%s) is dropped with a warning', (site) => {
    const { state } = parse(`site=${encodeURIComponent(site)}`, KNOWN);
    expect(state.site).toBe(site);
    const v = validateShare(state, bundle);
    expect(v.state.site).toBeNull();
    expect(v.warnings.join(' ')).toContain('not in or near');
  });

  it('a site in the place is kept', () => {
    const v = validateShare({ ...DEFAULT_SHARE_STATE, site: 'pt:-1.31,54.56' }, bundle);
    expect(v.state.site).toBe('pt:-1.31,54.56');
    expect(v.warnings).toEqual([]);
  });

  it('a link asking for the street map is held as a request: the state keeps it off', () => {
    const { state } = parse('basemap=streets', KNOWN);
    const held = holdOnlineRequests(state);
    expect(held.basemapRequested).toBe(true);
    expect(held.state.basemap).toBe(false);
    expect(holdOnlineRequests(parse('geo=lsoa', KNOWN).state).basemapRequested).toBe(false);
  });
});

describe('place keys, names and free text', () => {
  it('parsePlaceKey never throws and returns only a known kind and a short plain id', () => {
    fc.assert(
      fc.property(hostile, (k) => {
        const r = parsePlaceKey(k);
        if (r) {
          expect(['ward', 'lsoa', 'msoa', 'preset', 'custom', 'pcn']).toContain(r.kind);
          expect(r.id).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
        }
      }),
      RUNS,
    );
  });

  it('cleanName and cleanText never throw; no control, zero-width or bidi characters; bounded; idempotent', () => {
    fc.assert(
      fc.property(hostile, (raw) => {
        const n = cleanName(raw);
        // eslint-disable-next-line no-control-regex
        expect(n).not.toMatch(/[\u0000-\u001f\u007f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/);
        expect(Array.from(n).length).toBeLessThanOrEqual(60);
        expect(cleanName(n)).toBe(n);
        const t = cleanText(raw).text;
        // eslint-disable-next-line no-control-regex
        expect(t).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
        expect(t.length).toBeLessThanOrEqual(200);
        // "Never returns markup" means never interprets it: markup stays the same literal text, for React to render as text.
        if (raw.includes('<img')) expect(n + t).toContain('<img');
      }),
      RUNS,
    );
  });

  it('parseCustom never throws; a name it returns is clean', () => {
    fc.assert(
      fc.property(hostile, hostile, (bits, name) => {
        for (const raw of [`${bits}.${name}`, `${encodeLsoaSet([0, 1], total)}.${name}`]) {
          const c = parseCustom(raw, 'n1', total);
          if (c) {
            expect(c.name).toBe(cleanName(c.name));
            expect(c.lsoas.every((i) => i >= 0 && i < total)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });
});

describe('site links', () => {
  it('decodeSite never throws on hostile text and returns finite geometry or null', () => {
    const numeric = fc.string({ unit: fc.constantFrom('-', '0', '1', '5', '4', '.', ',', ';', '|', 'e'), maxLength: 120 });
    fc.assert(
      fc.property(fc.oneof(hostile, numeric.map((s) => `poly:${s}`), numeric.map((s) => `pt:${s}`)), (raw) => {
        const s = decodeSite(raw);
        if (s) {
          expect(Number.isFinite(s.centroid[0]) && Number.isFinite(s.centroid[1])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  /** A wiggly boundary near Stockton with n vertices (about 1 km across). */
  const detailed = (n: number, parts = 1) => {
    const rings = Array.from({ length: parts }, (_, p) => {
      const cx = -1.32 + (p % 40) * 0.004;
      const cy = 54.56 + Math.floor(p / 40) * 0.004;
      const r = parts > 1 ? 0.0012 : 0.008;
      return Array.from({ length: n }, (_, i) => {
        const a = (2 * Math.PI * i) / n;
        const w = 1 + 0.05 * Math.sin(17 * a) + 0.01 * Math.sin(301 * a);
        return [cx + r * w * Math.cos(a) * 1.7, cy + r * w * Math.sin(a)];
      });
    });
    return rings;
  };

  it('a 3,900-vertex boundary writes a link under the limit that reopens, and says it was simplified', () => {
    const site = siteFromPolygon(detailed(3900)[0]);
    const raw = encodeSite(site);
    const q = serialise({ ...DEFAULT_SHARE_STATE, task: 'site', site: raw });
    expect(new URLSearchParams({ site: raw }).toString().length).toBeLessThanOrEqual(MAX_SITE_PARAM_CHARS + 5);
    expect(q.length).toBeLessThanOrEqual(MAX_LINK_QUERY_CHARS);
    const how = linkSimplification(raw);
    expect(how?.kind).toBe('simplified');
    expect(how!.toleranceM).toBeLessThanOrEqual(20);
    // This page still has the exact boundary; a recipient decodes the simplified one, close to it.
    expect(decodeSite(raw)).toBe(site);
    const { state, warnings } = parse(q, KNOWN);
    expect(warnings).toEqual([]);
    const v = validateShare(state, bundle);
    expect(v.state.site).toBe(raw);
    expect(Math.abs(site.areaHa! - (decodeSiteFresh(raw)?.areaHa ?? 0)) / site.areaHa!).toBeLessThan(0.02);
  });

  it('a 1,000-part site writes a link under the limit holding its outline', () => {
    const rings = detailed(12, 1000);
    const site = { ...siteFromPolygon(rings[0]), geometry: { type: 'MultiPolygon' as const, coordinates: rings.map((r) => [[...r, r[0]]]) } };
    const raw = encodeSite(site);
    expect(serialise({ ...DEFAULT_SHARE_STATE, task: 'site', site: raw }).length).toBeLessThanOrEqual(MAX_LINK_QUERY_CHARS);
    expect(linkSimplification(raw)?.kind).toBe('outline');
    expect(decodeSiteFresh(raw)).not.toBeNull();
  });

  /** A circle of n vertices and the given radius, as a planning GIS exports a buffered site. */
  const circle = (radiusM: number, n: number) => {
    const [lon, lat] = [-1.3105, 54.5702];
    const ring = Array.from({ length: n }, (_, i) => {
      const a = (2 * Math.PI * i) / n;
      return [lon + (radiusM * Math.cos(a)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (radiusM * Math.sin(a)) / 110_540] as [number, number];
    });
    return [...ring, ring[0]];
  };

  // Rounding to 5 decimals (about 1 m) can fold a dense small ring onto itself; every size must still reopen.
  it.each([
    [30, 3900],
    [100, 3900],
    [300, 3900],
    [1500, 3900],
    [8000, 3900],
    [300, 20000],
  ])('a %i m circle of %i vertices writes a link within the limit that a recipient can open, close to the site', (radiusM, n) => {
    const site = siteFromPolygon(circle(radiusM, n));
    const raw = encodeSite(site);
    expect(serialise({ ...DEFAULT_SHARE_STATE, task: 'site', site: raw }).length).toBeLessThanOrEqual(MAX_LINK_QUERY_CHARS);
    const opened = decodeSiteFresh(raw);
    expect(opened).not.toBeNull();
    expect(Math.abs(site.areaHa! - opened!.areaHa!) / site.areaHa!).toBeLessThan(0.05);
  });

  it('a small boundary is written exactly, with no simplification', () => {
    const site = siteFromPolygon(detailed(50)[0]);
    const raw = encodeSite(site);
    expect(linkSimplification(raw)).toBeNull();
  });
});

/** Decode as a recipient would (without this page's memory of the exact site). */
function decodeSiteFresh(raw: string) {
  return decodeSite(raw, false);
}

// ------------------------------------------------------------------------------------------------
// CSV: names from links, this browser and files, read back with papaparse
// ------------------------------------------------------------------------------------------------

function readBack(text: string) {
  const all = Papa.parse<string[]>(text, { delimiter: ',', skipEmptyLines: true }).data;
  const body = Papa.parse<string[]>(text, { delimiter: ',', comments: '#', skipEmptyLines: true });
  return { all, body };
}

function expectNoFormula(text: string) {
  const { all } = readBack(text);
  // Numbers (such as -1.5) are values, not formulas.
  for (const row of all) for (const cell of row) if (!/^-?\d[\d.e+-]*$/.test(cell)) expect(cell, `cell ${JSON.stringify(cell)}`).not.toMatch(FORMULA);
}

describe('one CSV writer: structure and formulas', () => {
  it('csvDocument: any header notes and cells read back as exactly the rows and columns written, with no formula cell', () => {
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 4 }), fc.array(hostile, { minLength: 2, maxLength: 4 }), fc.array(fc.array(fc.oneof(hostile, fc.double(), fc.constant(null)), { minLength: 4, maxLength: 4 }), { maxLength: 5 }), (header, cols, rows) => {
        const columns = cols.map((c, i) => `c${i}${c}`);
        const data = rows.map((r) => r.slice(0, columns.length));
        const text = csvDocument({ header, columns, rows: data });
        const { body } = readBack(text);
        expect(body.errors).toEqual([]);
        expect(body.data).toHaveLength(1 + data.length);
        for (const r of body.data) expect(r).toHaveLength(columns.length);
        expectNoFormula(text);
        for (const l of text.split('\n').slice(0, header.length)) expect(l.startsWith('#')).toBe(true);
      }),
      RUNS,
    );
  });

  it('csvLine quotes RFC 4180 style', () => {
    expect(csvLine(['a', 'b,c', 'x"y', 'l1\nl2', 1.5, null])).toBe('a,"b,c","x""y","l1\nl2",1.5,');
    expect(csvLine(['=1+1', '#not a note'])).toBe(`'=1+1,"#not a note"`);
  });

  const evilUrl = `?nb=${encodeURIComponent(`${encodeLsoaSet([0, 1, 2], total)}.a,=HYPERLINK("http://evil.example")`)}&nb=${encodeURIComponent(`${encodeLsoaSet([3], total)}.x"y\nz"`)}&cmp=custom:n1,custom:n2&view=compare`;

  it('names from a link (?nb=…a,=HYPERLINK(…) and x"y): the comparison CSV keeps its structure and has no formula cell', () => {
    const { state } = parse(evilUrl, KNOWN);
    const v = validateShare(state, bundle);
    const customs = customAreas(v.state.custom, total);
    expect(customs.map((c) => c.name)).toEqual(['a,=HYPERLINK("http://evil.example")', 'x"y z"']);
    const places = v.state.comparison.map((k) => resolvePlace(bundle, k, customs)!);
    const inds = [indicator(bundle, 'disability'), indicator(bundle, 'imd_score')];
    const text = comparisonCsv(bundle, places, comparisonRows(bundle, places, inds), new Date('2025-01-02'));
    const { body } = readBack(text);
    expect(body.errors).toEqual([]);
    expect(body.data).toHaveLength(1 + inds.length);
    const width = body.data[0].length;
    expect(width).toBe(5 + 4 * 3 + 1);
    for (const r of body.data) expect(r).toHaveLength(width);
    expect(body.data[0]).toContain('a,=HYPERLINK("http://evil.example"): value');
    expectNoFormula(text);
    expect(text.split('\n').find((l) => l.startsWith('# Places'))).toContain(`"'=HYPERLINK(""http://evil.example"")`);
  });

  it('names from this browser (saved neighbourhoods) go through the same checks and writer', () => {
    const saved = JSON.parse(JSON.stringify([`${encodeLsoaSet([0], total)}.@SUM(A1)`, `${encodeLsoaSet([1], total)}.-2+3,"q`])) as string[];
    const customs = customAreas(validateShare({ ...DEFAULT_SHARE_STATE, custom: saved }, bundle).state.custom, total);
    const places = ['custom:n1', 'custom:n2'].map((k) => resolvePlace(bundle, k, customs)!);
    const text = comparisonCsv(bundle, places, comparisonRows(bundle, places, [indicator(bundle, 'disability')]), new Date('2025-01-02'));
    const { body } = readBack(text);
    expect(body.data).toHaveLength(2);
    expect(body.data[0]).toHaveLength(body.data[1].length);
    expectNoFormula(text);
  });

  it('names from a file (an indicator named by someone\'s CSV) go through the same writer', () => {
    const base = indicator(bundle, 'disability');
    const own: IndicatorRecord = { ...base, id: 'user_evil', label: '=cmd|" /C calc"!A0', theme: '+Your, data', source: 'file "a,=1".csv\nnext', unit: '@' };
    const places = [resolvePlace(bundle, `ward:${bundle.areas.ward.codes[0]}`, [])!];
    const text = comparisonCsv(bundle, places, comparisonRows(bundle, places, [own, base]), new Date('2025-01-02'));
    const { body } = readBack(text);
    expect(body.errors).toEqual([]);
    expect(body.data).toHaveLength(3);
    for (const r of body.data) expect(r).toHaveLength(body.data[0].length);
    expectNoFormula(text);
  });
});
