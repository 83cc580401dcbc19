import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { comparisonCsv, comparisonRows, comparisonWords, placeValue, resolvePlace, type ResolvedPlace } from '../../../src/lib/places/comparison';
import { areaValue, boroughValue, englandValue, poolLsoas, type PlaceValue } from '../../../src/lib/indicators/value';
import { CATEGORY_STYLE, type Category } from '../../../src/lib/indicators/benchmark';
import { pcns, pooledPractices } from '../../../src/lib/health/practices';
import type { CustomArea } from '../../../src/lib/places/keys';
import { indicator, loadBundle, lsoasOfMsoa, record } from '../../fixtures/bundle';

const bundle = loadBundle();
const MSOA_LSOAS = lsoasOfMsoa(bundle, 'E02007060');
const CUSTOMS: CustomArea[] = [
  { id: 'n1', name: 'My area', lsoas: [0, 1, 2] },
  { id: 'n2', name: 'Same as MSOA 025', lsoas: MSOA_LSOAS },
];
const resolve = (key: string, customs: CustomArea[] = CUSTOMS) => {
  const p = resolvePlace(bundle, key, customs);
  if (!p) throw new Error(`${key} did not resolve`);
  return p;
};

// ---------------------------------------------------------------- resolvePlace
describe('resolvePlace: standard areas', () => {
  it.each([
    ['ward:E05014882', 'ward', 'Stockton Town Centre', 'Ward', ['E05014882', '9,918 residents (estimated)']],
    ['lsoa:E01012187', 'lsoa', 'Stockton-on-Tees 011A', 'LSOA', ['E01012187', ' residents']],
    ['msoa:E02007060', 'msoa', 'Stockton-on-Tees 025', 'MSOA', ['E02007060 · part of Central Stockton, Portrack & Low Hartburn', '6,106 residents']],
  ] as const)('%s', (key, geo, name, kindLabel, detailParts) => {
    const p = resolve(key);
    const index = bundle.areas[geo].codes.indexOf(key.split(':')[1]);
    expect(index).toBeGreaterThanOrEqual(0);
    expect(p).toMatchObject({ key, name, kindLabel, area: { geography: geo, index } });
    for (const part of detailParts) expect(p.detail).toContain(part);
    expect(p.lsoas).toBeUndefined();
    expect(p.direct).toBeUndefined();
  });

  it('only wards are marked "(estimated)"', () => {
    expect(resolve('ward:E05014858').detail).toMatch(/residents \(estimated\)$/);
    expect(resolve('msoa:E02007060').detail).not.toContain('estimated');
    expect(resolve('lsoa:E01012187').detail).not.toContain('estimated');
  });
});

describe('resolvePlace: neighbourhoods and practice groups', () => {
  it('preset town-centre-portrack: its 4 LSOA codes as indices (the LSOAs of MSOA E02007060)', () => {
    const p = resolve('preset:town-centre-portrack');
    expect(p.name).toBe('Stockton town centre & Portrack');
    expect(p.kindLabel).toBe('Neighbourhood (preset)');
    expect([...p.lsoas!].sort((a, b) => a - b)).toEqual(MSOA_LSOAS);
    expect(p.detail).toMatch(/^4 LSOAs · 6,106 residents\. All LSOAs whose best-fit ward/);
    expect(p.area).toBeUndefined();
  });

  it.each(['town-centre', 'portrack'])('preset %s: two LSOAs', (id) => {
    const preset = bundle.presets.find((x) => x.id === id)!;
    const p = resolve(`preset:${id}`);
    expect(p.lsoas!.map((i) => bundle.areas.lsoa.codes[i])).toEqual(preset.lsoas);
    expect(p.detail.startsWith('2 LSOAs · ')).toBe(true);
  });

  it('custom: name and LSOAs from the custom list, residents summed', () => {
    const p = resolve('custom:n1');
    const residents = [0, 1, 2].reduce((s, i) => s + bundle.areas.lsoa.residents[i], 0);
    expect(p).toMatchObject({ key: 'custom:n1', name: 'My area', kindLabel: 'Neighbourhood (custom)', lsoas: [0, 1, 2] });
    expect(p.detail).toBe(`3 LSOAs · ${residents.toLocaleString('en-GB')} residents`);
    expect(residents).toBeGreaterThan(999); // so the thousands separator is exercised
    expect(p.detail).toContain(',');
  });

  it('pcn: a practice group with a direct value for QOF indicators only', () => {
    const group = pcns(bundle.practices).find((g) => g.code === 'U89141')!;
    const p = resolve('pcn:U89141');
    expect(p.name).toBe(group.name);
    expect(p.kindLabel).toBe('GP practice group (primary care network)');
    expect(p.detail).toContain(`${group.practices.length} practices: `);
    for (const pr of group.practices) expect(p.detail).toContain(pr.name);
    expect(p.direct!(indicator(bundle, 'imd_score'))).toBeNull();
    expect(p.direct!(indicator(bundle, 'qof_hyp'))).toEqual(pooledPractices(group.practices, indicator(bundle, 'qof_hyp')));
  });

  const unknown: [string, string, CustomArea[]?][] = [
    ['ward code not in the borough', 'ward:E05999999'],
    ['LSOA code under msoa', 'msoa:E01012187'],
    ['MSOA code under ward', 'ward:E02007060'],
    ['unknown preset', 'preset:nowhere'],
    ['preset named like a prototype key', 'preset:__proto__'],
    ['custom not in the list', 'custom:n9'],
    ['custom when the list is empty', 'custom:n1', []],
    ['custom named like a prototype key', 'custom:constructor'],
    ['unknown PCN', 'pcn:U00000'],
    ['unknown kind', 'county:E06000004'],
    ['not a key', 'E05014882'],
    ['empty', ''],
    ['hostile text', 'ward:<script>'],
  ];
  it(`${unknown.length} unknown or malformed keys -> null`, () => {
    for (const [label, key, customs = CUSTOMS] of unknown) expect(resolvePlace(bundle, key, customs), label).toBeNull();
  });
});

