/**
 * QOF (Quality and Outcomes Framework) recorded prevalence by GP practice: the conditions the app
 * shows, a parser for the practice tables in the place's QOF files (data/place.json names them),
 * and the check that each published percentage is 100 × register / denominator.
 * Pure: no I/O. Parsing never throws; problems come back as `errors`.
 */
import { parseCsv, missingColumns, toNumber } from '../core/csv';
import { normalisePostcode } from '../core/text';
import type { Polarity } from '../core/types';

export type QofConditionId = 'hyp' | 'chd' | 'ob' | 'dm' | 'copd' | 'dep';

export interface QofCondition {
  id: QofConditionId;
  /** QOF register code as NHS England publishes it (also the column prefix, lower case, in our files). */
  register: 'HYP' | 'CHD' | 'OB' | 'DM' | 'COPD' | 'DEP';
  label: string;
  /** Who is in the denominator (the practice's list in this age band). */
  ageBase: string;
  polarity: Polarity;
  caveat: string;
}

const CASE_FINDING =
  'Higher recorded prevalence is read as more need, but recorded (diagnosed and coded) prevalence also reflects how actively practices find and record cases, so a low figure can mean under-diagnosis rather than good health. Crude rates, not age-standardised.';

export const QOF_CONDITIONS: readonly QofCondition[] = [
  { id: 'hyp', register: 'HYP', label: 'Hypertension', ageBase: 'all ages', polarity: 'LowIsGood', caveat: CASE_FINDING },
  { id: 'chd', register: 'CHD', label: 'Coronary heart disease', ageBase: 'all ages', polarity: 'LowIsGood', caveat: CASE_FINDING },
  {
    id: 'ob',
    register: 'OB',
    label: 'Obesity (18+)',
    ageBase: 'aged 18 and over',
    polarity: 'LowIsGood',
    caveat: `${CASE_FINDING} The obesity register counts adults with a BMI of 30 or more recorded in the last 12 months, so it depends on how many adults had their BMI recorded.`,
  },
  { id: 'dm', register: 'DM', label: 'Diabetes', ageBase: 'aged 17 and over', polarity: 'LowIsGood', caveat: CASE_FINDING },
  { id: 'copd', register: 'COPD', label: 'COPD', ageBase: 'all ages', polarity: 'LowIsGood', caveat: CASE_FINDING },
  { id: 'dep', register: 'DEP', label: 'Depression (18+)', ageBase: 'aged 18 and over', polarity: 'LowIsGood', caveat: CASE_FINDING },
] as const;

export const QOF_CONDITION_IDS: readonly QofConditionId[] = QOF_CONDITIONS.map((c) => c.id);

export interface QofConditionValues {
  register: number;
  denominator: number;
  /** The percentage as published in the file (rounded by the publisher). */
  publishedPct: number;
}

export interface QofPractice {
  code: string;
  name: string;
  /** '' when the file has no postcode for the practice. */
  postcode: string;
  pcnCode: string;
  pcnName: string;
  /** All-ages list size (`list_size_total`). */
  listSize: number;
  conditions: Record<QofConditionId, QofConditionValues>;
}

export interface QofTable {
  year: string;
  practices: QofPractice[];
  errors: string[];
}

const ID_COLUMNS = ['practice_code', 'practice_name', 'practice_postcode', 'pcn_code', 'pcn_name', 'list_size_total'];

export function qofColumns(id: QofConditionId): { register: string; denominator: string; pct: string } {
  return { register: `${id}_register`, denominator: `${id}_denominator`, pct: `${id}_prevalence_pct` };
}


/**
 * Parse one QOF practice table (one row per practice). Rows with a problem are reported in
 * `errors` and left out of `practices`; the caller decides whether any error is fatal.
 */
