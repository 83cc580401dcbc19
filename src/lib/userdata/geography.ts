/**
 * Which geography a file's area column holds (2021 LSOA or MSOA codes, 2025 ward codes, ward or MSOA
 * names, or 2011 LSOA or MSOA codes mapped through the bundled lookups), and a first guess at which column
 * is which. Pure.
 */
import type { GeographyId, IndicatorBundle } from '../core/types';
import { readNumber } from './parse';
import type { ColumnChoice, ParsedTable, UserGeography } from './types';

/**
 * 2011 → 2021 lookups (public/data/lookups-2011.json): each 2011 code → [index into bundle.areas.lsoa
 * (or msoa) codes, weight], weight = share of the 2011 area's residents living in that 2021 area (the
 * weights of one 2011 code add to 1).
 */
export interface Lookups2011 {
  lsoa11: Record<string, [number, number][]>;
  msoa11: Record<string, [number, number][]>;
}

/** The 2021 geography a 2011 one is mapped onto; other geographies map to themselves. */
export function targetGeography(g: UserGeography): GeographyId {
  return g === 'lsoa11' ? 'lsoa' : g === 'msoa11' ? 'msoa' : g;
}

export const USER_GEOGRAPHY_WORDS: Record<UserGeography, string> = {
  lsoa: '2021 LSOAs',
  msoa: '2021 MSOAs',
  ward: 'wards (2025)',
  lsoa11: '2011 LSOAs',
  msoa11: '2011 MSOAs',
};

const codeKey = (s: string) => s.trim().toUpperCase();

