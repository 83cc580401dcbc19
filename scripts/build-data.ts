/**
 * Data build: reads the real data in data/ (see data/place.json and data/registry.ts), validates it,
 * and writes what the browser loads to public/data/. Fails loudly on any mismatch.
 *   npm run data                 rebuild
 *   tsx scripts/build-data.ts --if-missing   rebuild only when outputs are missing
 */
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { parseCsv, missingColumns, toNumber, type CsvTable } from '../src/lib/core/csv';
import { partsFromOverlaps, weightedMean, weightedSum, type Part } from '../src/lib/indicators/aggregate';
import { quantileBreaks, jenksBreaks } from '../src/lib/indicators/classify';
import { nationalDecile, decileThresholds } from '../src/lib/indicators/deciles';
import type {
  AreaList,
  Comparator,
  GeographyId,
  IndicatorBundle,
  IndicatorRecord,
  IndicatorValues,
  PlaceConfig,
  PostcodeIndex,
} from '../src/lib/core/types';
import { INDICATORS, BOROUGH_INDICATORS, QOF_THEMES, type IndicatorDef } from '../data/registry';
import { buildHealthConditions } from './qof';
import { buildAssets } from './assets';
import { categoryDef } from '../src/lib/assets/categories';
import { QOF_CONDITIONS } from '../src/lib/health/qof';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA = join(ROOT, 'data');
const OUT = join(ROOT, 'public', 'data');
export const OUTPUT_FILES = ['assets.json', 'indicators.json', 'geo-lsoa.json', 'geo-ward.json', 'geo-msoa.json', 'geo-borough.json', 'geo-context.json', 'postcodes.json', 'places.json'];

class BuildError extends Error {}
function fail(msg: string): never {
  throw new BuildError(msg);
}

interface PlaceFile extends PlaceConfig {
  expectedCounts: Record<GeographyId, number>;
  files: Record<string, string>;
  properties: Record<string, { code: string; name: string }>;
}

const read = (rel: string) => readFileSync(join(DATA, rel), 'utf8');

function readCsv(rel: string, required: string[]): CsvTable {
  const t = parseCsv(read(rel));
  if (t.errors.length) fail(`${rel}: CSV errors: ${t.errors.slice(0, 5).join('; ')}`);
  const missing = missingColumns(t, required);
  if (missing.length) fail(`${rel}: missing columns ${missing.join(', ')}`);
  return t;
}

const round5 = (n: number) => Math.round(n * 1e5) / 1e5;
function roundCoords(c: unknown): unknown {
  if (typeof c === 'number') return round5(c);
  return (c as unknown[]).map(roundCoords);
}

function bboxOf(g: Geometry): [number, number, number, number] {
  const b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  const walk = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as Position;
      b[0] = Math.min(b[0], x);
      b[1] = Math.min(b[1], y);
      b[2] = Math.max(b[2], x);
      b[3] = Math.max(b[3], y);
    } else (c as unknown[]).forEach(walk);
  };
  walk((g as Polygon | MultiPolygon).coordinates);
  return b.map(round5) as [number, number, number, number];
}

interface Layer {
  codes: string[];
  names: string[];
  features: Feature<Polygon | MultiPolygon>[];
}

