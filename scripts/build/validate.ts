/**
 * Step 2, validate: parse the inputs and check them against each other (codes, counts, lookups,
 * columns, duplicates). Everything after this step can trust the shapes it gets. Fails loudly.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { CsvTable } from '../../src/lib/core/csv';
import type { GeographyId } from '../../src/lib/core/types';
import { partsFromOverlaps, type Part } from '../../src/lib/indicators/aggregate';
import { INDICATORS, type IndicatorDef } from '../../data/registry';
import { fail, num, parseFeatureCollection, parseTable, requiredNum, round5 } from './io';
import { codeTest, DEFAULT_NATIONAL_LSOAS_MIN, type LayerId, type PlaceFile } from './place';
import { parsePostcodes, type PostcodePoint } from './postcodes';
import type { Inputs } from './read';

export interface Layer {
  codes: string[];
  names: string[];
  features: Feature<Polygon | MultiPolygon>[];
}

/** An LSOA table indexed by code, with exactly the LSOAs of the boundary layer. */
export interface LsoaTable {
  rel: string;
  rows: Map<string, Record<string, string>>;
}

/** England's LSOAs, for national deciles of aggregated areas and the derived "most deprived" shares. */
export interface EnglandLsoas {
  /** Each decile score column, sorted most deprived first. */
  desc: Record<string, Float64Array>;
  population: number;
  /** Residents by IMD decile (index 1..10). */
  populationByDecile: number[];
}

export interface PresetRule {
  id: string;
  name: string;
  ruleText: string;
  rule: { bestFitWard?: string; dominantPostcodeSector?: string };
}

export interface Validated {
  dataDir: string;
  place: PlaceFile;
  layers: Record<LayerId, Layer>;
  lsoaIndex: Map<string, number>;
  wardIndex: Map<string, number>;
  /** Per LSOA: its MSOA index, best-fit ward index and population-weighted centroid. */
  lsoaMsoa: number[];
  lsoaWard: number[];
  lsoaPwc: [number, number][];
  /** Per geography, per area: the LSOAs (with weights) it is made of. */
  parts: Record<GeographyId, Part[][]>;
  /** The whole borough: every LSOA at weight 1. */
  all: Part[];
  tables: Record<IndicatorDef['file'], LsoaTable>;
  /** Census 2021 usual residents per LSOA. */
  population: number[];
  england: EnglandLsoas;
  comparators: { rel: string; table: CsvTable };
  /** House of Commons Library name per MSOA code. */
  msoaNames: Map<string, string>;
  postcodes: { rel: string; points: Map<string, PostcodePoint> };
  /** Every postcode of the surrounding area (when the place has that file) plus the borough's own (some borough postcodes lie outside the area file), for geocoding practices. */
  geocoder: Map<string, PostcodePoint>;
  gazetteer: FeatureCollection;
  presets: PresetRule[];
}

const roundCoords = (c: unknown): unknown => (typeof c === 'number' ? round5(c) : (c as unknown[]).map(roundCoords));

function sameSet(label: string, a: string[], b: string[]) {
  const sa = new Set(a);
  const sb = new Set(b);
  const onlyA = a.filter((x) => !sb.has(x));
  const onlyB = b.filter((x) => !sa.has(x));
  if (onlyA.length || onlyB.length || sa.size !== a.length || sb.size !== b.length)
    fail(`${label}: code lists differ (missing ${onlyA.slice(0, 5).join(',') || '-'}; unknown ${onlyB.slice(0, 5).join(',') || '-'}; or duplicates)`);
}

const LAYER_FILES: Record<LayerId, 'lsoaGeo' | 'wardGeo' | 'msoaGeo' | 'boroughGeo' | 'contextGeo'> = { lsoa: 'lsoaGeo', ward: 'wardGeo', msoa: 'msoaGeo', borough: 'boroughGeo', context: 'contextGeo' };

/** A boundary layer: unique well-formed codes, polygons only, the expected count; coordinates rounded to 5 d.p. */
function parseLayer({ inputs, layer, expected }: { inputs: Inputs; layer: LayerId; expected?: number }): Layer {
  const rel = inputs.place.files[LAYER_FILES[layer]];
  const fc = parseFeatureCollection(rel, inputs.text[LAYER_FILES[layer]]);
  const props = inputs.place.properties[layer];
  const codeOk = codeTest(inputs.place);
  if (expected !== undefined && fc.features.length !== expected) fail(`${rel}: expected ${expected} features, found ${fc.features.length}`);
  const codes: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  const features = fc.features.map((f) => {
    const code = String(f.properties?.[props.code] ?? '');
    const name = String(f.properties?.[props.name] ?? '');
    if (!codeOk.test(code)) fail(`${rel}: bad code "${code}"`);
    if (seen.has(code)) fail(`${rel}: duplicate code ${code}`);
    if (!f.geometry || !['Polygon', 'MultiPolygon'].includes(f.geometry.type)) fail(`${rel}: ${code} is not a polygon`);
    seen.add(code);
    codes.push(code);
    names.push(name);
    return {
      type: 'Feature' as const,
      properties: { code, name },
      geometry: { type: f.geometry.type, coordinates: roundCoords((f.geometry as Polygon).coordinates) } as Polygon | MultiPolygon,
    };
  });
  return { codes, names, features };
}

