/**
 * Plain words for people. The data build records how each figure was made in short machine strings
 * ("population_weighted_mean (weights: …)", "sum(register)/sum(list size) over 6378 practices"). Those
 * strings are match keys in the build, so they stay as they are in the data; this module rewords them
 * at display time. Pure: no React, no store.
 */

/** Options for {@link statisticWords}. */
export interface StatisticWordsOptions {
  /** Decimal places for numbers quoted in the statistic (e.g. a borough median); default: as given. */
  decimals?: number;
}

const QOF_CONDITIONS: Record<string, string> = {
  'diabetes mellitus': 'diabetes',
  copd: 'COPD (chronic obstructive pulmonary disease)',
  chd: 'coronary heart disease',
  hyp: 'hypertension',
  ob: 'obesity',
  dm: 'diabetes',
  dep: 'depression',
};

/** "6378" → "6,378". */
function thousands(n: string): string {
  const v = Number(n.replace(/,/g, ''));
  return Number.isFinite(v) ? v.toLocaleString('en-GB', { maximumFractionDigits: 20 }) : n;
}

function quoted(n: string, decimals: number | undefined): string {
  const v = Number(n);
  if (!Number.isFinite(v)) return n;
  return decimals == null ? v.toLocaleString('en-GB', { maximumFractionDigits: 20 }) : v.toLocaleString('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

/** "BMI>=30" → "BMI of 30 or more"; "18+" → "aged 18 and over". */
function comparisons(s: string): string {
  return s
    .replace(/\s*(>=|≥)\s*(\d+(?:\.\d+)?)/g, ' of $2 or more')
    .replace(/\s*(<=|≤)\s*(\d+(?:\.\d+)?)/g, ' of $2 or less')
    .replace(/\s*>\s*(\d+(?:\.\d+)?)/g, ' over $1')
    .replace(/\s*<\s*(\d+(?:\.\d+)?)/g, ' under $1');
}

/**
 * A QOF condition as the build writes it ("obesity (18+, BMI>=30 recorded in last 12 months)") split into
 * the condition's name, the age band of its denominator and any further definition.
 */
function qofCondition(raw: string): { name: string; age: string | null; detail: string | null } {
  const m = /^(.*?)\s*\(([^()]*)\)\s*$/.exec(raw.trim());
  let name = (m ? m[1] : raw).trim();
  let age: string | null = null;
  let detail: string | null = null;
  if (m) {
    const parts = m[2].split(/,\s*/);
    const rest: string[] = [];
    for (const p of parts) {
      const a = /^(\d+)\+$/.exec(p.trim());
      if (a) age = a[1];
      else rest.push(p.trim());
    }
    if (rest.length) detail = comparisons(rest.join(', ')).replace(/\bin last\b/g, 'in the last');
    if (!age && !rest.length) name = raw.trim();
  }
  name = QOF_CONDITIONS[name.toLowerCase()] ?? name;
  return { name, age, detail };
}

/** "England: crude recorded prevalence = sum(register)/sum(list size) over 6378 practices; condition: hypertension". */
const QOF_STATISTIC = /^(.*?):\s*crude recorded prevalence\s*=\s*sum\(register\)\s*\/\s*sum\(list size\)\s*over\s*([\d,]+)\s*practices;\s*condition:\s*(.*?)(\s*\(patients registered, not residents\))?\s*$/i;

/**
 * A comparator statistic (`england.statistic`, `borough.statistic`) in plain English: a phrase that
 * starts in lower case, fit to follow "England: 21.8, the …". Known build strings get written words;
 * anything else goes through a generic rewording that never leaves underscores, "sum(…)" or "a/b" formulas.
 */
export function statisticWords(statistic: string, opts: StatisticWordsOptions = {}): string {
  const s = statistic.trim();
  if (!s) return '';

  let m = /^population_weighted_mean\s*\(weights:\s*(.+)\)$/i.exec(s);
  if (m) return `average of its small areas, weighted by ${m[1].trim()}`;

  if (/^median_of_lsoas$/i.test(s)) return 'median of all LSOAs (small areas) in England';

  m = /^population-weighted mean of LSOA values \(England comparator is the median LSOA; borough median ([-\d.]+)\)$/i.exec(s);
  if (m) {
    return `average of its small areas (LSOAs), weighted by population; England’s figure is the median small area, and the borough’s median small area is ${quoted(m[1], opts.decimals)}`;
  }

  m = /^population-weighted mean of the borough’s LSOAs \(derived\)$/i.exec(s.replace(/'/g, '’'));
  if (m) return 'average of the borough’s small areas (LSOAs), weighted by population (worked out here)';

  if (/^sum over LSOAs \(crude, not age-standardised\)$/i.test(s)) {
    return 'counts added up over its small areas (LSOAs), not adjusted for age';
  }

  if (/^derived: residents of LSOAs in these national deciles \/ all residents, all England LSOAs$/i.test(s)) {
    return 'residents of small areas (LSOAs) in these national deciles as a share of all residents, worked out over every small area in England';
  }
  if (/^derived: same rule over the borough’s LSOAs$/i.test(s.replace(/'/g, '’'))) {
    return 'residents of small areas (LSOAs) in these national deciles as a share of all residents, worked out the same way over the borough’s small areas';
  }

  m = QOF_STATISTIC.exec(s);
  if (m) {
    const [, who, n, condition, registered] = m;
    const c = qofCondition(condition);
    const register = `patients on the ${c.name} register${c.detail ? ` (${c.detail})` : ''}`;
    const of = c.age ? `registered patients aged ${c.age} and over` : 'all registered patients';
    const place = who.trim();
    const across = /^england$/i.test(place) ? `${thousands(n)} practices in England` : /practices$/i.test(place) ? `${thousands(n)} ${place}` : `${thousands(n)} practices (${place})`;
    const patients = registered ? '; counts patients registered at these practices, not residents' : '';
    return `${register} as a share of ${of}, across ${across} (crude recorded prevalence${patients})`;
  }

  return genericWords(s);
}

/** The generic rewording: identifiers and formulas into words. */
function genericWords(text: string): string {
  let s = text
    .replace(/^derived:\s*/i, 'worked out here: ')
    .replace(/sum\(([^()]*)\)\s*\/\s*sum\(([^()]*)\)/gi, 'total $1 as a share of total $2')
    .replace(/sum\(([^()]*)\)/gi, 'total $1')
    .replace(/\bmean\(([^()]*)\)/gi, 'average $1')
    .replace(/\bmedian\(([^()]*)\)/gi, 'median $1')
    .replace(/([\p{L}\d)])_(?=[\p{L}\d(])/gu, '$1 ')
    .replace(/_/g, ' ');
  s = comparisons(s)
    .replace(/\s+\/\s+/g, ' out of ')
    .replace(/([\p{L})])\/([\p{L}(])/gu, '$1 out of $2')
    .replace(/\s*=\s*/g, ': ')
    .replace(/\bover (\d{4,}) /g, (_, n: string) => `over ${thousands(n)} `)
    .replace(/\blsoas\b/g, 'LSOAs')
    .replace(/\blsoa\b/g, 'LSOA')
    .replace(/\s{2,}/g, ' ')
    .trim();
  return s;
}

const REGISTER_CODES: Record<string, string> = { HYP: 'hypertension', CHD: 'coronary heart disease', OB: 'obesity', DM: 'diabetes', COPD: 'COPD', DEP: 'depression' };

/**
 * A method, caveat, period, source or geography note in plain words, keeping every figure and limit:
 * register codes ("HYP register"), file names of NHS lists ("epraccur"), "Higher = worse", "×", "÷",
 * "exp(−β × distance)" and internal file paths are written out.
 */
export function methodWords(text: string | undefined | null): string {
  if (!text) return '';
  let s = text
    // Register codes used by QOF.
    .replace(/\bthe (HYP|CHD|OB|DM|COPD|DEP) register\b/g, (_, c: string) => `the ${REGISTER_CODES[c]} register`)
    .replace(/\bthe practice list all ages\b/g, 'all patients on the practice list')
    // The gravity model's formula, in words.
    .replace(
      /is proportional to (the LSOA's Census 2021 residents) × (the practice's list size) × exp\(−β × straight-line distance in km from (.*?)\)/g,
      'grows with $1 and with $2, and falls away exponentially, at a rate β per km, with the straight-line distance from $3',
    )
    .replace(/β = ([\d.]+) per km was chosen/g, 'β, set at $1 per km, was chosen')
    .replace(/\s*÷\s*/g, ' divided by ')
    .replace(/\s+×\s+/g, ' times ')
    // NHS ODS file names.
    .replace(/NHS ODS epraccur(?: \(GP and GP practice related data\))?/g, 'NHS ODS list of GP practices')
    .replace(/NHS ODS edispensary(?: \(dispensaries\/pharmacies\))?/g, 'NHS ODS list of pharmacies')
    .replace(/,?\s+vintage\s+/g, ', as of ')
    .replace(/\bOGL v3\.0\b/g, 'Open Government Licence v3.0')
    .replace(/~\s*(?=[A-Z][a-z]{2,8} \d{4})/g, 'about ')
    // "Higher = more deprived."
    .replace(/\b(Higher|Lower|Larger|Smaller)\s*=\s*/g, '$1 means ')
    .replace(/\(\s*(\d+)\s*=\s*(?=most|least)/g, '($1 means the ')
    .replace(/\(\s*(\d+)\s*=\s*/g, '($1 means ')
    .replace(/\((0|100) ≈ England (average|mean)\)/g, '($1 is about the England $2)')
    // Internal file paths.
    .replace(/as dated in data\/assets\/PROVENANCE\.md/g, 'as dated in their sources (see Sources)')
    .replace(/\b(?:data|public|scripts|src)\/[\w./-]+\.(?:md|csv|json|ts)\b/g, 'the data’s provenance notes')
    // Publication file and table numbers.
    .replace(/\(File (\d+) \/ File (\d+)\)/g, '(files $1 and $2)')
    .replace(/Census 2021 (TS\d{3})\b/g, 'Census 2021 table $1')
    // Geography notes.
    .replace(/^LSOA: published value \(native geography\)\./, 'LSOA (small area): the published value.')
    .replace(/^LSOA: /, 'LSOA (small area): ')
    .replace(/^MSOA: (.*) of the LSOAs that make up the MSOA \(LSOAs nest exactly in MSOAs\)\./, 'MSOA (group of small areas): worked out from the LSOAs that make it up, which fit exactly inside it: $1.')
    .replace(/^MSOA: /, 'MSOA (group of small areas): ')
    .replace(/population-weighted mean \(Census 2021 usual residents\)/g, 'average weighted by Census 2021 usual residents')
    .replace(/Wards do not nest LSOAs/g, 'LSOAs do not fit exactly inside wards')
    .replace(/numerators and denominators summed, then divided \(pooled\)/g, 'the counts and their totals each added up, then divided (pooled)')
    .replace(/\bcounts summed\b/g, 'counts added up')
    .replace(/\bsummed\b/g, 'added up')
    // Abbreviations spelled out once.
    .replace(/\bIoD\b/g, 'Indices of Deprivation')
    .replace(/^QOF (\d{4}-\d{2})/, 'Quality and Outcomes Framework (QOF) $1')
    .replace(/(^|[^(])\bIMD\b(?! score points)/, '$1Index of Multiple Deprivation (IMD)');
  // Whatever else: no snake_case, no bare "=".
  s = s.replace(/([\p{L}\d])_(?=[\p{L}\d])/gu, '$1 ').replace(/\s*=\s*/g, ': ');
  return s;
}

/** First letter upper case, for a phrase shown on its own. */
export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}
