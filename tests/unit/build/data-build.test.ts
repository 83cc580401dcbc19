/**
 * The data build (scripts/build/) run as steps on injected directories and inputs: one full build of
 * the real data/ into a fresh temporary directory, facts checked against what it wrote; then broken
 * inputs, each fed to the step that must reject it. Nothing here touches public/data.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, unlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../src/lib/core/csv';
import { normalisePostcode } from '../../../src/lib/core/text';
import { decileFromThresholds, decileThresholds, nationalDecile } from '../../../src/lib/indicators/deciles';
import type { GeographyId, IndicatorBundle, IndicatorRecord, PostcodeIndex } from '../../../src/lib/core/types';
import { build, buildOutputs } from '../../../scripts/build/index';
import { deriveTableIndicators } from '../../../scripts/build/derive';
import { parsePlace, PLACE_JSON } from '../../../scripts/build/place';
import { readInputs, type InputKey, type Inputs } from '../../../scripts/build/read';
import { validate } from '../../../scripts/build/validate';
import { OPTIONAL_OUTPUT_FILES, OUTPUT_FILES, outputsPresent } from '../../../scripts/build/write';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = join(ROOT, 'data');
const BUILT_AT = '2001-02-03T04:05:06.000Z';
/**
 * The files the browser fetches (src/data/load.ts, src/map/layers/areas.tsx, src/data/useAppraisal.ts; lookups-2011.json
 * when a person's own file has 2011 codes), listed here independently of the writer.
 */
const BROWSER_FILES = ['assets.json', 'geo-borough.json', 'geo-context.json', 'geo-lsoa.json', 'geo-msoa.json', 'geo-ward.json', 'indicators.json', 'lookups-2011.json', 'places.json', 'postcodes.json'];

const temps: string[] = [];
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  temps.push(d);
  return d;
};
afterAll(() => temps.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A temporary data directory: the real data linked in, with the given files (paths under data/) replaced. */
function dataDirWith(replace: Record<string, string>): string {
  const dir = tempDir('data-build-in-');
  const link = (rel: string) => {
    for (const name of readdirSync(join(DATA, rel))) {
      const r = rel ? `${rel}/${name}` : name;
      if (Object.keys(replace).some((k) => k.startsWith(`${r}/`))) {
        mkdirSync(join(dir, r));
        link(r);
      } else if (!(r in replace)) symlinkSync(join(DATA, r), join(dir, r));
    }
  };
  link('');
  for (const [rel, text] of Object.entries(replace)) writeFileSync(join(dir, rel), text);
  return dir;
}

const place = parsePlace(readFileSync(join(DATA, PLACE_JSON), 'utf8'));
let OUT: string;
const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(OUT, name), 'utf8')) as T;
const readData = (rel: string) => parseCsv(readFileSync(join(DATA, rel), 'utf8'));
const GEOS: GeographyId[] = ['lsoa', 'ward', 'msoa'];
let englandCache: ReturnType<typeof parseCsv> | undefined;
const englandLsoas = () => (englandCache ??= readData(place.files.imdEngland));

let summary: string[];
let bundle: IndicatorBundle;
let postcodes: PostcodeIndex;
const ind = (id: string): IndicatorRecord => {
  const r = bundle.indicators.find((i) => i.id === id);
  if (!r) throw new Error(`indicator ${id} not in the bundle`);
  return r;
};

beforeAll(() => {
  OUT = join(tempDir('data-build-out-'), 'data'); // not created yet: the build must make it
  ({ summary } = build({ dataDir: DATA, outDir: OUT, builtAt: BUILT_AT }));
  bundle = readJson<IndicatorBundle>('indicators.json');
  postcodes = readJson<PostcodeIndex>('postcodes.json');
}, 60_000);

