/**
 * The exact apportionment of GP-practice QOF registers to LSOAs, from NHS England's "Patients Registered
 * at a GP Practice" file with its LSOA breakdown (per practice: registered patients living in each LSOA).
 * Councils hold that file; it is not bundled, so the data build models where patients live with a gravity
 * model instead (src/lib/health/gravity.ts). When a person adds the file in the browser, this module
 * recomputes the bundle's QOF indicators from it (the House of Commons Library method, the same one the
 * build uses when the file is in data/) and says in every method note which method is in force.
 *
 * Pure: no React, no DOM, no store.
 */
import type { GeographyId, IndicatorBundle, IndicatorRecord, IndicatorValues } from '../core/types';
import { cleanText } from '../core/text';
import { weightedSum, type Part } from '../indicators/aggregate';
import { jenksBreaks, quantileBreaks } from '../indicators/classify';
import { SUPPRESSED_TOKENS, type ParsedTable } from '../userdata/types';
import { apportionByRegistrations, type RegistrationRow } from './gravity';
import { QOF_CONDITIONS } from './qof';

/** Registered patients of one practice living in one LSOA (all sexes). */
export type PatientsRow = RegistrationRow;

export interface PatientsByLsoa {
  /** One row per practice and LSOA (rows for the same pair, or for male and female, already added up). */
  rows: PatientsRow[];
  /** The file's extract date in words ("1 October 2025"), or its publication name; null if it has neither. */
  extractDate: string | null;
  /** Things about the file a person should know, in words. */
  warnings: string[];
}

/** Short labels the interface shows next to a QOF small-area value, saying which method made it. */
export const MODELLED_LABEL = 'modelled estimate';
export const EXACT_LABEL = 'from registered patients by LSOA';

export type QofMethod = 'modelled' | 'exact';

// ---------------------------------------------------------------------------------------------
// Recognising and reading the file

/** "Practice code", "practice_code", " PRACTICE-CODE " → "PRACTICE_CODE". */
const norm = (c: string): string =>
  c
    .replace(/^\uFEFF/, '')
    .trim()
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

/** Accepted header names (normalised), in order of preference. */
const PRACTICE_COLUMNS = ['PRACTICE_CODE', 'GP_PRACTICE_CODE', 'ORG_CODE', 'PRACTICE'];
const LSOA_2021_COLUMNS = ['LSOA_CODE', 'LSOA_2021_CODE', 'LSOA_CODE_2021', 'LSOA21CD', 'LSOA21_CODE', 'LSOA_21_CODE'];
const LSOA_2011_COLUMNS = ['LSOA_2011_CODE', 'LSOA_CODE_2011', 'LSOA11CD', 'LSOA11_CODE', 'LSOA_11_CODE'];
const PATIENTS_COLUMNS = ['NUMBER_OF_PATIENTS', 'NUMBER_OF_REGISTERED_PATIENTS', 'REGISTERED_PATIENTS', 'PATIENTS'];
const SEX_COLUMNS = ['SEX', 'GENDER'];
const EXTRACT_COLUMNS = ['EXTRACT_DATE', 'EXTRACTDATE'];
const PUBLICATION_COLUMNS = ['PUBLICATION', 'PUBLICATION_DATE'];

interface Layout {
  practice: number;
  lsoa: number;
  lsoa2011: boolean;
  patients: number;
  sex: number;
  extract: number;
  publication: number;
}

function layoutOf(columns: string[]): Layout {
  const names = columns.map(norm);
  const find = (accepted: string[]): number => {
    for (const a of accepted) {
      const i = names.indexOf(a);
      if (i >= 0) return i;
    }
    return -1;
  };
  const lsoa21 = find(LSOA_2021_COLUMNS);
  const lsoa11 = find(LSOA_2011_COLUMNS);
  return {
    practice: find(PRACTICE_COLUMNS),
    lsoa: lsoa21 >= 0 ? lsoa21 : lsoa11,
    lsoa2011: lsoa21 < 0 && lsoa11 >= 0,
    patients: find(PATIENTS_COLUMNS),
    sex: find(SEX_COLUMNS),
    extract: find(EXTRACT_COLUMNS),
    publication: find(PUBLICATION_COLUMNS),
  };
}

