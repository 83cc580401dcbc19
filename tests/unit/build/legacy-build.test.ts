/**
 * 2011 -> 2021 lookups (lookups-2011.json) and the ward parts in the bundle (lsoaLinks.wardParts), checked
 * against the real data: one build into a temporary directory, facts read from the files it wrote and from
 * the legacy inputs independently of the build; then broken inputs fed to the lookup step.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../src/lib/core/csv';
import type { IndicatorBundle } from '../../../src/lib/core/types';
import { build } from '../../../scripts/build/index';
import { BuildError } from '../../../scripts/build/io';
import { buildLookups2011, checkLookups, type Lookups2011 } from '../../../scripts/build/legacy';
import { readInputs } from '../../../scripts/build/read';
import { validate, type Validated } from '../../../scripts/build/validate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = join(ROOT, 'data');
/** The 2011 lookups manifest data/place.json names (files.legacy). */
const LEGACY_MANIFEST = 'boundaries/legacy/legacy.json';
const LEGACY = {
  lsoa11: { geo: 'boundaries/legacy/stockton_lsoa11_2011_gen_clipped.geojson', csv: 'boundaries/legacy/ons_lsoa11_to_ward19_lad19_stockton.csv', code: 'LSOA11CD', target: 'lsoa' },
  msoa11: { geo: 'boundaries/legacy/stockton_msoa11_2011_gen_clipped.geojson', csv: 'boundaries/legacy/ons_msoa11_to_ward19_lad19_stockton.csv', code: 'MSOA11CD', target: 'msoa' },
} as const;
type Legacy = keyof typeof LEGACY;
const GEOS: Legacy[] = ['lsoa11', 'msoa11'];

const text = (rel: string) => readFileSync(join(DATA, rel), 'utf8');
const geoCodes = (g: Legacy) => (JSON.parse(text(LEGACY[g].geo)) as { features: { properties: Record<string, string> }[] }).features.map((f) => f.properties[LEGACY[g].code]);
const csvCodes = (g: Legacy) => parseCsv(text(LEGACY[g].csv)).rows.map((r) => r[LEGACY[g].code]);

let OUT: string;
let lookups: Lookups2011;
let bundle: IndicatorBundle;
let summary: string[];
beforeAll(() => {
  OUT = mkdtempSync(join(tmpdir(), 'legacy-build-out-'));
  ({ summary } = build({ dataDir: DATA, outDir: OUT, builtAt: '2001-02-03T04:05:06.000Z' }));
  lookups = JSON.parse(readFileSync(join(OUT, 'lookups-2011.json'), 'utf8')) as Lookups2011;
  bundle = JSON.parse(readFileSync(join(OUT, 'indicators.json'), 'utf8')) as IndicatorBundle;
}, 60_000);
afterAll(() => rmSync(OUT, { recursive: true, force: true }));

const targetCodes = (g: Legacy) => bundle.areas[LEGACY[g].target].codes;
const targetsOf = (g: Legacy, code: string) => lookups[g][code].map(([j]) => targetCodes(g)[j]);

/** Counts read from the JSON itself: unchanged = maps to itself at weight 1; split = 2+ areas; merged = one other area. */
function countsFromJson(g: Legacy) {
  const c = { unchanged: 0, split: 0, merged: 0 };
  for (const [code, parts] of Object.entries(lookups[g])) {
    if (parts.length === 1 && targetCodes(g)[parts[0][0]] === code && parts[0][1] === 1) c.unchanged++;
    else if (parts.length > 1) c.split++;
    else c.merged++;
  }
  return c;
}