function loadLayer(place: PlaceFile, key: string, fileKey: string, expected?: number): Layer {
  const rel = place.files[fileKey];
  const fc = JSON.parse(read(rel)) as FeatureCollection;
  const props = place.properties[key];
  if (fc.type !== 'FeatureCollection') fail(`${rel}: not a FeatureCollection`);
  if (expected !== undefined && fc.features.length !== expected) fail(`${rel}: expected ${expected} features, found ${fc.features.length}`);
  const codes: string[] = [];
  const names: string[] = [];
  const seen = new Set<string>();
  const features = fc.features.map((f) => {
    const code = String(f.properties?.[props.code] ?? '');
    const name = String(f.properties?.[props.name] ?? '');
    if (!/^[EW]\d{8}$/.test(code)) fail(`${rel}: bad code "${code}"`);
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

function writeJson(name: string, value: unknown) {
  writeFileSync(join(OUT, name), JSON.stringify(value));
}

function sameSet(label: string, a: string[], b: string[]) {
  const sa = new Set(a);
  const sb = new Set(b);
  const onlyA = a.filter((x) => !sb.has(x));
  const onlyB = b.filter((x) => !sa.has(x));
  if (onlyA.length || onlyB.length || sa.size !== a.length || sb.size !== b.length)
    fail(`${label}: code lists differ (missing ${onlyA.slice(0, 5).join(',') || '-'}; unknown ${onlyB.slice(0, 5).join(',') || '-'}; or duplicates)`);
}

/** Index an LSOA table by code, checking it has exactly the LSOAs in the boundary layer. */
function indexByLsoa(rel: string, t: CsvTable, codeCol: string, lsoaCodes: string[]): Map<string, Record<string, string>> {
  const m = new Map<string, Record<string, string>>();
  for (const r of t.rows) {
    const c = r[codeCol];
    if (m.has(c)) fail(`${rel}: duplicate LSOA ${c}`);
    m.set(c, r);
  }
  sameSet(rel, lsoaCodes, [...m.keys()]);
  return m;
}

function num(rel: string, row: Record<string, string>, col: string, code: string, allowBlank = false): number | null {
  const v = toNumber(row[col]);
  if (v === null && !allowBlank) fail(`${rel}: ${code} has no value in ${col}`);
  if (v !== null && Number.isNaN(v)) fail(`${rel}: ${code} has non-numeric "${row[col]}" in ${col}`);
  return v;
}

function comparatorsFrom(t: CsvTable) {
  return (indicator: string, area: string, statistic?: string): Comparator | undefined => {
    const rows = t.rows.filter((r) => r.indicator === indicator && r.area_code === area && (!statistic || r.statistic === statistic));
    if (rows.length > 1) fail(`england.csv: ${rows.length} rows for ${indicator} ${area} ${statistic ?? ''}`);
    if (!rows.length) return undefined;
    const r = rows[0];
    const value = toNumber(r.value);
    if (value === null || Number.isNaN(value)) fail(`england.csv: non-numeric value for ${indicator} ${area}`);
    const out: Comparator = { value, statistic: r.statistic };
    const n = toNumber(r.numerator);
    const d = toNumber(r.denominator);
    if (n !== null && !Number.isNaN(n)) out.numerator = n;
    if (d !== null && !Number.isNaN(d)) out.denominator = d;
    return out;
  };
}

export function build(): { summary: string[] } {
  const place = JSON.parse(read('place.json')) as PlaceFile;
  const summary: string[] = [];
  const exp = place.expectedCounts;

  // ---- Geometry
  const lsoa = loadLayer(place, 'lsoa', 'lsoaGeo', exp.lsoa);
  const ward = loadLayer(place, 'ward', 'wardGeo', exp.ward);
  const msoa = loadLayer(place, 'msoa', 'msoaGeo', exp.msoa);
  const borough = loadLayer(place, 'borough', 'boroughGeo', 1);
  const context = loadLayer(place, 'context', 'contextGeo');
  if (borough.codes[0] !== place.code) fail(`borough outline is ${borough.codes[0]}, expected ${place.code}`);
  const lsoaIndex = new Map(lsoa.codes.map((c, i) => [c, i]));
  const wardIndex = new Map(ward.codes.map((c, i) => [c, i]));
  const msoaIndex = new Map(msoa.codes.map((c, i) => [c, i]));

  // ---- Lookups
  const lookupRel = place.files.lsoaLookup;
  const lookup = readCsv(lookupRel, ['LSOA21CD', 'MSOA21CD', 'WD25CD_bestfit', 'pwc_lon', 'pwc_lat']);
  const lk = indexByLsoa(lookupRel, lookup, 'LSOA21CD', lsoa.codes);
  const lsoaMsoa = lsoa.codes.map((c) => {
    const i = msoaIndex.get(lk.get(c)!.MSOA21CD);
    if (i === undefined) fail(`${lookupRel}: ${c} names unknown MSOA ${lk.get(c)!.MSOA21CD}`);
    return i;
  });
  const lsoaWard = lsoa.codes.map((c) => {
    const i = wardIndex.get(lk.get(c)!.WD25CD_bestfit);
    if (i === undefined) fail(`${lookupRel}: ${c} names unknown ward ${lk.get(c)!.WD25CD_bestfit}`);
    return i;
  });
  const lsoaPwc = lsoa.codes.map((c): [number, number] => {
    const r = lk.get(c)!;
    return [round5(num(lookupRel, r, 'pwc_lon', c)!), round5(num(lookupRel, r, 'pwc_lat', c)!)];
  });
  const ovRel = place.files.wardOverlaps;
  const ov = readCsv(ovRel, ['LSOA21CD', 'WD25CD', 'share_of_lsoa_area']);
  const overlaps = ov.rows.map((r) => {
    if (!wardIndex.has(r.WD25CD)) fail(`${ovRel}: unknown ward ${r.WD25CD}`);
    const share = num(ovRel, r, 'share_of_lsoa_area', r.LSOA21CD)!;
    if (!(share > 0 && share <= 1)) fail(`${ovRel}: share ${share} out of range for ${r.LSOA21CD}`);
    return { lsoa: r.LSOA21CD, area: r.WD25CD, share };
  });
  sameSet(`${ovRel} LSOAs`, lsoa.codes, [...new Set(overlaps.map((o) => o.lsoa))]);
  const wardPartsMap = partsFromOverlaps(overlaps, lsoaIndex);
  const parts: Record<GeographyId, Part[][]> = {
    lsoa: lsoa.codes.map((_, i) => [{ lsoa: i, weight: 1 }]),
    msoa: msoa.codes.map((_, m) => lsoaMsoa.flatMap((mm, i) => (mm === m ? [{ lsoa: i, weight: 1 }] : []))),
    ward: ward.codes.map((c) => wardPartsMap.get(c) ?? fail(`${ovRel}: ward ${c} has no LSOA overlaps`)),
  };
  const all: Part[] = lsoa.codes.map((_, i) => ({ lsoa: i, weight: 1 }));
  msoa.codes.forEach((c, m) => parts.msoa[m].length || fail(`MSOA ${c} contains no LSOAs`));

  // ---- LSOA tables
  const tables: Record<IndicatorDef['file'], { rel: string; rows: Map<string, Record<string, string>> }> = {} as never;
  for (const key of ['imd', 'imdHealth', 'census'] as const) {
    const rel = place.files[key];
    const need = [...new Set(INDICATORS.filter((d) => d.file === key).flatMap((d) => [d.column, ...(d.numerator ?? []), d.denominator, d.decileColumn]).filter((x): x is string => !!x))];
    const t = readCsv(rel, ['lsoa21_code', ...need]);
    tables[key] = { rel, rows: indexByLsoa(rel, t, 'lsoa21_code', lsoa.codes) };
  }
  const censusRows = tables.census.rows;
  const population = lsoa.codes.map((c) => {
    const v = num(tables.census.rel, censusRows.get(c)!, 'usual_residents', c)!;
    if (!(v > 0)) fail(`${tables.census.rel}: ${c} has ${v} usual residents`);
    return v;
  });

  // ---- England LSOA distribution, for national deciles of aggregated areas
  const engRel = place.files.imdEngland;
  const decileScoreCols = [...new Set(INDICATORS.filter((d) => d.decileColumn && d.kind === 'score').map((d) => d.column!))];
  const eng = readCsv(engRel, ['lsoa21_code', 'usual_residents_census2021', 'imd_decile', ...decileScoreCols, ...INDICATORS.filter((d) => d.decileColumn).map((d) => d.decileColumn!)]);
  if (eng.rows.length < 30000) fail(`${engRel}: only ${eng.rows.length} rows; expected all England LSOAs`);
  const engCodes = new Set(eng.rows.map((r) => r.lsoa21_code));
  if (engCodes.size !== eng.rows.length) fail(`${engRel}: duplicate LSOA codes`);
  for (const c of lsoa.codes) if (!engCodes.has(c)) fail(`${engRel}: ${c} missing`);
  const engDesc: Record<string, Float64Array> = {};
  for (const col of decileScoreCols) {
    const arr = Float64Array.from(eng.rows.map((r) => num(engRel, r, col, r.lsoa21_code)!));
    arr.sort();
    arr.reverse();
    engDesc[col] = arr;
  }
  // England residents in the most deprived deciles (for the derived indicators).
  let engPop = 0;
  const engPopByDecile = new Array(11).fill(0);
  for (const r of eng.rows) {
    const p = num(engRel, r, 'usual_residents_census2021', r.lsoa21_code)!;
    const d = num(engRel, r, 'imd_decile', r.lsoa21_code)!;
    engPop += p;
    engPopByDecile[d] += p;
  }

  const comp = comparatorsFrom(readCsv(place.files.comparators, ['indicator', 'area_code', 'value', 'statistic', 'numerator', 'denominator']));

  // ---- Indicators
  const ids = new Set<string>();
  const indicators: IndicatorRecord[] = INDICATORS.map((def) => {
    if (ids.has(def.id)) fail(`registry: duplicate indicator id ${def.id}`);
    ids.add(def.id);
    const { rel, rows } = tables[def.file];
    const scale = def.scale ?? 1;
    const lsoaRaw = (col: string) => lsoa.codes.map((c) => num(rel, rows.get(c)!, col, c));

    let nums: (number | null)[] | null = null;
    let dens: (number | null)[] | null = null;
    let scores: (number | null)[] | null = null;
    if (def.mostDeprivedDeciles) {
      const dec = lsoaRaw('imd_decile');
      nums = dec.map((d, i) => (d! <= def.mostDeprivedDeciles! ? population[i] : 0));
      dens = population;
    } else if (def.kind === 'proportion') {
      const numCols = def.numerator!.map(lsoaRaw);
      nums = lsoa.codes.map((_, i) => numCols.reduce((s, col) => s + col[i]!, 0));
      dens = lsoaRaw(def.denominator!);
      nums.forEach((n, i) => {
        if (n! > dens![i]! || !(dens![i]! > 0)) fail(`${rel}: ${lsoa.codes[i]} numerator ${n} exceeds denominator ${dens![i]} for ${def.id}`);
      });
    } else {
      scores = lsoaRaw(def.column!);
    }

    const valuesFor = (ps: Part[][]) =>
      ps.map((p) => {
        if (nums && dens) {
          const n = weightedSum(p, nums);
          const d = weightedSum(p, dens);
          return { v: n != null && d ? (n / d) * scale : null, n, d };
        }
        if (def.kind === 'count') return { v: weightedSum(p, scores!), n: null, d: null };
        const v = weightedMean(p, scores!, population);
        return { v: v == null ? null : v * scale, n: null, d: null };
      });

    const data: Partial<Record<GeographyId, IndicatorValues>> = {};
    const geographyMethod: Partial<Record<GeographyId, string>> = {};
    const derived: Partial<Record<GeographyId, boolean>> = {};
    for (const geo of ['lsoa', 'msoa', 'ward'] as GeographyId[]) {
      let vals: { v: number | null; n: number | null; d: number | null }[];
      let deciles: (number | null)[] | undefined;
      if (def.kind === 'decile') {
        // Decile "values": published for LSOAs, derived from the aggregated score elsewhere.
        const imdScores = lsoa.codes.map((c) => num(rel, rows.get(c)!, 'imd_score', c));
        vals =
          geo === 'lsoa'
            ? lsoaRaw(def.column!).map((v) => ({ v, n: null, d: null }))
            : parts[geo].map((p) => ({ v: nationalDecile(weightedMean(p, imdScores, population), engDesc.imd_score), n: null, d: null }));
      } else {
        vals = valuesFor(parts[geo]);
        if (def.decileColumn) {
          deciles =
            geo === 'lsoa'
              ? lsoaRaw(def.decileColumn)
              : vals.map((x) => nationalDecile(x.v == null ? null : x.v / scale, engDesc[def.column!]));
        }
      }
      const values = vals.map((x) => (x.v == null ? null : Math.round(x.v * 1e6) / 1e6));
      const rec: IndicatorValues = { values, breaks: { quantile: quantileBreaks(values), jenks: jenksBreaks(values) } };
      if (nums) {
        rec.numerators = vals.map((x) => (x.n == null ? null : Math.round(x.n * 1000) / 1000));
        rec.denominators = vals.map((x) => (x.d == null ? null : Math.round(x.d * 1000) / 1000));
      }
      if (deciles) rec.deciles = deciles;
      data[geo] = rec;
      geographyMethod[geo] =
        geo === 'lsoa'
          ? def.mostDeprivedDeciles
            ? 'LSOA: derived from the published national decile (0% or 100%).'
            : 'LSOA: published value (native geography).'
          : geo === 'msoa'
            ? `MSOA: ${aggregationWords(def)} of the LSOAs that make up the MSOA (LSOAs nest exactly in MSOAs).`
            : `Ward: estimated. Wards do not nest LSOAs, so each LSOA's residents are split between wards by the share of its area in each ward (area-overlap lookup, shares under 1% dropped and the rest rescaled to 100%); then ${aggregationWords(def)}.`;
      derived[geo] = geo === 'ward' || (geo === 'msoa' && def.kind === 'decile') || !!def.mostDeprivedDeciles;
    }
    if (def.decileColumn && def.kind !== 'decile') {
      // Check the derived-decile rule against the published LSOA deciles.
      const lsoaVals = data.lsoa!.values;
      const published = data.lsoa!.deciles!;
      const mismatched = lsoaVals.filter((v, i) => nationalDecile(v == null ? null : v / scale, engDesc[def.column!]) !== published[i]).length;
      if (mismatched > 2) fail(`${def.id}: derived national deciles disagree with published deciles for ${mismatched} LSOAs`);
      summary.push(`${def.id}: decile rule agrees with ${lsoaVals.length - mismatched}/${lsoaVals.length} published LSOA deciles`);
    }

    // Comparators: England and borough. The borough value is computed by the same rule and checked against england.csv.
    let england: Comparator | undefined;
    let boroughC: Comparator | undefined;
    const [b] = def.kind === 'decile' ? [{ v: null, n: null, d: null }] : valuesFor([all]);
    if (def.mostDeprivedDeciles) {
      const n = engPopByDecile.slice(1, def.mostDeprivedDeciles + 1).reduce((s: number, x: number) => s + x, 0);
      england = { value: (n / engPop) * 100, numerator: n, denominator: engPop, statistic: 'derived: residents of LSOAs in these national deciles / all residents, all England LSOAs' };
      boroughC = { value: b.v!, numerator: b.n!, denominator: b.d!, statistic: 'derived: same rule over the borough’s LSOAs' };
    } else if (def.comparator) {
      england = comp(def.comparator.indicator, place.england.code, def.comparator.statistic);
      const pub = comp(def.comparator.indicator, place.code, def.comparator.statistic);
      if (!england) fail(`${def.id}: no England comparator ${def.comparator.indicator} (${def.comparator.statistic}) in england.csv`);
      if (england && scale !== 1 && def.kind === 'score') england = { ...england, value: england.value * scale };
      if (pub && b.v != null && def.comparator.statistic !== 'median_of_lsoas') {
        const pubV = def.kind === 'score' ? pub.value * scale : pub.value;
        const tol = Math.max(Math.abs(pubV) * 0.002, def.kind === 'score' ? 0.01 : 0.05);
        if (Math.abs(pubV - b.v) > tol) fail(`${def.id}: borough value ${b.v} does not reproduce england.csv ${pubV}`);
        summary.push(`${def.id}: borough ${b.v.toFixed(4)} reproduces england.csv ${pubV}`);
      }
      boroughC = pub ? { ...pub, value: def.kind === 'score' ? pub.value * scale : pub.value } : undefined;
      if (def.kind === 'score' && def.comparator.statistic === 'median_of_lsoas' && b.v != null) {
        // Borough on the same footing as its areas: the population-weighted mean; the median travels as a note.
        boroughC = { value: b.v, statistic: `population-weighted mean of LSOA values (England comparator is the median LSOA; borough median ${pub?.value ?? 'n/a'})` };
      }
    }
    const { file: _f, column: _c, numerator: _n, denominator: _d, scale: _s, decileColumn: _dc, comparator: _cp, mostDeprivedDeciles: _m, ...meta } = def;
    const thresholdsCol = def.kind === 'decile' ? 'imd_score' : def.decileColumn ? def.column! : null;
    const thresholds = thresholdsCol ? decileThresholds(engDesc[thresholdsCol]).map((t) => t * (def.kind === 'decile' ? 1 : scale)) : undefined;
    return { ...meta, geographyMethod, derived, england, borough: boroughC, data, ...(thresholds ? { decileThresholds: thresholds } : {}), ...(def.kind === 'decile' ? { decileOf: 'imd_score' } : {}) };
  });

  // ---- Health conditions (QOF): practice values, and modelled small-area estimates from apportioned counts.
  const hc = buildHealthConditions({
    dataDir: DATA,
    lsoaCodes: lsoa.codes,
    lsoaPwc,
    lsoaPopulation: population,
    lsoaImdScore: lsoa.codes.map((c) => num(tables.imd.rel, tables.imd.rows.get(c)!, 'imd_score', c)!),
  });
  summary.push(...hc.summary.map((x) => `qof: ${x}`));
  const latestYear = hc.years[hc.years.length - 1];
  for (const cond of QOF_CONDITIONS) {
    for (const year of hc.years) {
      const latest = year === latestYear;
      const { register, denominator } = hc.lsoa[cond.id][year];
      const data: Partial<Record<GeographyId, IndicatorValues>> = {};
      const geographyMethod: Partial<Record<GeographyId, string>> = {};
      for (const geo of ['lsoa', 'msoa', 'ward'] as GeographyId[]) {
        const n = parts[geo].map((p) => weightedSum(p, register));
        const d = parts[geo].map((p) => weightedSum(p, denominator));
        const values = n.map((x, i) => (x != null && d[i] ? Math.round((x / d[i]!) * 100 * 1e6) / 1e6 : null));
        data[geo] = {
          values,
          numerators: n.map((x) => (x == null ? null : Math.round(x * 1000) / 1000)),
          denominators: d.map((x) => (x == null ? null : Math.round(x * 1000) / 1000)),
          breaks: { quantile: quantileBreaks(values), jenks: jenksBreaks(values) },
        };
        geographyMethod[geo] =
          geo === 'lsoa'
            ? 'LSOA: modelled estimate (practice registers apportioned to LSOAs, see method).'
            : geo === 'msoa'
              ? 'MSOA: modelled estimate; apportioned registers and denominators of its LSOAs summed, then divided.'
              : 'Ward: modelled estimate; apportioned LSOA registers and denominators split between wards by area overlap, summed, then divided.';
      }
      const e = hc.england[cond.id][year];
      const b = hc.borough[cond.id][year];
      indicators.push({
        id: latest ? `qof_${cond.id}` : `qof_${cond.id}_${year.replace('-', '_')}`,
        label: latest ? cond.label : `${cond.label} (${year})`,
        theme: latest ? QOF_THEMES.latest : QOF_THEMES.earlier,
        unit: '%',
        decimals: 1,
        period: `QOF ${year} (registers at 31 March, list sizes at 1 January)`,
        source: 'NHS England Quality and Outcomes Framework (recorded prevalence by GP practice); small-area values modelled here',
        licence: 'Open Government Licence v3.0',
        polarity: 'NoJudgement',
        kind: 'proportion',
        compare: 'interval',
        method: `Recorded prevalence: patients on the ${cond.register} register as a share of the practice list ${cond.ageBase}. ${hc.model.note}`,
        caveats: cond.caveat,
        modelled: true,
        geographyMethod,
        derived: { lsoa: true, msoa: true, ward: true },
        england: { value: e.value, numerator: e.numerator, denominator: e.denominator, statistic: `England: ${e.statistic}` },
        borough: { value: b.value, numerator: b.numerator, denominator: b.denominator, statistic: `${place.name} GP practices: ${b.statistic} (patients registered, not residents)` },
        data,
        qof: { condition: cond.id, year },
        ...(latest && hc.years.length > 1 ? { previousId: `qof_${cond.id}_${hc.years[0].replace('-', '_')}` } : {}),
      });
    }
  }

  // ---- Community assets, and access from where people live (straight-line) as indicators.
  const assetsOut = buildAssets({ dataDir: DATA, lsoaCodes: lsoa.codes, lsoaPwc });
  summary.push(...assetsOut.summary.map((x) => `assets: ${x}`));
  for (const acc of assetsOut.access) {
    for (const [suffix, label, unit, values, polarity, decimals] of [
      ['distance', acc.label, 'metres (straight line)', acc.lsoaDistanceM, 'LowIsGood', 0],
      ['count_1km', `${categoryDef(acc.category).label} within 1 km`, 'count within 1 km (straight line)', acc.lsoaCount1km, 'HighIsGood', 1],
    ] as const) {
      const data: Partial<Record<GeographyId, IndicatorValues>> = {};
      for (const geo of ['lsoa', 'msoa', 'ward'] as GeographyId[]) {
        const v = parts[geo].map((p) => weightedMean(p, values as number[], population));
        const vals = v.map((x) => (x == null ? null : Math.round(x * 1e6) / 1e6));
        data[geo] = { values: vals, breaks: { quantile: quantileBreaks(vals), jenks: jenksBreaks(vals) } };
      }
      const b = weightedMean(all, values as number[], population);
      indicators.push({
        id: `access_${acc.category}_${suffix}`,
        label,
        theme: 'Access to services (derived, straight-line)',
        unit,
        decimals,
        period: 'Asset lists as dated in data/assets/PROVENANCE.md; ONS 2021 population-weighted centroids',
        source: 'Derived here from NHS ODS, DCMS and Give Food asset lists and ONS LSOA population-weighted centroids',
        licence: 'Open Government Licence v3.0 (Give Food: Unlicense)',
        polarity,
        kind: 'score',
        compare: 'none',
        method: `Derived: straight-line distance from each LSOA’s population-weighted centroid to the nearest ${acc.label.replace(/^Distance to nearest /, '')}${suffix === 'count_1km' ? ', counted within 1 km' : ''}. Assets just outside the borough count, since residents cross boundaries. ${acc.note}`,
        caveats: 'Straight-line, not walking or travel time. One point per LSOA (its population-weighted centroid) stands for all its residents. Asset lists may miss recent openings and closures.',
        geographyMethod: {
          lsoa: 'LSOA: derived at its population-weighted centroid.',
          msoa: 'MSOA: population-weighted mean of its LSOAs.',
          ward: 'Ward: estimated; population-weighted mean of LSOAs split by area overlap.',
        },
        derived: { lsoa: true, msoa: true, ward: true },
        borough: b == null ? undefined : { value: Math.round(b * 10) / 10, statistic: 'population-weighted mean of the borough’s LSOAs (derived)' },
        data,
      });
    }
  }

  // ---- Borough-only indicators (OHID Fingertips): Stockton against England as published.
  const compRows = readCsv(place.files.comparators, ['indicator', 'area_code', 'period', 'value', 'unit', 'statistic']).rows;
  const boroughIndicators = BOROUGH_INDICATORS.flatMap((bi) => {
    const rows = compRows.filter((r) => r.indicator === `fingertips_${bi.fingertipsId}` && r.statistic.includes(`sex=${bi.sex}`));
    const st = rows.find((r) => r.area_code === place.code);
    const en = rows.find((r) => r.area_code === place.england.code);
    if (!st || !en) fail(`england.csv: no Fingertips ${bi.fingertipsId} (${bi.sex}) rows for ${place.code} and England`);
    const published = st.statistic.match(/compared to England: ([^;]+)/)?.[1]?.trim() ?? 'Not compared';
    return [
      {
        id: bi.id,
        label: bi.label,
        sex: bi.sex,
        age: st.statistic.match(/age=([^;]+)/)?.[1] ?? '',
        period: st.period,
        unit: st.unit === 'Percentage' ? '%' : st.unit,
        decimals: 1,
        borough: num('england.csv', st, 'value', bi.id)!,
        england: num('england.csv', en, 'value', bi.id)!,
        published,
        source: `OHID Fingertips indicator ${bi.fingertipsId}: ${st.statistic.split(';')[0]}`,
        licence: 'Open Government Licence v3.0',
      },
    ];
  });

  // ---- Areas
  const resFor = (ps: Part[][]) => ps.map((p) => Math.round(weightedSum(p, population)!));
  const names = readCsv(place.files.msoaNames, ['msoa21_code', 'hcl_msoa11_name', 'change_2011_2021']);
  const hcl = new Map(names.rows.map((r) => [r.msoa21_code, r.change_2011_2021 === 'unchanged' ? r.hcl_msoa11_name : `part of ${r.hcl_msoa11_name}`]));
  sameSet(place.files.msoaNames, msoa.codes, [...hcl.keys()]);
  const areaList = (l: Layer, geo: GeographyId, aliases: string[]): AreaList => ({
    codes: l.codes,
    names: l.names,
    aliases,
    residents: resFor(parts[geo]),
    bbox: l.features.map((f) => bboxOf(f.geometry)),
    label: l.features.map(labelPoint),
  });
  const areas: Record<GeographyId, AreaList> = {
    lsoa: areaList(lsoa, 'lsoa', lsoa.codes.map((_, i) => `${ward.names[lsoaWard[i]]} ward`)),
    ward: areaList(ward, 'ward', ward.codes.map(() => '')),
    msoa: areaList(msoa, 'msoa', msoa.codes.map((c) => hcl.get(c) ?? '')),
  };
  summary.push(`areas: ${lsoa.codes.length} LSOAs, ${ward.codes.length} wards, ${msoa.codes.length} MSOAs; residents ${population.reduce((a, b) => a + b, 0)}`);

  // ---- Postcodes: LSOA by point in polygon (Code-Point has no LSOA), ward from Code-Point itself.
  const pcRel = place.files.postcodes;
  const pcs = readCsv(pcRel, ['postcode', 'lat', 'lon', 'ward_code']);
  const postcodes: PostcodeIndex = {};
  let unmatched = 0;
  for (const r of pcs.rows) {
    const lon = num(pcRel, r, 'lon', r.postcode)!;
    const lat = num(pcRel, r, 'lat', r.postcode)!;
    const pt: Position = [lon, lat];
    const li = findArea(lsoa, areas.lsoa.bbox, pt[0], pt[1]);
    if (li < 0) unmatched++;
    const wi = wardIndex.get(r.ward_code) ?? -1;
    if (postcodes[r.postcode]) fail(`${pcRel}: duplicate postcode ${r.postcode}`);
    postcodes[r.postcode] = [round5(lon), round5(lat), li, wi];
  }
  summary.push(`postcodes: ${pcs.rows.length} (${unmatched} fall outside the generalised LSOA boundaries and carry only their ward)`);

  // ---- Places (gazetteer) for search
  const gaz = JSON.parse(read(place.files.gazetteer)) as FeatureCollection;
  const places = gaz.features
    .filter((f) => f.geometry?.type === 'Point' && f.properties?.name)
    .map((f) => {
      const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
      return {
        name: String(f.properties!.name),
        type: String(f.properties!.type ?? f.properties!.kind ?? 'place'),
        lon: round5(lon),
        lat: round5(lat),
        lsoa: findArea(lsoa, areas.lsoa.bbox, lon, lat),
        ward: findArea(ward, areas.ward.bbox, lon, lat),
      };
    });

  // ---- Presets: rules in data/presets.json resolved to LSOAs.
  const sectorCounts = lsoa.codes.map(() => new Map<string, number>());
  for (const [pc, [, , li]] of Object.entries(postcodes)) {
    if (li < 0) continue;
    const sector = pc.slice(0, -2);
    sectorCounts[li].set(sector, (sectorCounts[li].get(sector) ?? 0) + 1);
  }
  const dominantSector = (i: number) => [...sectorCounts[i].entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
  const presetFile = JSON.parse(read('presets.json')) as { presets: { id: string; name: string; ruleText: string; rule: { bestFitWard?: string; dominantPostcodeSector?: string } }[] };
  const presets = presetFile.presets.map((p) => {
    if (p.rule.bestFitWard && !wardIndex.has(p.rule.bestFitWard)) fail(`presets.json: ${p.id} names unknown ward ${p.rule.bestFitWard}`);
    const lsoas = lsoa.codes.filter(
      (_, i) =>
        (!p.rule.bestFitWard || lsoaWard[i] === wardIndex.get(p.rule.bestFitWard)) &&
        (!p.rule.dominantPostcodeSector || dominantSector(i) === p.rule.dominantPostcodeSector),
    );
    if (!lsoas.length) fail(`presets.json: rule for "${p.name}" selects no LSOAs`);
    summary.push(`preset ${p.name}: ${lsoas.map((c) => lsoa.names[lsoaIndex.get(c)!]).join(', ')}`);
    return { id: p.id, name: p.name, ruleText: p.ruleText, lsoas };
  });

  const themes = [...new Set(indicators.map((d) => d.theme))];
  const bundle: IndicatorBundle = {
    builtAt: new Date().toISOString(),
    place: { name: place.name, code: place.code, england: place.england, bounds: place.bounds, attribution: place.attribution, basemap: place.basemap },
    areas,
    lsoaLinks: { msoa: lsoaMsoa, ward: lsoaWard, pwc: lsoaPwc },
    themes,
    indicators,
    presets,
    practices: hc.practices,
    qof: { years: hc.years, method: hc.model.method, beta: hc.model.beta, rmse: hc.model.rmse, note: hc.model.note },
    boroughIndicators,
  };

  mkdirSync(OUT, { recursive: true });
  writeJson('indicators.json', bundle);
  writeJson('geo-lsoa.json', { type: 'FeatureCollection', features: lsoa.features });
  writeJson('geo-ward.json', { type: 'FeatureCollection', features: ward.features });
  writeJson('geo-msoa.json', { type: 'FeatureCollection', features: msoa.features });
  writeJson('geo-borough.json', { type: 'FeatureCollection', features: borough.features });
  writeJson('geo-context.json', { type: 'FeatureCollection', features: context.features.filter((f) => f.properties?.code !== place.code) });
  writeJson('postcodes.json', postcodes);
  writeJson('places.json', places);
  writeJson('assets.json', assetsOut.assets);
  return { summary };
}

/** Index of the area containing a point (bbox prefilter, then point in polygon); -1 if none. */
function findArea(layer: Layer, bboxes: [number, number, number, number][], lon: number, lat: number): number {
  return layer.features.findIndex((f, i) => {
    const bb = bboxes[i];
    return lon >= bb[0] && lon <= bb[2] && lat >= bb[1] && lat <= bb[3] && booleanPointInPolygon([lon, lat], f);
  });
}

/** A label point inside the polygon: centre of mass, or a point on the surface when that falls outside. */
function labelPoint(f: Feature<Polygon | MultiPolygon>): [number, number] {
  const c = centerOfMass(f).geometry.coordinates;
  const p = booleanPointInPolygon(c, f) ? c : pointOnFeature(f).geometry.coordinates;
  return [round5(p[0]), round5(p[1])];
}

function aggregationWords(def: IndicatorDef): string {
  if (def.kind === 'decile') return 'the national decile in which the population-weighted mean IMD score would sit among England’s LSOAs (derived)';
  if (def.kind === 'proportion' || def.mostDeprivedDeciles) return 'numerators and denominators summed, then divided (pooled)';
  if (def.kind === 'count') return 'counts summed';
  return 'population-weighted mean (Census 2021 usual residents)';
}

const isMain = process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  if (process.argv.includes('--if-missing') && OUTPUT_FILES.every((f) => existsSync(join(OUT, f)))) {
    console.log('data: outputs present in public/data (run `npm run data` to rebuild)');
  } else {
    const t0 = Date.now();
    try {
      const { summary } = build();
      for (const s of summary) console.log(`  ${s}`);
      console.log(`data: built public/data in ${Date.now() - t0} ms`);
    } catch (e) {
      console.error(`\nDATA BUILD FAILED: ${(e as Error).message}\n`);
      process.exit(1);
    }
  }
}
