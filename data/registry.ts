/**
 * The indicator registry: what each indicator is, where its numbers come from, and how it is
 * aggregated and compared. The data build (scripts/build-data.ts) reads this, checks it against
 * the files, and writes the browser's registry with values, comparators and breaks.
 * Nothing here is a data value: every number comes from the files named in data/place.json.
 */
import type { IndicatorMeta } from '../src/lib/core/types';

/** The browser's indicator metadata (src/lib/types.ts), plus where the build finds the numbers. */
export interface IndicatorDef
  extends Pick<IndicatorMeta, 'id' | 'label' | 'theme' | 'unit' | 'decimals' | 'period' | 'source' | 'licence' | 'polarity' | 'kind' | 'compare' | 'method' | 'caveats'> {
  /** Which LSOA table the column is in (keys of data/place.json "files"). */
  file: 'imd' | 'imdHealth' | 'census';
  /** Score or count column. */
  column?: string;
  /** Proportion: numerator column(s), summed, and denominator column. */
  numerator?: string[];
  denominator?: string;
  /** Multiply values by this for display (e.g. 100 for a 0–1 rate shown as %). */
  scale?: number;
  /** Official national decile column in the LSOA file (and the England file, for aggregated areas). */
  decileColumn?: string;
  /** Key of the comparator rows in england.csv, and the statistic to use. */
  comparator?: { indicator: string; statistic: string };
  /** Derived from deciles: share of residents living in LSOAs in England's most deprived n deciles. */
  mostDeprivedDeciles?: number;
}

const IOD_SOURCE = 'MHCLG English Indices of Deprivation 2025 (File 7 / File 8)';
const CENSUS_SOURCE = 'ONS Census 2021';
const OGL = 'Open Government Licence v3.0';
const IOD_PERIOD = 'IoD 2025 (published 2025; mostly 2022–23 data)';
const CENSUS_PERIOD = 'Census 2021 (21 March 2021)';
const PWM = 'population_weighted_mean (weights: Census 2021 usual residents)';

const score = (
  id: string,
  label: string,
  column: string,
  unit: string,
  decimals: number,
  method: string,
  caveats: string,
  extra: Partial<IndicatorDef> = {},
): IndicatorDef => ({
  id,
  label,
  theme: 'Deprivation',
  unit,
  decimals,
  period: IOD_PERIOD,
  source: IOD_SOURCE,
  licence: OGL,
  polarity: 'LowIsGood',
  kind: 'score',
  compare: 'decile',
  method,
  caveats,
  file: 'imd',
  column,
  decileColumn: column.replace(/_score(_rate)?$/, '_decile'),
  comparator: { indicator: `iod2025_${column}`, statistic: PWM },
  ...extra,
});

/** Census households deprived in at least n of the four dimensions (TS011). */
const householdsDeprived = (n: 1 | 2): IndicatorDef => ({
  id: `households_deprived_${n}plus`,
  label: `Households deprived in ${n} or more dimensions`,
  theme: 'Population and households',
  unit: '%',
  decimals: 1,
  period: CENSUS_PERIOD,
  source: `${CENSUS_SOURCE} TS011 Households by deprivation dimensions`,
  licence: OGL,
  polarity: 'LowIsGood',
  kind: 'proportion',
  compare: 'interval',
  method: `Households deprived in at least ${n === 1 ? 'one' : 'two'} of employment, education, health and disability, and housing, as a share of all households. Compared with England by 95% Wilson score interval.`,
  caveats: 'Census household deprivation dimensions are not the Indices of Deprivation. ONS perturbs small counts.',
  file: 'census',
  numerator: [1, 2, 3, 4].filter((k) => k >= n).map((k) => `households_deprived_in_${k}_dims_n`),
  denominator: 'households_total',
  scale: 100,
  comparator: { indicator: `census2021_households_deprived_${n}plus_dims_pct`, statistic: 'sum over LSOAs (crude, not age-standardised)' },
});

/** Derived: share of residents living in LSOAs in England's most deprived n deciles. */
const mostDeprived = (n: 1 | 2): IndicatorDef => ({
  id: `imd_most_deprived_${n * 10}`,
  label: `Residents in England’s most deprived ${n * 10}% of LSOAs`,
  theme: 'Deprivation',
  unit: '%',
  decimals: 1,
  period: IOD_PERIOD,
  source: `${IOD_SOURCE}; ${CENSUS_SOURCE} usual residents`,
  licence: OGL,
  polarity: 'LowIsGood',
  kind: 'proportion',
  compare: 'none',
  method: `Derived: Census 2021 usual residents of LSOAs in IMD national decile${n === 1 ? ' 1' : 's 1–2'}, as a share of all usual residents. England’s value is computed the same way from all 33,755 LSOAs.`,
  caveats: 'A whole LSOA counts as deprived or not; not everyone in a deprived area is deprived, and vice versa.',
  file: 'imd',
  scale: 100,
  mostDeprivedDeciles: n,
});