describe('data build: outputs', () => {
  it('writes every file the browser loads, and nothing else, into a fresh output directory', () => {
    expect(readdirSync(OUT).sort()).toEqual(BROWSER_FILES);
    expect([...OUTPUT_FILES].sort()).toEqual(BROWSER_FILES);
    for (const f of BROWSER_FILES) {
      const value = JSON.parse(readFileSync(join(OUT, f), 'utf8')) as unknown;
      expect(Array.isArray(value) ? value.length : Object.keys(value as object).length, f).toBeGreaterThan(0);
    }
  });

  it('--if-missing sees complete outputs, and rebuilds when any required one is missing (not an optional one)', () => {
    expect(outputsPresent(OUT)).toBe(true);
    expect(OPTIONAL_OUTPUT_FILES).toEqual(['lookups-2011.json']);
    for (const f of OUTPUT_FILES) {
      const partial = tempDir('data-build-partial-');
      cpSync(OUT, partial, { recursive: true });
      unlinkSync(join(partial, f));
      expect(outputsPresent(partial), f).toBe((OPTIONAL_OUTPUT_FILES as readonly string[]).includes(f));
    }
  });

  it('indicators.json carries the build time it was given', () => {
    expect(bundle.builtAt).toBe(BUILT_AT);
  });

  it('summary reports the area counts and residents', () => {
    expect(summary).toContain('areas: 124 LSOAs, 27 wards, 26 MSOAs; residents 196597');
  });

  it('place is Stockton-on-Tees compared with England, with exactly the keys the browser reads', () => {
    expect(bundle.place.code).toBe('E06000004');
    expect(bundle.place.england.code).toBe('E92000001');
    expect(Object.keys(bundle.place)).toEqual(['name', 'code', 'england', 'bounds', 'attribution', 'basemap']);
  });
});