// ---------------------------------------------------------------- comparisonRows
describe('comparisonRows', () => {
  const places = ['msoa:E02007060', 'preset:town-centre-portrack', 'custom:n2', 'pcn:U89141', 'ward:E05014882'].map((k) => resolve(k));
  const rows = comparisonRows(bundle, places);

  it('one row per indicator, in bundle order, one value per place in place order', () => {
    expect(rows.map((r) => r.ind.id)).toEqual(bundle.indicators.map((i) => i.id));
    for (const r of rows) expect(r.places).toHaveLength(places.length);
  });

  it('borough and England columns are boroughValue and englandValue', () => {
    for (const r of rows) {
      expect(r.borough).toEqual(boroughValue(r.ind));
      expect(r.england).toEqual(englandValue(r.ind));
    }
  });

  it('standard areas use the built value; neighbourhoods are pooled', () => {
    for (const r of rows) {
      expect(r.places[0], r.ind.id).toEqual(areaValue(r.ind, 'msoa', bundle.areas.msoa.codes.indexOf('E02007060')));
      expect(r.places[2], r.ind.id).toEqual(poolLsoas(bundle, r.ind, MSOA_LSOAS));
    }
  });

  it('the preset equal to MSOA 025 gives the MSOA’s values and categories', () => {
    for (const r of rows) {
      const [msoa, preset] = r.places;
      if (msoa.value == null) expect(preset.value).toBeNull();
      else expect(preset.value!, r.ind.id).toBeCloseTo(msoa.value, 5);
      expect(preset.category, r.ind.id).toBe(msoa.category);
      expect(preset.decile ?? null, r.ind.id).toBe(msoa.decile ?? null);
    }
  });

  it('a practice group has values only for QOF indicators', () => {
    for (const r of rows) {
      const v = r.places[3];
      if (r.ind.qof) expect(v.value, r.ind.id).not.toBeNull();
      else expect(v, r.ind.id).toEqual({ value: null, category: 'NotCompared', method: 'Not available for this kind of place.' });
    }
  });

  it('a subset of indicators and no places', () => {
    const some = [indicator(bundle, 'disability'), indicator(bundle, 'imd_score')];
    const r = comparisonRows(bundle, [], some);
    expect(r.map((x) => x.ind.id)).toEqual(['disability', 'imd_score']);
    expect(r.every((x) => x.places.length === 0)).toBe(true);
  });

  it('placeValue for a place with neither area, LSOAs nor direct values -> null', () => {
    const empty: ResolvedPlace = { key: 'x', name: 'x', kindLabel: 'x', detail: '' };
    expect(placeValue(bundle, indicator(bundle, 'disability'), empty)).toEqual({ value: null, category: 'NotCompared', method: 'Not available.' });
  });
});