const RANK_CAVEAT =
  'Deprivation scores rank areas; differences between scores are not proportional (a score of 40 is not twice as deprived as 20). IoD 2025 uses 2021 LSOAs.';

export const INDICATORS: IndicatorDef[] = [
  score(
    'imd_score',
    'Index of Multiple Deprivation score',
    'imd_score',
    'score',
    1,
    'Weighted combination of seven domains: income 22.5%, employment 22.5%, education 13.5%, health 13.5%, crime 9.3%, barriers to housing and services 9.3%, living environment 9.3%. Higher = more deprived.',
    RANK_CAVEAT,
    { decileColumn: 'imd_decile' },
  ),
  {
    id: 'imd_decile',
    label: 'Index of Multiple Deprivation national decile',
    theme: 'Deprivation',
    unit: 'decile (1 = most deprived 10% in England)',
    decimals: 0,
    period: IOD_PERIOD,
    source: IOD_SOURCE,
    licence: OGL,
    polarity: 'HighIsGood',
    kind: 'decile',
    compare: 'decile',
    method:
      'Each LSOA’s decile among all 33,755 LSOAs in England (1 = most deprived 10%), as published. Deciles are national, never re-ranked locally.',
    caveats: RANK_CAVEAT,
    file: 'imd',
    column: 'imd_decile',
    decileColumn: 'imd_decile',
  },
  mostDeprived(1),
  mostDeprived(2),
  score(
    'income_score',
    'Income deprivation',
    'income_score_rate',
    '%',
    1,
    'Share of the population experiencing deprivation relating to low income (benefit and tax-credit claimants and dependants). Published as a rate; shown here as a percentage.',
    RANK_CAVEAT,
    { scale: 100 },
  ),
  score(
    'employment_score',
    'Employment deprivation',
    'employment_score_rate',
    '%',
    1,
    'Share of the working-age population involuntarily excluded from work (unemployment, sickness or disability, caring). Published as a rate; shown here as a percentage.',
    RANK_CAVEAT,
    { scale: 100 },
  ),
  score(
    'education_score',
    'Education, skills and training deprivation score',
    'education_skills_training_score',
    'score',
    1,
    'Lack of attainment and skills among children, young people and adults. Higher = more deprived.',
    RANK_CAVEAT,
  ),
  score(
    'health_score',
    'Health deprivation and disability score',
    'health_deprivation_disability_score',
    'score (0 = England mean)',
    2,
    'Risk of premature death and impairment of quality of life through poor physical or mental health: combines years of potential life lost, comparative illness and disability ratio, acute morbidity and mood and anxiety disorders. Higher = more deprived.',
    RANK_CAVEAT,
  ),
  score(
    'crime_score',
    'Crime deprivation score',
    'crime_score',
    'score (0 = England mean)',
    2,
    'Risk of personal and material victimisation (recorded violence, burglary, theft, criminal damage). Higher = more deprived.',
    RANK_CAVEAT,
  ),
  score(
    'barriers_score',
    'Barriers to housing and services score',
    'barriers_housing_services_score',
    'score',
    1,
    'Physical and financial accessibility of housing and local services (road distance to GP, school, shop, post office; overcrowding, homelessness, affordability). Higher = more deprived.',
    RANK_CAVEAT,
  ),
  score(
    'living_environment_score',
    'Living environment deprivation score',
    'living_environment_score',
    'score',
    1,
    'Quality of the indoor (housing condition, central heating) and outdoor (air quality, road traffic accidents) local environment. Higher = more deprived.',
    RANK_CAVEAT,
  ),
  ...(
    [
      ['ypll', 'Years of potential life lost', 'ypll_indicator', 'years per 1,000 (age/sex standardised)', 1, 'Age- and sex-standardised years of potential life lost before age 75 (IoD 2025 health domain sub-indicator). Higher = worse.'],
      ['cidr', 'Comparative illness and disability ratio', 'cidr_indicator', 'ratio (100 ≈ England average)', 1, 'Age- and sex-standardised rate of people receiving benefits for work-limiting illness or disability, relative to England (IoD 2025 health domain sub-indicator). Higher = worse.'],
      ['acute_morbidity', 'Acute morbidity', 'acute_morbidity_indicator', 'ratio (100 ≈ England average)', 1, 'Age- and sex-standardised rate of emergency hospital admissions relative to England (IoD 2025 health domain sub-indicator). Higher = worse.'],
      ['mental_health', 'Mental health indicator', 'mental_health_indicator', 'score (0 ≈ England average)', 2, 'Combines prescribing, suicide, hospital episodes and benefit data for mood and anxiety disorders (IoD 2025 health domain sub-indicator). Higher = worse.'],
    ] as const
  ).map(
    ([id, label, column, unit, decimals, method]): IndicatorDef => ({
      id,
      label,
      theme: 'Health (deprivation sub-indicators)',
      unit,
      decimals,
      period: IOD_PERIOD,
      source: IOD_SOURCE,
      licence: OGL,
      polarity: 'LowIsGood',
      kind: 'score',
      compare: 'none',
      method,
      caveats:
        'Published at LSOA level without confidence intervals or national deciles, so no "compared with England" map is drawn. England’s value is the median of all LSOAs, not a population-weighted mean.',
      file: 'imdHealth',
      column,
      comparator: { indicator: `iod2025_${column}`, statistic: 'median_of_lsoas' },
    }),
  ),
  {
    id: 'disability',
    label: 'Disabled under the Equality Act',
    theme: 'Population and households',
    unit: '%',
    decimals: 1,
    period: CENSUS_PERIOD,
    source: `${CENSUS_SOURCE} TS038 Disability`,
    licence: OGL,
    polarity: 'LowIsGood',
    kind: 'proportion',
    compare: 'interval',
    method:
      'Usual residents whose day-to-day activities are limited a little or a lot by a long-term condition, as a share of all usual residents. Compared with England by 95% Wilson score interval.',
    caveats: 'Crude percentage, not age-standardised: areas with older residents have higher values. ONS perturbs small counts.',
    file: 'census',
    numerator: ['disabled_equality_act_n'],
    denominator: 'usual_residents',
    scale: 100,
    comparator: { indicator: 'census2021_disabled_equality_act_pct', statistic: 'sum over LSOAs (crude, not age-standardised)' },
  },
  householdsDeprived(1),
  householdsDeprived(2),
  {
    id: 'usual_residents',
    label: 'Usual residents',
    theme: 'Population and households',
    unit: 'people',
    decimals: 0,
    period: CENSUS_PERIOD,
    source: `${CENSUS_SOURCE} TS038`,
    licence: OGL,
    polarity: 'NoJudgement',
    kind: 'count',
    compare: 'none',
    method: 'Count of usual residents on Census day.',
    caveats: 'Ward counts are estimates (see the geography note). ONS perturbs small counts.',
    file: 'census',
    column: 'usual_residents',
    comparator: { indicator: 'census2021_usual_residents', statistic: 'sum over LSOAs (crude, not age-standardised)' },
  },
];