describe('data build: areas', () => {
  it.each([
    ['lsoa', 124, /^E01\d{6}$/],
    ['ward', 27, /^E05\d{6}$/],
    ['msoa', 26, /^E02\d{6}$/],
  ] as const)('%s: %i areas, unique codes matching %s, aligned lists', (geo, n, pattern) => {
    const a = bundle.areas[geo];
    expect(a.codes).toHaveLength(n);
    expect(new Set(a.codes).size).toBe(n);
    for (const c of a.codes) expect(c).toMatch(pattern);
    expect(a.names).toHaveLength(n);
    expect(a.aliases).toHaveLength(n);
    expect(a.residents).toHaveLength(n);
    expect(a.bbox).toHaveLength(n);
    for (const name of a.names) expect(name.trim()).not.toBe('');
    for (const r of a.residents) expect(r).toBeGreaterThan(0);
  });

  it('LSOA residents are the Census 2021 usual residents, LSOA by LSOA', () => {
    const census = readData(place.files.census);
    const byCode = new Map(census.rows.map((r) => [r.lsoa21_code, Number(r.usual_residents)]));
    bundle.areas.lsoa.codes.forEach((c, i) => expect(bundle.areas.lsoa.residents[i], c).toBe(byCode.get(c)));
  });

  it('LSOA residents sum to 196,597, the borough total in england.csv', () => {
    const total = bundle.areas.lsoa.residents.reduce((a, b) => a + b, 0);
    expect(total).toBe(196597);
    const eng = readData(place.files.comparators);
    const row = eng.rows.find((r) => r.indicator === 'census2021_usual_residents' && r.area_code === 'E06000004');
    expect(Number(row!.value)).toBe(total);
  });

  it('each MSOA’s residents equal the sum of its LSOAs', () => {
    const links = bundle.lsoaLinks.msoa;
    expect(links).toHaveLength(124);
    const sums = new Array(26).fill(0);
    links.forEach((m, i) => {
      expect(m).toBeGreaterThanOrEqual(0);
      expect(m).toBeLessThan(26);
      sums[m] += bundle.areas.lsoa.residents[i];
    });
    expect(sums.every((s) => s > 0)).toBe(true);
    expect(bundle.areas.msoa.residents).toEqual(sums);
  });

  it('LSOA -> MSOA links agree with the ONS lookup', () => {
    const lookup = readData(place.files.lsoaLookup);
    const msoaOf = new Map(lookup.rows.map((r) => [r.LSOA21CD, r.MSOA21CD]));
    bundle.areas.lsoa.codes.forEach((c, i) => expect(bundle.areas.msoa.codes[bundle.lsoaLinks.msoa[i]], c).toBe(msoaOf.get(c)));
  });

  it('ward residents (area-overlap apportionment) sum to the borough total within 1 person per ward', () => {
    const total = bundle.areas.ward.residents.reduce((a, b) => a + b, 0);
    expect(Math.abs(total - 196597)).toBeLessThanOrEqual(bundle.areas.ward.codes.length);
    for (const r of bundle.areas.ward.residents) expect(Number.isInteger(r)).toBe(true);
  });

  it('LSOA -> ward best-fit links point at real wards', () => {
    expect(bundle.lsoaLinks.ward).toHaveLength(124);
    for (const w of bundle.lsoaLinks.ward) {
      expect(w).toBeGreaterThanOrEqual(0);
      expect(w).toBeLessThan(27);
    }
    expect(new Set(bundle.lsoaLinks.ward).size).toBe(27); // every ward is some LSOA's best fit
  });

  it('bounding boxes are ordered and inside the place bounds', () => {
    const [x0, y0, x1, y1] = bundle.place.bounds;
    for (const geo of GEOS)
      for (const [a, b, c, d] of bundle.areas[geo].bbox) {
        expect(a).toBeLessThan(c);
        expect(b).toBeLessThan(d);
        expect(a).toBeGreaterThanOrEqual(x0);
        expect(c).toBeLessThanOrEqual(x1);
        expect(b).toBeGreaterThanOrEqual(y0);
        expect(d).toBeLessThanOrEqual(y1);
      }
  });

  it('geo-lsoa.json has the same 124 codes in the same order as the area list', () => {
    const fc = readJson<{ features: { properties: { code: string } }[] }>('geo-lsoa.json');
    expect(fc.features.map((f) => f.properties.code)).toEqual(bundle.areas.lsoa.codes);
  });

  it('geo-context.json leaves out the borough itself', () => {
    const fc = readJson<{ features: { properties: { code: string } }[] }>('geo-context.json');
    expect(fc.features.length).toBeGreaterThan(0);
    expect(fc.features.map((f) => f.properties.code)).not.toContain('E06000004');
  });
});

