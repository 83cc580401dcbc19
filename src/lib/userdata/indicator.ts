/**
 * A person's applied dataset as an indicator record, so it is mapped, charted, profiled, compared and
 * exported like the bundled ones, always labelled as their own data. LSOA files are also aggregated to
 * MSOAs and wards by the same rules as the data build (counts pooled where they exist, population-weighted
 * means otherwise); MSOA and ward files stay at their own geography. Pure.
 */
import type { Comparator, GeographyId, IndicatorBundle, IndicatorRecord, IndicatorValues } from '../core/types';
import { weightedMean, weightedSum, type Part } from '../indicators/aggregate';
import { jenksBreaks, quantileBreaks } from '../indicators/classify';
import { USER_GEOGRAPHY_WORDS } from './geography';
import type { CheckedValues, UserDataset } from './types';

export const USER_THEME = 'Your data';

/** The build's one rounding rule (scripts/build/io.ts roundPlaces): values to 6 places, counts to 3. */
const round = (x: number | null, places: number) => {
  if (x == null || !Number.isFinite(x)) return null;
  const f = 10 ** places;
  return Math.round(x * f) / f;
};

/** Each MSOA's LSOAs (weight 1: they nest exactly). */
function msoaParts(bundle: IndicatorBundle): Part[][] {
  const parts: Part[][] = bundle.areas.msoa.codes.map(() => []);
  bundle.lsoaLinks.msoa.forEach((m, lsoa) => parts[m]?.push({ lsoa, weight: 1 }));
  return parts;
}

/** Each ward's LSOA parts: area-overlap shares when the data has them, else best fit (whole LSOAs). */
function wardParts(bundle: IndicatorBundle): { parts: Part[][]; overlap: boolean } {
  const wp = bundle.lsoaLinks.wardParts;
  if (wp && wp.length === bundle.areas.ward.codes.length) return { parts: wp.map((list) => list.map(([lsoa, weight]) => ({ lsoa, weight }))), overlap: true };
  const parts: Part[][] = bundle.areas.ward.codes.map(() => []);
  bundle.lsoaLinks.ward.forEach((w, lsoa) => parts[w]?.push({ lsoa, weight: 1 }));
  return { parts, overlap: false };
}

interface Series {
  values: (number | null)[];
  numerators?: (number | null)[];
  denominators?: (number | null)[];
  lowers?: (number | null)[];
  uppers?: (number | null)[];
}

function toValues(s: Series): IndicatorValues {
  const values = s.values.map((v) => round(v, 6));
  const out: IndicatorValues = { values, breaks: { quantile: quantileBreaks(values), jenks: jenksBreaks(values) } };
  if (s.numerators && s.denominators) {
    out.numerators = s.numerators.map((v) => round(v, 3));
    out.denominators = s.denominators.map((v) => round(v, 3));
  }
  if (s.lowers && s.uppers) {
    out.lowers = s.lowers.map((v) => round(v, 6));
    out.uppers = s.uppers.map((v) => round(v, 6));
  }
  return out;
}

/** Pooled proportions (%) over each area's parts, as the build's `pooled`. */
function pooled(parts: Part[][], numerators: (number | null)[], denominators: (number | null)[]): Series {
  const n = parts.map((p) => weightedSum(p, numerators));
  const d = parts.map((p) => weightedSum(p, denominators));
  return { values: n.map((x, i) => (x != null && d[i] ? (x / d[i]!) * 100 : null)), numerators: n, denominators: d };
}

/** Population-weighted means over each area's parts, as the build's `meanOf`. */
function meanOf(parts: Part[][], values: (number | null)[], population: number[]): Series {
  return { values: parts.map((p) => weightedMean(p, values, population)) };
}

const isPercent = (unit: string) => unit.trim() === '%';

/**
 * The indicator record for one applied dataset. Kind 'proportion' when count and denominator columns are
 * given and the unit is "%" (values = count ÷ denominator × 100), else 'score'. Compared with England
 * ('interval') when there are counts (Wilson intervals) or published limits, and an England value.
 */
