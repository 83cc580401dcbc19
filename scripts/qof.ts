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
  distanceMatrix,
  fitBeta,
  parseRegistrationsByLsoa,
  type ApportionResult,
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

export interface HealthConditionsModel {
  method: 'gravity' | 'registrations';
  /** Distance decay per km (gravity model only). */
  beta?: number;
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

function fail(msg: string): never {
  return buildFail(`health conditions: ${msg}`);
}

const round3 = (x: number) => roundPlaces(x, 3);
const sig3 = (x: number) => Number(x.toPrecision(3));

function checkContext(ctx: HealthConditionsContext): void {
  const n = ctx.lsoaCodes.length;
  if (!n) fail('no LSOAs in the context');
  if (new Set(ctx.lsoaCodes).size !== n) fail('duplicate LSOA codes in the context');
  for (const [name, arr] of [['lsoaPwc', ctx.lsoaPwc], ['lsoaPopulation', ctx.lsoaPopulation], ['lsoaImdScore', ctx.lsoaImdScore]] as const)
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
    // Doubly-constrained gravity model, calibrated on the Fingertips practice IMD 2025 score.
    gravity = {};
    const mapped = practices.filter((p) => p.lon !== null);
    if (!mapped.length) fail('no practice could be geocoded, so the LSOA model cannot run');
    const fitYear = years[years.length - 1];
    const yearPractices = (year: string) => mapped.filter((p) => p.listSize[year] !== undefined);
    const distFor = (ps: PracticeOut[]) => distanceMatrix(ctx.lsoaPwc as LonLat[], ps.map((p) => [p.lon!, p.lat!] as LonLat));

    const fitPs = yearPractices(fitYear);
    const observed = fitPs.map((p) => {
      const v = toNumber(refByCode.get(p.code)?.[FINGERTIPS_COL]);
      return v === null || Number.isNaN(v) ? null : v;
    });
    const noScore = fitPs.filter((_, j) => observed[j] === null).map((p) => p.code);
    const fit = fitBeta(ctx.lsoaPopulation, fitPs.map((p) => p.listSize[fitYear]), distFor(fitPs), ctx.lsoaImdScore, observed);
    if (!fit.converged) fail(`gravity model did not converge at the fitted beta ${fit.beta}`);
    summary.push(
      `gravity model: beta ${fit.beta.toFixed(4)} per km fitted on ${fit.practicesUsed} practices (QOF ${fitYear} list sizes) against ${FINGERTIPS_COL}; RMSE ${fit.rmse.toFixed(3)} IMD score points${fit.atBoundary ? ' (AT THE EDGE OF THE SEARCH RANGE)' : ''}${noScore.length ? `; no Fingertips score (in the model, not the fit): ${noScore.join(', ')}` : ''}`,
    );

    for (const year of years) {
      const ps = yearPractices(year);
      const bal = balanceFlows(ctx.lsoaPopulation, ps.map((p) => p.listSize[year]), distFor(ps), fit.beta);
      if (!bal.converged) fail(`gravity model ${year} did not converge (max relative error ${bal.maxRelativeError})`);
      gravity[year] = { practiceCodes: ps.map((p) => p.code), flows: bal.flows, scaledDestinations: bal.scaledDestinations, iterations: bal.iterations, converged: bal.converged };
      practicesInModel[year] = ps.map((p) => p.code);
      flows[year] = bal.flows.map((row) => sparseFlows(row.map((x, j) => [practiceIndex.get(ps[j].code)!, x] as [number, number])));
      for (const id of QOF_CONDITION_IDS) {
        const res = apportion(
          bal.flows,
          ps.map((p) => p.conditions[id][year].register),
          ps.map((p) => p.conditions[id][year].denominator),
        );
        apportioned[id][year] = res;
        lsoa[id][year] = { register: res.register.map(round3), denominator: res.denominator.map(round3) };
      }
      summary.push(`gravity model ${year}: ${ctx.lsoaCodes.length} LSOAs × ${ps.length} practices balanced in ${bal.iterations} iterations`);
    }
    model = {
      method: 'gravity',
      beta: fit.beta,
      rmse: fit.rmse,
      practicesInFit: fit.practicesUsed,
      practicesInModel,
      note: gravityNote({ beta: fit.beta, rmse: fit.rmse, nFit: fit.practicesUsed, fitYear, nLsoa: ctx.lsoaCodes.length, nMapped: mapped.length, unmapped, years }),
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
  /** QOF years, oldest first. */
  years: string[];
}

function gravityNote({ beta, rmse, nFit, fitYear, nLsoa, nMapped, unmapped, years }: GravityNoteFacts): string {
  return [
    `Modelled estimate, not a published figure. NHS England publishes QOF prevalence for GP practices, not for neighbourhoods, and the file showing where each practice's patients live (Patients Registered at a GP Practice by LSOA) is not bundled with this app.`,
    `So each practice's register, and its list in the condition's age band, are shared out over the borough's ${nLsoa} LSOAs with a doubly-constrained gravity model: the modelled number of residents of an LSOA registered at a practice is proportional to the LSOA's Census 2021 residents × the practice's list size × exp(−β × straight-line distance in km from the LSOA's population-weighted centroid to the practice's postcode), balanced so that every LSOA's residents and every practice's share of patients add up.`,
    `β = ${sig3(beta)} per km was chosen so that the model best reproduces OHID Fingertips' practice deprivation score (IMD 2025: the average IMD score of the LSOAs where each practice's patients live) for ${nFit} practices (QOF ${fitYear} list sizes): root mean squared error ${rmse.toFixed(2)} IMD score points. The same β is used for every year.`,
    `An LSOA's estimate is its apportioned register ÷ its apportioned denominator.`,
    `Limits: a practice's list is not the same as the borough's residents — lists include people living outside the borough and some residents are registered elsewhere, so the model shares the ${nMapped} mapped practices' patients over the borough's residents only. Age structure is not modelled within practices: everyone on a practice's list is treated as equally likely to be on the register, whichever LSOA they live in, so an LSOA's estimate is a blend of the rates of nearby practices and cannot show differences within a practice's catchment. Distance is straight-line, not travel time, and ignores patient choice, branch surgeries and catchment boundaries; practices sharing a building get the same catchment. Confidence intervals computed from modelled counts treat them as observed and understate the uncertainty.${unmappedWords(unmapped)}`,
    sources(years),
  ].join(' ');
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
