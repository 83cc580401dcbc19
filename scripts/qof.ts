/**
 * Build module: GP-practice QOF prevalence for six conditions, and modelled neighbourhood (LSOA)
 * estimates, for the "Health conditions compared with England" view.
 *
 * Reads (all under ctx.dataDir; names from data/place.json):
 *   qofFiles                 practice registers, one file per QOF year
 *   files.practices          postcodes (fallback) and OHID Fingertips practice IMD 2025 score
 *   files.comparators        England and practice-aggregate comparators
 *   files.postcodesArea (OPTIONAL), files.postcodes   Code-Point Open postcode centroids
 *   files.gpRegistrations    OPTIONAL NHS registrations by LSOA (not bundled); when present it
 *                            replaces the gravity model (House of Commons Library method)
 * Throws an Error with a clear message when a check fails. No values are invented: every number
 * comes from the files above, or from a documented model applied to them.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PracticeRecord } from '../src/lib/core/types';
import { toNumber, type CsvTable } from '../src/lib/core/csv';
import {
  QOF_CONDITIONS,
  QOF_CONDITION_IDS,
  checkPublishedPrevalence,
  parseQofTable,
  sumCondition,
  type QofConditionId,
  type QofPractice,
} from '../src/lib/health/qof';
import {
  apportion,
  apportionByRegistrations,
  balanceFlows,
  correlation,
  costMatrix,
  crossingMatrix,
  distanceMatrix,
  errorSummary,
  fitBeta,
  fitBetaAndCrossing,
  flowWeightedMeans,
  leaveOneOutPooled,
  leaveOnePracticeOut,
  parseRegistrationsByLsoa,
  type ApportionResult,
  type BalanceOptions,
} from '../src/lib/health/gravity';
import type { LonLat } from '../src/lib/core/geo';
import { normalisePostcode } from '../src/lib/core/text';
import { fail as buildFail, readTable, readText, roundPlaces } from './build/io';
import type { PlaceFile } from './build/place';
import type { PostcodePoint } from './build/postcodes';
import { lsoaNum, validate, type Validated } from './build/validate';
import { readInputs } from './build/read';

export interface HealthConditionsContext {
  dataDir: string;
  /** data/place.json: file names, and the borough and England codes. */
  place: PlaceFile;
  /** LSOA codes in the order the app uses; every array below is aligned with it. */
  lsoaCodes: string[];
  /** Population-weighted centroid of each LSOA, [lon, lat]. */
  lsoaPwc: [number, number][];
  /** Census 2021 usual residents. */
  lsoaPopulation: number[];
  /** IMD 2025 score. */
  lsoaImdScore: number[];
  /** Code of each LSOA's best-fit 2025 ward (places it on a side of the model's barrier). */
  lsoaWardCode: string[];
  /** LSOA names, for the model's diagnostics in words. */
  lsoaNames: string[];
  /** The comparators file (england.csv), parsed by the validate step. */
  comparators: CsvTable;
  /** Postcode -> point for geocoding practices (the area's postcodes plus the borough's). */
  geocoder: Map<string, PostcodePoint>;
}

/** The browser's practice record (src/lib/types.ts), with conditions keyed by the QOF condition ids. */
export type PracticeConditionValue = import('../src/lib/core/types').PracticeConditionValue;
export type PracticeOut = Omit<PracticeRecord, 'conditions'> & { conditions: Record<QofConditionId, Record<string, PracticeConditionValue>> };

export interface ComparatorOut {
  value: number;
  numerator: number;
  denominator: number;
  /** How the comparator was made, in words. */
  statistic: string;
}

/** One model's fit figures (gravity model), for the before/after comparison. */
export interface ModelFit {
  beta: number;
  /** Extra km-equivalent cost of crossing the barrier (0: no barrier). */
  crossingKm: number;
  /** RMSE of modelled vs OHID practice deprivation score, IMD points. */
  rmse: number;
  /** Share (0–1) of the diagnostic LSOA's residents registered at the diagnostic practice (place.json gpModel.checkFlow). */
  checkShare: number | null;
  /** Modelled patient-weighted IMD score of the most deprived practices (by OHID score). */
  deprived: { code: string; name: string; observed: number; modelled: number }[];
  /** Per condition and year: leave-one-practice-out RMSE and relative RMSE of practice prevalence (percentage points; fraction). */
  loo: Record<QofConditionId, Record<string, { rmse: number; relativeRmse: number; n: number }>>;
  /** Correlation across LSOAs of the modelled hypertension estimate (latest year) with the IMD score. */
  hypImdR: number;
}

export interface ConditionModelError {
  /** Relative model error (SD as a fraction of the value) added to modelled areas' intervals. */
  relativeError: number;
  /** False when the model does not beat the no-model prediction: modelled areas are then not compared with England. */
  comparable: boolean;
  /** Leave-one-practice-out RMSE of the model in use and of the no-model prediction, percentage points. */
  looRmse: number;
  pooledRmse: number;
}

export interface HealthConditionsModel {
  method: 'gravity' | 'registrations';
  /** Distance decay per km (gravity model only). */
  beta?: number;
  /** Barrier crossing cost, km-equivalent (gravity model with a barrier only). */
  crossingKm?: number;
  /** Fit figures before (straight-line distance, β alone) and after (barrier fitted with β) (gravity model only). */
  validation?: { before: ModelFit; after: ModelFit; barrierName: string | null; checkFlowWords: string | null; ageResidualR: Record<QofConditionId, number> };
  /** Per condition and year: the model error carried into modelled areas' intervals (gravity model only). */
  modelError?: Record<QofConditionId, Record<string, ConditionModelError>>;
  /** RMSE of modelled vs Fingertips practice IMD 2025 score (gravity model only). */
  rmse?: number;
  /** Practices with a Fingertips score used in the fit (gravity model only). */
  practicesInFit?: number;
  /** Practice codes whose patients are shared out over LSOAs, per year. */
  practicesInModel: Record<string, string[]>;
  /** Plain-English explanation for "About this indicator". */
  note: string;
}

