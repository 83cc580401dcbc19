/**
 * Step 3, derive: every indicator family of data/registry.ts, from validated inputs. Derived values
 * are checked against what is published (national deciles, borough comparators) and fail loudly.
 */
import { toNumber } from '../../src/lib/core/csv';
import type { BoroughIndicator, Comparator, GeographyId, IndicatorRecord, IndicatorValues, ModelError } from '../../src/lib/core/types';
import { categoryDef, type Asset } from '../../src/lib/assets/categories';
import { QOF_CONDITIONS } from '../../src/lib/health/qof';
import { weightedMean } from '../../src/lib/indicators/aggregate';
import { decileThresholds, nationalDecile } from '../../src/lib/indicators/deciles';
import { BOROUGH_INDICATORS, INDICATORS, accessIndicators, qofIndicator, type IndicatorDef, type IndicatorText } from '../../data/registry';
import { buildAssets } from '../assets';
import { buildHealthConditions, indicatorModelError, qofContext, type HealthConditionsOutput } from '../qof';
import { GEOGRAPHIES, asIs, byGeography, meanOf, pooled, sumOf, type AreaValue } from './aggregate';
import { fail, requiredNum } from './io';
import { lsoaNum, type Validated } from './validate';

export interface Derived {
  indicators: IndicatorRecord[];
  summary: string[];
}

const TEXT_KEYS = ['id', 'label', 'theme', 'unit', 'decimals', 'period', 'source', 'licence', 'polarity', 'kind', 'compare', 'method', 'caveats'] as const;

/** The one record shape for every family: text, how each geography was made, comparators, values, then links to other records. */
function indicatorRecord(r: {
  text: IndicatorText;
  modelled?: true;
  modelError?: ModelError;
  geographyMethod: Partial<Record<GeographyId, string>>;
  derived: Partial<Record<GeographyId, boolean>>;
  england?: Comparator;
  borough?: Comparator;
  data: Partial<Record<GeographyId, IndicatorValues>>;
  links?: Pick<IndicatorRecord, 'decileThresholds' | 'decileOf' | 'qof' | 'previousId' | 'rankOf' | 'boroughOfficial'>;
}): IndicatorRecord {
  const text = Object.fromEntries(TEXT_KEYS.map((k) => [k, r.text[k]])) as IndicatorText;
  return {
    ...text,
    ...(r.modelled ? { modelled: r.modelled } : {}),
    ...(r.modelError ? { modelError: r.modelError } : {}),
    geographyMethod: r.geographyMethod,
    derived: r.derived,
    england: r.england,
    borough: r.borough,
    data: r.data,
    ...r.links,
  };
}

/** Comparator rows of the comparators file (england.csv): one row per indicator, area and statistic, or none. */
function comparatorLookup(v: Validated) {
  const { rel, table } = v.comparators;
  return ({ indicator, area, statistic }: { indicator: string; area: string; statistic?: string }): Comparator | undefined => {
    const rows = table.rows.filter((r) => r.indicator === indicator && r.area_code === area && (!statistic || r.statistic === statistic));
    if (rows.length > 1) fail(`${rel}: ${rows.length} rows for ${indicator} ${area} ${statistic ?? ''}`);
    if (!rows.length) return undefined;
    const r = rows[0];
    const value = toNumber(r.value);
    if (value === null || Number.isNaN(value)) fail(`${rel}: non-numeric value for ${indicator} ${area}`);
    const out: Comparator = { value, statistic: r.statistic };
    const n = toNumber(r.numerator);
    const d = toNumber(r.denominator);
    if (n !== null && !Number.isNaN(n)) out.numerator = n;
    if (d !== null && !Number.isNaN(d)) out.denominator = d;
    return out;
  };
}

/**
 * The publisher's own borough figure (e.g. the IoD LA summary's average score and rank), read from the
 * comparators file; its rank is read from the row's statistic text ("rank 69 of 296 LTLAs").
 */
