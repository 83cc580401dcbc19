/**
 * Place data in the built bundle (public/data/, from `npm run data`): green space, private outdoor space,
 * IoD 2019 and its change, IoD 2025 supplementary indicators, ranks beside deciles, the official borough IMD,
 * and the OpenStreetMap points. Every expected number is read from the files in data/ (or worked out from
 * them here), never typed in; the counts are the files' own.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../../../src/lib/core/csv';
import type { Asset } from '../../../src/lib/assets/categories';
import type { IndicatorBundle, IndicatorRecord } from '../../../src/lib/core/types';
import { areaValue, boroughValue } from '../../../src/lib/indicators/value';
import { parsePlace, PLACE_JSON } from '../../../scripts/build/place';
import { derivePlaceData } from '../../../scripts/build/placeData';
import { readInputs } from '../../../scripts/build/read';
import { validate } from '../../../scripts/build/validate';
import { BuildError } from '../../../scripts/build/io';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const DATA = join(ROOT, 'data');
const OUT = join(ROOT, 'public', 'data');
const place = parsePlace(readFileSync(join(DATA, PLACE_JSON), 'utf8'));
const bundle = JSON.parse(readFileSync(join(OUT, 'indicators.json'), 'utf8')) as IndicatorBundle;
const lookups = JSON.parse(readFileSync(join(OUT, 'lookups-2011.json'), 'utf8')) as { lsoa11: Record<string, [number, number][]>; msoa11: Record<string, [number, number][]> };
const assets = JSON.parse(readFileSync(join(OUT, 'assets.json'), 'utf8')) as Asset[];
const csv = (rel: string) => parseCsv(readFileSync(join(DATA, rel), 'utf8')).rows;
const ind = (id: string): IndicatorRecord => {
  const r = bundle.indicators.find((i) => i.id === id);
  if (!r) throw new Error(`${id} not in the bundle`);
  return r;
};
const lsoaCodes = bundle.areas.lsoa.codes;
const msoaCodes = bundle.areas.msoa.codes;
const green = csv(place.files.greenspace!);
const gardens = csv(place.files.gardens!);
const imd2019 = csv(place.files.imd2019!);
const imd2025 = csv(place.files.imd);

const NEW_IDS = ['greenspace_park_distance', 'greenspace_parks_1km', 'gardens_private_outdoor_space', 'imd2019_decile', 'imd2019_rank', 'imd_decile_change_2019_2025', 'patient_to_gp_ratio', 'overcrowding'];

describe('place data indicators: shape', () => {
  it.each(NEW_IDS)('%s has a value for every LSOA, MSOA and ward, a method and a note per geography', (id) => {
    const r = ind(id);
    expect(r.data.lsoa!.values).toHaveLength(lsoaCodes.length);
    expect(r.data.msoa!.values).toHaveLength(msoaCodes.length);
    expect(r.data.ward!.values).toHaveLength(bundle.areas.ward.codes.length);
    for (const g of ['lsoa', 'msoa', 'ward'] as const) {
      expect(r.data[g]!.values.every((v) => v != null && Number.isFinite(v)), `${id} ${g}`).toBe(true);
      expect(r.geographyMethod[g]!.length, `${id} ${g}`).toBeGreaterThan(20);
    }
    expect(r.method.length).toBeGreaterThan(40);
    expect(r.borough?.value).toEqual(expect.any(Number));
  });

  it('2011-based indicators state the mapping in their method and LSOA note, with the counts of unchanged areas', () => {
    for (const id of ['greenspace_park_distance', 'greenspace_parks_1km', 'imd2019_decile', 'imd2019_rank', 'imd_decile_change_2019_2025']) {
      expect(ind(id).method, id).toMatch(/2011 LSOAs and mapped to 2021 LSOAs/);
      expect(ind(id).geographyMethod.lsoa, id).toMatch(/116 of 124 2021 LSOAs are unchanged since 2011; 8 take the value of a changed 2011 LSOA/);
    }
    expect(ind('gardens_private_outdoor_space').geographyMethod.msoa).toMatch(/22 of 26 2021 MSOAs are unchanged since 2011; 4 take a share/);
    expect(ind('gardens_private_outdoor_space').geographyMethod.lsoa).toMatch(/MSOA’s share/);
  });
});

describe('green space (ONS parks and playing fields, 2011 LSOAs)', () => {
  const cols = { greenspace_park_distance: 'avg_distance_nearest_park_public_garden_playing_field_m', greenspace_parks_1km: 'avg_number_parks_public_gardens_playing_fields_within_1000m' } as const;
  it.each(Object.entries(cols))('%s: unchanged LSOAs carry the file’s value; split ones their parent’s', (id, col) => {
    const values = ind(id).data.lsoa!.values;
    const byCode = new Map(green.map((r) => [r.lsoa11_code, Number(r[col])]));
    for (const [code11, parts] of Object.entries(lookups.lsoa11)) for (const [i] of parts) expect(values[i], `${code11} -> ${lsoaCodes[i]}`).toBe(byCode.get(code11));
    // The range is the file's range (no value invented or lost).
    expect(Math.min(...(values as number[]))).toBe(Math.min(...byCode.values()));
    expect(Math.max(...(values as number[]))).toBe(Math.max(...byCode.values()));
  });

  it('England comparators are the republisher’s column, as labelled', () => {
    expect(ind('greenspace_park_distance').england?.value).toBe(Number(green[0].england_lsoa_mean_distance_m));
    expect(ind('greenspace_parks_1km').england?.value).toBe(Number(green[0].england_lsoa_mean_number_within_1000m));
    expect(ind('greenspace_park_distance').england?.statistic).toMatch(/unweighted mean .* not address-weighted/);
  });

  it('the profile of an LSOA shows its value (areaValue) and no England category (compare: none)', () => {
    const i = lsoaCodes.indexOf('E01012187');
    const v = areaValue(ind('greenspace_park_distance'), 'lsoa', i);
    expect(v.value).toBe(Number(green.find((r) => r.lsoa11_code === 'E01012187')!.avg_distance_nearest_park_public_garden_playing_field_m));
    expect(v.category).toBe('NotCompared');
  });
});

describe('private outdoor space (ONS, 2011 MSOAs)', () => {
  const r = ind('gardens_private_outdoor_space');
  const row = (code: string) => gardens.find((x) => x.area_code === code)!;
  it('unchanged MSOAs carry the published counts; the parts of a split MSOA share its counts and keep its percentage', () => {
    const d = r.data.msoa!;
    for (const [code11, parts] of Object.entries(lookups.msoa11)) {
      const src = row(code11);
      const pct = (Number(src.addresses_with_private_outdoor_space) / Number(src.address_count)) * 100;
      for (const [i] of parts) expect(d.values[i]!, `${code11} -> ${msoaCodes[i]}`).toBeCloseTo(pct, 3);
      const sumDen = parts.reduce((s, [i]) => s + d.denominators![i]!, 0);
      expect(sumDen).toBeCloseTo(Number(src.address_count), 1);
    }
  });
  it('borough and England are the published rows, with counts', () => {
    expect(r.borough?.numerator).toBe(Number(row(place.code).addresses_with_private_outdoor_space));
    expect(r.borough?.denominator).toBe(Number(row(place.code).address_count));
    expect(r.england?.denominator).toBe(Number(row(place.england.code).address_count));
    expect(r.compare).toBe('none');
  });
});

describe('IoD 2019 and the change to 2025', () => {
  it('2019 decile and rank are the file’s for unchanged LSOAs; the change is 2025 decile minus 2019 decile', () => {
    const dec = ind('imd2019_decile').data.lsoa!.values;
    const rank = ind('imd2019_rank').data.lsoa!.values;
    const change = ind('imd_decile_change_2019_2025').data.lsoa!.values;
    for (const r19 of imd2019) {
      const i = lsoaCodes.indexOf(r19.lsoa11_code);
      if (i < 0) continue; // split in 2021: checked below
      expect(dec[i]).toBe(Number(r19.imd_decile));
      expect(rank[i]).toBe(Number(r19.imd_rank));
      const r25 = imd2025.find((x) => x.lsoa21_code === r19.lsoa11_code)!;
      expect(change[i], r19.lsoa11_code).toBe(Number(r25.imd_decile) - Number(r19.imd_decile));
    }
    // Split LSOAs: each part takes its parent's 2019 decile.
    for (const [code11, parts] of Object.entries(lookups.lsoa11))
      if (parts.length > 1) for (const [i] of parts) expect(dec[i]).toBe(Number(imd2019.find((x) => x.lsoa11_code === code11)!.imd_decile));
    expect(change.every((c) => Number.isInteger(c) && Math.abs(c!) <= 9)).toBe(true);
  });
});

describe('ranks beside deciles, and the official borough figure', () => {
  it('IoD 2025 LSOA ranks are the published ranks, out of England’s 33,755 LSOAs', () => {
    const r = ind('imd_score');
    // Data rows of the England file (counted by line: parsing 5 MB is slow).
    expect(r.rankOf).toBe(readFileSync(join(DATA, place.files.imdEngland), 'utf8').trim().split('\n').length - 1);
    const i = lsoaCodes.indexOf(imd2025[0].lsoa21_code);
    const v = areaValue(r, 'lsoa', i);
    expect([v.rank, v.rankOf]).toEqual([Number(imd2025[0].imd_rank), r.rankOf]);
    expect(areaValue(ind('income_score'), 'lsoa', i).rank).toBe(Number(imd2025[0].income_rank));
    // Pooled areas have no rank.
    expect(areaValue(r, 'msoa', 0).rank).toBeUndefined();
  });

  it('the official borough IMD (england.csv LA summary) sits beside our Census-weighted figure, with why they differ', () => {
    const row = csv(place.files.comparators).find((x) => x.indicator === 'iod2025_imd_average_score_la_summary' && x.area_code === place.code)!;
    const b = boroughValue(ind('imd_score'));
    expect(b.official?.value).toBe(Number(row.value));
    expect(`rank ${b.official?.rank} of ${b.official?.rankOf}`).toBe(/rank \d+ of \d+/.exec(row.statistic)![0]);
    expect(b.value).not.toBe(b.official?.value);
    expect(b.official?.why).toMatch(/mid-year population estimates.*Census 2021 usual residents/);
  });
});

describe('supplementary IoD 2025 indicators', () => {
  it('patients per GP and overcrowding come from the underlying-indicators file; no England figure is held', () => {
    const h = csv(place.files.imdHealth);
    const i = lsoaCodes.indexOf(h[0].lsoa21_code);
    expect(ind('patient_to_gp_ratio').data.lsoa!.values[i]).toBe(Number(h[0].patient_to_gp_ratio));
    expect(ind('overcrowding').data.lsoa!.values[i]).toBeCloseTo(Number(h[0].household_overcrowding_bedrooms_indicator) * 100, 9);
    for (const id of ['patient_to_gp_ratio', 'overcrowding']) expect(ind(id).england, id).toBeUndefined();
  });
});

describe('OpenStreetMap parks and gyms', () => {
  it('every point in the file becomes an unnamed asset with ODbL licence', () => {
    const fc = JSON.parse(readFileSync(join(DATA, place.osmAssets!.file), 'utf8')) as { features: { properties: { category: string; in_borough: boolean } }[] };
    for (const [fileCat, cat] of Object.entries(place.osmAssets!.categories)) {
      const inFile = fc.features.filter((f) => f.properties.category === fileCat);
      const built = assets.filter((a) => a.category === cat);
      expect(built.length, cat).toBe(inFile.length);
      expect(built.filter((a) => a.inBorough).length, cat).toBe(inFile.filter((f) => f.properties.in_borough).length);
      expect(new Set(built.map((a) => a.name)).size).toBe(1);
      expect(built[0].name).toMatch(/^Unnamed /);
      expect(built.every((a) => a.licence.includes('ODbL'))).toBe(true);
    }
    expect(bundle.place.attribution.some((a) => /© OpenStreetMap contributors.*ODbL/.test(a.text))).toBe(true);
  });
});

describe('place data build fails loudly', () => {
  const v = validate(readInputs(DATA));
  it('with the real files it succeeds', () => {
    expect(derivePlaceData(v, { note: '', ...lookups }).indicators.map((i) => i.id)).toEqual(NEW_IDS.slice(0, 6));
  });
  it('a 2011 code the lookup does not know is rejected', () => {
    const bad = { note: '', lsoa11: { ...lookups.lsoa11 }, msoa11: lookups.msoa11 };
    delete bad.lsoa11.E01012187;
    expect(() => derivePlaceData(v, bad)).toThrow(BuildError);
    expect(() => derivePlaceData(v, bad)).toThrow(/2011 codes differ from the 2011 lookup/);
  });
});