// ---------------------------------------------------------------- comparisonWords
describe('comparisonWords', () => {
  const byDecile = record({ compare: 'decile' });
  const byInterval = record({ compare: 'interval', kind: 'proportion' });
  const notCompared = record({ compare: 'none' });
  const v = (over: Partial<PlaceValue>): PlaceValue => ({ value: 1, category: 'NotCompared', method: '', ...over });

  it.each([
    [byDecile, v({ decile: 1 }), 'National decile 1'],
    [byDecile, v({ decile: 10 }), 'National decile 10'],
    [byDecile, v({ decile: null }), 'Not compared'],
    [byDecile, v({}), 'Not compared'],
    [byDecile, v({ decile: 3, category: 'Worse' }), 'National decile 3'], // the decile wins
    [byInterval, v({ category: 'Better' }), 'Better than England (95%)'],
    [byInterval, v({ category: 'Similar' }), 'Similar to England (95%)'],
    [byInterval, v({ category: 'Worse' }), 'Worse than England (95%)'],
    [byInterval, v({ category: 'Higher' }), 'Higher than England (95%)'],
    [byInterval, v({ category: 'Lower' }), 'Lower than England (95%)'],
    [byInterval, v({ category: 'NotCompared' }), 'Not compared'],
    [byInterval, v({ decile: 2, category: 'NotCompared' }), 'Not compared'],
    [notCompared, v({ category: 'Worse' }), 'Not compared'],
    [notCompared, v({ decile: 4 }), 'Not compared'],
  ] as const)('%#: %j -> %s', (ind, value, words) => {
    expect(comparisonWords(ind, value)).toBe(words);
  });

  it('interval words are the shared CATEGORY_STYLE words', () => {
    for (const c of ['Better', 'Similar', 'Worse', 'Lower', 'Higher'] as Category[])
      expect(comparisonWords(byInterval, v({ category: c }))).toBe(`${CATEGORY_STYLE[c].words} (95%)`);
  });
});

// ---------------------------------------------------------------- comparisonCsv
const GENERATED = new Date('2025-01-02T10:00:00Z');

function csvFor(keys: string[], customs: CustomArea[] = CUSTOMS, indicators = bundle.indicators) {
  const places = keys.map((k) => resolve(k, customs));
  const rows = comparisonRows(bundle, places, indicators);
  const text = comparisonCsv(bundle, places, rows, GENERATED);
  const lines = text.split('\n');
  const firstData = lines.findIndex((l) => !l.startsWith('#'));
  const parsed = Papa.parse<Record<string, string | number | null>>(text, { comments: '#', header: true, dynamicTyping: true, skipEmptyLines: true });
  return { places, rows, text, header: lines.slice(0, firstData), parsed };
}

describe('comparisonCsv: header block', () => {
  const { header, rows, text } = csvFor(['msoa:E02007060', 'custom:n1']);

  it('starts with "#" lines, ends with a newline', () => {
    expect(header.length).toBeGreaterThanOrEqual(8);
    for (const l of header) expect(l.startsWith('# ')).toBe(true);
    expect(text.endsWith('\n')).toBe(true);
  });

  it('names the borough, the dates, and the places with their kinds', () => {
    expect(header[0]).toBe('# Neighbourhood health explorer: comparison of places in Stockton-on-Tees');
    expect(header[1]).toBe(`# Generated 2025-01-02; data built ${bundle.builtAt.slice(0, 10)}`);
    expect(header[2]).toBe('# Places: Stockton-on-Tees 025 (MSOA); My area (Neighbourhood (custom))');
    expect(header.join('\n')).toContain('Wilson score interval');
  });

  it('one "# Source:" line per distinct source, period and licence, with the licence named', () => {
    const sources = new Set(rows.map((r) => `# Source: ${r.ind.source} (${r.ind.period}; ${r.ind.licence})`));
    expect(sources.size).toBeGreaterThan(1);
    for (const s of sources) expect(header.filter((l) => l === s)).toHaveLength(1);
    expect(header.join('\n')).toContain('Open Government Licence v3.0');
  });

  it('every attribution line of the bundle, verbatim', () => {
    expect(bundle.place.attribution.length).toBeGreaterThan(0);
    for (const a of bundle.place.attribution) expect(header).toContain(`# ${a.text}`);
    expect(header.join('\n')).toContain('© Crown copyright');
  });

  it('a place name with line breaks cannot break out of the header block', () => {
    const evil: CustomArea[] = [{ id: 'n1', name: 'Evil\r\n=cmd()\nname', lsoas: [0] }];
    const { header: h, parsed } = csvFor(['custom:n1'], evil, [indicator(bundle, 'disability')]);
    expect(h[2]).toBe('# Places: Evil =cmd() name (Neighbourhood (custom))');
    expect(h.every((l) => l.startsWith('#'))).toBe(true);
    expect(parsed.data).toHaveLength(1);
  });
});