describe('data build: indicators', () => {
  it('indicator ids are unique', () => {
    const ids = bundle.indicators.map((i) => i.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining(['imd_score', 'imd_decile', 'disability', 'usual_residents']));
  });

  it('every indicator has values for every geography, aligned with its code list', () => {
    for (const i of bundle.indicators)
      for (const geo of GEOS) {
        const d = i.data[geo];
        expect(d, `${i.id} ${geo}`).toBeDefined();
        expect(d!.values, `${i.id} ${geo}`).toHaveLength(bundle.areas[geo].codes.length);
      }
  });

  it('every indicator has quantile and jenks breaks for every geography: at most 4, increasing, inside the data range', () => {
    for (const i of bundle.indicators)
      for (const geo of GEOS) {
        const d = i.data[geo]!;
        const vals = d.values.filter((v): v is number => v != null);
        const lo = Math.min(...vals);
        const hi = Math.max(...vals);
        for (const method of ['quantile', 'jenks'] as const) {
          const b = d.breaks[method];
          const where = `${i.id} ${geo} ${method}`;
          expect(Array.isArray(b), where).toBe(true);
          expect(b.length, where).toBeLessThanOrEqual(4);
          for (let k = 0; k < b.length; k++) {
            expect(Number.isFinite(b[k]), where).toBe(true);
            expect(b[k], where).toBeGreaterThan(lo);
            expect(b[k], where).toBeLessThanOrEqual(hi);
            if (k) expect(b[k], where).toBeGreaterThan(b[k - 1]);
          }
        }
      }
  });

  it('continuous indicators get the full 5 classes at LSOA level', () => {
    for (const id of ['imd_score', 'income_score', 'disability', 'usual_residents']) {
      expect(ind(id).data.lsoa!.breaks.quantile, id).toHaveLength(4);
      expect(ind(id).data.lsoa!.breaks.jenks, id).toHaveLength(4);
    }
  });

  it("'imd_decile' LSOA values are integers 1..10, and use all ten deciles' range sensibly", () => {
    const v = ind('imd_decile').data.lsoa!.values;
    expect(v).toHaveLength(124);
    for (const d of v) {
      expect(Number.isInteger(d)).toBe(true);
      expect(d).toBeGreaterThanOrEqual(1);
      expect(d).toBeLessThanOrEqual(10);
    }
    // Stockton has LSOAs in England's most deprived decile (24 of 124, IoD 2025 File 10) and in the least deprived.
    expect(v.filter((d) => d === 1)).toHaveLength(24);
    expect(v).toContain(10);
  });

  it("'imd_decile' LSOA values equal the published IMD deciles", () => {
    const imd = readData(place.files.imd);
    const byCode = new Map(imd.rows.map((r) => [r.lsoa21_code, Number(r.imd_decile)]));
    bundle.areas.lsoa.codes.forEach((c, i) => expect(ind('imd_decile').data.lsoa!.values[i], c).toBe(byCode.get(c)));
  });

  it('derived ward and MSOA deciles are integers 1..10', () => {
    for (const geo of ['ward', 'msoa'] as const) {
      for (const d of ind('imd_decile').data[geo]!.values) {
        expect(Number.isInteger(d)).toBe(true);
        expect(d).toBeGreaterThanOrEqual(1);
        expect(d).toBeLessThanOrEqual(10);
      }
      for (const d of ind('imd_score').data[geo]!.deciles!) expect(d).toBeGreaterThanOrEqual(1);
    }
  });

  it('imd_score comparators: borough 25.7132, England 21.8356 (population-weighted means, england.csv)', () => {
    const i = ind('imd_score');
    expect(i.borough!.value).toBeCloseTo(25.7132, 4);
    expect(i.england!.value).toBeCloseTo(21.8356, 4);
    expect(i.england!.statistic).toMatch(/population_weighted_mean/);
  });

  it('the borough IMD score is reproduced from the LSOA values weighted by residents', () => {
    const v = ind('imd_score').data.lsoa!.values;
    const r = bundle.areas.lsoa.residents;
    const pwm = v.reduce((s: number, x, k) => s + x! * r[k], 0) / r.reduce((a, b) => a + b, 0);
    expect(pwm).toBeCloseTo(25.7132, 4);
    // Not the unweighted mean (26.2558 in england.csv).
    const mean = v.reduce((s: number, x) => s + x!, 0) / v.length;
    expect(mean).toBeCloseTo(26.2558, 3);
    expect(Math.abs(pwm - mean)).toBeGreaterThan(0.1);
  });

  it('the England IMD comparator is reproduced from all England LSOAs weighted by residents', () => {
    const eng = englandLsoas();
    expect(eng.rows.length).toBe(33755);
    let s = 0;
    let w = 0;
    for (const r of eng.rows) {
      const p = Number(r.usual_residents_census2021);
      s += p * Number(r.imd_score);
      w += p;
    }
    expect(s / w).toBeCloseTo(21.8356, 3);
  });

  it('decile-compared indicators carry nine descending national decile thresholds', () => {
    const withDeciles = bundle.indicators.filter((i) => i.compare === 'decile');
    expect(withDeciles.length).toBeGreaterThanOrEqual(9);
    for (const i of withDeciles) {
      const t = i.decileThresholds!;
      expect(t, i.id).toHaveLength(9);
      for (let k = 1; k < 9; k++) expect(t[k], i.id).toBeLessThanOrEqual(t[k - 1]);
    }
  });

  it('the imd_score thresholds place each Stockton LSOA in its published IMD decile', () => {
    const t = ind('imd_score').decileThresholds!;
    const v = ind('imd_score').data.lsoa!.values;
    const published = ind('imd_decile').data.lsoa!.values;
    v.forEach((x, k) => expect(decileFromThresholds(x, t), bundle.areas.lsoa.codes[k]).toBe(published[k]));
  });

  // KNOWN BUG (src/lib/deciles.ts decileThresholds, ceil instead of floor): with England's 33,755 LSOAs the
  // thresholds for deciles 1, 3, 5, 7 and 9 are one LSOA too deep. E.g. the LSOA ranked 3,376 on IMD
  // (score 44.912, published decile 2) gets decile 1 from the thresholds but 2 from nationalDecile.
  // Remove `.fails` once fixed.
  it('thresholds and nationalDecile agree for every England LSOA IMD score', () => {
    const scores = englandLsoas().rows.map((r) => Number(r.imd_score));
    const desc = Float64Array.from(scores).sort().reverse();
    const t = decileThresholds(desc);
    const disagree = scores.filter((s) => decileFromThresholds(s, t) !== nationalDecile(s, desc));
    expect(disagree).toEqual([]);
  });

  it("'disability' LSOA value = numerator / denominator × 100, counts from the Census table", () => {
    const d = ind('disability').data.lsoa!;
    const census = readData(place.files.census);
    const byCode = new Map(census.rows.map((r) => [r.lsoa21_code, r]));
    bundle.areas.lsoa.codes.forEach((c, i) => {
      const row = byCode.get(c)!;
      expect(d.numerators![i], c).toBe(Number(row.disabled_equality_act_n));
      expect(d.denominators![i], c).toBe(Number(row.usual_residents));
      expect(d.values[i]!, c).toBeCloseTo((d.numerators![i]! / d.denominators![i]!) * 100, 5);
      // and agrees with ONS's own rounded percentage
      expect(Math.abs(d.values[i]! - Number(row.disabled_pct)), c).toBeLessThan(0.006);
    });
  });

  it("'disability' pools counts for wards and MSOAs: value = numerator / denominator × 100", () => {
    for (const geo of ['ward', 'msoa'] as const) {
      const d = ind('disability').data[geo]!;
      d.values.forEach((v, i) => expect(v!).toBeCloseTo((d.numerators![i]! / d.denominators![i]!) * 100, 4));
    }
    const msoaDen = ind('disability').data.msoa!.denominators!;
    expect(msoaDen).toEqual(bundle.areas.msoa.residents);
  });

  it("'disability' comparators: borough 39,055 / 196,597 and England 9,774,486 / 56,490,046", () => {
    const i = ind('disability');
    expect(i.borough).toMatchObject({ numerator: 39055, denominator: 196597 });
    expect(i.borough!.value).toBeCloseTo(19.866, 3);
    expect(i.england).toMatchObject({ numerator: 9774486, denominator: 56490046 });
    expect(i.england!.value).toBeCloseTo(17.303, 3);
  });

  it('interval-compared indicators have numerators ≤ denominators everywhere and an England value in %', () => {
    for (const i of bundle.indicators.filter((x) => x.compare === 'interval')) {
      expect(i.kind, i.id).toBe('proportion');
      expect(i.unit, i.id).toBe('%');
      expect(i.england!.value, i.id).toBeGreaterThan(1);
      expect(i.england!.value, i.id).toBeLessThan(100);
      for (const geo of GEOS) {
        const d = i.data[geo]!;
        d.numerators!.forEach((n, k) => {
          expect(n!).toBeGreaterThanOrEqual(0);
          expect(n!).toBeLessThanOrEqual(d.denominators![k]!);
        });
      }
    }
  });

  it("'usual_residents' indicator matches the area residents", () => {
    for (const geo of GEOS) {
      const v = ind('usual_residents').data[geo]!.values;
      v.forEach((x, k) => expect(Math.abs(x! - bundle.areas[geo].residents[k])).toBeLessThanOrEqual(0.5));
    }
  });

  // Regression: these once had area values on the 0–1 scale while England was in % (registry lacked scale: 100).
  it('imd_most_deprived_10/20: values, borough and England are all percentages', () => {
    for (const id of ['imd_most_deprived_10', 'imd_most_deprived_20']) {
      const i = ind(id);
      expect(i.unit).toBe('%');
      expect(new Set(i.data.lsoa!.values)).toEqual(new Set([0, 100]));
      expect(i.borough!.value).toBeCloseTo((i.borough!.numerator! / i.borough!.denominator!) * 100, 6);
      expect(i.england!.value).toBeCloseTo((i.england!.numerator! / i.england!.denominator!) * 100, 6);
    }
  });
});