/**
 * True when a file's header is NHS England's patients-registered-by-LSOA layout: a practice code, an LSOA
 * code and a number of patients (header names in any case; 2011 or 2021 LSOA code columns).
 */
export function looksLikePatientsByLsoa(columns: string[]): boolean {
  const l = layoutOf(columns);
  return l.practice >= 0 && l.lsoa >= 0 && l.patients >= 0;
}

const SUPPRESSED = new Set(SUPPRESSED_TOKENS.filter((t) => t !== '').map((t) => t.toLowerCase()));

/** A patient count from a cell: a non-negative number, or why not. Thousands separators and spaces allowed. */
function patientCount(raw: string): { n: number } | { suppressed: true } | { empty: true } | { invalid: true } {
  const s = (raw ?? '').trim();
  if (s === '') return { empty: true };
  if (SUPPRESSED.has(s.toLowerCase())) return { suppressed: true };
  const t = s.replace(/[\s\u00A0,]/g, '');
  if (!/^\+?\d+(\.\d+)?$/.test(t)) return { invalid: true };
  const n = Number(t);
  return Number.isFinite(n) ? { n } : { invalid: true };
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "01OCT2025", "2025-10-01", "01/10/2025" → "1 October 2025"; other text as it is (cleaned, at most 60 characters). */
export function extractDateWords(raw: string): string | null {
  const s = cleanText(raw, 60).text;
  if (!s) return null;
  const day = (d: string, m: number, y: string): string | null => {
    const dn = Number(d);
    return m >= 0 && m < 12 && dn >= 1 && dn <= 31 ? `${dn} ${MONTHS[m]} ${y}` : null;
  };
  let m = /^(\d{1,2})[\s-]?([A-Za-z]{3})[A-Za-z]*[\s-]?(\d{4})$/.exec(s);
  if (m) return day(m[1], MONTHS.findIndex((x) => x.slice(0, 3).toLowerCase() === m![2].toLowerCase()), m[3]) ?? s;
  m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(s);
  if (m) return day(m[3], Number(m[2]) - 1, m[1]) ?? s;
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
  if (m) return day(m[1], Number(m[2]) - 1, m[3]) ?? s;
  return s;
}

const rowList = (rows: number[], max = 5): string => `${rows.length === 1 ? 'row' : 'rows'} ${rows.slice(0, max).join(', ')}${rows.length > max ? ` and ${rows.length - max} more` : ''}`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

/**
 * Read NHS England's "Patients Registered at a GP Practice" LSOA file (gp-reg-pat-prac-lsoa-all.csv and
 * similar): PRACTICE_CODE, LSOA_CODE (or LSOA_2011_CODE / LSOA_2021_CODE), NUMBER_OF_PATIENTS, and
 * optionally SEX (ALL / MALE / FEMALE), EXTRACT_DATE and PUBLICATION. Where a practice and LSOA have an
 * ALL row, it is used; otherwise its other rows (male, female, …) are added up. Row numbers in warnings
 * count the header as row 1, as a spreadsheet shows them. Never throws.
 */
export function parsePatientsByLsoa(table: ParsedTable): PatientsByLsoa | { error: string } {
  const l = layoutOf(table.columns);
  const missing = [
    l.practice < 0 ? 'PRACTICE_CODE' : null,
    l.lsoa < 0 ? 'LSOA_CODE (or LSOA_2021_CODE / LSOA_2011_CODE)' : null,
    l.patients < 0 ? 'NUMBER_OF_PATIENTS' : null,
  ].filter((x): x is string => x !== null);
  if (missing.length)
    return { error: `This is not NHS England's patients registered at a GP practice by LSOA file: it has no ${missing.join(', no ')} column.` };

  const warnings: string[] = [];
  /** Per practice and LSOA: patients on ALL rows, and on other rows (by sex). */
  const pairs = new Map<string, { practice: string; lsoa: string; all: number | null; other: number }>();
  const seen = new Set<string>();
  const blank: number[] = [];
  const invalid: number[] = [];
  const repeated: number[] = [];
  let suppressed = 0;
  let empty = 0;
  const extracts = new Set<string>();
  const publications = new Set<string>();

  table.rows.forEach((cells, idx) => {
    const rowNo = idx + 2;
    const practice = (cells[l.practice] ?? '').trim().toUpperCase();
    const lsoa = (cells[l.lsoa] ?? '').trim().toUpperCase();
    if (l.extract >= 0 && (cells[l.extract] ?? '').trim()) extracts.add(cells[l.extract].trim());
    if (l.publication >= 0 && (cells[l.publication] ?? '').trim()) publications.add(cells[l.publication].trim());
    if (!practice || !lsoa) {
      if (cells.some((c) => (c ?? '').trim() !== '')) blank.push(rowNo);
      return;
    }
    const c = patientCount(cells[l.patients]);
    if ('suppressed' in c) return void suppressed++;
    if ('empty' in c) return void empty++;
    if ('invalid' in c) return void invalid.push(rowNo);
    const sex = l.sex >= 0 ? (cells[l.sex] ?? '').trim().toUpperCase() : '';
    const isAll = l.sex >= 0 && (sex === 'ALL' || sex === 'PERSONS' || sex === 'TOTAL');
    const key = `${practice}\u0000${lsoa}`;
    const rowKey = `${key}\u0000${sex}`;
    if (seen.has(rowKey)) repeated.push(rowNo);
    seen.add(rowKey);
    const p = pairs.get(key) ?? { practice, lsoa, all: null, other: 0 };
    if (isAll) p.all = (p.all ?? 0) + c.n;
    else p.other += c.n;
    pairs.set(key, p);
  });

  const rows: PatientsRow[] = [...pairs.values()].map((p) => ({ practice: p.practice, lsoa: p.lsoa, patients: p.all ?? p.other }));
  if (!rows.length) return { error: 'The file has the columns of the patients registered at a GP practice by LSOA file but no rows with a practice, an LSOA and a number of patients.' };

  if (l.sex >= 0) {
    const usedAll = [...pairs.values()].filter((p) => p.all !== null).length;
    if (usedAll < pairs.size)
      warnings.push(
        usedAll
          ? `${plural(pairs.size - usedAll, 'practice and LSOA pair')} had no ALL row, so their rows for each sex were added up.`
          : 'The SEX column has no ALL rows, so the rows for each sex were added up.',
      );
  }
  if (l.lsoa2011)
    warnings.push(
      'The LSOA codes are 2011 codes. They are matched to the 2021 LSOAs the app uses only where the code did not change in 2021; patients in LSOAs that were split or merged count as living outside the borough.',
    );
  if (blank.length) warnings.push(`${plural(blank.length, 'row')} with no practice or LSOA code ignored (${rowList(blank)}).`);
  if (invalid.length) warnings.push(`${plural(invalid.length, 'row')} where the number of patients is not a number ignored (${rowList(invalid)}).`);
  if (suppressed) warnings.push(`${plural(suppressed, 'row')} with a suppressed number of patients counted as no data.`);
  if (empty) warnings.push(`${plural(empty, 'row')} with no number of patients counted as no data.`);
  if (repeated.length) warnings.push(`${plural(repeated.length, 'row')} ${repeated.length === 1 ? 'repeats' : 'repeat'} a practice, LSOA and sex already in the file; their patients were added together (${rowList(repeated)}).`);

  const extractRaw = extracts.size ? [...extracts][0] : publications.size ? [...publications][0] : null;
  if (extracts.size > 1) warnings.push(`The file has ${extracts.size} different extract dates; the first, ${extractDateWords([...extracts][0])}, is quoted.`);
  return { rows, extractDate: extractRaw === null ? null : extractDateWords(extractRaw), warnings };
}

// ---------------------------------------------------------------------------------------------
// Recomputing the QOF indicators

export interface ExactQof {
  /**
   * Why the file cannot be used (no rows for any borough practice, or none of their patients in the
   * borough's LSOAs); then `indicators` is empty and nothing should be applied. Null when it can be used.
   */
  error: string | null;
  /** The bundle's QOF indicators, recomputed (same ids, in the bundle's order). */
  indicators: IndicatorRecord[];
  /** What a person should know before applying, in words. */
  warnings: string[];
  /** The method note now in force (the text after each indicator's definition). */
  note: string;
  /** Bundle practices whose patients the file places (per QOF year, any year). */
  practicesUsed: string[];
  /** Bundle practices with no rows in the file: their patients are not in the LSOA values. */
  practicesMissing: string[];
  /** Practices in the file that are not the borough's, ignored. */
  practicesIgnored: number;
  /** Per bundle practice in the file: the share of its patients living in the borough's LSOAs. */
  inBoroughShare: Record<string, number>;
  /**
   * The file's patients as the bundle's flows (per LSOA: [practice index, patients], largest first), the
   * same for every QOF year as the file is for one date; so "practices serving this area" uses counts.
   */
  flows?: Record<string, [number, number][][]>;
}

const isQof = (ind: IndicatorRecord): ind is IndicatorRecord & { qof: { condition: string; year: string } } => !!ind.qof;

/** Each MSOA's and ward's LSOA parts, as the build aggregates (wards by area overlap when the bundle has them). */
function partsOf(bundle: IndicatorBundle): { parts: Record<GeographyId, Part[][]>; wardByOverlap: boolean } {
  const { lsoaLinks, areas } = bundle;
  const msoa: Part[][] = areas.msoa.codes.map(() => []);
  lsoaLinks.msoa.forEach((m, i) => msoa[m]?.push({ lsoa: i, weight: 1 }));
  const wardByOverlap = !!lsoaLinks.wardParts && lsoaLinks.wardParts.length === areas.ward.codes.length;
  let ward: Part[][];
  if (wardByOverlap) ward = lsoaLinks.wardParts!.map((ps) => ps.map(([lsoa, weight]) => ({ lsoa, weight })));
  else {
    ward = areas.ward.codes.map(() => []);
    lsoaLinks.ward.forEach((w, i) => ward[w]?.push({ lsoa: i, weight: 1 }));
  }
  const lsoa = areas.lsoa.codes.map((_, i) => [{ lsoa: i, weight: 1 }]);
  return { parts: { lsoa, msoa, ward }, wardByOverlap };
}

function valuesFor(parts: Part[][], numerators: number[], denominators: number[]): IndicatorValues {
  const n = parts.map((p) => (p.length ? weightedSum(p, numerators) : null));
  const d = parts.map((p) => (p.length ? weightedSum(p, denominators) : null));
  const values = n.map((x, k) => (x != null && d[k] != null && d[k]! > 0 ? (x / d[k]!) * 100 : null));
  // An area none of whose residents are registered with the borough's practices has no value, not 0 / 0.
  return {
    values,
    numerators: n.map((x, k) => (values[k] == null ? null : x)),
    denominators: d.map((x, k) => (values[k] == null ? null : x)),
    breaks: { quantile: quantileBreaks(values), jenks: jenksBreaks(values) },
  };
}

const nameOf = (bundle: IndicatorBundle, code: string): string => {
  const p = bundle.practices.find((x) => x.code === code);
  return p ? `${p.name} (${code})` : code;
};

const listWords = (xs: string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`);

/** The definition part of a QOF method text ("Recorded prevalence: patients on the HYP register …"). */
function definitionOf(ind: IndicatorRecord & { qof: { condition: string } }): string {
  const cut = ind.method.search(/\s*(Modelled estimate|From registered patients by LSOA)/);
  if (cut > 0) return ind.method.slice(0, cut).trim();
  const c = QOF_CONDITIONS.find((x) => x.id === ind.qof.condition);
  return c ? `Recorded prevalence: patients on the ${c.register} register as a share of the practice list ${c.ageBase}.` : '';
}

/**
 * The bundle's QOF indicators recomputed exactly from registered patients by LSOA. For practice p and
 * LSOA l, share s(p,l) = patients(p,l) ÷ patients of p in every LSOA of the file (patients living outside
 * the borough keep their share); an LSOA's numerator is Σ_p register_p × s(p,l) and its denominator
 * Σ_p denominator_p × s(p,l) for the condition and year; value = numerator ÷ denominator × 100. MSOAs
 * and wards pool their LSOAs' numerators and denominators (wards by area overlap when the bundle has the
 * ward parts, otherwise each LSOA whole to its best-fit ward). Only the bundle's practices count.
 */
export function exactQofIndicators(bundle: IndicatorBundle, rows: PatientsRow[], fileName: string, extractDate: string | null = null): ExactQof {
  const lsoaCodes = bundle.areas.lsoa.codes;
  const lsoaSet = new Set(lsoaCodes);
  const bundleCodes = new Set(bundle.practices.map((p) => p.code));
  const filePractices = new Set(rows.map((r) => r.practice));
  const practicesUsed = bundle.practices.map((p) => p.code).filter((c) => filePractices.has(c));
  const practicesMissing = bundle.practices.map((p) => p.code).filter((c) => !filePractices.has(c));
  const practicesIgnored = [...filePractices].filter((c) => !bundleCodes.has(c)).length;
  const failed = (error: string): ExactQof => ({ error, indicators: [], warnings: [error], note: '', practicesUsed: [], practicesMissing, practicesIgnored, inBoroughShare: {} });
  if (!practicesUsed.length)
    return failed(`The file has no rows for any of the borough's ${bundle.practices.length} GP practices, so it cannot place their patients.`);

  const ours = rows.filter((r) => bundleCodes.has(r.practice));
  const total = new Map<string, number>();
  const inside = new Map<string, number>();
  for (const r of ours) {
    total.set(r.practice, (total.get(r.practice) ?? 0) + r.patients);
    if (lsoaSet.has(r.lsoa)) inside.set(r.practice, (inside.get(r.practice) ?? 0) + r.patients);
  }
  if (![...inside.values()].some((x) => x > 0))
    return failed(`None of the borough's practices' patients in the file live in the borough's ${lsoaCodes.length} LSOAs (are the LSOA codes 2021 codes?).`);
  const inBoroughShare: Record<string, number> = {};
  for (const c of practicesUsed) inBoroughShare[c] = (total.get(c) ?? 0) > 0 ? (inside.get(c) ?? 0) / total.get(c)! : 0;
  const zero = practicesUsed.filter((c) => !((total.get(c) ?? 0) > 0));

  const covered = new Set(ours.filter((r) => r.patients > 0).map((r) => r.lsoa));
  const uncovered = lsoaCodes.map((c, i) => ({ c, i })).filter(({ c }) => !covered.has(c));

  const { parts, wardByOverlap } = partsOf(bundle);
  const fileWords = cleanText(fileName, 120).text || 'no name';
  const extract = extractDate ? cleanText(extractDate, 60).text : '';
  const notIn = [...practicesMissing, ...zero].map((c) => nameOf(bundle, c));
  const note = exactNote({ bundle, fileWords, extract, notIn, nLsoa: lsoaCodes.length, wardByOverlap });

  const indicators: IndicatorRecord[] = [];
  for (const ind of bundle.indicators) {
    if (!isQof(ind)) continue;
    const { condition, year } = ind.qof;
    const ps = bundle.practices.filter((p) => p.conditions[condition]?.[year]);
    const res = apportionByRegistrations(
      ours,
      lsoaCodes,
      ps.map((p) => p.code),
      ps.map((p) => p.conditions[condition][year].register),
      ps.map((p) => p.conditions[condition][year].denominator),
    );
    const data: Partial<Record<GeographyId, IndicatorValues>> = {};
    // Every geography: counted from the file, whatever the bundle holds (a tiled build may not have fetched the modelled values).
    for (const geo of ['lsoa', 'msoa', 'ward'] as const) data[geo] = valuesFor(parts[geo], res.register, res.denominator);
    indicators.push({
      ...ind,
      source: ind.source.replace(/;\s*small-area values modelled here$/, '') + `; small-area values from NHS England patients registered at a GP practice by LSOA (your file ${fileWords})`,
      method: `${definitionOf(ind)} ${note}`.trim(),
      modelled: false,
      // Counted patient geography: no model error to carry (the plain Wilson interval applies).
      modelError: undefined,
      geographyMethod: exactGeographyMethod(fileWords, wardByOverlap),
      data,
    });
  }

  const warnings: string[] = [];
  if (practicesMissing.length)
    warnings.push(
      `The file has no rows for ${plural(practicesMissing.length, 'borough practice')}: ${listWords(practicesMissing.map((c) => nameOf(bundle, c)))}. The LSOA, MSOA and ward values exclude ${practicesMissing.length === 1 ? 'that practice' : 'those practices'}: ${practicesMissing.length === 1 ? 'its' : 'their'} patients are missing from the counts (they stay in the practice list and the borough total).`,
    );
  if (zero.length) warnings.push(`${listWords(zero.map((c) => nameOf(bundle, c)))}: no patients in the file, so left out of the LSOA values.`);
  if (practicesIgnored) warnings.push(`${plural(practicesIgnored, 'practice')} in the file ${practicesIgnored === 1 ? 'is' : 'are'} not among the borough's ${bundle.practices.length} practices and ${practicesIgnored === 1 ? 'was' : 'were'} ignored.`);
  if (uncovered.length)
    warnings.push(
      `${plural(uncovered.length, 'LSOA')} of the borough ${uncovered.length === 1 ? 'has' : 'have'} no patients of the borough's practices in the file, so no value: ${listWords(uncovered.slice(0, 8).map(({ c, i }) => `${bundle.areas.lsoa.names[i] ?? c} (${c})`))}${uncovered.length > 8 ? ` and ${uncovered.length - 8} more` : ''}.`,
    );
  const shares = Object.values(inBoroughShare).filter((s) => s > 0);
  if (shares.length)
    warnings.push(
      `Share of each practice's patients living in the borough: ${(Math.min(...shares) * 100).toFixed(1)}% to ${(Math.max(...shares) * 100).toFixed(1)}%; patients living outside take their share of the register with them.`,
    );
  return { error: null, indicators, warnings, note, practicesUsed: practicesUsed.filter((c) => !zero.includes(c)), practicesMissing, practicesIgnored, inBoroughShare, flows: countedFlows(bundle, ours) };
}

/** Registered patients by LSOA as flows: per LSOA (LSOA order), [practice index, patients], largest first. */
function countedFlows(bundle: IndicatorBundle, rows: PatientsRow[]): Record<string, [number, number][][]> {
  const lsoaIndex = new Map(bundle.areas.lsoa.codes.map((c, i) => [c, i]));
  const practiceIndex = new Map(bundle.practices.map((p, j) => [p.code, j]));
  const cells = bundle.areas.lsoa.codes.map(() => new Map<number, number>());
  for (const r of rows) {
    const i = lsoaIndex.get(r.lsoa);
    const j = practiceIndex.get(r.practice);
    if (i === undefined || j === undefined || !(r.patients > 0)) continue;
    cells[i].set(j, (cells[i].get(j) ?? 0) + r.patients);
  }
  const flows = cells.map((m) => [...m].sort((a, b) => b[1] - a[1] || a[0] - b[0]));
  return Object.fromEntries(bundle.qof.years.map((y) => [y, flows]));
}

function exactNote({
  bundle,
  fileWords,
  extract,
  notIn,
  nLsoa,
  wardByOverlap,
}: {
  bundle: IndicatorBundle;
  fileWords: string;
  extract: string;
  notIn: string[];
  nLsoa: number;
  wardByOverlap: boolean;
}): string {
  const n = bundle.practices.length;
  return [
    `From registered patients by LSOA, not modelled: practice registers apportioned to LSOAs by where each practice's patients live (NHS England, Patients Registered at a GP Practice by LSOA${extract ? `, extract ${extract}` : ''}; your file ${fileWords}).`,
    `Each practice's register, and its list in the condition's age band, are shared out over LSOAs in proportion to the practice's registered patients living in each LSOA: exact patient geography. Patients living outside the borough's ${nLsoa} LSOAs take their share with them. An LSOA's value is its apportioned register ÷ its apportioned denominator; MSOAs add up their LSOAs' counts${wardByOverlap ? ', wards split LSOAs by area overlap' : ', wards take each LSOA whole into the ward holding most of it'}, then divide.`,
    `Limits: assumes prevalence is the same for all of a practice's patients, whichever LSOA they live in (age structure within a practice is not taken into account). Only the borough's ${n} practices are included, so residents registered with practices elsewhere are missing from the counts (the rate is less affected than the counts). The registration counts are for one date and are used for every QOF year. Confidence intervals treat the apportioned counts as observed.`,
    notIn.length
      ? `The values exclude ${listWords(notIn)}: the file has no patients for ${notIn.length === 1 ? 'that practice' : 'those practices'}, so ${notIn.length === 1 ? 'its' : 'their'} patients are missing from the LSOA, MSOA and ward values (they stay in the practice list and the borough total).`
      : '',
    `Sources: NHS England Quality and Outcomes Framework (practice prevalence); NHS England Patients Registered at a GP Practice by LSOA (your file, read in your browser and not sent anywhere).`,
  ]
    .filter(Boolean)
    .join(' ');
}

function exactGeographyMethod(fileWords: string, wardByOverlap: boolean): Partial<Record<GeographyId, string>> {
  return {
    lsoa: `LSOA: ${EXACT_LABEL} (practice registers apportioned by where each practice's patients live; your file ${fileWords}).`,
    msoa: `MSOA: ${EXACT_LABEL}; apportioned registers and denominators of its LSOAs summed, then divided.`,
    ward: wardByOverlap
      ? `Ward: ${EXACT_LABEL}; apportioned LSOA registers and denominators split between wards by area overlap, summed, then divided.`
      : `Ward: ${EXACT_LABEL}; apportioned LSOA registers and denominators, each LSOA counted whole in the ward holding most of it, summed, then divided.`,
  };
}

/**
 * Which method made an indicator's small-area values, and the short label to show where the interface
 * says "modelled estimate" today: 'modelled' ("modelled estimate") for the build's gravity model,
 * 'exact' ("from registered patients by LSOA") once a person's registrations file has replaced it.
 * Null for indicators that are neither (published or derived values).
 */
export function methodInForce(ind: Pick<IndicatorRecord, 'modelled' | 'qof'>): { method: QofMethod; label: string } | null {
  if (ind.modelled) return { method: 'modelled', label: MODELLED_LABEL };
  if (ind.qof && ind.modelled === false) return { method: 'exact', label: EXACT_LABEL };
  return null;
}

/**
 * The bundle with its QOF indicators replaced by the exact ones (same ids and order) and its QOF method
 * and note saying so. The bundle given is not changed.
 */
export function withExactQof(bundle: IndicatorBundle, exact: ExactQof): IndicatorBundle {
  const byId = new Map(exact.indicators.map((i) => [i.id, i]));
  return {
    ...bundle,
    indicators: bundle.indicators.map((i) => byId.get(i.id) ?? i),
    qof: { years: bundle.qof.years, method: 'registrations', note: exact.note, ...(exact.flows ? { flows: exact.flows } : {}) },
  };
}