/** Names compared without case or punctuation, "&" read as "and": "Mill  Lane Ward" ~ "mill lane ward". */
export function nameKey(s: string): string {
  return s
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const withoutWard = (k: string) => k.replace(/ ward$/, '');

/** A cell's two keys: as a code (trimmed, upper case) and as a name (nameKey). */
interface CellKeys {
  code: string;
  name: string;
}
const CODE_LIKE = /^[A-Z]\d{8}$/;
/** Keys of one cell; a cell shaped like a GSS code is never a name, so its name key is not worked out. */
function keysOf(cell: string): CellKeys {
  const code = codeKey(cell);
  return { code, name: CODE_LIKE.test(code) ? '' : nameKey(cell) };
}

/** One geography's lookups by key: keyed cell → canonical code. */
function keyedMatcher(bundle: IndicatorBundle, geography: UserGeography, lookups2011?: Lookups2011 | null): (k: CellKeys) => string | null {
  if (geography === 'lsoa11' || geography === 'msoa11') {
    const table = lookups2011?.[geography] ?? {};
    const codes = new Map(Object.keys(table).map((c) => [codeKey(c), c]));
    return (k) => codes.get(k.code) ?? null;
  }
  const list = bundle.areas[geography];
  const codes = new Map(list.codes.map((c) => [codeKey(c), c]));
  const names = new Map<string, string>();
  // Names first, then aliases (a name wins if an alias repeats it); MSOA aliases are the HCL names.
  list.names.forEach((n, i) => names.has(nameKey(n)) || names.set(nameKey(n), list.codes[i]));
  if (geography === 'msoa') list.aliases.forEach((a, i) => a && !names.has(nameKey(a)) && names.set(nameKey(a), list.codes[i]));
  return (k) => {
    const c = codes.get(k.code);
    if (c) return c;
    if (!k.name) return null;
    return names.get(k.name) ?? (geography === 'ward' ? (names.get(withoutWard(k.name)) ?? null) : null);
  };
}

/**
 * A matcher for one geography: a cell's text → the area's canonical code (a 2021/2025 code from the bundle,
 * or the 2011 code as written in the lookups), or null when the cell is not one of its areas.
 */
export function areaMatcher(bundle: IndicatorBundle, geography: UserGeography, lookups2011?: Lookups2011 | null): (cell: string) => string | null {
  const m = keyedMatcher(bundle, geography, lookups2011);
  return (cell) => m(keysOf(cell));
}

const CANDIDATES: UserGeography[] = ['lsoa', 'msoa', 'ward', 'lsoa11', 'msoa11'];

/** How many distinct cells of a column each geography recognises (each cell keyed once). */
function matchCounts(values: string[], bundle: IndicatorBundle, lookups2011?: Lookups2011 | null): Record<UserGeography, number> {
  const out = {} as Record<UserGeography, number>;
  const geos = CANDIDATES.filter((g) => (g !== 'lsoa11' && g !== 'msoa11') || lookups2011);
  const matchers = geos.map((g) => keyedMatcher(bundle, g, lookups2011));
  for (const g of CANDIDATES) out[g] = 0;
  for (const v of values) {
    const k = keysOf(v);
    matchers.forEach((m, j) => {
      if (m(k)) out[geos[j]]++;
    });
  }
  return out;
}

/** The distinct non-blank cells of a column. */
function columnValues(table: ParsedTable, column: string): string[] {
  const j = table.columns.indexOf(column);
  if (j < 0) return [];
  const seen = new Set<string>();
  for (const r of table.rows) {
    const v = r[j].trim();
    if (v) seen.add(v);
  }
  return [...seen];
}

/** The 2021 code each unchanged 2011 code keeps: a single part of weight 1 with the same code. */
export function unchanged2011(code: string, parts: [number, number][], codes2021: string[]): boolean {
  return parts.length === 1 && Math.abs(parts[0][1] - 1) < 1e-9 && codeKey(codes2021[parts[0][0]] ?? '') === codeKey(code);
}

/**
 * The geography of a column: the one that recognises most of its rows (codes exactly, ignoring case and
 * spaces; ward and MSOA names ignoring case and punctuation, "&" = "and"). 2011 LSOA or MSOA codes win
 * only when they recognise more rows than 2021 codes do (an unchanged 2011 code is also a 2021 code).
 * The note says, in words, what was recognised and, for 2011 codes, how they are mapped.
 */
export function detectGeography(
  table: ParsedTable,
  areaColumn: string,
  bundle: IndicatorBundle,
  lookups2011?: Lookups2011 | null,
): { geography: UserGeography | null; note: string } {
  if (table.columns.indexOf(areaColumn) < 0) return { geography: null, note: `There is no column "${areaColumn}" in the file.` };
  const values = columnValues(table, areaColumn);
  const counts = matchCounts(values, bundle, lookups2011);
  // Most matched wins; ties go to the earlier candidate (2021 before 2011, LSOA before MSOA before ward).
  let best: UserGeography | null = null;
  for (const g of CANDIDATES) if (counts[g] > 0 && (best == null || counts[g] > counts[best])) best = g;
  const place = bundle.place.name;
  if (!best) {
    const looksLikeCodes = values.filter((v) => /^[EWSNK]\d{8}$/i.test(v)).length;
    const note =
      values.length === 0
        ? `Column "${areaColumn}" is empty.`
        : looksLikeCodes > values.length / 2
          ? `The codes in column "${areaColumn}" (e.g. ${values[0]}) are not ${place} LSOAs, MSOAs or wards${lookups2011 ? ' (2021, 2025 or 2011)' : ''}.`
          : `Nothing in column "${areaColumn}" (e.g. "${values[0]}") is an LSOA, MSOA or ward code, or a ward or MSOA name, in ${place}.`;
    return { geography: null, note };
  }
  const n = counts[best];
  const of = `${n} of ${values.length} distinct value${values.length === 1 ? '' : 's'} in column "${areaColumn}"`;
  if (best === 'lsoa11' || best === 'msoa11') {
    const table2011 = lookups2011![best];
    const codes2021 = bundle.areas[targetGeography(best)].codes;
    const m = areaMatcher(bundle, best, lookups2011);
    let same = 0;
    let mapped = 0;
    for (const v of values) {
      const c = m(v);
      if (!c) continue;
      if (unchanged2011(c, table2011[c], codes2021)) same++;
      else mapped++;
    }
    const kind = best === 'lsoa11' ? 'LSOA' : 'MSOA';
    return {
      geography: best,
      note:
        `Recognised as 2011 ${kind} codes (${of}), mapped to 2021 ${kind}s: ${same} unchanged in 2021, ${mapped} mapped by where their residents live. ` +
        'Counts are split by residents’ share and summed; values without counts are population-weighted. Values for split or merged areas are estimates.',
    };
  }
  const list = bundle.areas[best];
  const codeSet = new Set(list.codes.map(codeKey));
  const byCode = values.filter((v) => codeSet.has(codeKey(v))).length;
  const what = byCode >= n - byCode ? { lsoa: '2021 LSOA codes', msoa: '2021 MSOA codes', ward: '2025 ward codes' }[best] : { lsoa: 'LSOA names', msoa: 'MSOA names', ward: 'ward names' }[best];
  return { geography: best, note: `Recognised as ${what} (${of}; ${place} has ${list.codes.length}).` };
}

const words = (h: string) => ` ${h.toLowerCase().replace(/[^a-z0-9]+/g, ' ')} `;
const has = (h: string, ...ws: string[]) => ws.some((w) => words(h).includes(` ${w} `));

/** Share of a column's non-blank cells that are numbers (suppressed cells count as numbers). */
function numericShare(table: ParsedTable, j: number): number {
  const decimalComma = table.delimiter === ';';
  let n = 0;
  let filled = 0;
  for (const r of table.rows.slice(0, 500)) {
    const c = readNumber(r[j], decimalComma);
    if (c.kind === 'empty') continue;
    filled++;
    if (c.kind !== 'invalid') n++;
  }
  return filled ? n / filled : 0;
}

/**
 * A first guess at which column is which. Area: the column whose values match most area codes or names
 * (with a bundle), else the one that looks most like GSS codes or whose header names a geography; '' when
 * none does (e.g. a file of places). Count,
 * denominator, lower and upper by header words; value: the first mostly-numeric column left, preferring one
 * named like a value. The person confirms or changes every choice.
 */
export function suggestColumns(table: ParsedTable, bundle?: IndicatorBundle, lookups2011?: Lookups2011 | null): ColumnChoice {
  const cols = table.columns;
  const sample: ParsedTable = { ...table, rows: table.rows.slice(0, 2000) };
  let area = '';
  let bestScore = 0;
  cols.forEach((c, j) => {
    const values = columnValues(sample, c);
    let score = 0;
    if (bundle) score = Math.max(...Object.values(matchCounts(values, bundle, lookups2011)));
    if (score === 0) score = values.filter((v) => /^[EWSNK]\d{8}$/i.test(v)).length * 0.5;
    // Only a header naming a geography counts without matches: a file of places ("Name", "Postcode",
    // "Latitude") must come back with no area column, which is how the panel tells point files apart.
    if (score === 0 && has(c, 'code', 'lsoa', 'msoa', 'ward', 'geography', 'lsoa21cd', 'msoa21cd', 'wd25cd') && numericShare(sample, j) < 0.5) score = 0.1;
    if (score > bestScore) {
      bestScore = score;
      area = c;
    }
  });
  const numeric = cols.filter((c, j) => c !== area && numericShare(sample, j) >= 0.8);
  const pick = (test: (h: string) => boolean, taken: string[]) => numeric.find((c) => !taken.includes(c) && test(c));
  const taken: string[] = [];
  const take = (c: string | undefined) => (c ? (taken.push(c), c) : undefined);
  const lower = take(pick((h) => has(h, 'lower', 'lci', 'lcl', 'll', 'low') || /lower|lci\b/i.test(h), taken));
  const upper = take(pick((h) => has(h, 'upper', 'uci', 'ucl', 'ul', 'high') || /upper|uci\b/i.test(h), taken));
  const denominator = take(pick((h) => has(h, 'denominator', 'population', 'pop', 'denom', 'total', 'base', 'list size', 'registered', 'patients'), taken));
  const count = take(pick((h) => has(h, 'numerator', 'count', 'register', 'cases', 'number', 'num', 'n'), taken));
  const value =
    pick((h) => has(h, 'value', 'rate', 'percent', 'percentage', 'prevalence', 'score', 'proportion') || h.includes('%'), taken) ??
    pick(() => true, taken) ??
    // No mostly-numeric column: never the area column; a value-like header, else the first other column
    // (the check then names the cells that are not numbers).
    (area ? (cols.find((c) => c !== area && !taken.includes(c) && has(c, 'value', 'rate', 'percent', 'score')) ?? cols.find((c) => c !== area && !taken.includes(c))) : undefined) ??
    '';
  const out: ColumnChoice = { area, value };
  if (count && denominator) {
    out.count = count;
    out.denominator = denominator;
  }
  if (lower && upper) {
    out.lower = lower;
    out.upper = upper;
  }
  return out;
}