/** Index an LSOA table by code, checking it has exactly the LSOAs in the boundary layer. */
function indexByLsoa({ rel, table, codeCol, lsoaCodes }: { rel: string; table: CsvTable; codeCol: string; lsoaCodes: string[] }): Map<string, Record<string, string>> {
  const m = new Map<string, Record<string, string>>();
  for (const r of table.rows) {
    const c = r[codeCol];
    if (m.has(c)) fail(`${rel}: duplicate LSOA ${c}`);
    m.set(c, r);
  }
  sameSet(rel, lsoaCodes, [...m.keys()]);
  return m;
}

/** Columns the registry needs from each LSOA table. */
const columnsFor = (file: IndicatorDef['file']) => [
  ...new Set(
    INDICATORS.filter((d) => d.file === file)
      .flatMap((d) => [d.column, ...(d.numerator ?? []), d.denominator, d.decileColumn])
      .filter((x): x is string => !!x),
  ),
];

/** Score columns with a national decile: their England distributions are needed. */
const DECILE_SCORE_COLUMNS = [...new Set(INDICATORS.filter((d) => d.decileColumn && d.kind === 'score').map((d) => d.column!))];

function parseEngland({ inputs, lsoaCodes }: { inputs: Inputs; lsoaCodes: string[] }): EnglandLsoas {
  const rel = inputs.place.files.imdEngland;
  const decileCols = INDICATORS.filter((d) => d.decileColumn).map((d) => d.decileColumn!);
  const eng = parseTable(rel, inputs.text.imdEngland, ['lsoa21_code', 'usual_residents_census2021', 'imd_decile', ...DECILE_SCORE_COLUMNS, ...decileCols]);
  const min = inputs.place.nationalLsoasMin ?? DEFAULT_NATIONAL_LSOAS_MIN;
  if (eng.rows.length < min) fail(`${rel}: only ${eng.rows.length} rows; expected all ${inputs.place.england.name} LSOAs (at least ${min})`);
  const codes = new Set(eng.rows.map((r) => r.lsoa21_code));
  if (codes.size !== eng.rows.length) fail(`${rel}: duplicate LSOA codes`);
  for (const c of lsoaCodes) if (!codes.has(c)) fail(`${rel}: ${c} missing`);
  const desc: Record<string, Float64Array> = {};
  for (const col of DECILE_SCORE_COLUMNS) {
    const arr = Float64Array.from(eng.rows.map((row) => requiredNum({ rel, row, col, key: row.lsoa21_code })));
    arr.sort();
    arr.reverse();
    desc[col] = arr;
  }
  let population = 0;
  const populationByDecile = new Array<number>(11).fill(0);
  for (const row of eng.rows) {
    const p = requiredNum({ rel, row, col: 'usual_residents_census2021', key: row.lsoa21_code });
    population += p;
    populationByDecile[requiredNum({ rel, row, col: 'imd_decile', key: row.lsoa21_code })] += p;
  }
  return { desc, population, populationByDecile };
}