describe('data build: postcodes', () => {
  it('every postcode in the source file is indexed', () => {
    const src = readData(place.files.postcodes);
    expect(Object.keys(postcodes)).toHaveLength(src.rows.length);
    expect(src.rows.length).toBeGreaterThan(5000);
  });

  it('every postcode maps to an LSOA index >= 0 (and a valid ward index)', () => {
    for (const [pc, [lon, lat, li, wi]] of Object.entries(postcodes)) {
      expect(li, pc).toBeGreaterThanOrEqual(0);
      expect(li, pc).toBeLessThan(124);
      expect(Number.isInteger(li)).toBe(true);
      expect(wi, pc).toBeGreaterThanOrEqual(-1);
      expect(wi, pc).toBeLessThan(27);
      expect(Number.isFinite(lon) && Number.isFinite(lat)).toBe(true);
    }
  });

  it('each postcode point lies inside the bounding box of its LSOA', () => {
    for (const [pc, [lon, lat, li]] of Object.entries(postcodes)) {
      const [a, b, c, d] = bundle.areas.lsoa.bbox[li];
      expect(lon >= a && lon <= c && lat >= b && lat <= d, pc).toBe(true);
    }
  });

  it('postcode keys are in normalised form', () => {
    for (const pc of Object.keys(postcodes)) expect(normalisePostcode(pc)).toBe(pc);
  });

  it('a known postcode keeps its ward from Code-Point (DL2 1HP -> Eaglescliffe West)', () => {
    const wi = postcodes['DL2 1HP'][3];
    expect(bundle.areas.ward.names[wi]).toBe('Eaglescliffe West');
  });
});

