/**
 * Place data on 2011 geography (data/registry.ts PLACE_DATA): ONS access to parks and playing fields
 * (2011 LSOAs), ONS private outdoor space (2011 MSOAs) and IoD 2019 (2011 LSOAs), mapped to the 2021 areas
 * through the same 2011 -> 2021 lookups the browser uses for people's own files (legacy.ts builds them,
 * src/lib/indicators/from2011.ts applies them), then aggregated like every other LSOA indicator.
 * Reads its own files (place.json "files": greenspace, gardens, imd2019). Fails loudly on any mismatch.
 */
import type { Comparator, GeographyId, IndicatorRecord } from '../../src/lib/core/types';
import type { CsvTable } from '../../src/lib/core/csv';
import type { Part } from '../../src/lib/indicators/aggregate';
import { counts2011To2021, parts2011, values2011To2021, type Parts2011 } from '../../src/lib/indicators/from2011';
import { PLACE_DATA, type PlaceDataDef } from '../../data/registry';
import { byGeography, meanOf, pooled, type AreaValue } from './aggregate';
import { fail, num, readTable, requiredNum, roundPlaces } from './io';
import type { Lookups2011 } from './legacy';
import { lsoaNum, type Validated } from './validate';

export interface PlaceDataResult {
  indicators: IndicatorRecord[];
  summary: string[];
}

/** The code column and the columns each file must have. */
const FILES: Record<PlaceDataDef['from'], { code: string; geography: 'lsoa11' | 'msoa11' }> = {
  greenspace: { code: 'lsoa11_code', geography: 'lsoa11' },
  gardens: { code: 'area_code', geography: 'msoa11' },
  imd2019: { code: 'lsoa11_code', geography: 'lsoa11' },
};

function requiredColumns(from: PlaceDataDef['from']): string[] {
  const cols = new Set<string>([FILES[from].code]);
  for (const d of PLACE_DATA.filter((x) => x.from === from)) for (const c of [d.column, d.numerator, d.denominator, d.englandColumn]) if (c) cols.add(c);
  return [...cols];
}

/** How many 2021 areas keep an unchanged 2011 area's value, and how many take a share of changed ones. */
function mappingCounts(p: Parts2011, codes2021: string[]): { unchanged: number; changed: number } {
  let unchanged = 0;
  p.parts.forEach((ps, i) => {
    if (ps.length === 1 && ps[0].weight === 1 && p.codes2011[ps[0].lsoa] === codes2021[i]) unchanged++;
  });
  return { unchanged, changed: p.parts.length - unchanged };
}

/** The file's rows by code, checked to hold exactly the 2011 areas of the lookup. */
function rowsByCode({ rel, table, codeCol, codes2011, filter }: { rel: string; table: CsvTable; codeCol: string; codes2011: string[]; filter?: (r: Record<string, string>) => boolean }) {
  const rows = new Map<string, Record<string, string>>();
  for (const r of table.rows.filter(filter ?? (() => true))) {
    if (rows.has(r[codeCol])) fail(`${rel}: duplicate ${r[codeCol]}`);
    rows.set(r[codeCol], r);
  }
  const missing = codes2011.filter((c) => !rows.has(c));
  const unknown = [...rows.keys()].filter((c) => !codes2011.includes(c));
  if (missing.length || unknown.length) fail(`${rel}: 2011 codes differ from the 2011 lookup (missing ${missing.slice(0, 5).join(',') || '-'}; unknown ${unknown.slice(0, 5).join(',') || '-'})`);
  return rows;
}

/** One value shared by every row (a comparator repeated on each row). */
function constantColumn(rel: string, rows: Map<string, Record<string, string>>, col: string): number {
  const vals = new Set([...rows.values()].map((r) => r[col]));
  if (vals.size !== 1) fail(`${rel}: ${col} should be one value on every row, found ${vals.size}`);
  const [row] = rows.values();
  return requiredNum({ rel, row, col, key: 'every row' });
}