export interface HealthConditionsOutput {
  practices: PracticeOut[];
  years: string[];
  model: HealthConditionsModel;
  /** Per condition and year: modelled LSOA register and denominator (fractional), aligned with ctx.lsoaCodes. */
  lsoa: Record<QofConditionId, Record<string, { register: number[]; denominator: number[] }>>;
  england: Record<QofConditionId, Record<string, ComparatorOut>>;
  /** The aggregate of the borough's practices (a practice population, not residents), as published. */
  borough: Record<QofConditionId, Record<string, ComparatorOut>>;
  /**
   * Per year, per LSOA (aligned with ctx.lsoaCodes): the practices its residents are registered at, as
   * [index into practices, patients] (modelled for the gravity model, counted for registrations), 1 d.p.,
   * largest first, entries under 0.5 patients dropped. Lets the browser say which practices serve an area.
   */
  flows: Record<string, [number, number][][]>;
  summary: string[];
}

/** Extra detail for tests and diagnostics (not written to the bundle). */
export interface HealthConditionsDetail {
  output: HealthConditionsOutput;
  /** Gravity model per year: the practices (columns), the balanced flows (LSOAs × practices) and margins. */
  gravity?: Record<
    string,
    { practiceCodes: string[]; flows: number[][]; scaledDestinations: number[]; iterations: number; converged: boolean }
  >;
  /** Unrounded apportionment per condition and year. */
  apportioned: Record<QofConditionId, Record<string, ApportionResult>>;
}

const FINGERTIPS_COL = 'practice_imd2025_score_fingertips';
/** Share of the practice's registered patients aged 65+ (%), in the practices file. */
const AGE65_COL = 'pct_aged_65plus_2026_07';
/**
 * The model in use: origin-constrained. Practice lists include people living outside the borough, so a
 * doubly-constrained model that fills every list from the borough's residents pushes patients across
 * barriers and too far (validated in the method note against the doubly-constrained model it replaces).
 */
const MODEL: BalanceOptions = { constrain: 'origins' };
/** Largest barrier crossing cost tried, km-equivalent. */
const CROSSING_MAX_KM = 30;

function fail(msg: string): never {
  return buildFail(`health conditions: ${msg}`);
}

const round3 = (x: number) => roundPlaces(x, 3);
const sig3 = (x: number) => Number(x.toPrecision(3));

function checkContext(ctx: HealthConditionsContext): void {
  const n = ctx.lsoaCodes.length;
  if (!n) fail('no LSOAs in the context');
  if (new Set(ctx.lsoaCodes).size !== n) fail('duplicate LSOA codes in the context');
  for (const [name, arr] of [
    ['lsoaPwc', ctx.lsoaPwc],
    ['lsoaPopulation', ctx.lsoaPopulation],
    ['lsoaImdScore', ctx.lsoaImdScore],
    ['lsoaWardCode', ctx.lsoaWardCode],
    ['lsoaNames', ctx.lsoaNames],
  ] as const)
    if (arr.length !== n) fail(`${name} has ${arr.length} entries for ${n} LSOAs`);
  ctx.lsoaPwc.forEach((p, i) => {
    if (!Number.isFinite(p[0]) || !Number.isFinite(p[1])) fail(`LSOA ${ctx.lsoaCodes[i]} has no centroid`);
  });
  ctx.lsoaPopulation.forEach((p, i) => {
    if (!(p > 0)) fail(`LSOA ${ctx.lsoaCodes[i]} has population ${p}`);
  });
  ctx.lsoaImdScore.forEach((s, i) => {
    if (!Number.isFinite(s)) fail(`LSOA ${ctx.lsoaCodes[i]} has no IMD score`);
  });
}

/** One comparator row of the comparators file: England's, or the borough's practice aggregate. */
function comparatorRow({ table, rel, id, year, areaCode }: { table: CsvTable; rel: string; id: QofConditionId; year: string; areaCode: string }): Record<string, string> {
  const indicator = `qof_${id}_prevalence_pct`;
  const rows = table.rows.filter(
    (r) => r.indicator === indicator && (r.area_code === areaCode || r.area_code.startsWith(`${areaCode} `)) && r.period.includes(`QOF ${year}`),
  );
  if (rows.length !== 1) fail(`${rel}: expected 1 row for ${indicator} ${areaCode} QOF ${year}, found ${rows.length}`);
  return rows[0];
}

function comparatorFrom({ row, rel, what }: { row: Record<string, string>; rel: string; what: string }): ComparatorOut {
  const numerator = toNumber(row.numerator);
  const denominator = toNumber(row.denominator);
  const value = toNumber(row.value);
  if (numerator === null || Number.isNaN(numerator) || denominator === null || Number.isNaN(denominator) || !(denominator > 0))
    fail(`${rel}: ${what} has no numerator/denominator`);
  if (value === null || Number.isNaN(value)) fail(`${rel}: ${what} has no value`);
  const computed = (100 * numerator) / denominator;
  if (Math.abs(computed - value) > 0.0005 + 1e-9) fail(`${rel}: ${what} value ${value} is not 100 × ${numerator} / ${denominator}`);
  return { value: computed, numerator, denominator, statistic: row.statistic };
}

/** The model's inputs from the validated data: the same LSOA order, centroids, comparators and postcodes as the rest of the build. */
export function qofContext(v: Validated): HealthConditionsContext {
  return {
    dataDir: v.dataDir,
    place: v.place,
    lsoaCodes: v.layers.lsoa.codes,
    lsoaPwc: v.lsoaPwc,
    lsoaPopulation: v.population,
    lsoaImdScore: v.layers.lsoa.codes.map((code) => lsoaNum({ table: v.tables.imd, code, col: 'imd_score' })!),
    lsoaWardCode: v.lsoaWard.map((w) => v.layers.ward.codes[w]),
    lsoaNames: v.layers.lsoa.names,
    comparators: v.comparators.table,
    geocoder: v.geocoder,
  };
}

