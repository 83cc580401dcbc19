/**
 * Runs the real data build (scripts/build-data.ts) once over data/ and checks facts about what it
 * wrote to public/data/. Then checks that bad input makes build() fail loudly, by rewriting the text
 * of one input file on its way through readFileSync (node:fs is wrapped; nothing on disk changes, and
 * writes are blocked during those tests).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../src/lib/core/csv';
import { normalisePostcode } from '../../../src/lib/core/text';
import { decileFromThresholds, decileThresholds, nationalDecile } from '../../../src/lib/indicators/deciles';
import type { GeographyId, IndicatorBundle, IndicatorRecord, PostcodeIndex } from '../../../src/lib/core/types';

const fsHook = vi.hoisted(() => ({
  transform: null as null | ((path: string, text: string) => string),
  blockWrites: false,
  writes: [] as string[],
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: Parameters<typeof real.readFileSync>[0], options?: unknown) => {
    const out = (real.readFileSync as (p: unknown, o?: unknown) => string | Buffer)(path, options);
    if (fsHook.transform && typeof out === 'string') return fsHook.transform(String(path).replace(/\\/g, '/'), out);
    return out;
  }) as typeof real.readFileSync;
  const writeFileSync = ((...args: Parameters<typeof real.writeFileSync>) => {
    if (fsHook.blockWrites) {
      fsHook.writes.push(String(args[0]));
      return;
    }
    return real.writeFileSync(...args);
  }) as typeof real.writeFileSync;
  const mkdirSync = ((...args: Parameters<typeof real.mkdirSync>) => {
    if (fsHook.blockWrites) {
      fsHook.writes.push(String(args[0]));
      return undefined;
    }
    return real.mkdirSync(...args);
  }) as typeof real.mkdirSync;
  const patched = { ...real, readFileSync, writeFileSync, mkdirSync };
  return { ...patched, default: patched };
});

// Imported after the mock is registered (vi.mock is hoisted).
import { build, OUTPUT_FILES } from '../../../scripts/build-data';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const OUT = join(ROOT, 'public', 'data');
const DATA = join(ROOT, 'data');

const readJson = <T>(name: string): T => JSON.parse(readFileSync(join(OUT, name), 'utf8')) as T;
const readData = (rel: string) => parseCsv(readFileSync(join(DATA, rel), 'utf8'));
const GEOS: GeographyId[] = ['lsoa', 'ward', 'msoa'];
let englandCache: ReturnType<typeof parseCsv> | undefined;
const englandLsoas = () => (englandCache ??= readData('indicators/imd2025_lsoa21_england.csv'));

let summary: string[];
let bundle: IndicatorBundle;
let postcodes: PostcodeIndex;
const ind = (id: string): IndicatorRecord => {
  const r = bundle.indicators.find((i) => i.id === id);
  if (!r) throw new Error(`indicator ${id} not in the bundle`);
  return r;
};

beforeAll(() => {
  ({ summary } = build());
  bundle = readJson<IndicatorBundle>('indicators.json');
  postcodes = readJson<PostcodeIndex>('postcodes.json');
}, 60_000);

describe('data build: outputs', () => {
  it('writes every output file', () => {
    for (const f of OUTPUT_FILES) expect(existsSync(join(OUT, f)), f).toBe(true);
  });

  it('indicators.json was written by this run', () => {
    const age = Date.now() - Date.parse(bundle.builtAt);
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(120_000);
  });

  it('summary reports the area counts and residents', () => {
    expect(summary).toContain('areas: 124 LSOAs, 27 wards, 26 MSOAs; residents 196597');
  });

  it('place is Stockton-on-Tees compared with England', () => {
    expect(bundle.place.code).toBe('E06000004');
    expect(bundle.place.england.code).toBe('E92000001');
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
    const census = readData('indicators/census2021_lsoa21_stockton.csv');
    const byCode = new Map(census.rows.map((r) => [r.lsoa21_code, Number(r.usual_residents)]));
    bundle.areas.lsoa.codes.forEach((c, i) => expect(bundle.areas.lsoa.residents[i], c).toBe(byCode.get(c)));
  });

  it('LSOA residents sum to 196,597, the borough total in england.csv', () => {
    const total = bundle.areas.lsoa.residents.reduce((a, b) => a + b, 0);
    expect(total).toBe(196597);
    const eng = readData('indicators/england.csv');
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
    const lookup = readData('boundaries/stockton_lsoa21_lookup.csv');
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
    const imd = readData('indicators/imd2025_lsoa21_stockton.csv');
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
    const census = readData('indicators/census2021_lsoa21_stockton.csv');
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
    const src = readData('assets/postcodes_stockton_on_tees.csv');
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
type Mutation = [label: string, file: string, mutate: (text: string) => string, error: RegExp];

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

const CENSUS = 'indicators/census2021_lsoa21_stockton.csv';
// census columns: 0 lsoa21_code, 1 lsoa21_name, 2 usual_residents, 3 disabled_equality_act_n, …
const mutations: Mutation[] = [
  ['duplicate LSOA row in the Census table', CENSUS, (t) => { const l = lines(t); l.splice(2, 0, l[1]); return l.join('\n'); }, /duplicate LSOA E01012187/],
  ['LSOA missing from the Census table', CENSUS, (t) => { const l = lines(t); l.splice(1, 1); return l.join('\n'); }, /code lists differ \(missing E01012187/],
  ['required column renamed', CENSUS, header((h) => h.replace('"usual_residents"', '"usual_residentz"')), /missing columns usual_residents/],
  ['blank usual residents', CENSUS, firstRow(setField(2, '')), /E01012187 has no value in usual_residents/],
  ['zero usual residents', CENSUS, firstRow(setField(2, '0')), /E01012187 has 0 usual residents/],
  ['non-numeric count', CENSUS, firstRow(setField(3, 'abc')), /E01012187 has non-numeric "abc" in disabled_equality_act_n/],
  ['numerator above denominator', CENSUS, firstRow(setField(3, '2000')), /E01012187 numerator 2000 exceeds denominator 1241 for disability/],
  ['malformed CSV row', CENSUS, firstRow((l) => l.split(',').slice(0, 4).join(',')), /CSV errors: Row 2: Too few fields/],
  ['LSOA geometry dropped', 'boundaries/stockton_lsoa21_bgc.geojson', geo((fc) => { fc.features.pop(); }), /expected 124 features, found 123/],
  ['duplicate LSOA code in geometry', 'boundaries/stockton_lsoa21_bgc.geojson', geo((fc) => { fc.features[1].properties.LSOA21CD = fc.features[0].properties.LSOA21CD; }), /duplicate code E01012187/],
  ['malformed LSOA code in geometry', 'boundaries/stockton_lsoa21_bgc.geojson', geo((fc) => { fc.features[0].properties.LSOA21CD = 'E0101218X'; }), /bad code "E0101218X"/],
  ['ward count differs from place.json', 'place.json', (t) => t.replace('"ward": 27', '"ward": 28'), /expected 28 features, found 27/],
  ['lookup names an unknown MSOA', 'boundaries/stockton_lsoa21_lookup.csv', firstRow(setField(2, 'E02999999')), /E01012187 names unknown MSOA E02999999/],
  ['overlap share out of range', 'boundaries/stockton_lsoa21_ward25_overlaps.csv', firstRow(setField(4, '1.5')), /share 1.5 out of range for E01012187/],
  ['overlap names an unknown ward', 'boundaries/stockton_lsoa21_ward25_overlaps.csv', firstRow(setField(2, 'E05999999')), /unknown ward E05999999/],
  // imd file columns: …, 8 imd_score, 9 imd_rank, 10 imd_decile, …
  ['published IMD deciles contradict the scores (3 LSOAs)', 'indicators/imd2025_lsoa21_stockton.csv', firstRows(3, setField(10, '1')), /imd_score: derived national deciles disagree with published deciles for 3 LSOAs/],
  ['England LSOA file truncated', 'indicators/imd2025_lsoa21_england.csv', (t) => lines(t).slice(0, 101).join('\n'), /only 100 rows; expected all England LSOAs/],
  [
    'published borough comparator not reproduced',
    'indicators/england.csv',
    (t) => t.replace(/(iod2025_imd_score,E06000004,[^\n]*?),25\.7132,/, '$1,30.5,'),
    /imd_score: borough value 25\.71\d* does not reproduce england\.csv 30\.5/,
  ],
  [
    'England comparator missing',
    'indicators/england.csv',
    (t) => lines(t).filter((l) => !(l.startsWith('iod2025_imd_score,E92000001') && l.includes('population_weighted_mean'))).join('\n'),
    /imd_score: no England comparator iod2025_imd_score/,
  ],
  ['duplicate postcode', 'assets/postcodes_stockton_on_tees.csv', (t) => { const l = lines(t); l.splice(2, 0, l[1]); return l.join('\n'); }, /duplicate postcode DL2 1HP/],
];

describe('data build: validation fails loudly', () => {
  beforeAll(() => {
    fsHook.blockWrites = true;
  });
  afterEach(() => {
    fsHook.transform = null;
    fsHook.writes = [];
  });
  afterAll(() => {
    fsHook.blockWrites = false;
    fsHook.transform = null;
  });

  it('the unmodified data passes (control for the cases below)', () => {
    fsHook.transform = (_p, t) => t;
    expect(() => build()).not.toThrow();
    // With writes blocked, the outputs it would have written are recorded instead.
    expect(fsHook.writes.filter((w) => w.endsWith('.json')).map((w) => w.split(/[\\/]/).pop()).sort()).toEqual([...OUTPUT_FILES].sort());
  }, 30_000);

  it.each(mutations)('%s (%s)', (_label, file, mutate, error) => {
    let hits = 0;
    fsHook.transform = (path, text) => {
      if (!path.endsWith(`/data/${file}`)) return text;
      hits++;
      const out = mutate(text);
      expect(out).not.toBe(text); // the mutation really changed the file
      return out;
    };
    expect(() => build()).toThrow(error);
    expect(hits).toBeGreaterThan(0);
    expect(fsHook.writes).toEqual([]); // nothing written after a failure
  }, 30_000);
});