export function validate(inputs: Inputs): Validated {
  const { place, text } = inputs;
  const { files } = place;
  const exp = place.expectedCounts;

  // ---- Geometry
  const lsoa = parseLayer({ inputs, layer: 'lsoa', expected: exp.lsoa });
  const ward = parseLayer({ inputs, layer: 'ward', expected: exp.ward });
  const msoa = parseLayer({ inputs, layer: 'msoa', expected: exp.msoa });
  const borough = parseLayer({ inputs, layer: 'borough', expected: 1 });
  const context = parseLayer({ inputs, layer: 'context' });
  if (borough.codes[0] !== place.code) fail(`borough outline is ${borough.codes[0]}, expected ${place.code}`);
  const lsoaIndex = new Map(lsoa.codes.map((c, i) => [c, i]));
  const wardIndex = new Map(ward.codes.map((c, i) => [c, i]));
  const msoaIndex = new Map(msoa.codes.map((c, i) => [c, i]));

  // ---- Lookups
  const lookupRel = files.lsoaLookup;
  const lookup = parseTable(lookupRel, text.lsoaLookup, ['LSOA21CD', 'MSOA21CD', 'WD25CD_bestfit', 'pwc_lon', 'pwc_lat']);
  const lk = indexByLsoa({ rel: lookupRel, table: lookup, codeCol: 'LSOA21CD', lsoaCodes: lsoa.codes });
  const linkTo = (index: Map<string, number>, col: string, what: string) =>
    lsoa.codes.map((c) => {
      const i = index.get(lk.get(c)![col]);
      if (i === undefined) fail(`${lookupRel}: ${c} names unknown ${what} ${lk.get(c)![col]}`);
      return i;
    });
  const lsoaMsoa = linkTo(msoaIndex, 'MSOA21CD', 'MSOA');
  const lsoaWard = linkTo(wardIndex, 'WD25CD_bestfit', 'ward');
  const lsoaPwc = lsoa.codes.map((c): [number, number] => {
    const row = lk.get(c)!;
    return [round5(requiredNum({ rel: lookupRel, row, col: 'pwc_lon', key: c })), round5(requiredNum({ rel: lookupRel, row, col: 'pwc_lat', key: c }))];
  });
  const ovRel = files.wardOverlaps;
  const ov = parseTable(ovRel, text.wardOverlaps, ['LSOA21CD', 'WD25CD', 'share_of_lsoa_area']);
  const overlaps = ov.rows.map((row) => {
    if (!wardIndex.has(row.WD25CD)) fail(`${ovRel}: unknown ward ${row.WD25CD}`);
    const share = requiredNum({ rel: ovRel, row, col: 'share_of_lsoa_area', key: row.LSOA21CD });
    if (!(share > 0 && share <= 1)) fail(`${ovRel}: share ${share} out of range for ${row.LSOA21CD}`);
    return { lsoa: row.LSOA21CD, area: row.WD25CD, share };
  });
  sameSet(`${ovRel} LSOAs`, lsoa.codes, [...new Set(overlaps.map((o) => o.lsoa))]);
  const wardParts = partsFromOverlaps(overlaps, lsoaIndex);
  const parts: Record<GeographyId, Part[][]> = {
    lsoa: lsoa.codes.map((_, i) => [{ lsoa: i, weight: 1 }]),
    msoa: msoa.codes.map((_, m) => lsoaMsoa.flatMap((mm, i) => (mm === m ? [{ lsoa: i, weight: 1 }] : []))),
    ward: ward.codes.map((c) => wardParts.get(c) ?? fail(`${ovRel}: ward ${c} has no LSOA overlaps`)),
  };
  const all: Part[] = lsoa.codes.map((_, i) => ({ lsoa: i, weight: 1 }));
  msoa.codes.forEach((c, m) => parts.msoa[m].length || fail(`MSOA ${c} contains no LSOAs`));

  // ---- LSOA tables
  const tables = {} as Record<IndicatorDef['file'], LsoaTable>;
  for (const key of ['imd', 'imdHealth', 'census'] as const) {
    const rel = files[key];
    const table = parseTable(rel, text[key], ['lsoa21_code', ...columnsFor(key)]);
    tables[key] = { rel, rows: indexByLsoa({ rel, table, codeCol: 'lsoa21_code', lsoaCodes: lsoa.codes }) };
  }
  const population = lsoa.codes.map((c) => {
    const v = requiredNum({ rel: tables.census.rel, row: tables.census.rows.get(c)!, col: 'usual_residents', key: c });
    if (!(v > 0)) fail(`${tables.census.rel}: ${c} has ${v} usual residents`);
    return v;
  });

  const england = parseEngland({ inputs, lsoaCodes: lsoa.codes });
  const comparators = {
    rel: files.comparators,
    table: parseTable(files.comparators, text.comparators, ['indicator', 'area_code', 'period', 'value', 'unit', 'statistic', 'numerator', 'denominator']),
  };

  // ---- Names, postcodes, gazetteer, presets
  const names = parseTable(files.msoaNames, text.msoaNames, ['msoa21_code', 'hcl_msoa11_name', 'change_2011_2021']);
  const msoaNames = new Map(names.rows.map((r) => [r.msoa21_code, r.change_2011_2021 === 'unchanged' ? r.hcl_msoa11_name : `part of ${r.hcl_msoa11_name}`]));
  sameSet(files.msoaNames, msoa.codes, [...msoaNames.keys()]);
  const postcodes = { rel: files.postcodes, points: parsePostcodes([{ rel: files.postcodes, text: text.postcodes }]) };
  // Parsed once: the area's file (optional) is added to a copy of the borough's, checking that the two agree.
  const geocoder =
    files.postcodesArea !== undefined && text.postcodesArea !== undefined
      ? parsePostcodes([{ rel: files.postcodesArea, text: text.postcodesArea }], new Map(postcodes.points))
      : new Map(postcodes.points);
  const gazetteer = parseFeatureCollection(files.gazetteer, text.gazetteer);
  const presets = text.presets === undefined ? [] : (JSON.parse(text.presets) as { presets: PresetRule[] }).presets;
  for (const p of presets) if (p.rule.bestFitWard && !wardIndex.has(p.rule.bestFitWard)) fail(`${files.presets}: ${p.id} names unknown ward ${p.rule.bestFitWard}`);

  return {
    dataDir: inputs.dataDir,
    place,
    layers: { lsoa, ward, msoa, borough, context },
    lsoaIndex,
    wardIndex,
    lsoaMsoa,
    lsoaWard,
    lsoaPwc,
    parts,
    all,
    tables,
    population,
    england,
    comparators,
    msoaNames,
    postcodes,
    geocoder,
    gazetteer,
    presets,
  };
}

/** A number from an LSOA table (blank allowed only where the caller says). */
export const lsoaNum = ({ table, code, col, allowBlank }: { table: LsoaTable; code: string; col: string; allowBlank?: boolean }) =>
  num({ rel: table.rel, row: table.rows.get(code)!, col, key: code, allowBlank });