// ------------------------------------------------------------------ validation
/** Which step must reject the input: place.json parsing, validate, or derive (IoD and Census indicators). */
type Step = 'place' | 'validate' | 'derive';
type Mutation = [label: string, file: InputKey | 'place', mutate: (text: string) => string, error: RegExp, step: Step];

const lines = (text: string) => text.split(/\r?\n/);
/** Apply fn to the first data row (line 2). */
const firstRow = (fn: (line: string) => string) => (text: string) => {
  const l = lines(text);
  l[1] = fn(l[1]);
  return l.join('\n');
};
/** Apply fn to the first n data rows. */
const firstRows = (n: number, fn: (line: string) => string) => (text: string) => {
  const l = lines(text);
  for (let i = 1; i <= n; i++) l[i] = fn(l[i]);
  return l.join('\n');
};
const header = (fn: (line: string) => string) => (text: string) => {
  const l = lines(text);
  l[0] = fn(l[0]);
  return l.join('\n');
};
/** Replace the nth comma-separated field of a line (no quoted commas in the rows used here). */
const setField = (n: number, value: string) => (line: string) => {
  const f = line.split(',');
  f[n] = value;
  return f.join(',');
};
const geo = (fn: (fc: { features: { properties: Record<string, unknown> }[] }) => void) => (text: string) => {
  const fc = JSON.parse(text);
  fn(fc);
  return JSON.stringify(fc);
};
const json = (fn: (o: Record<string, any>) => void) => (text: string) => {
  const o = JSON.parse(text);
  fn(o);
  return JSON.stringify(o, null, 2);
};
const duplicateFirstRow = (t: string) => {
  const l = lines(t);
  l.splice(2, 0, l[1]);
  return l.join('\n');
};