function officialFigure({ v, def, ours }: { v: Validated; def: IndicatorDef; ours: Comparator | undefined }): IndicatorRecord['boroughOfficial'] {
  const { rel, table } = v.comparators;
  const rows = table.rows.filter((r) => r.indicator === def.official!.indicator && r.area_code === v.place.code);
  // A place whose comparators file has no such row simply shows no official figure beside its own.
  if (rows.length === 0) return undefined;
  if (rows.length > 1) fail(`${rel}: expected one ${def.official!.indicator} row for ${v.place.code}, found ${rows.length}`);
  const r = rows[0];
  const value = requiredNum({ rel, row: r, col: 'value', key: def.official!.indicator });
  const m = /rank (\d+) of (\d+) ([A-Za-z]+)/.exec(r.statistic);
  if (!m) fail(`${rel}: ${def.official!.indicator} has no "rank N of M" in its statistic`);
  if (ours && Math.abs(ours.value - value) > Math.max(1, Math.abs(value) * 0.02)) fail(`${def.id}: official borough figure ${value} is far from ours ${ours.value}`);
  const rankUnit = m[3] === 'LTLAs' ? 'local authorities (lower tier) in England' : m[3];
  return { value, rank: Number(m[1]), rankOf: Number(m[2]), rankUnit, source: r.source, why: def.official!.why };
}

function aggregationWords(def: IndicatorDef): string {
  if (def.kind === 'decile') return 'the national decile in which the population-weighted mean IMD score would sit among England’s LSOAs (derived)';
  if (def.kind === 'proportion' || def.mostDeprivedDeciles) return 'numerators and denominators summed, then divided (pooled)';
  if (def.kind === 'count') return 'counts summed';
  return 'population-weighted mean (Census 2021 usual residents)';
}

function geographyWords(def: IndicatorDef, geo: GeographyId): string {
  if (geo === 'lsoa') return def.mostDeprivedDeciles ? 'LSOA: derived from the published national decile (0% or 100%).' : 'LSOA: published value (native geography).';
  if (geo === 'msoa') return `MSOA: ${aggregationWords(def)} of the LSOAs that make up the MSOA (LSOAs nest exactly in MSOAs).`;
  return `Ward: estimated. Wards do not nest LSOAs, so each LSOA's residents are split between wards by the share of its area in each ward (area-overlap lookup, shares under 1% dropped and the rest rescaled to 100%); then ${aggregationWords(def)}.`;
}

/** A note or flag per geography (not values: those go through byGeography). */
const perGeography = <T>(f: (geo: GeographyId) => T): Partial<Record<GeographyId, T>> => Object.fromEntries(GEOGRAPHIES.map((g) => [g, f(g)]));