export function buildUserIndicator(bundle: IndicatorBundle, dataset: UserDataset): IndicatorRecord {
  const { spec, checked, fileName } = dataset;
  const geo = checked.geography;
  const counts = !!(spec.columns.count && spec.columns.denominator && checked.numerators && checked.denominators);
  const proportion = counts && isPercent(spec.unit);
  const limits = !proportion && !!(checked.lowers && checked.uppers && checked.lowers.some((v, i) => v != null && checked.uppers![i] != null));
  const kind = proportion ? 'proportion' : 'score';
  const compare = (proportion || limits) && spec.england != null && Number.isFinite(spec.england) ? 'interval' : 'none';

  // The native geography's values.
  const native: Series = proportion
    ? {
        values: checked.values.map((v, i) => {
          const n = checked.numerators![i];
          const d = checked.denominators![i];
          return n != null && d != null && d > 0 ? (n / d) * 100 : v;
        }),
        numerators: checked.numerators,
        denominators: checked.denominators,
      }
    : { values: checked.values, ...(limits ? { lowers: checked.lowers, uppers: checked.uppers } : {}) };

  const fromFile = nativeMethod(checked);
  const geographyMethod: Partial<Record<GeographyId, string>> = { [geo]: fromFile };
  const derived: Partial<Record<GeographyId, boolean>> = { [geo]: !!checked.sourceGeography };
  const data: Partial<Record<GeographyId, IndicatorValues>> = { [geo]: toValues(native) };
  const how = proportion ? 'counts summed, then divided' : 'population-weighted mean (Census 2021 usual residents)';
  let wardNote = '';
  if (geo === 'lsoa') {
    const pop = bundle.areas.lsoa.residents;
    const agg = (parts: Part[][]) => (proportion ? pooled(parts, native.numerators!, native.denominators!) : meanOf(parts, native.values, pop));
    data.msoa = toValues(agg(msoaParts(bundle)));
    geographyMethod.msoa = `Derived from your LSOA values: ${how}, over the LSOAs that make up each MSOA (they nest exactly).`;
    derived.msoa = true;
    const ward = wardParts(bundle);
    data.ward = toValues(agg(ward.parts));
    geographyMethod.ward = ward.overlap
      ? `Derived from your LSOA values: estimated. Wards do not nest LSOAs, so each LSOA's residents are split between wards by area overlap; then ${how}.`
      : `Derived from your LSOA values: estimated. Wards do not nest LSOAs; each LSOA is counted wholly in the ward holding most of it (best fit, as this data has no LSOA × ward overlaps); then ${how}.`;
    derived.ward = true;
    if (!ward.overlap) wardNote = ' Ward values count each LSOA wholly in its best-fit ward (this data has no LSOA × ward overlaps).';
  }

  const borough = boroughOf(bundle, geo, native, proportion);
  const england: Comparator | undefined = spec.england != null && Number.isFinite(spec.england) ? { value: spec.england, statistic: 'England value as entered by you' } : undefined;

  const valueWords = proportion
    ? `Percentages worked out from your count and denominator columns (count ÷ denominator × 100).`
    : `Values as in your file${spec.columns.value ? ` (column "${spec.columns.value}")` : ''}.`;
  const compareWords =
    compare === 'interval'
      ? proportion
        ? ' Compared with the England value you entered by 95% Wilson score interval.'
        : ' Compared with the England value you entered using the 95% limits in your file; places pooled from several areas have no interval from published limits, so they are not compared.'
      : spec.england == null
        ? ' Not compared with England: no England value was entered.'
        : ' Not compared with England: the file has no counts or limits to make an interval from.';
  return {
    id: dataset.id,
    userFile: fileName,
    label: spec.name,
    theme: USER_THEME,
    unit: spec.unit,
    decimals: spec.decimals,
    period: spec.period,
    source: `Your file: ${fileName} (not published; loaded in this browser only)`,
    licence: 'Your own data',
    polarity: spec.polarity,
    kind,
    compare,
    method: `Your own data from ${fileName}, by ${USER_GEOGRAPHY_WORDS[checked.sourceGeography ?? geo]}. ${valueWords}${compareWords}${wardNote}`,
    caveats: [
      'Not published data: it is what your file says, checked only for codes and numbers, and it stays in this browser.',
      ...(borough ? [] : ['No borough value: not every area has a value.']),
      ...dataset.notes,
    ].join(' '),
    geographyMethod,
    derived,
    ...(england ? { england } : {}),
    ...(borough ? { borough } : {}),
    data,
  };
}

function nativeMethod(checked: CheckedValues): string {
  if (checked.sourceGeography === 'lsoa11' || checked.sourceGeography === 'msoa11') {
    const k = checked.sourceGeography === 'lsoa11' ? 'LSOA' : 'MSOA';
    return `Derived from your 2011 ${k} values, mapped to 2021 ${k}s: counts split by where residents live and summed; values population-weighted. Estimates where areas were split or merged.`;
  }
  return 'From your file.';
}

/** The borough over all areas of the file's geography: pooled counts (all areas needed), else population-weighted mean. */
function boroughOf(bundle: IndicatorBundle, geo: GeographyId, native: Series, proportion: boolean): Comparator | undefined {
  const n = bundle.areas[geo].codes.length;
  const all: Part[] = Array.from({ length: n }, (_, lsoa) => ({ lsoa, weight: 1 }));
  const g = geo === 'ward' ? 'ward' : geo.toUpperCase();
  if (proportion) {
    const num = weightedSum(all, native.numerators!);
    const den = weightedSum(all, native.denominators!);
    if (num == null || !den) return undefined;
    return { value: (num / den) * 100, numerator: num, denominator: den, statistic: `Your file: counts of all ${n} ${g}s summed, then divided` };
  }
  const value = weightedMean(all, native.values, bundle.areas[geo].residents);
  if (value == null) return undefined;
  return { value, statistic: `Your file: population-weighted mean of your ${g} values (Census 2021 usual residents)` };
}
