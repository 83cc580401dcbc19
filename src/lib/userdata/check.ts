/**
 * The check before anything is applied: which rows match the place's areas, what is wrong with the rest,
 * and the values mapped onto the bundle's area order (2011 codes mapped to 2021). Pure; never throws for
 * a table parseCsvText produced: every problem is an error (blocks "Apply") or a warning in the report.
 */
import type { IndicatorBundle } from '../core/types';
import { cleanText } from '../core/text';
import { counts2011To2021, parts2011, values2011To2021 } from '../indicators/from2011';
import { areaMatcher, detectGeography, targetGeography, unchanged2011, USER_GEOGRAPHY_WORDS, type Lookups2011 } from './geography';
import { readNumber, rowList } from './parse';
import type { CheckedValues, CheckReport, ColumnChoice, ParsedTable, RowIssue, UserGeography } from './types';

/** One matched row's numbers (null: blank, suppressed or not a number). */
interface RowNumbers {
  row: number;
  value: number | null;
  count: number | null;
  denominator: number | null;
  lower: number | null;
  upper: number | null;
}

const quote = (s: string) => `"${cleanText(s, 60).text}"`;
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function emptyReport(table: ParsedTable): CheckReport {
  return {
    geography: null,
    geographyNote: '',
    rows: table.rows.length,
    matched: 0,
    unknown: [],
    duplicates: [],
    nonNumeric: [],
    suppressed: 0,
    missingAreas: [],
    countOverDenominator: [],
    warnings: [],
    errors: [],
  };
}

/**
 * Check a parsed table against the chosen columns and the place's areas. `errors` (block "Apply"): a chosen
 * column that is not in the file, no area recognised, no number at all. Warnings: unknown areas, repeated
 * areas (the first row is kept), cells that are not numbers, suppressed values, areas with no value, counts
 * over denominators, negative counts or denominators, limits that do not contain the value, limits dropped
 * where 2011 areas were split or merged. `checked` is null when there are errors.
 */