/** IoD and Census indicators (registry INDICATORS) from the LSOA tables. */
export function deriveTableIndicators(v: Validated): Derived {
  const { place, parts, all, population, england: eng } = v;
  const lsoaCodes = v.layers.lsoa.codes;
  const comp = comparatorLookup(v);
  const summary: string[] = [];
  const ids = new Set<string>();
  const indicators = INDICATORS.map((def) => {
    if (ids.has(def.id)) fail(`registry: duplicate indicator id ${def.id}`);
    ids.add(def.id);
    const table = v.tables[def.file];
    const scale = def.scale ?? 1;
    const lsoaRaw = (col: string) => lsoaCodes.map((code) => lsoaNum({ table, code, col }));

    // LSOA inputs: counts for proportions (and the derived "most deprived" shares), otherwise one column.
    let nums: (number | null)[] | null = null;
    let dens: (number | null)[] | null = null;
    let scores: (number | null)[] | null = null;
    if (def.mostDeprivedDeciles) {
      nums = lsoaRaw('imd_decile').map((d, i) => (d! <= def.mostDeprivedDeciles! ? population[i] : 0));
      dens = population;
    } else if (def.kind === 'proportion') {
      const numCols = def.numerator!.map(lsoaRaw);
      nums = lsoaCodes.map((_, i) => numCols.reduce((s, col) => s + col[i]!, 0));
      dens = lsoaRaw(def.denominator!);
      nums.forEach((n, i) => {
        if (n! > dens![i]! || !(dens![i]! > 0)) fail(`${table.rel}: ${lsoaCodes[i]} numerator ${n} exceeds denominator ${dens![i]} for ${def.id}`);
      });
    } else {
      scores = lsoaRaw(def.column!);
    }
    const valuesFor = (ps: typeof parts.lsoa): AreaValue[] => {
      if (nums && dens) return pooled({ parts: ps, numerators: nums, denominators: dens, scale });
      if (def.kind === 'count') return sumOf({ parts: ps, values: scores! });
      return meanOf({ parts: ps, values: scores!, population, scale });
    };

    const imdScores = def.kind === 'decile' ? lsoaRaw('imd_score') : [];
    // Published national ranks sit beside the deciles (same column stem).
    const rankColumn = def.decileColumn?.replace(/_decile$/, '_rank');
    const data = byGeography((geo) => {
      // Decile "values": published for LSOAs, derived from the aggregated score elsewhere.
      if (def.kind === 'decile')
        return {
          values: geo === 'lsoa' ? asIs(lsoaRaw(def.column!)) : parts[geo].map((p) => ({ v: nationalDecile(weightedMean(p, imdScores, population), eng.desc.imd_score), n: null, d: null })),
          ranks: geo === 'lsoa' && rankColumn ? lsoaRaw(rankColumn) : undefined,
        };
      const values = valuesFor(parts[geo]);
      const deciles = !def.decileColumn
        ? undefined
        : geo === 'lsoa'
          ? lsoaRaw(def.decileColumn)
          : values.map((x) => nationalDecile(x.v == null ? null : x.v / scale, eng.desc[def.column!]));
      return { values, counts: !!nums, deciles, ranks: geo === 'lsoa' && rankColumn ? lsoaRaw(rankColumn) : undefined };
    });
    if (def.decileColumn && def.kind !== 'decile') {
      // Check the derived-decile rule against the published LSOA deciles.
      const lsoaVals = data.lsoa!.values;
      const published = data.lsoa!.deciles!;
      const mismatched = lsoaVals.filter((x, i) => nationalDecile(x == null ? null : x / scale, eng.desc[def.column!]) !== published[i]).length;
      if (mismatched > 2) fail(`${def.id}: derived national deciles disagree with published deciles for ${mismatched} LSOAs`);
      summary.push(`${def.id}: decile rule agrees with ${lsoaVals.length - mismatched}/${lsoaVals.length} published LSOA deciles`);
    }

    // Comparators: England and borough. The borough value is computed by the same rule and checked against the published one.
    let england: Comparator | undefined;
    let borough: Comparator | undefined;
    const [b] = def.kind === 'decile' ? [{ v: null, n: null, d: null }] : valuesFor([all]);
    if (def.mostDeprivedDeciles) {
      const n = eng.populationByDecile.slice(1, def.mostDeprivedDeciles + 1).reduce((s, x) => s + x, 0);
      england = { value: (n / eng.population) * 100, numerator: n, denominator: eng.population, statistic: 'derived: residents of LSOAs in these national deciles / all residents, all England LSOAs' };
      borough = { value: b.v!, numerator: b.n!, denominator: b.d!, statistic: 'derived: same rule over the borough’s LSOAs' };
    } else if (def.comparator) {
      const { indicator, statistic } = def.comparator;
      england = comp({ indicator, area: place.england.code, statistic });
      const pub = comp({ indicator, area: place.code, statistic });
      if (!england) fail(`${def.id}: no England comparator ${indicator} (${statistic}) in ${v.comparators.rel}`);
      if (scale !== 1 && def.kind === 'score') england = { ...england, value: england.value * scale };
      if (pub && b.v != null && statistic !== 'median_of_lsoas') {
        const pubV = def.kind === 'score' ? pub.value * scale : pub.value;
        const tol = Math.max(Math.abs(pubV) * 0.002, def.kind === 'score' ? 0.01 : 0.05);
        if (Math.abs(pubV - b.v) > tol) fail(`${def.id}: borough value ${b.v} does not reproduce ${v.comparators.rel} ${pubV}`);
        summary.push(`${def.id}: borough ${b.v.toFixed(4)} reproduces ${v.comparators.rel} ${pubV}`);
      }
      borough = pub ? { ...pub, value: def.kind === 'score' ? pub.value * scale : pub.value } : undefined;
      if (def.kind === 'score' && statistic === 'median_of_lsoas' && b.v != null) {
        // Borough on the same footing as its areas: the population-weighted mean; the median travels as a note.
        borough = { value: b.v, statistic: `population-weighted mean of LSOA values (England comparator is the median LSOA; borough median ${pub?.value ?? 'n/a'})` };
      }
    } else if (def.kind === 'score' && b.v != null) {
      // No comparator rows held: the borough by the same rule as its areas.
      borough = { value: b.v, statistic: 'population-weighted mean of the borough’s LSOAs (derived)' };
    }
    const official = def.official ? officialFigure({ v, def, ours: borough }) : undefined;
    if (official) summary.push(`${def.id}: official borough figure ${official.value} (rank ${official.rank} of ${official.rankOf}) beside ours ${borough?.value.toFixed(2)}`);
    const thresholdsCol = def.kind === 'decile' ? 'imd_score' : def.decileColumn ? def.column! : null;
    const thresholds = thresholdsCol ? decileThresholds(eng.desc[thresholdsCol]).map((t) => t * (def.kind === 'decile' ? 1 : scale)) : undefined;
    return indicatorRecord({
      text: def,
      geographyMethod: perGeography((geo) => geographyWords(def, geo)),
      derived: perGeography((geo) => geo === 'ward' || (geo === 'msoa' && def.kind === 'decile') || !!def.mostDeprivedDeciles),
      england,
      borough,
      data,
      links: {
        ...(thresholds ? { decileThresholds: thresholds } : {}),
        ...(def.kind === 'decile' ? { decileOf: 'imd_score' } : {}),
        ...(rankColumn ? { rankOf: eng.desc[thresholdsCol!].length } : {}),
        ...(official ? { boroughOfficial: official } : {}),
      },
    });
  });
  return { indicators, summary };
}