describe('comparisonCsv: data rows', () => {
  const keys = ['msoa:E02007060', 'custom:n1', 'ward:E05014882', 'lsoa:E01012187'];
  const { places, rows, parsed } = csvFor(keys);
  const groups = [...places.map((p) => p.name), 'Stockton-on-Tees'];

  it('columns: 5 descriptive, 4 per place and for the borough, then England’s value', () => {
    expect(parsed.errors).toEqual([]);
    const f = parsed.meta.fields!;
    expect(f).toHaveLength(5 + 4 * groups.length + 1);
    expect(f.slice(0, 5)).toEqual(['theme', 'indicator_id', 'indicator', 'unit', 'period']);
    groups.forEach((g, k) =>
      expect(f.slice(5 + 4 * k, 9 + 4 * k)).toEqual([`${g}: value`, `${g}: lower 95% CI`, `${g}: upper 95% CI`, `${g}: compared with England`]),
    );
    expect(f.at(-1)).toBe('England: value');
  });

  it('one row per indicator, in order', () => {
    expect(parsed.data.map((r) => r.indicator_id)).toEqual(bundle.indicators.map((i) => i.id));
  });

  it('numbers parse back to the values, rounded to the indicator’s decimals + 2', () => {
    let intervals = 0;
    parsed.data.forEach((row, k) => {
      const r = rows[k];
      const tol = 0.5 * 10 ** -(r.ind.decimals + 2) + 1e-12;
      const check = (cell: unknown, v: number | null | undefined, label: string) => {
        if (v == null) expect(cell, label).toBeNull();
        else {
          expect(typeof cell, label).toBe('number');
          expect(Math.abs((cell as number) - v), label).toBeLessThanOrEqual(tol);
        }
      };
      [...r.places, r.borough].forEach((v, j) => {
        const g = groups[j];
        check(row[`${g}: value`], v.value, `${r.ind.id} ${g} value`);
        check(row[`${g}: lower 95% CI`], v.lower, `${r.ind.id} ${g} lower`);
        check(row[`${g}: upper 95% CI`], v.upper, `${r.ind.id} ${g} upper`);
        expect(row[`${g}: compared with England`], `${r.ind.id} ${g}`).toBe(comparisonWords(r.ind, v));
        if (v.lower != null) intervals++;
      });
      check(row['England: value'], r.england.value, `${r.ind.id} England`);
    });
    expect(intervals).toBeGreaterThan(20);
  });

  it('spot check: disability in MSOA E02007060 and England', () => {
    const row = parsed.data.find((r) => r.indicator_id === 'disability')!;
    expect(row['Stockton-on-Tees 025: value']).toBe(27.137);
    expect(row['Stockton-on-Tees 025: lower 95% CI']).toBe(26.037);
    expect(row['Stockton-on-Tees 025: upper 95% CI']).toBe(28.267);
    expect(row['Stockton-on-Tees 025: compared with England']).toBe('Worse than England (95%)');
    expect(row['Stockton-on-Tees: value']).toBe(19.866);
    expect(row['England: value']).toBe(17.303);
    expect(row.unit).toBe('%');
  });

  it('deprivation deciles appear in words; the IMD decile has no England value', () => {
    const row = parsed.data.find((r) => r.indicator_id === 'imd_decile')!;
    expect(row['Stockton-on-Tees 025: value']).toBe(1);
    expect(row['Stockton-on-Tees 025: compared with England']).toBe('National decile 1');
    expect(row['England: value']).toBeNull();
  });

  it('with no places, only the borough and England columns', () => {
    const { parsed: p } = csvFor([], [], [indicator(bundle, 'disability')]);
    expect(p.meta.fields).toHaveLength(5 + 4 + 1);
    expect(p.data[0]['Stockton-on-Tees: value']).toBe(19.866);
  });
});

describe('comparisonCsv: spreadsheet formula injection', () => {
  const names = ['=HYPERLINK("http://x","click")', '+1', '-2+3', '@SUM(A1:A9)', '\t=1', '\r=1'];
  const customs: CustomArea[] = names.map((name, k) => ({ id: `n${k + 1}`, name, lsoas: [k] }));
  const { parsed } = csvFor(
    customs.map((c) => `custom:${c.id}`),
    customs,
    [indicator(bundle, 'disability'), indicator(bundle, 'health_score')],
  );
  const fields = parsed.meta.fields!;

  it.each(names)('a custom area named %j gets a leading single quote in every column name', (name) => {
    for (const suffix of ['value', 'lower 95% CI', 'upper 95% CI', 'compared with England']) expect(fields).toContain(`'${name}: ${suffix}`);
    expect(fields).not.toContain(`${name}: value`);
  });

  it('no text cell or column name starts with a formula character; negative numbers stay numbers', () => {
    for (const f of fields) expect(f).not.toMatch(/^[=+\-@\t\r]/);
    let negatives = 0;
    for (const row of parsed.data)
      for (const cell of Object.values(row)) {
        if (typeof cell === 'string') expect(cell).not.toMatch(/^[=+\-@\t\r]/);
        if (typeof cell === 'number' && cell < 0) negatives++;
      }
    expect(negatives).toBeGreaterThan(0); // health_score has negative values in some LSOAs
  });

  it('ordinary names are not quoted', () => {
    const { parsed: p } = csvFor(['custom:n1'], [{ id: 'n1', name: 'Norton = good, "really"', lsoas: [0] }], [indicator(bundle, 'disability')]);
    expect(p.meta.fields).toContain('Norton = good, "really": value');
  });
});