export function checkTable(
  table: ParsedTable,
  choice: ColumnChoice,
  bundle: IndicatorBundle,
  lookups2011?: Lookups2011 | null,
): { report: CheckReport; checked: CheckedValues | null } {
  const report = emptyReport(table);
  const { errors, warnings } = report;
  const col = (name: string | undefined) => (name ? table.columns.indexOf(name) : -1);

  // Columns: chosen ones must exist; count and denominator, and lower and upper, come in pairs.
  for (const [what, name] of Object.entries(choice) as [string, string | undefined][]) {
    if (name && col(name) < 0) errors.push(`There is no column ${quote(name)} in the file (chosen as the ${what} column).`);
  }
  if (!choice.area) errors.push('Choose the column that holds area codes or names.');
  const hasCounts = !!choice.count && !!choice.denominator;
  if (!choice.value && !hasCounts) errors.push('Choose the column that holds the values (or a count and a denominator column).');
  if (!!choice.count !== !!choice.denominator) warnings.push('A count column needs a denominator column too (and the other way round), so it is not used.');
  const hasLimits = !!choice.lower && !!choice.upper;
  if (!!choice.lower !== !!choice.upper) warnings.push('A lower limit column needs an upper limit column too (and the other way round), so it is not used.');
  if (errors.length) return { report, checked: null };

  const detected = detectGeography(table, choice.area, bundle, lookups2011);
  report.geography = detected.geography;
  report.geographyNote = detected.note;
  const geo = detected.geography;
  if (!geo) {
    errors.push(
      `${detected.note} The area column must hold ${bundle.place.name} 2021 LSOA or MSOA codes (E01…, E02…), 2025 ward codes (E05…), ward or MSOA names${lookups2011 ? ', or 2011 LSOA or MSOA codes' : ''}.`,
    );
    return { report, checked: null };
  }

  // Every row: recognised area, repeats, and its numbers.
  const matcher = areaMatcher(bundle, geo, lookups2011);
  const other = otherGeographyMatcher(bundle, geo, lookups2011);
  const words = USER_GEOGRAPHY_WORDS[geo];
  const decimalComma = table.delimiter === ';';
  const ai = col(choice.area);
  const numericCols: [keyof Omit<RowNumbers, 'row'>, string | undefined][] = [
    ['value', choice.value || undefined],
    ['count', hasCounts ? choice.count : undefined],
    ['denominator', hasCounts ? choice.denominator : undefined],
    ['lower', hasLimits ? choice.lower : undefined],
    ['upper', hasLimits ? choice.upper : undefined],
  ];
  const byCode = new Map<string, RowNumbers>();
  const negative: number[] = [];
  const limitsOut: number[] = [];
  table.rows.forEach((cells, k) => {
    const row = table.rowNumbers?.[k] ?? k + 2;
    const cell = cells[ai] ?? '';
    const code = matcher(cell);
    if (!code) {
      // Say which other geography a code belongs to for the first rows only (a national file has thousands).
      const hint = cell.trim() && report.unknown.length < 200 ? other(cell) : null;
      report.unknown.push({
        row,
        text: !cell.trim() ? 'No area code or name.' : hint ? `${quote(cell)} is ${hint}, but the file is read as ${words}.` : `${quote(cell)} is not one of ${bundle.place.name}’s ${words}.`,
      });
      return;
    }
    const first = byCode.get(code);
    if (first) {
      report.duplicates.push({ row, text: `${quote(cell)} appears again (first in row ${first.row}); the first row is kept.` });
      return;
    }
    report.matched++;
    const nums: RowNumbers = { row, value: null, count: null, denominator: null, lower: null, upper: null };
    let suppressed = false;
    for (const [key, name] of numericCols) {
      if (!name) continue;
      const c = readNumber(cells[col(name)] ?? '', decimalComma);
      if (c.kind === 'number') nums[key] = c.value;
      else if (c.kind === 'suppressed') suppressed = true;
      else if (c.kind === 'invalid') report.nonNumeric.push({ row, text: `Column ${quote(name)}: ${quote(c.text)} is not a number.` });
    }
    if (suppressed) report.suppressed++;
    const { value, count, denominator: den, lower, upper } = nums;
    if (count != null && den != null && count > den) report.countOverDenominator.push({ row, text: `Count ${count} is larger than denominator ${den}.` });
    if ((den != null && den < 0) || (count != null && count < 0)) negative.push(row);
    if (lower != null && upper != null && (lower > upper || (value != null && (lower > value || value > upper)))) limitsOut.push(row);
    if (!choice.value && count != null && den != null) nums.value = den > 0 ? (count / den) * 100 : null;
    byCode.set(code, nums);
  });

  const anyNumber = [...byCode.values()].some((r) => r.value != null || (r.count != null && r.denominator != null));
  if (!anyNumber) {
    const what = choice.value ? `column ${quote(choice.value)}` : `columns ${quote(choice.count!)} and ${quote(choice.denominator!)}`;
    errors.push(`There are no numbers in ${what} for any recognised area.`);
    return { report, checked: null };
  }

  const checked = geo === 'lsoa11' || geo === 'msoa11' ? map2011(bundle, geo, lookups2011!, byCode, hasCounts, hasLimits, warnings) : map2021(bundle, geo, byCode, hasCounts, hasLimits);

  // Areas with no value.
  const list = bundle.areas[checked.geography];
  checked.values.forEach((v, i) => {
    if (v == null) report.missingAreas.push(checked.geography === 'ward' ? list.names[i] : `${list.names[i]} (${list.codes[i]})`);
  });

  // Warnings in words, one per kind of problem; the lists above hold the rows.
  const rowsOf = (issues: RowIssue[]) => rowList(issues.map((x) => x.row));
  if (report.unknown.length) warnings.push(`${plural(report.unknown.length, 'row is', 'rows are')} not ${bundle.place.name} ${words} (${rowsOf(report.unknown)}) and will be left out.`);
  if (report.duplicates.length) warnings.push(`${plural(report.duplicates.length, 'row repeats', 'rows repeat')} an area already given (${rowsOf(report.duplicates)}); the first row for each area is kept.`);
  if (report.nonNumeric.length) warnings.push(`${plural(report.nonNumeric.length, 'cell is', 'cells are')} not numbers (${rowsOf(report.nonNumeric)}); they are treated as no data.`);
  if (report.missingAreas.length) {
    const n = list.codes.length;
    warnings.push(`${report.missingAreas.length} of ${n} ${USER_GEOGRAPHY_WORDS[checked.geography]} have no value; they will be shown as no data.`);
  }
  if (report.countOverDenominator.length) warnings.push(`${plural(report.countOverDenominator.length, 'row has a count', 'rows have counts')} larger than the denominator (${rowsOf(report.countOverDenominator)}); no interval can be worked out there.`);
  if (negative.length) warnings.push(`${plural(negative.length, 'row has a negative count or denominator', 'rows have negative counts or denominators')} (${rowList(negative)}).`);
  if (limitsOut.length) warnings.push(`${plural(limitsOut.length, 'row has limits', 'rows have limits')} that do not contain the value (lower above the value or value above upper; ${rowList(limitsOut)}).`);
  return { report, checked };
}