/** Health conditions (QOF): practice values, and modelled small-area estimates from apportioned counts. */
export function deriveQof(v: Validated): Derived & { hc: HealthConditionsOutput } {
  const hc = buildHealthConditions(qofContext(v));
  const indicators = QOF_CONDITIONS.flatMap((condition) =>
    hc.years.map((year) => {
      const def = qofIndicator({ condition, year, years: hc.years, modelNote: hc.model.note, placeName: v.place.name });
      const { register, denominator } = hc.lsoa[condition.id][year];
      const e = hc.england[condition.id][year];
      const b = hc.borough[condition.id][year];
      return indicatorRecord({
        text: def,
        modelled: def.modelled,
        modelError: indicatorModelError(hc.model, condition.id, year),
        geographyMethod: def.geographyMethod,
        derived: def.derived,
        england: { value: e.value, numerator: e.numerator, denominator: e.denominator, statistic: def.statistic.england(e.statistic) },
        borough: { value: b.value, numerator: b.numerator, denominator: b.denominator, statistic: def.statistic.borough(b.statistic) },
        data: byGeography((geo) => ({ values: pooled({ parts: v.parts[geo], numerators: register, denominators: denominator, scale: 100 }), counts: true })),
        links: { qof: def.qof, ...(def.previousId ? { previousId: def.previousId } : {}) },
      });
    }),
  );
  return { hc, indicators, summary: hc.summary.map((x) => `qof: ${x}`) };
}

/** Community assets, and access from where people live (straight-line) as indicators. */
export function deriveAccess(v: Validated): Derived & { assets: Asset[] } {
  const out = buildAssets({ dataDir: v.dataDir, place: v.place, lsoaCodes: v.layers.lsoa.codes, lsoaPwc: v.lsoaPwc });
  const indicators = out.access.flatMap((acc) =>
    accessIndicators({ measure: acc, categoryLabel: categoryDef(acc.category).label }).map((def) => {
      const values = acc[def.values];
      const [b] = meanOf({ parts: [v.all], values, population: v.population });
      return indicatorRecord({
        text: def,
        geographyMethod: def.geographyMethod,
        derived: def.derived,
        borough: b.v == null ? undefined : { value: Math.round(b.v * 10) / 10, statistic: def.boroughStatistic },
        data: byGeography((geo) => ({ values: meanOf({ parts: v.parts[geo], values, population: v.population }) })),
      });
    }),
  );
  return { assets: out.assets, indicators, summary: out.summary.map((x) => `assets: ${x}`) };
}

/** Borough-only indicators (OHID Fingertips): the borough against England as published. */
export function deriveBoroughIndicators(v: Validated): BoroughIndicator[] {
  const { rel, table } = v.comparators;
  return BOROUGH_INDICATORS.map((bi) => {
    const rows = table.rows.filter((r) => r.indicator === `fingertips_${bi.fingertipsId}` && r.statistic.includes(`sex=${bi.sex}`));
    const st = rows.find((r) => r.area_code === v.place.code);
    const en = rows.find((r) => r.area_code === v.place.england.code);
    if (!st || !en) fail(`${rel}: no Fingertips ${bi.fingertipsId} (${bi.sex}) rows for ${v.place.code} and England`);
    return {
      id: bi.id,
      label: bi.label,
      sex: bi.sex,
      age: st.statistic.match(/age=([^;]+)/)?.[1] ?? '',
      period: st.period,
      unit: st.unit === 'Percentage' ? '%' : st.unit,
      decimals: bi.decimals,
      borough: requiredNum({ rel, row: st, col: 'value', key: bi.id }),
      england: requiredNum({ rel, row: en, col: 'value', key: bi.id }),
      published: st.statistic.match(/compared to England: ([^;]+)/)?.[1]?.trim() ?? 'Not compared',
      source: `OHID Fingertips indicator ${bi.fingertipsId}: ${st.statistic.split(';')[0]}`,
      licence: bi.licence,
    };
  });
}