/** The context for a data directory, read and validated as the build does (for tests). */
export const contextFromDataDir = (dataDir: string): HealthConditionsContext => qofContext(validate(readInputs(dataDir)));

export function buildHealthConditions(ctx: HealthConditionsContext): HealthConditionsOutput {
  return buildHealthConditionsDetailed(ctx).output;
}

export function buildHealthConditionsDetailed(ctx: HealthConditionsContext): HealthConditionsDetail {
  checkContext(ctx);
  const { dataDir, place } = ctx;
  const BOROUGH = place.code;
  const COMPARATORS_FILE = place.files.comparators;
  const PRACTICES_FILE = place.files.practices;
  const REGISTRATIONS_FILE = place.files.gpRegistrations;
  const summary: string[] = [];

  // ---- QOF practice tables
  const years = place.qofFiles.map((f) => f.year);
  const byYear = new Map<string, Map<string, QofPractice>>();
  for (const { year, file } of place.qofFiles) {
    const table = parseQofTable(readText(dataDir, file), year);
    if (table.errors.length) fail(`${file}: ${table.errors.slice(0, 5).join('; ')}`);
    if (!table.practices.length) fail(`${file}: no practices`);
    const mismatches = checkPublishedPrevalence(table);
    if (mismatches.length) fail(`${file}: published prevalence does not match register/denominator: ${mismatches.slice(0, 5).join('; ')}`);
    summary.push(`QOF ${year}: ${table.practices.length} practices; recomputed prevalence matches the published % (3 d.p.) for all ${table.practices.length * QOF_CONDITION_IDS.length} practice × condition values`);
    byYear.set(year, new Map(table.practices.map((p) => [p.code, p])));
  }

  // ---- Comparators, and the check that the practices reproduce the published aggregate
  const comp = ctx.comparators;
  const england = {} as HealthConditionsOutput['england'];
  const borough = {} as HealthConditionsOutput['borough'];
  for (const id of QOF_CONDITION_IDS) {
    england[id] = {};
    borough[id] = {};
    for (const year of years) {
      const practices = [...byYear.get(year)!.values()];
      const row = (areaCode: string) => comparatorRow({ table: comp, rel: COMPARATORS_FILE, id, year, areaCode });
      england[id][year] = comparatorFrom({ row: row(place.england.code), rel: COMPARATORS_FILE, what: `England ${id} ${year}` });
      const pub = comparatorFrom({ row: row(BOROUGH), rel: COMPARATORS_FILE, what: `${BOROUGH} ${id} ${year}` });
      const sum = sumCondition(practices, id);
      if (sum.numerator !== pub.numerator || sum.denominator !== pub.denominator)
        fail(
          `the ${practices.length} practices' ${id.toUpperCase()} ${year} totals ${sum.numerator}/${sum.denominator} do not reproduce ${COMPARATORS_FILE} ${BOROUGH} ${pub.numerator}/${pub.denominator}`,
        );
      borough[id][year] = pub;
    }
  }
  summary.push(`QOF aggregate: practice sums reproduce ${COMPARATORS_FILE} ${BOROUGH} numerators and denominators for ${QOF_CONDITION_IDS.map((i) => i.toUpperCase()).join(', ')} in ${years.join(' and ')}`);

  // ---- Practice reference list: postcode fallback and Fingertips deprivation score
  const ref = readTable(dataDir, PRACTICES_FILE, ['practice_code', 'practice_name', 'practice_postcode', FINGERTIPS_COL]);
  const refByCode = new Map(ref.rows.map((r) => [r.practice_code.trim(), r]));
  const postcodes = ctx.geocoder;

  const allCodes = [...new Set(years.flatMap((y) => [...byYear.get(y)!.keys()]))].sort();
  const latestOf = (code: string): QofPractice => {
    for (const y of [...years].reverse()) {
      const p = byYear.get(y)!.get(code);
      if (p) return p;
    }
    return fail(`practice ${code} missing`);
  };
  const practices: PracticeOut[] = allCodes.map((code) => {
    const latest = latestOf(code);
    const candidates = [
      ...[...years].reverse().map((y) => ({ src: `QOF ${y}`, pc: byYear.get(y)!.get(code)?.postcode ?? '' })),
      { src: PRACTICES_FILE, pc: normalisePostcode(refByCode.get(code)?.practice_postcode) },
    ].filter((c) => c.pc);
    const distinct = [...new Set(candidates.map((c) => c.pc))];
    const postcode = distinct[0] ?? null;
    if (distinct.length > 1) summary.push(`${code} ${latest.name}: postcodes differ between sources (${candidates.map((c) => `${c.src} ${c.pc}`).join(', ')}); using ${postcode}`);
    if (postcode && !latest.postcode) summary.push(`${code} ${latest.name}: no postcode in the latest QOF file; using ${postcode} from ${candidates[0].src}`);
    const pt = postcode ? postcodes.get(postcode) : undefined;
    if (!postcode) summary.push(`${code} ${latest.name}: no postcode in any source, so it cannot be geocoded; it is left off the map and out of the LSOA model but kept in the practice and borough totals`);
    else if (!pt) summary.push(`${code} ${latest.name}: postcode ${postcode} is not in Code-Point Open; left off the map and out of the LSOA model but kept in the totals`);
    const listSize: Record<string, number> = {};
    const conditions = {} as PracticeOut['conditions'];
    for (const id of QOF_CONDITION_IDS) conditions[id] = {};
    for (const y of years) {
      const p = byYear.get(y)!.get(code);
      if (!p) continue;
      listSize[y] = p.listSize;
      for (const id of QOF_CONDITION_IDS) {
        const c = p.conditions[id];
        conditions[id][y] = { register: c.register, denominator: c.denominator, value: (100 * c.register) / c.denominator };
      }
    }
    return {
      code,
      name: latest.name,
      postcode,
      pcnCode: latest.pcnCode,
      pcnName: latest.pcnName,
      lon: pt ? pt.lon : null,
      lat: pt ? pt.lat : null,
      inBorough: pt ? pt.ladCode === BOROUGH : false,
      listSize,
      conditions,
    };
  });
  const outside = practices.filter((p) => p.lon !== null && !p.inBorough);
  summary.push(
    `practices: ${practices.length}; geocoded ${practices.filter((p) => p.lon !== null).length} from Code-Point Open; ${outside.length ? `outside the borough: ${outside.map((p) => p.code).join(', ')}` : 'all geocoded practices lie in the borough'}`,
  );

  // ---- Apportion to LSOAs
  const lsoa = {} as HealthConditionsOutput['lsoa'];
  const apportioned = {} as HealthConditionsDetail['apportioned'];
  for (const id of QOF_CONDITION_IDS) {
    lsoa[id] = {};
    apportioned[id] = {};
  }
  const practicesInModel: Record<string, string[]> = {};
  let model: HealthConditionsModel;
  let gravity: HealthConditionsDetail['gravity'];
  const regPath = REGISTRATIONS_FILE === undefined ? null : join(dataDir, REGISTRATIONS_FILE);
  const unmapped = practices.filter((p) => p.lon === null);
  const flows: HealthConditionsOutput['flows'] = {};
  const practiceIndex = new Map(practices.map((p, j) => [p.code, j]));

  if (regPath && REGISTRATIONS_FILE && existsSync(regPath)) {
    // House of Commons Library method with real registrations by LSOA.
    const { rows, errors } = parseRegistrationsByLsoa(readText(dataDir, REGISTRATIONS_FILE));
    if (errors.length) fail(`${REGISTRATIONS_FILE}: ${errors.slice(0, 5).join('; ')}`);
    if (!rows.length) fail(`${REGISTRATIONS_FILE}: no rows`);
    const known = new Set(ctx.lsoaCodes);
    const missingPractices: string[] = [];
    for (const year of years) {
      const yp = [...byYear.get(year)!.values()];
      const codes = yp.map((p) => p.code);
      let shares: number[] = [];
      for (const id of QOF_CONDITION_IDS) {
        const res = apportionByRegistrations(
          rows,
          ctx.lsoaCodes,
          codes,
          yp.map((p) => p.conditions[id].register),
          yp.map((p) => p.conditions[id].denominator),
        );
        apportioned[id][year] = res;
        lsoa[id][year] = { register: res.register.map(round3), denominator: res.denominator.map(round3) };
        shares = res.inAreaShare;
      }
      practicesInModel[year] = codes.filter((_, j) => shares[j] > 0);
      codes.forEach((c, j) => shares[j] === 0 && !missingPractices.includes(c) && missingPractices.push(c));
      const inShares = shares.filter((s) => s > 0);
      summary.push(
        `LSOA model ${year}: registrations by LSOA for ${practicesInModel[year].length}/${codes.length} practices; share of their patients living in the borough ${inShares.length ? `${(Math.min(...inShares) * 100).toFixed(1)}–${(Math.max(...inShares) * 100).toFixed(1)}%` : 'n/a'}`,
      );
    }
    for (const year of years) {
      const inYear = new Set(byYear.get(year)!.keys());
      const lsoaIndex = new Map(ctx.lsoaCodes.map((c, i) => [c, i]));
      const matrix = ctx.lsoaCodes.map(() => new Map<number, number>());
      for (const r of rows) {
        const i = lsoaIndex.get(r.lsoa);
        const j = practiceIndex.get(r.practice);
        if (i === undefined || j === undefined || !inYear.has(r.practice)) continue;
        matrix[i].set(j, (matrix[i].get(j) ?? 0) + r.patients);
      }
      flows[year] = matrix.map((m) => sparseFlows([...m.entries()]));
    }
    const rowsInArea = rows.filter((r) => known.has(r.lsoa)).length;
    if (!rowsInArea) fail(`${REGISTRATIONS_FILE}: no rows for the ${ctx.lsoaCodes.length} LSOAs of the area`);
    if (missingPractices.length) summary.push(`registrations: no rows for ${missingPractices.join(', ')}; not apportioned (kept in the totals)`);
    model = {
      method: 'registrations',
      practicesInModel,
      note: registrationsNote({ nLsoa: ctx.lsoaCodes.length, missing: missingPractices, practices, placeName: place.name, years }),
    };
  } else {
    // Doubly-constrained gravity model, calibrated on the Fingertips practice IMD 2025 score, with an
    // optional barrier crossing cost (place.json gpModel.barrier) fitted together with β.
    gravity = {};
    const mapped = practices.filter((p) => p.lon !== null);
    if (!mapped.length) fail('no practice could be geocoded, so the LSOA model cannot run');
    const fitYear = years[years.length - 1];
    const yearPractices = (year: string) => mapped.filter((p) => p.listSize[year] !== undefined);
    const distFor = (ps: PracticeOut[]) => distanceMatrix(ctx.lsoaPwc as LonLat[], ps.map((p) => [p.lon!, p.lat!] as LonLat));

    const barrier = place.gpModel?.barrier ?? null;
    const sideWards = new Set(barrier?.wards ?? []);
    if (barrier) {
      const known = new Set(ctx.lsoaWardCode);
      const unknown = barrier.wards.filter((w) => !known.has(w));
      if (!barrier.wards.length || unknown.length) fail(`place.json gpModel.barrier: ward codes that are no LSOA's best-fit ward: ${unknown.join(', ') || '(none listed)'}`);
    }
    const lsoaSide = ctx.lsoaWardCode.map((w) => sideWards.has(w));
    const practiceSide = (p: PracticeOut): boolean => {
      const pt = postcodes.get(p.postcode!)!;
      if (barrier && pt.ladCode !== BOROUGH) fail(`${p.code} ${p.name} lies outside the borough, so its side of ${barrier.name} is not known from the ward list`);
      return sideWards.has(pt.wardCode);
    };
    const crossingFor = (ps: PracticeOut[]) => crossingMatrix(lsoaSide, ps.map(practiceSide));
    if (barrier)
      summary.push(
        `barrier ${barrier.name}: ${lsoaSide.filter(Boolean).length}/${lsoaSide.length} LSOAs and ${mapped.filter(practiceSide).length}/${mapped.length} practices ${barrier.sideName} (wards ${barrier.wards.join(', ')})`,
      );

    const fitPs = yearPractices(fitYear);
    const observed = fitPs.map((p) => {
      const v = toNumber(refByCode.get(p.code)?.[FINGERTIPS_COL]);
      return v === null || Number.isNaN(v) ? null : v;
    });
    const noScore = fitPs.filter((_, j) => observed[j] === null).map((p) => p.code);
    const lists = (ps: PracticeOut[], year: string) => ps.map((p) => p.listSize[year]);
    const before = fitBeta(ctx.lsoaPopulation, lists(fitPs, fitYear), distFor(fitPs), ctx.lsoaImdScore, observed);
    const after = barrier
      ? fitBetaAndCrossing(ctx.lsoaPopulation, lists(fitPs, fitYear), distFor(fitPs), crossingFor(fitPs), ctx.lsoaImdScore, observed, { ...MODEL, crossingMax: CROSSING_MAX_KM })
      : { ...fitBeta(ctx.lsoaPopulation, lists(fitPs, fitYear), distFor(fitPs), ctx.lsoaImdScore, observed, MODEL), crossingKm: 0, crossingAtMax: false, crossingFlatFromKm: 0 };
    if (!after.converged || !before.converged) fail(`gravity model did not converge at the fitted beta ${after.beta}`);
    const scoreWords = `${FINGERTIPS_COL}${noScore.length ? `; no Fingertips score (in the model, not the fit): ${noScore.join(', ')}` : ''}`;
    summary.push(
      `gravity model before (doubly constrained, straight-line distance): beta ${before.beta.toFixed(4)} per km; RMSE ${before.rmse.toFixed(3)} IMD score points on ${before.practicesUsed} practices (QOF ${fitYear} list sizes) against ${scoreWords}${before.atBoundary ? ' (AT THE EDGE OF THE SEARCH RANGE)' : ''}`,
    );
    summary.push(
      `gravity model (origin-constrained): beta ${after.beta.toFixed(4)} per km${barrier ? `, crossing ${barrier.name} costs ${after.crossingKm.toFixed(2)} km (any cost from ${after.crossingFlatFromKm.toFixed(2)} km fits within 0.01 points)${after.crossingAtMax ? ' (AT THE LARGEST COST TRIED)' : ''}` : ''}; RMSE ${after.rmse.toFixed(3)} IMD score points${after.atBoundary ? ' (AT THE EDGE OF THE SEARCH RANGE)' : ''}`,
    );

    // Age profile of each practice (share aged 65+), used only to test whether the residuals follow age.
    const age65 = (p: PracticeOut) => {
      const v = toNumber(refByCode.get(p.code)?.[AGE65_COL]);
      return v === null || Number.isNaN(v) ? null : v;
    };
    const check = place.gpModel?.checkFlow ?? null;
    const emptyLoo = () => Object.fromEntries(QOF_CONDITION_IDS.map((id) => [id, {}])) as ModelFit['loo'];

    /** One model (β, crossing cost) run over every year: flows, LOO validation and the diagnostics. */
    const evaluate = (beta: number, crossingKm: number, rmse: number, opts: BalanceOptions) => {
      const loo = emptyLoo();
      const pooled = emptyLoo();
      const perYear: Record<string, { ps: PracticeOut[]; flows: number[][]; bal: ReturnType<typeof balanceFlows>; residuals: (number | null)[][] }> = {};
      for (const year of years) {
        const ps = yearPractices(year);
        const cost = costMatrix(distFor(ps), crossingFor(ps), crossingKm);
        const bal = balanceFlows(ctx.lsoaPopulation, lists(ps, year), cost, beta, opts);
        if (!bal.converged) fail(`gravity model ${year} did not converge (max relative error ${bal.maxRelativeError})`);
        const registers = QOF_CONDITION_IDS.map((id) => ps.map((p) => p.conditions[id][year].register));
        const denominators = QOF_CONDITION_IDS.map((id) => ps.map((p) => p.conditions[id][year].denominator));
        const res = leaveOnePracticeOut({ origins: ctx.lsoaPopulation, destinations: lists(ps, year), cost, beta, flows: bal.flows, registers, denominators, opts });
        const residuals: (number | null)[][] = [];
        QOF_CONDITION_IDS.forEach((id, k) => {
          const e = errorSummary(res[k].predicted, res[k].observed);
          loo[id][year] = { rmse: e.rmse * 100, relativeRmse: e.relativeRmse, n: e.n };
          const p = errorSummary(leaveOneOutPooled(registers[k], denominators[k]), res[k].observed);
          pooled[id][year] = { rmse: p.rmse * 100, relativeRmse: p.relativeRmse, n: p.n };
          residuals.push(res[k].observed.map((o, j) => (o == null || res[k].predicted[j] == null ? null : o - res[k].predicted[j]!)));
        });
        perYear[year] = { ps, flows: bal.flows, bal, residuals };
      }
      const fy = perYear[fitYear];
      const modelled = flowWeightedMeans(fy.flows, ctx.lsoaImdScore);
      const deprived = fy.ps
        .map((p, j) => ({ code: p.code, name: p.name, observed: observed[j], modelled: modelled[j] }))
        .filter((d): d is ModelFit['deprived'][number] => d.observed != null && d.modelled != null)
        .sort((a, b) => b.observed - a.observed)
        .slice(0, 2);
      const ci = check ? ctx.lsoaCodes.indexOf(check.lsoa) : -1;
      const cj = check ? fy.ps.findIndex((p) => p.code === check.practice) : -1;
      const checkShare = ci >= 0 && cj >= 0 ? fy.flows[ci][cj] / fy.flows[ci].reduce((s, x) => s + x, 0) : null;
      const hyp = apportion(fy.flows, fy.ps.map((p) => p.conditions.hyp[fitYear].register), fy.ps.map((p) => p.conditions.hyp[fitYear].denominator));
      const hypImdR = correlation(hyp.register.map((r, i) => r / hyp.denominator[i]), ctx.lsoaImdScore);
      const fit: ModelFit = { beta, crossingKm, rmse, checkShare, deprived, loo, hypImdR };
      return { fit, pooled, perYear };
    };
    const was = evaluate(before.beta, 0, before.rmse, {});
    const now = evaluate(after.beta, after.crossingKm, after.rmse, MODEL);
    if (check && now.fit.checkShare == null) fail(`place.json gpModel.checkFlow: LSOA ${check.lsoa} or practice ${check.practice} is not in the model`);

    const modelError = emptyLoo() as unknown as NonNullable<HealthConditionsModel['modelError']>;
    const ageResidualR = {} as Record<QofConditionId, number>;
    QOF_CONDITION_IDS.forEach((id, k) => {
      for (const year of years) {
        const m = now.fit.loo[id][year];
        const p = now.pooled[id][year];
        modelError[id][year] = { relativeError: m.relativeRmse, comparable: m.rmse < p.rmse, looRmse: m.rmse, pooledRmse: p.rmse };
        summary.push(
          `validation ${id.toUpperCase()} ${year}: leave-one-practice-out RMSE ${was.fit.loo[id][year].rmse.toFixed(3)} → ${m.rmse.toFixed(3)} percentage points (no-model ${p.rmse.toFixed(3)}); relative error ${(m.relativeRmse * 100).toFixed(1)}%${m.rmse < p.rmse ? '' : '; NO SKILL: modelled areas not compared with England'}`,
        );
      }
      const fy = now.perYear[fitYear];
      ageResidualR[id] = correlation(fy.residuals[k], fy.ps.map(age65));
    });
    summary.push(
      `validation: practices' LOO residuals (${fitYear}) against their share aged 65+: ${QOF_CONDITION_IDS.map((id) => `${id.toUpperCase()} r = ${ageResidualR[id].toFixed(2)}`).join(', ')}`,
    );
    const pct = (x: number | null) => (x == null ? 'n/a' : `${(x * 100).toFixed(1)}%`);
    const checkFlowWords = check
      ? `${ctx.lsoaNames[ctx.lsoaCodes.indexOf(check.lsoa)] ?? check.lsoa} (${check.lsoa}) residents registered at ${practices.find((p) => p.code === check.practice)?.name ?? check.practice}`
      : null;
    if (check) summary.push(`check flow: share of ${checkFlowWords}: ${pct(was.fit.checkShare)} → ${pct(now.fit.checkShare)}`);
    for (const d of now.fit.deprived) {
      const b = was.fit.deprived.find((x) => x.code === d.code);
      summary.push(`deprived practice ${d.code} ${d.name}: modelled IMD ${b ? b.modelled.toFixed(1) : 'n/a'} → ${d.modelled.toFixed(1)} (OHID ${d.observed.toFixed(1)})`);
    }
    summary.push(`HYP ${fitYear} LSOA estimates vs IMD score: r = ${was.fit.hypImdR.toFixed(2)} → ${now.fit.hypImdR.toFixed(2)}`);

    for (const year of years) {
      const { ps, flows: f, bal } = now.perYear[year];
      gravity[year] = { practiceCodes: ps.map((p) => p.code), flows: f, scaledDestinations: bal.scaledDestinations, iterations: bal.iterations, converged: bal.converged };
      practicesInModel[year] = ps.map((p) => p.code);
      flows[year] = f.map((row) => sparseFlows(row.map((x, j) => [practiceIndex.get(ps[j].code)!, x] as [number, number])));
      for (const id of QOF_CONDITION_IDS) {
        const res = apportion(
          f,
          ps.map((p) => p.conditions[id][year].register),
          ps.map((p) => p.conditions[id][year].denominator),
        );
        apportioned[id][year] = res;
        lsoa[id][year] = { register: res.register.map(round3), denominator: res.denominator.map(round3) };
      }
      const modelled = f[0].map((_, j) => f.reduce((s, row) => s + row[j], 0));
      const inBorough = modelled.map((x, j) => x / ps[j].listSize[year]);
      summary.push(
        `gravity model ${year}: ${ctx.lsoaCodes.length} LSOAs × ${ps.length} practices; every LSOA's residents shared out; modelled borough residents per practice ${(Math.min(...inBorough) * 100).toFixed(0)}–${(Math.max(...inBorough) * 100).toFixed(0)}% of its list`,
      );
    }
    const validation = { before: was.fit, after: now.fit, barrierName: barrier?.name ?? null, checkFlowWords, ageResidualR };
    model = {
      method: 'gravity',
      beta: after.beta,
      ...(barrier ? { crossingKm: after.crossingKm } : {}),
      rmse: after.rmse,
      practicesInFit: after.practicesUsed,
      practicesInModel,
      validation,
      modelError,
      note: gravityNote({
        beta: after.beta,
        rmse: after.rmse,
        nFit: after.practicesUsed,
        fitYear,
        nLsoa: ctx.lsoaCodes.length,
        nMapped: mapped.length,
        unmapped,
        barrier,
        crossingFlatFromKm: after.crossingFlatFromKm,
        validation,
        modelError,
      }),
    };
  }

  return { output: { practices, years, model, lsoa, england, borough, flows, summary }, gravity, apportioned };
}