// census columns: 0 lsoa21_code, 1 lsoa21_name, 2 usual_residents, 3 disabled_equality_act_n, …
const mutations: Mutation[] = [
  ['duplicate LSOA row in the Census table', 'census', duplicateFirstRow, /duplicate LSOA E01012187/, 'validate'],
  ['LSOA missing from the Census table', 'census', (t) => { const l = lines(t); l.splice(1, 1); return l.join('\n'); }, /code lists differ \(missing E01012187/, 'validate'],
  ['required column renamed', 'census', header((h) => h.replace('"usual_residents"', '"usual_residentz"')), /missing columns usual_residents/, 'validate'],
  ['blank usual residents', 'census', firstRow(setField(2, '')), /E01012187 has no value in usual_residents/, 'validate'],
  ['zero usual residents', 'census', firstRow(setField(2, '0')), /E01012187 has 0 usual residents/, 'validate'],
  ['non-numeric count', 'census', firstRow(setField(3, 'abc')), /E01012187 has non-numeric "abc" in disabled_equality_act_n/, 'derive'],
  ['numerator above denominator', 'census', firstRow(setField(3, '2000')), /E01012187 numerator 2000 exceeds denominator 1241 for disability/, 'derive'],
  ['malformed CSV row', 'census', firstRow((l) => l.split(',').slice(0, 4).join(',')), /CSV errors: Row 2: Too few fields/, 'validate'],
  ['LSOA geometry dropped', 'lsoaGeo', geo((fc) => { fc.features.pop(); }), /expected 124 features, found 123/, 'validate'],
  ['duplicate LSOA code in geometry', 'lsoaGeo', geo((fc) => { fc.features[1].properties.LSOA21CD = fc.features[0].properties.LSOA21CD; }), /duplicate code E01012187/, 'validate'],
  ['malformed LSOA code in geometry', 'lsoaGeo', geo((fc) => { fc.features[0].properties.LSOA21CD = 'E0101218X'; }), /bad code "E0101218X"/, 'validate'],
  ['borough outline is another district', 'boroughGeo', geo((fc) => { fc.features[0].properties.LAD24CD = 'E06000005'; }), /borough outline is E06000005, expected E06000004/, 'validate'],
  ['ward count differs from place.json', 'place', (t) => t.replace('"ward": 27', '"ward": 28'), /expected 28 features, found 27/, 'validate'],
  ['place.json names no Census file', 'place', json((p) => { delete p.files.census; }), /"files" has no census/, 'place'],
  ['lookup names an unknown MSOA', 'lsoaLookup', firstRow(setField(2, 'E02999999')), /E01012187 names unknown MSOA E02999999/, 'validate'],
  ['overlap share out of range', 'wardOverlaps', firstRow(setField(4, '1.5')), /share 1.5 out of range for E01012187/, 'validate'],
  ['overlap names an unknown ward', 'wardOverlaps', firstRow(setField(2, 'E05999999')), /unknown ward E05999999/, 'validate'],
  // imd file columns: …, 8 imd_score, 9 imd_rank, 10 imd_decile, …
  ['published IMD deciles contradict the scores (3 LSOAs)', 'imd', firstRows(3, setField(10, '1')), /imd_score: derived national deciles disagree with published deciles for 3 LSOAs/, 'derive'],
  ['England LSOA file truncated', 'imdEngland', (t) => lines(t).slice(0, 101).join('\n'), /only 100 rows; expected all England LSOAs/, 'validate'],
  [
    'published borough comparator not reproduced',
    'comparators',
    (t) => t.replace(/(iod2025_imd_score,E06000004,[^\n]*?),25\.7132,/, '$1,30.5,'),
    /imd_score: borough value 25\.71\d* does not reproduce indicators\/england\.csv 30\.5/,
    'derive',
  ],
  [
    'England comparator missing',
    'comparators',
    (t) => lines(t).filter((l) => !(l.startsWith('iod2025_imd_score,E92000001') && l.includes('population_weighted_mean'))).join('\n'),
    /imd_score: no England comparator iod2025_imd_score/,
    'derive',
  ],
  ['duplicate postcode', 'postcodes', duplicateFirstRow, /duplicate postcode DL2 1HP/, 'validate'],
  ['postcode without coordinates', 'postcodes', firstRow(setField(2, '')), /bad row for postcode "DL2 1HP"/, 'validate'],
  ['MSOA names miss an MSOA', 'msoaNames', (t) => { const l = lines(t); l.splice(1, 1); return l.join('\n'); }, /code lists differ/, 'validate'],
  ['preset names an unknown ward', 'presets', json((p) => { p.presets[0].rule.bestFitWard = 'E05999999'; }), /names unknown ward E05999999/, 'validate'],
];

describe('data build: validation fails loudly', () => {
  let real: Inputs;
  beforeAll(() => {
    real = readInputs(DATA);
  });

  /** The real inputs with one file's text (or place.json) edited; the edit must really change it. */
  function edited(file: InputKey | 'place', mutate: (text: string) => string): () => Inputs {
    const before = file === 'place' ? JSON.stringify(real.place, null, 2) : real.text[file]!;
    const after = mutate(before);
    expect(after).not.toBe(before);
    if (file === 'place') return () => ({ ...real, place: parsePlace(after) });
    return () => ({ ...real, text: { ...real.text, [file]: after } });
  }

  it('the unmodified inputs pass validate and derive (control for the cases below)', () => {
    expect(() => deriveTableIndicators(validate(real))).not.toThrow();
  });

  it.each(mutations)('%s (%s; rejected by %s)', (_label, file, mutate, error, step) => {
    const inputs = edited(file, mutate);
    if (step === 'place') return void expect(inputs).toThrow(error);
    if (step === 'validate') return void expect(() => validate(inputs())).toThrow(error);
    const v = validate(inputs()); // passes validation: only the derived values show the problem
    expect(() => deriveTableIndicators(v)).toThrow(error);
  });

  it('the whole build in memory fails the same way (buildOutputs, no writing)', () => {
    const [, file, mutate, error] = mutations.find((m) => m[0] === 'numerator above denominator')!;
    expect(() => buildOutputs(edited(file, mutate)())).toThrow(error);
  });

  it.each([
    // Early: a validation failure. Late: an asset outside the study area, found only after the QOF model has run.
    ['a Census table with a duplicate row', { [place.files.census]: duplicateFirstRow(readFileSync(join(DATA, place.files.census), 'utf8')) }, /duplicate LSOA E01012187/],
    [
      'an asset outside the study area',
      { [place.assetFiles.pharmacy]: geo((fc) => { (fc.features[0] as unknown as { geometry: { coordinates: number[] } }).geometry.coordinates = [0, 51.5]; })(readFileSync(join(DATA, place.assetFiles.pharmacy), 'utf8')) },
      /outside the study area/,
    ],
  ] as const)('a failed build writes nothing: %s', (_label, replace, error) => {
    const dataDir = dataDirWith(replace);
    const outDir = join(tempDir('data-build-fail-'), 'data');
    expect(() => build({ dataDir, outDir, builtAt: BUILT_AT })).toThrow(error);
    expect(existsSync(outDir)).toBe(false);
  }, 30_000);
});