/** For an unrecognised cell: the other geography it belongs to, in words ("a 2011 LSOA code"), if any. */
function otherGeographyMatcher(bundle: IndicatorBundle, geo: UserGeography, lookups2011?: Lookups2011 | null): (cell: string) => string | null {
  const candidates: [UserGeography, string][] = [
    ['lsoa', 'a 2021 LSOA'],
    ['msoa', 'a 2021 MSOA'],
    ['ward', 'a ward'],
  ];
  if (lookups2011) candidates.push(['lsoa11', 'a 2011 LSOA code'], ['msoa11', 'a 2011 MSOA code']);
  const matchers = candidates.filter(([g]) => g !== geo).map(([g, w]) => [areaMatcher(bundle, g, lookups2011), w] as const);
  return (cell) => matchers.find(([m]) => m(cell))?.[1] ?? null;
}

/** Values of a 2021/2025 geography, in the bundle's area order. */
function map2021(bundle: IndicatorBundle, geo: 'lsoa' | 'msoa' | 'ward', byCode: Map<string, RowNumbers>, hasCounts: boolean, hasLimits: boolean): CheckedValues {
  const codes = bundle.areas[geo].codes;
  const at = (key: keyof RowNumbers) => codes.map((c) => byCode.get(c)?.[key] ?? null);
  const out: CheckedValues = { geography: geo, values: at('value') };
  if (hasCounts) {
    out.numerators = at('count');
    out.denominators = at('denominator');
  }
  if (hasLimits) {
    out.lowers = at('lower');
    out.uppers = at('upper');
  }
  return out;
}

/**
 * 2011 values mapped onto 2021 areas through the lookups. Counts: each 2011 count split by the share of its
 * residents in each 2021 area, then summed (null where any contributing 2011 area has no count). Values:
 * population-weighted over the 2011 parts of each 2021 area, each part's residents estimated from the 2021
 * residents (a 2021 area's residents shared among its 2011 parts by their weights). Published limits are
 * kept only where a 2021 area is one unchanged 2011 area.
 */
function map2011(
  bundle: IndicatorBundle,
  geo: 'lsoa11' | 'msoa11',
  lookups: Lookups2011,
  byCode: Map<string, RowNumbers>,
  hasCounts: boolean,
  hasLimits: boolean,
  warnings: string[],
): CheckedValues {
  const target = targetGeography(geo) as 'lsoa' | 'msoa';
  const list = bundle.areas[target];
  const table = lookups[geo];
  const p2011 = parts2011({ table, residents2021: list.residents });
  const { codes2011, parts } = p2011;
  const col = (key: keyof RowNumbers) => (c: string) => byCode.get(c)?.[key] ?? null;
  const out: CheckedValues = { geography: target, sourceGeography: geo, values: values2011To2021(p2011, col('value')) };
  if (hasCounts) {
    out.numerators = counts2011To2021(p2011, col('count'));
    out.denominators = counts2011To2021(p2011, col('denominator'));
  }
  if (hasLimits) {
    const lowers = codes2011.map(col('lower'));
    const uppers = codes2011.map(col('upper'));
    const kept = (i: number) => parts[i].length === 1 && unchanged2011(codes2011[parts[i][0].lsoa], table[codes2011[parts[i][0].lsoa]], list.codes);
    let dropped = 0;
    out.lowers = parts.map((p, i) => (kept(i) ? lowers[p[0].lsoa] : null));
    out.uppers = parts.map((p, i) => {
      if (kept(i)) return uppers[p[0].lsoa];
      if (p.some((x) => lowers[x.lsoa] != null || uppers[x.lsoa] != null)) dropped++;
      return null;
    });
    if (dropped) {
      warnings.push(
        `Published limits are dropped for ${plural(dropped, `2021 ${target.toUpperCase()} made`, `2021 ${target.toUpperCase()}s made`)} from split or merged 2011 areas: they have no interval and are not compared with England.`,
      );
    }
  }
  return out;
}