export const QOF_THEMES = {
  latest: 'Health conditions (GP records, QOF 2024-25)',
  earlier: 'Health conditions, earlier year (QOF 2022-23)',
};

/**
 * Local-authority-only indicators from OHID Fingertips (rows "fingertips_<id>" in england.csv).
 * No small-area data exists for these, so they appear in profiles as borough figures only.
 */
export const BOROUGH_INDICATORS: { id: string; fingertipsId: number; label: string; sex: string }[] = [
  { id: 'physically_inactive', fingertipsId: 93015, label: 'Physically inactive adults', sex: 'Persons' },
  { id: 'physically_active', fingertipsId: 93014, label: 'Physically active adults', sex: 'Persons' },
  { id: 'overweight_obese', fingertipsId: 93088, label: 'Overweight or obese adults', sex: 'Persons' },
  { id: 'smoking', fingertipsId: 92443, label: 'Smoking prevalence in adults', sex: 'Persons' },
  { id: 'life_expectancy_m', fingertipsId: 90366, label: 'Life expectancy at birth (males)', sex: 'Male' },
  { id: 'life_expectancy_f', fingertipsId: 90366, label: 'Life expectancy at birth (females)', sex: 'Female' },
  { id: 'healthy_le_m', fingertipsId: 90362, label: 'Healthy life expectancy at birth (males)', sex: 'Male' },
  { id: 'healthy_le_f', fingertipsId: 90362, label: 'Healthy life expectancy at birth (females)', sex: 'Female' },
  { id: 'preventable_u75', fingertipsId: 93721, label: 'Under-75 mortality from preventable causes (per 100,000)', sex: 'Persons' },
];