describe('lookups-2011.json', () => {
  it('has exactly the keys note, lsoa11, msoa11', () => {
    expect(Object.keys(lookups).sort()).toEqual(['lsoa11', 'msoa11', 'note']);
    expect(typeof lookups.note).toBe('string');
  });

  it.each(GEOS)('%s: every 2011 code in the legacy boundaries and the ONS list appears, and no other', (g) => {
    const codes = geoCodes(g);
    expect(new Set(csvCodes(g))).toEqual(new Set(codes));
    expect(Object.keys(lookups[g]).sort()).toEqual([...codes].sort());
    expect(codes).toHaveLength(g === 'lsoa11' ? 120 : 24);
  });

  it.each(GEOS)('%s: every code still in the 2021 list maps to itself with weight 1', (g) => {
    const kept = Object.keys(lookups[g]).filter((c) => targetCodes(g).includes(c));
    expect(kept).toHaveLength(g === 'lsoa11' ? 116 : 22);
    for (const c of kept) expect(lookups[g][c], c).toEqual([[targetCodes(g).indexOf(c), 1]]);
  });

  it.each(GEOS)('%s: indices point into the 2021 code list; weights in (0, 1] sum to 1', (g) => {
    for (const [code, parts] of Object.entries(lookups[g])) {
      expect(parts.length, code).toBeGreaterThan(0);
      for (const [j, w] of parts) {
        expect(Number.isInteger(j) && j >= 0 && j < targetCodes(g).length, code).toBe(true);
        expect(w > 0 && w <= 1, code).toBe(true);
      }
      expect(Math.abs(parts.reduce((s, [, w]) => s + w, 0) - 1), code).toBeLessThanOrEqual(1e-6);
    }
  });

  it('a split 2011 LSOA maps to two or more 2021 LSOAs; the 8 new 2021 LSOAs (E01035197–E01035204) each come from one of the 4 split LSOAs', () => {
    const changed = Object.keys(lookups.lsoa11).filter((c) => !targetCodes('lsoa11').includes(c));
    expect(changed.sort()).toEqual(['E01012264', 'E01012266', 'E01033477', 'E01033478']);
    const reached: string[] = [];
    for (const c of changed) {
      expect(lookups.lsoa11[c].length, c).toBeGreaterThanOrEqual(2);
      reached.push(...targetsOf('lsoa11', c));
    }
    expect(reached.sort()).toEqual(['E01035197', 'E01035198', 'E01035199', 'E01035200', 'E01035201', 'E01035202', 'E01035203', 'E01035204']);
  });

  it('a split 2011 MSOA maps to the 2021 MSOAs msoa_names_stockton.csv lists as its parts', () => {
    const names = parseCsv(text('indicators/msoa_names_stockton.csv')).rows.filter((r) => r.change_2011_2021 !== 'unchanged');
    const parents = [...new Set(names.map((r) => r.msoa11_code))];
    expect(parents.sort()).toEqual(['E02002548', 'E02002557']);
    for (const p of parents) expect(targetsOf('msoa11', p).sort()).toEqual(names.filter((r) => r.msoa11_code === p).map((r) => r.msoa21_code).sort());
  });

  it.each(GEOS)('%s: a split area is shared by residents (children nest in the parent), not by land area', (g) => {
    const residents = bundle.areas[LEGACY[g].target].residents;
    for (const [code, parts] of Object.entries(lookups[g])) {
      if (parts.length < 2) continue;
      const total = parts.reduce((s, [j]) => s + residents[j], 0);
      for (const [j, w] of parts) expect(Math.abs(w - residents[j] / total), `${code} -> ${targetCodes(g)[j]}`).toBeLessThan(0.03);
    }
  });

  it("the note's counts match the JSON, and the build summary repeats them", () => {
    const m = lookups.note.match(/2011 LSOAs: (\d+) unchanged, (\d+) split, (\d+) merged; 2011 MSOAs: (\d+) unchanged, (\d+) split, (\d+) merged/);
    expect(m).not.toBeNull();
    const [lu, ls, lm, mu, ms, mm] = m!.slice(1).map(Number);
    expect({ unchanged: lu, split: ls, merged: lm }).toEqual(countsFromJson('lsoa11'));
    expect({ unchanged: mu, split: ms, merged: mm }).toEqual(countsFromJson('msoa11'));
    expect(lu + ls + lm).toBe(Object.keys(lookups.lsoa11).length);
    expect(mu + ms + mm).toBe(Object.keys(lookups.msoa11).length);
    expect(summary).toContain(
      `lookups-2011: 2011 LSOAs ${lu} unchanged, ${ls} split, ${lm} merged; 2011 MSOAs ${mu} unchanged, ${ms} split, ${mm} merged (changed areas by population-weighted area overlap)`,
    );
  });

  it('the note names the method (area overlap of generalised boundaries, weighted by residents)', () => {
    expect(lookups.note).toMatch(/area overlap/);
    expect(lookups.note).toMatch(/generalised/);
    expect(lookups.note).toMatch(/Census 2021 usual residents/);
  });
});

describe('lsoaLinks.wardParts', () => {
  it('one list per ward, [LSOA index, weight] pairs with weights rounded to 6 decimals; each LSOA shared out in full', () => {
    const wp = bundle.lsoaLinks.wardParts!;
    expect(wp).toHaveLength(bundle.areas.ward.codes.length);
    const perLsoa = new Array<number>(bundle.areas.lsoa.codes.length).fill(0);
    for (const parts of wp) {
      expect(parts.length).toBeGreaterThan(0);
      for (const [i, w] of parts) {
        expect(Number.isInteger(i) && i >= 0 && i < perLsoa.length).toBe(true);
        expect(w > 0 && w <= 1).toBe(true);
        expect(Math.round(w * 1e6) / 1e6).toBe(w);
        perLsoa[i] += w;
      }
    }
    for (const s of perLsoa) expect(Math.abs(s - 1)).toBeLessThan(1e-5);
  });

  it('the LSOA x ward pairs are those of stockton_lsoa21_ward25_overlaps.csv', () => {
    const rows = parseCsv(text('boundaries/stockton_lsoa21_ward25_overlaps.csv')).rows;
    const fromCsv = rows.map((r) => `${r.LSOA21CD}>${r.WD25CD}`).sort();
    const fromBundle = bundle.lsoaLinks.wardParts!.flatMap((parts, k) => parts.map(([i]) => `${bundle.areas.lsoa.codes[i]}>${bundle.areas.ward.codes[k]}`)).sort();
    expect(fromBundle).toEqual(fromCsv);
  });

  it("aggregating LSOA usual residents with wardParts reproduces the built ward values of 'usual_residents' to within rounding", () => {
    const ind = bundle.indicators.find((d) => d.id === 'usual_residents')!;
    const lsoa = ind.data.lsoa!.values;
    const ward = ind.data.ward!.values;
    bundle.lsoaLinks.wardParts!.forEach((parts, k) => {
      const sum = parts.reduce((s, [i, w]) => s + lsoa[i]! * w, 0);
      // Each weight is within 5e-7 of the build's; each value within 5e-7 of the build's sum.
      const tolerance = parts.reduce((s, [i]) => s + lsoa[i]! * 5e-7, 0) + 1e-6;
      expect(Math.abs(sum - ward[k]!), bundle.areas.ward.names[k]).toBeLessThanOrEqual(tolerance);
    });
  });
});