export function derivePlaceData(v: Validated, lookups: Lookups2011): PlaceDataResult {
  const summary: string[] = [];
  const lsoaCodes = v.layers.lsoa.codes;
  const msoaCodes = v.layers.msoa.codes;
  const msoaResidents = v.parts.msoa.map((ps) => ps.reduce((s, p) => s + v.population[p.lsoa] * p.weight, 0));
  const p11 = {
    lsoa11: parts2011({ table: lookups.lsoa11, residents2021: v.population }),
    msoa11: parts2011({ table: lookups.msoa11, residents2021: msoaResidents }),
  };
  const mapped = { lsoa11: mappingCounts(p11.lsoa11, lsoaCodes), msoa11: mappingCounts(p11.msoa11, msoaCodes) };
  const mappingWords = {
    lsoa11: `Here ${mapped.lsoa11.unchanged} of ${lsoaCodes.length} 2021 LSOAs are unchanged since 2011; ${mapped.lsoa11.changed} take the value of a changed 2011 LSOA.`,
    msoa11: `Here ${mapped.msoa11.unchanged} of ${msoaCodes.length} 2021 MSOAs are unchanged since 2011; ${mapped.msoa11.changed} take a share of a changed 2011 MSOA.`,
  };

  const tables = Object.fromEntries(
    (Object.keys(FILES) as PlaceDataDef['from'][]).map((from) => {
      const rel = v.place.files[from]!; // the build runs this step only when all three are named
      const table = readTable(v.dataDir, rel, requiredColumns(from));
      const g = FILES[from].geography;
      const rows = rowsByCode({
        rel,
        table,
        codeCol: FILES[from].code,
        codes2011: p11[g].codes2011,
        filter: from === 'gardens' ? (r) => r.area_code.startsWith('E02') : undefined,
      });
      return [from, { rel, table, rows }];
    }),
  ) as Record<PlaceDataDef['from'], { rel: string; table: CsvTable; rows: Map<string, Record<string, string>> }>;

  const valueOf = (from: PlaceDataDef['from'], col: string) => (code: string) => {
    const { rel, rows } = tables[from];
    return num({ rel, row: rows.get(code)!, col, key: code, allowBlank: true });
  };
  const perGeo = <T>(f: (geo: GeographyId) => T) => Object.fromEntries((['lsoa', 'msoa', 'ward'] as const).map((g) => [g, f(g)])) as Record<GeographyId, T>;

  const indicators = PLACE_DATA.map((def): IndicatorRecord => {
    const { rel, rows } = tables[def.from];
    let england: Comparator | undefined;
    let borough: Comparator | undefined;
    let data: IndicatorRecord['data'];
    const geographyMethod = { ...def.geographyMethod };

    if (def.kind === 'proportion') {
      // Counts on 2011 MSOAs -> 2021 MSOAs (shared by the lookup weights) -> LSOAs (shared by residents).
      const msoaNum = counts2011To2021(p11.msoa11, valueOf(def.from, def.numerator!));
      const msoaDen = counts2011To2021(p11.msoa11, valueOf(def.from, def.denominator!));
      const share = (counts: (number | null)[]) => lsoaCodes.map((_, i) => {
        const m = v.lsoaMsoa[i];
        const c = counts[m];
        return c == null || !(msoaResidents[m] > 0) ? null : (c * v.population[i]) / msoaResidents[m];
      });
      // Rounded as the browser gets them, so values pooled there from the counts equal the built values.
      const nums = share(msoaNum).map((x) => (x == null ? null : roundPlaces(x, 3)));
      const dens = share(msoaDen).map((x) => (x == null ? null : roundPlaces(x, 3)));
      data = byGeography((geo) => ({ values: pooled({ parts: v.parts[geo], numerators: nums, denominators: dens, scale: 100 }), counts: true }));
      // Published borough and England rows, and the MSOAs must add up to the borough.
      const published = (code: string): Comparator => {
        const row = tables[def.from].table.rows.find((r) => r.area_code === code);
        if (!row) fail(`${rel}: no row for ${code}`);
        const n = requiredNum({ rel, row, col: def.numerator!, key: code });
        const d = requiredNum({ rel, row, col: def.denominator!, key: code });
        return { value: (n / d) * 100, numerator: n, denominator: d, statistic: '' };
      };
      const b = published(v.place.code);
      const sumN = msoaNum.reduce<number>((s, x) => s + (x ?? NaN), 0);
      const sumD = msoaDen.reduce<number>((s, x) => s + (x ?? NaN), 0);
      if (Math.abs(sumN - b.numerator!) > 0.5 || Math.abs(sumD - b.denominator!) > 0.5) fail(`${rel}: MSOA counts (${sumN} of ${sumD}) do not add up to the local authority row (${b.numerator} of ${b.denominator})`);
      summary.push(`${def.id}: ${rows.size} 2011 MSOAs -> ${msoaCodes.length} 2021 MSOAs; MSOA counts add up to the published borough (${b.numerator} of ${b.denominator}, ${b.value.toFixed(1)}%)`);
      borough = { ...b, statistic: def.boroughStatistic };
      england = { ...published(v.place.england.code), statistic: 'published for England (ONS)' };
      geographyMethod.msoa = `${geographyMethod.msoa} ${mappingWords.msoa11}`;
    } else {
      // Values on 2011 LSOAs -> 2021 LSOAs, then population-weighted means for larger areas.
      let lsoa = values2011To2021(p11.lsoa11, valueOf(def.from, def.column!));
      if (def.changeFrom2025) {
        const now = lsoaCodes.map((code) => lsoaNum({ table: v.tables.imd, code, col: def.changeFrom2025! }));
        lsoa = lsoa.map((then, i) => (then == null || now[i] == null ? null : now[i]! - then));
      }
      const missing = lsoa.filter((x) => x == null).length;
      if (missing) fail(`${rel}: ${def.id} has no value for ${missing} 2021 LSOAs after mapping`);
      data = byGeography((geo): { values: AreaValue[] } => ({ values: geo === 'lsoa' ? lsoa.map((x) => ({ v: x, n: null, d: null })) : meanOf({ parts: v.parts[geo], values: lsoa, population: v.population }) }));
      const [b] = meanOf({ parts: [v.all as Part[]], values: lsoa, population: v.population });
      borough = b.v == null ? undefined : { value: b.v, statistic: def.boroughStatistic };
      if (def.englandColumn) england = { value: constantColumn(rel, rows, def.englandColumn), statistic: def.englandStatistic ?? '' };
      const vals = lsoa as number[];
      summary.push(
        `${def.id}: ${rows.size} 2011 LSOAs -> ${lsoaCodes.length} 2021 LSOAs (${mapped.lsoa11.unchanged} unchanged); LSOA range ${Math.min(...vals)} to ${Math.max(...vals)}; borough ${b.v?.toFixed(2)}${england ? `; England ${england.value}` : ''}`,
      );
      geographyMethod.lsoa = `${geographyMethod.lsoa} ${mappingWords.lsoa11}`;
    }
    return {
      id: def.id,
      label: def.label,
      theme: def.theme,
      unit: def.unit,
      decimals: def.decimals,
      period: def.period,
      source: def.source,
      licence: def.licence,
      polarity: def.polarity,
      kind: def.kind,
      compare: def.compare,
      method: def.method,
      caveats: def.caveats,
      geographyMethod: perGeo((g) => geographyMethod[g] ?? ''),
      derived: def.derived,
      england,
      borough,
      data,
    };
  });
  return { indicators, summary };
}