export function parseQofTable(text: string, year: string): QofTable {
  const t = parseCsv(text);
  const errors = t.errors.map((e) => `QOF ${year}: ${e}`);
  const required = [...ID_COLUMNS, ...QOF_CONDITION_IDS.flatMap((id) => Object.values(qofColumns(id)))];
  const missing = missingColumns(t, required);
  if (missing.length) return { year, practices: [], errors: [...errors, `QOF ${year}: missing columns ${missing.join(', ')}`] };

  const practices: QofPractice[] = [];
  const seen = new Set<string>();
  t.rows.forEach((r, idx) => {
    const line = idx + 2; // header is line 1
    const code = (r.practice_code ?? '').trim();
    const where = `QOF ${year} line ${line} (${code || 'no code'})`;
    const rowErrors: string[] = [];
    if (!code) rowErrors.push(`${where}: blank practice_code`);
    if (code && seen.has(code)) rowErrors.push(`${where}: duplicate practice ${code}`);

    const count = (col: string, positive: boolean): number => {
      const v = toNumber(r[col]);
      if (v === null) {
        rowErrors.push(`${where}: blank ${col}`);
        return NaN;
      }
      if (Number.isNaN(v)) {
        rowErrors.push(`${where}: non-numeric ${col} "${r[col]}"`);
        return NaN;
      }
      if (!Number.isInteger(v) || v < 0 || (positive && v === 0)) {
        rowErrors.push(`${where}: ${col} must be a ${positive ? 'positive' : 'non-negative'} whole number, got ${r[col]}`);
        return NaN;
      }
      return v;
    };

    const listSize = count('list_size_total', true);
    const conditions = {} as Record<QofConditionId, QofConditionValues>;
    for (const id of QOF_CONDITION_IDS) {
      const cols = qofColumns(id);
      const register = count(cols.register, false);
      const denominator = count(cols.denominator, true);
      const pct = toNumber(r[cols.pct]);
      if (pct === null) rowErrors.push(`${where}: blank ${cols.pct}`);
      else if (Number.isNaN(pct)) rowErrors.push(`${where}: non-numeric ${cols.pct} "${r[cols.pct]}"`);
      else if (pct < 0 || pct > 100) rowErrors.push(`${where}: ${cols.pct} ${pct} is outside 0–100`);
      if (register > denominator) rowErrors.push(`${where}: ${cols.register} ${register} exceeds ${cols.denominator} ${denominator}`);
      if (denominator > listSize) rowErrors.push(`${where}: ${cols.denominator} ${denominator} exceeds list_size_total ${listSize}`);
      conditions[id] = { register, denominator, publishedPct: pct ?? NaN };
    }

    if (code) seen.add(code);
    if (rowErrors.length) {
      errors.push(...rowErrors);
      return;
    }
    practices.push({
      code,
      name: (r.practice_name ?? '').trim(),
      postcode: normalisePostcode(r.practice_postcode) ?? '',
      pcnCode: (r.pcn_code ?? '').trim(),
      pcnName: (r.pcn_name ?? '').trim(),
      listSize,
      conditions,
    });
  });
  return { year, practices, errors };
}

/** 100 × register / denominator; null when the denominator is not positive or a count is invalid. */
export function recomputedPrevalence(register: number, denominator: number): number | null {
  if (!Number.isFinite(register) || !Number.isFinite(denominator) || denominator <= 0 || register < 0 || register > denominator) return null;
  return (100 * register) / denominator;
}

/**
 * Does the recomputed % agree with the published % to the published rounding?
 * NHS England rounds QOF prevalence to 3 decimals and our files drop trailing zeros ("12.0",
 * "10.12"), so the rounding is given, not read off the string. Accepts either half-up or
 * half-even rounding (the difference can be at most half a unit in the last place).
 */
export function matchesPublished(register: number, denominator: number, publishedPct: number, decimals = 3): boolean {
  const r = recomputedPrevalence(register, denominator);
  if (r === null || !Number.isFinite(publishedPct)) return false;
  return Math.abs(r - publishedPct) <= 0.5 * 10 ** -decimals + 1e-9;
}

/** Every practice × condition whose published % does not match; empty when all agree. */
export function checkPublishedPrevalence(table: QofTable, decimals = 3): string[] {
  const out: string[] = [];
  for (const p of table.practices) {
    for (const id of QOF_CONDITION_IDS) {
      const c = p.conditions[id];
      if (!matchesPublished(c.register, c.denominator, c.publishedPct, decimals)) {
        out.push(`QOF ${table.year} ${p.code} ${id}: published ${c.publishedPct}% but ${c.register}/${c.denominator} = ${recomputedPrevalence(c.register, c.denominator)}%`);
      }
    }
  }
  return out;
}

/** Sum of registers and denominators over practices, for one condition. */
export function sumCondition(practices: QofPractice[], id: QofConditionId): { numerator: number; denominator: number } {
  let numerator = 0;
  let denominator = 0;
  for (const p of practices) {
    numerator += p.conditions[id].register;
    denominator += p.conditions[id].denominator;
  }
  return { numerator, denominator };
}