/** [practice index, patients] pairs, 1 d.p., largest first, under half a patient dropped. */
function sparseFlows(pairs: [number, number][]): [number, number][] {
  return pairs
    .filter(([, x]) => x >= 0.5)
    .map(([j, x]) => [j, Math.round(x * 10) / 10] as [number, number])
    .sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/** The notes' sources line; the QOF years are the place's (place.json qofFiles). */
const sources = (years: string[]) =>
  `Sources: NHS England Quality and Outcomes Framework ${years.join(' and ')} (practice prevalence); OHID Fingertips practice deprivation score (IMD 2025); MHCLG English Indices of Deprivation 2025; ONS Census 2021 usual residents and LSOA population-weighted centroids; OS Code-Point Open (practice postcodes).`;

function unmappedWords(unmapped: PracticeOut[]): string {
  if (!unmapped.length) return '';
  const names = unmapped.map((p) => `${p.name} (${p.code})`).join(', ');
  return ` ${names} ${unmapped.length === 1 ? 'has' : 'have'} no postcode that could be mapped, so ${unmapped.length === 1 ? 'its' : 'their'} patients are not in the neighbourhood estimates; they stay in the practice list and the borough total.`;
}

interface GravityNoteFacts {
  beta: number;
  rmse: number;
  /** Practices with a Fingertips score used in the fit. */
  nFit: number;
  fitYear: string;
  nLsoa: number;
  nMapped: number;
  unmapped: PracticeOut[];
  barrier: NonNullable<PlaceFile['gpModel']>['barrier'] | null;
  crossingFlatFromKm: number;
  validation: NonNullable<HealthConditionsModel['validation']>;
  modelError: NonNullable<HealthConditionsModel['modelError']>;
}

const f1 = (x: number) => x.toFixed(1);
const f2 = (x: number) => x.toFixed(2);
const pctWords = (x: number | null) => (x == null ? 'n/a' : `${(x * 100).toFixed(1)}%`);

function gravityNote({ beta, rmse, nFit, fitYear, nLsoa, nMapped, unmapped, barrier, crossingFlatFromKm, validation, modelError }: GravityNoteFacts): string {
  const { before, after } = validation;
  const ids = QOF_CONDITION_IDS;
  const label = (id: QofConditionId) => QOF_CONDITIONS.find((c) => c.id === id)!.label;
  const years = Object.keys(modelError[ids[0]]);
  const looWords = ids
    .map((id) => `${label(id)} ${years.map((y) => `${y} ${f2(before.loo[id][y].rmse)} → ${f2(after.loo[id][y].rmse)} (no model ${f2(modelError[id][y].pooledRmse)})`).join(', ')}`)
    .join('; ');
  const errWords = ids.map((id) => `${label(id)} ${years.map((y) => `${(modelError[id][y].relativeError * 100).toFixed(0)}% in ${y}`).join(' and ')}`).join(', ');
  const notCompared = ids.flatMap((id) => years.filter((y) => !modelError[id][y].comparable).map((y) => `${label(id)} ${y}`));
  const deprivedWords = after.deprived
    .map((d) => `${d.name} ${f1(before.deprived.find((b) => b.code === d.code)?.modelled ?? NaN)} → ${f1(d.modelled)} (OHID ${f1(d.observed)})`)
    .join(', ');
  const ageWords = ids.map((id) => `${label(id)} r = ${f2(validation.ageResidualR[id])}`).join(', ');
  return [
    `Modelled estimate, not a published figure. NHS England publishes QOF prevalence for GP practices, not for neighbourhoods, and the file showing where each practice's patients live (Patients Registered at a GP Practice by LSOA) is not bundled with this app.`,
    `So each practice's register, and its list in the condition's age band, are shared out over the borough's ${nLsoa} LSOAs with an origin-constrained gravity model: each LSOA's Census 2021 residents are shared among the ${nMapped} mapped practices, a practice's share growing with its list size and falling away exponentially, at a rate β per km, with its cost: the straight-line distance in km from the LSOA's population-weighted centroid to the practice's postcode${barrier ? `, plus a crossing cost of c km when the two lie on different sides of ${barrier.name}` : ''}. Practice totals are not forced to their list sizes, because lists include people living outside the borough; a practice's register is then split over LSOAs in proportion to its modelled patients in each.`,
    barrier
      ? `Sides of ${barrier.name}, written down in the place settings: ${barrier.note} (Ward codes ${barrier.sideName}: ${barrier.wards.join(', ')}; all others ${barrier.otherSideName}.)`
      : '',
    `β = ${sig3(beta)} per km${barrier ? ` and c = ${f1(after.crossingKm)} km` : ''} were chosen together so that the model best reproduces OHID Fingertips' practice deprivation score (IMD 2025: the average IMD score of the LSOAs where each practice's patients live) for ${nFit} practices (QOF ${fitYear} list sizes): root mean squared error ${rmse.toFixed(2)} IMD score points.${barrier && after.crossingKm > 0 ? ` The fit is flat for any crossing cost from about ${f1(crossingFlatFromKm)} km up (c × β = ${f1(crossingFlatFromKm * beta)} or more): the model then sends almost no one across ${barrier.name}, and smaller costs fit OHID's scores less well. So c is a lower bound, not a measured cost.` : ''} The same values are used for every year.`,
    `An LSOA's estimate is its apportioned register ÷ its apportioned denominator.`,
    `Validation, before → after (before: the earlier doubly-constrained model on straight-line distance, β = ${sig3(before.beta)} per km, which filled every practice's list from the borough's residents). Practice deprivation score RMSE against OHID: ${f2(before.rmse)} → ${f2(after.rmse)} IMD points; most deprived practices' modelled score: ${deprivedWords}.${validation.checkFlowWords ? ` Share of ${validation.checkFlowWords}: ${pctWords(before.checkShare)} → ${pctWords(after.checkShare)}.` : ''} Leave-one-practice-out prediction of practice prevalence (each practice removed in turn, the model rebuilt without it, and its prevalence predicted from the other practices' LSOA estimates weighted by where its patients live), root mean squared error in percentage points: ${looWords}. "No model" predicts each practice by the pooled prevalence of all the others. Across LSOAs, the ${fitYear} hypertension estimate correlates with the IMD score r = ${f2(before.hypImdR)} → ${f2(after.hypImdR)}.`,
    `Age: practices' leave-one-out errors follow their share of patients aged 65+ (${ageWords}), so age explains much of what the model misses. Age is not added to the model: with no age profile per LSOA bundled, an age adjustment estimated from the same flows would cancel out in every LSOA, so it cannot change an estimate; it is reported, not used.`,
    `Uncertainty: the model's own error is carried into the interval of every modelled area (LSOA, ward, MSOA, pilot neighbourhoods and areas you draw). Its size is the relative leave-one-practice-out error of this model for this condition and year (${errWords}): a modelled value p gets an extra standard error of that fraction × p, added in quadrature to each side of the 95% Wilson interval (lower = p − √((p − L)² + (z × e × p)²), likewise the upper). The comparison with England uses this widened interval. Where the model does no better than the no-model prediction for a condition and year, its areas are "Not compared (modelled)"${notCompared.length ? ` (here: ${notCompared.join(', ')})` : ''}. The error is measured on whole practices; a single LSOA may be less certain still. Practice values and the borough value are counted, not modelled, and keep the plain Wilson interval.`,
    `Limits: a practice's list is not the same as the borough's residents — lists include people living outside the borough and some residents are registered elsewhere. Everyone on a practice's list is treated as equally likely to be on the register, whichever LSOA they live in, so an LSOA's estimate is a blend of the rates of nearby practices and cannot show differences within a practice's catchment. Distance is straight-line, not travel time, and ignores patient choice, branch surgeries and catchment boundaries; practices sharing a building get the same catchment.${unmappedWords(unmapped)}`,
    sources(years),
  ]
    .filter(Boolean)
    .join(' ');
}

function registrationsNote({ nLsoa, missing, practices, placeName, years }: { nLsoa: number; missing: string[]; practices: PracticeOut[]; placeName: string; years: string[] }): string {
  const pcns = new Set(practices.map((p) => p.pcnCode)).size;
  const missingWords = missing.length
    ? ` No registrations were found for ${missing.map((c) => practices.find((p) => p.code === c)?.name ?? c).join(', ')}, so ${missing.length === 1 ? 'its' : 'their'} patients are not in the neighbourhood estimates; they stay in the borough total.`
    : '';
  return [
    `Modelled estimate, not a published figure. NHS England publishes QOF prevalence for GP practices, not for neighbourhoods.`,
    `Following the House of Commons Library method, each practice's register, and its list in the condition's age band, are shared out over LSOAs in proportion to the practice's registered patients living in each LSOA (NHS England, Patients Registered at a GP Practice by LSOA). Patients living outside the borough's ${nLsoa} LSOAs take their share with them. An LSOA's estimate is its apportioned register ÷ its apportioned denominator.`,
    `Limits: only the practices in the ${pcns} ${placeName} primary care networks are included, so residents registered with practices elsewhere are missing from the counts (the rate is less affected than the counts). Age structure is not modelled within practices: everyone on a practice's list is treated as equally likely to be on the register, whichever LSOA they live in. The registration counts are for one date and are used for every QOF year. Confidence intervals computed from modelled counts treat them as observed and understate the uncertainty.${missingWords}`,
    sources(years).replace('OHID Fingertips practice deprivation score (IMD 2025); MHCLG English Indices of Deprivation 2025; ONS Census 2021 usual residents and LSOA population-weighted centroids; OS Code-Point Open (practice postcodes)', 'NHS England Patients Registered at a GP Practice by LSOA; OS Code-Point Open (practice postcodes)'),
  ].join(' ');
}

export { QOF_CONDITIONS };

/** The model error and before → after fit figures an indicator carries (gravity model only). */
export function indicatorModelError(model: HealthConditionsModel, id: QofConditionId, year: string): import('../src/lib/core/types').ModelError | undefined {
  const e = model.modelError?.[id]?.[year];
  const v = model.validation;
  if (!e || !v) return undefined;
  const fit: [string, string, string][] = [
    ['Practice deprivation score: error against OHID (RMSE, IMD points)', f2(v.before.rmse), f2(v.after.rmse)],
    ...v.after.deprived.map((d): [string, string, string] => [`${d.name}: patients' modelled IMD score (OHID ${f1(d.observed)})`, f1(v.before.deprived.find((b) => b.code === d.code)?.modelled ?? NaN), f1(d.modelled)]),
    ...(v.checkFlowWords ? [[`Share of ${v.checkFlowWords}`, pctWords(v.before.checkShare), pctWords(v.after.checkShare)] as [string, string, string]] : []),
    [
      `Leave-one-practice-out error for this condition and year (RMSE, percentage points; no model ${f2(e.pooledRmse)})`,
      f2(v.before.loo[id][year].rmse),
      f2(v.after.loo[id][year].rmse),
    ],
    ['Model error added to modelled areas’ intervals (relative)', 'none', `${(e.relativeError * 100).toFixed(0)}%${e.comparable ? '' : ' (no better than no model: not compared)'}`],
  ];
  return { relative: Number(e.relativeError.toFixed(4)), comparable: e.comparable, fit };
}