// ------------------------------------------------------------------ bad inputs
describe('lookups-2011: bad inputs fail the build with a clear message', () => {
  let v: Validated;
  beforeAll(() => {
    v = validate(readInputs(DATA));
  }, 60_000);

  /** The real files, with one edited. */
  const readWith = (rel: string, edit: (t: string) => string) => (r: string) => (r === rel ? edit(text(r)) : text(r));
  const editGeo = (fn: (fc: { features: { properties: Record<string, string>; geometry: { coordinates: unknown } }[] }) => void) => (t: string) => {
    const fc = JSON.parse(t);
    fn(fc);
    return JSON.stringify(fc);
  };
  const shift = (c: unknown): unknown => (typeof (c as number[])[0] === 'number' ? [(c as number[])[0] + 5, (c as number[])[1]] : (c as unknown[]).map(shift));
  const moveFeature = (code: string) =>
    editGeo((fc) => {
      const f = fc.features.find((x) => x.properties.LSOA11CD === code)!;
      f.geometry.coordinates = shift(f.geometry.coordinates);
    });

  it('builds from the real files', () => {
    expect(() => buildLookups2011(v, text)).not.toThrow();
  });

  const cases: [label: string, rel: string, edit: (t: string) => string, msg: RegExp][] = [
    ['a changed 2011 LSOA overlaps no 2021 LSOA', LEGACY.lsoa11.geo, moveFeature('E01033477'), /2011 LSOA E01033477 overlaps no 2021 LSOA/],
    ['an unchanged code lies away from its 2021 area', LEGACY.lsoa11.geo, moveFeature('E01012187'), /2011 LSOA E01012187 keeps its code in 2021 but only 0\.0% of its 2011 area/],
    ['a 2011 boundary dropped', LEGACY.lsoa11.geo, editGeo((fc) => void fc.features.pop()), /expected 120 features, found 119/],
    ['a code missing from the ONS list', LEGACY.msoa11.csv, (t) => t.split('\n').filter((l) => !l.startsWith('E02002548')).join('\n'), /E02002548 is not in the ONS list/],
    ['names disagree', LEGACY.lsoa11.csv, (t) => t.replace('E01012187,Stockton-on-Tees 011A', 'E01012187,Stockton-on-Tees 011Z'), /E01012187 is "Stockton-on-Tees 011Z" but "Stockton-on-Tees 011A"/],
    ['another district', LEGACY.msoa11.csv, (t) => t.replace(/E06000004/, 'E06000005'), /E02002535 is in E06000005, not E06000004/],
    ['the manifest names no lookup', LEGACY_MANIFEST, (t) => t.replace('"lookup"', '"lookupz"'), /lsoa11 has no "lookup"/],
  ];
  it.each(cases)('%s', (_label, rel, edit, msg) => {
    const run = () => buildLookups2011(v, readWith(rel, edit));
    expect(run).toThrow(BuildError);
    expect(run).toThrow(msg);
  });

  it('weights that do not sum to 1, unknown indices and unreached 2021 areas are rejected', () => {
    const codes = { lsoa11: ['E01000001'], msoa11: ['E02000001'] };
    const targets = { lsoa11: ['E01000001', 'E01000002'], msoa11: ['E02000001'] };
    const ok: Lookups2011 = { note: '', lsoa11: { E01000001: [[0, 0.5], [1, 0.5]] }, msoa11: { E02000001: [[0, 1]] } };
    expect(() => checkLookups({ lookups: ok, codes, targets })).not.toThrow();
    const bad = (lsoa11: Lookups2011['lsoa11']) => () => checkLookups({ lookups: { ...ok, lsoa11 }, codes, targets });
    expect(bad({ E01000001: [[0, 0.5], [1, 0.4]] })).toThrow(/weights of 2011 LSOA E01000001 sum to 0\.9, not 1/);
    expect(bad({ E01000001: [[0, 0.5], [2, 0.5]] })).toThrow(/names 2021 LSOA index 2, outside the 2 areas/);
    expect(bad({ E01000001: [[0, 1]] })).toThrow(/2021 LSOAs E01000002 are reached from no 2011 LSOA/);
    expect(bad({})).toThrow(/2011 LSOA E01000001 has no mapping/);
  });
});
