/**
 * The indicator registry: what each indicator is, where its numbers come from, and how it is
 * aggregated and compared. Every family is declared here: IoD and Census columns (INDICATORS),
 * QOF prevalence (qofIndicator), access to services (ACCESS_MEASURES, accessIndicators) and
 * borough-only Fingertips figures (BOROUGH_INDICATORS). The data build (scripts/build/) reads this,
 * checks it against the files, and writes the browser's registry with values, comparators and breaks.
 * Nothing here is a data value: every number comes from the files named in data/place.json.
 */
import type { Asset, AssetCategory } from '../src/lib/assets/categories';
import type { GeographyId, IndicatorMeta } from '../src/lib/core/types';
import type { QofCondition } from '../src/lib/health/qof';

/** The browser's descriptive metadata, common to every family; the build adds values and comparators. */
export type IndicatorText = Pick<IndicatorMeta, 'id' | 'label' | 'theme' | 'unit' | 'decimals' | 'period' | 'source' | 'licence' | 'polarity' | 'kind' | 'compare' | 'method' | 'caveats'>;

/** An IoD or Census column in one of the LSOA tables, plus where the build finds the numbers. */
export interface IndicatorDef extends IndicatorText {
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
  /** Row key in england.csv of the publisher's own figure for the borough (e.g. the official LA summary), shown beside ours. */
  official?: { indicator: string; why: string };
}

const IOD_SOURCE = 'MHCLG English Indices of Deprivation 2025 (File 7 / File 8)';
const CENSUS_SOURCE = 'ONS Census 2021';
const OGL = 'Open Government Licence v3.0';
const IOD_PERIOD = 'IoD 2025 (published 2025; mostly 2022–23 data)';
const CENSUS_PERIOD = 'Census 2021 (21 March 2021)';
const PWM = 'population_weighted_mean (weights: Census 2021 usual residents)';
const CENSUS_SUM = 'sum over LSOAs (crude, not age-standardised)';

const RANK_CAVEAT =
  'Deprivation scores rank areas; differences between scores are not proportional (a score of 40 is not twice as deprived as 20). IoD 2025 uses 2021 LSOAs.';
const SUB_INDICATOR_CAVEAT =
  'Published at LSOA level without confidence intervals or national deciles, so no "compared with England" map is drawn. England’s value is the median of all LSOAs, not a population-weighted mean.';

interface IodColumn {
  id: string;
  label: string;
  column: string;
  unit: string;
  decimals: number;
  method: string;
}

/** One IoD 2025 score column (higher = more deprived), as published per LSOA; England from england.csv. */
const iodScore = ({
  theme,
  compare,
  caveats,
  file,
  statistic,
  decileColumn,
  scale,
  ...c
}: IodColumn & Pick<IndicatorDef, 'theme' | 'compare' | 'caveats' | 'file' | 'decileColumn' | 'scale'> & { statistic: string }): IndicatorDef => ({
  id: c.id,
  label: c.label,
  theme,
  unit: c.unit,
  decimals: c.decimals,
  period: IOD_PERIOD,
  source: IOD_SOURCE,
  licence: OGL,
  polarity: 'LowIsGood',
  kind: 'score',
  compare,
  method: c.method,
  caveats,
  file,
  column: c.column,
  ...(decileColumn ? { decileColumn } : {}),
  ...(scale ? { scale } : {}),
  comparator: { indicator: `iod2025_${c.column}`, statistic },
});

/** An IoD domain score: compared with England by national decile (the published decile column). */
const domainScore = (c: IodColumn & { scale?: number; official?: IndicatorDef['official'] }): IndicatorDef => ({
  ...iodScore({
    ...c,
    theme: 'Deprivation',
    compare: 'decile',
    caveats: RANK_CAVEAT,
    file: 'imd',
    decileColumn: c.column.replace(/_score(_rate)?$/, '_decile'),
    statistic: PWM,
  }),
  ...(c.official ? { official: c.official } : {}),
});

/** An IoD health-domain sub-indicator: no deciles or intervals are published, so no comparison map. */
const healthSubIndicator = (c: IodColumn): IndicatorDef =>
  iodScore({ ...c, theme: 'Health (deprivation sub-indicators)', compare: 'none', caveats: SUB_INDICATOR_CAVEAT, file: 'imdHealth', statistic: 'median_of_lsoas' });

const SUPPLEMENTARY_CAVEAT =
  'An underlying indicator of the Indices of Deprivation, published per LSOA without confidence intervals or national deciles. No England figure is held for it, so it is not compared with England.';

/** An IoD 2025 underlying (supplementary) indicator with no England comparator in the files held. */
const supplementary = ({ scale, ...c }: IodColumn & { scale?: number }): IndicatorDef => ({
  id: c.id,
  label: c.label,
  theme: 'Housing and services (deprivation sub-indicators)',
  unit: c.unit,
  decimals: c.decimals,
  period: IOD_PERIOD,
  source: `${IOD_SOURCE}, underlying indicators`,
  licence: OGL,
  polarity: 'LowIsGood',
  kind: 'score',
  compare: 'none',
  method: c.method,
  caveats: SUPPLEMENTARY_CAVEAT,
  file: 'imdHealth',
  column: c.column,
  ...(scale ? { scale } : {}),
});

/** Census households deprived in at least n of the four dimensions (TS011). */
const householdsDeprived = ({ n }: { n: 1 | 2 }): IndicatorDef => ({
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
  comparator: { indicator: `census2021_households_deprived_${n}plus_dims_pct`, statistic: CENSUS_SUM },
});

/** Derived: share of residents living in LSOAs in England's most deprived n deciles. */
const mostDeprived = ({ n }: { n: 1 | 2 }): IndicatorDef => ({
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

/** IoD and Census indicators, from the LSOA tables, in the order the app lists them. */
export const INDICATORS: IndicatorDef[] = [
  domainScore({
    id: 'imd_score',
    label: 'Index of Multiple Deprivation score',
    column: 'imd_score',
    unit: 'score',
    decimals: 1,
    method:
      'Weighted combination of seven domains: income 22.5%, employment 22.5%, education 13.5%, health 13.5%, crime 9.3%, barriers to housing and services 9.3%, living environment 9.3%. Higher = more deprived.',
    official: {
      indicator: 'iod2025_imd_average_score_la_summary',
      why: 'The official figure (MHCLG File 10) weights LSOA scores by ONS mid-year population estimates; the figure here weights them by Census 2021 usual residents, the same rule used for every ward, MSOA and neighbourhood in this tool, so the two differ slightly.',
    },
  }),
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
  mostDeprived({ n: 1 }),
  mostDeprived({ n: 2 }),
  domainScore({
    id: 'income_score',
    label: 'Income deprivation',
    column: 'income_score_rate',
    unit: '%',
    decimals: 1,
    method:
      'Share of the population experiencing deprivation relating to low income (benefit and tax-credit claimants and dependants). Published as a rate; shown here as a percentage.',
    scale: 100,
  }),
  domainScore({
    id: 'employment_score',
    label: 'Employment deprivation',
    column: 'employment_score_rate',
    unit: '%',
    decimals: 1,
    method:
      'Share of the working-age population involuntarily excluded from work (unemployment, sickness or disability, caring). Published as a rate; shown here as a percentage.',
    scale: 100,
  }),
  domainScore({
    id: 'education_score',
    label: 'Education, skills and training deprivation score',
    column: 'education_skills_training_score',
    unit: 'score',
    decimals: 1,
    method: 'Lack of attainment and skills among children, young people and adults. Higher = more deprived.',
  }),
  domainScore({
    id: 'health_score',
    label: 'Health deprivation and disability score',
    column: 'health_deprivation_disability_score',
    unit: 'score (0 = England mean)',
    decimals: 2,
    method:
      'Risk of premature death and impairment of quality of life through poor physical or mental health: combines years of potential life lost, comparative illness and disability ratio, acute morbidity and mood and anxiety disorders. Higher = more deprived.',
  }),
  domainScore({
    id: 'crime_score',
    label: 'Crime deprivation score',
    column: 'crime_score',
    unit: 'score (0 = England mean)',
    decimals: 2,
    method: 'Risk of personal and material victimisation (recorded violence, burglary, theft, criminal damage). Higher = more deprived.',
  }),
  domainScore({
    id: 'barriers_score',
    label: 'Barriers to housing and services score',
    column: 'barriers_housing_services_score',
    unit: 'score',
    decimals: 1,
    method:
      'Physical and financial accessibility of housing and local services (road distance to GP, school, shop, post office; overcrowding, homelessness, affordability). Higher = more deprived.',
  }),
  domainScore({
    id: 'living_environment_score',
    label: 'Living environment deprivation score',
    column: 'living_environment_score',
    unit: 'score',
    decimals: 1,
    method:
      'Quality of the indoor (housing condition, central heating) and outdoor (air quality, road traffic accidents) local environment. Higher = more deprived.',
  }),
  healthSubIndicator({
    id: 'ypll',
    label: 'Years of potential life lost',
    column: 'ypll_indicator',
    unit: 'years per 1,000 (age/sex standardised)',
    decimals: 1,
    method: 'Age- and sex-standardised years of potential life lost before age 75 (IoD 2025 health domain sub-indicator). Higher = worse.',
  }),
  healthSubIndicator({
    id: 'cidr',
    label: 'Comparative illness and disability ratio',
    column: 'cidr_indicator',
    unit: 'ratio (100 ≈ England average)',
    decimals: 1,
    method:
      'Age- and sex-standardised rate of people receiving benefits for work-limiting illness or disability, relative to England (IoD 2025 health domain sub-indicator). Higher = worse.',
  }),
  healthSubIndicator({
    id: 'acute_morbidity',
    label: 'Acute morbidity',
    column: 'acute_morbidity_indicator',
    unit: 'ratio (100 ≈ England average)',
    decimals: 1,
    method: 'Age- and sex-standardised rate of emergency hospital admissions relative to England (IoD 2025 health domain sub-indicator). Higher = worse.',
  }),
  healthSubIndicator({
    id: 'mental_health',
    label: 'Mental health indicator',
    column: 'mental_health_indicator',
    unit: 'score (0 ≈ England average)',
    decimals: 2,
    method:
      'Combines prescribing, suicide, hospital episodes and benefit data for mood and anxiety disorders (IoD 2025 health domain sub-indicator). Higher = worse.',
  }),
  supplementary({
    id: 'patient_to_gp_ratio',
    label: 'Patients per GP',
    column: 'patient_to_gp_ratio',
    unit: 'registered patients per GP',
    decimals: 0,
    method:
      'Patient-to-GP ratio as published per LSOA in the IoD 2025 underlying indicators (File 8); see the IoD 2025 technical report for how it is built. Higher = fewer GPs for the patients.',
  }),
  supplementary({
    id: 'overcrowding',
    label: 'Household overcrowding',
    column: 'household_overcrowding_bedrooms_indicator',
    unit: '% of households',
    decimals: 1,
    scale: 100,
    method:
      'Share of households with fewer bedrooms than they need (the bedroom standard), as published per LSOA in the IoD 2025 underlying indicators (File 8; part of the barriers to housing and services domain). Published as a proportion; shown here as a percentage.',
  }),
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
    comparator: { indicator: 'census2021_disabled_equality_act_pct', statistic: CENSUS_SUM },
  },
  householdsDeprived({ n: 1 }),
  householdsDeprived({ n: 2 }),
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
    comparator: { indicator: 'census2021_usual_residents', statistic: CENSUS_SUM },
  },
];

/** Metadata for an indicator family whose values the build computes elsewhere (QOF, access). */
export interface FamilyIndicator extends IndicatorText {
  geographyMethod: Partial<Record<GeographyId, string>>;
  derived: Partial<Record<GeographyId, boolean>>;
}

const ALL_DERIVED: Partial<Record<GeographyId, boolean>> = { lsoa: true, msoa: true, ward: true };

/** The Indicator list's group for a QOF year: the latest year leads, earlier years follow (years come from place.json). */
const qofTheme = (year: string, latest: boolean) => (latest ? `Health conditions (GP records, QOF ${year})` : `Health conditions, earlier year (QOF ${year})`);

export interface QofIndicator extends FamilyIndicator {
  modelled: true;
  qof: { condition: string; year: string };
  previousId?: string;
  /** How the published comparator statistics are labelled. */
  statistic: { england: (published: string) => string; borough: (published: string) => string };
}

const qofId = (condition: string, year: string) => `qof_${condition}_${year.replace('-', '_')}`;

/**
 * QOF recorded prevalence for one condition and year: practice registers apportioned to LSOAs
 * (scripts/qof.ts), then pooled like any proportion. The latest year keeps the plain id and label.
 */
export const qofIndicator = ({
  condition,
  year,
  years,
  modelNote,
  placeName,
}: {
  condition: QofCondition;
  year: string;
  /** All QOF years, oldest first. */
  years: string[];
  /** The apportionment model's explanation (scripts/qof.ts). */
  modelNote: string;
  placeName: string;
}): QofIndicator => {
  const latest = year === years[years.length - 1];
  return {
    id: latest ? `qof_${condition.id}` : qofId(condition.id, year),
    label: latest ? condition.label : `${condition.label} (${year})`,
    theme: qofTheme(year, latest),
    unit: '%',
    decimals: 1,
    period: `QOF ${year} (registers at 31 March, list sizes at 1 January)`,
    source: 'NHS England Quality and Outcomes Framework (recorded prevalence by GP practice); small-area values modelled here',
    licence: OGL,
    polarity: 'NoJudgement',
    kind: 'proportion',
    compare: 'interval',
    method: `Recorded prevalence: patients on the ${condition.register} register as a share of the practice list ${condition.ageBase}. ${modelNote}`,
    caveats: condition.caveat,
    modelled: true,
    geographyMethod: {
      lsoa: 'LSOA: modelled estimate (practice registers apportioned to LSOAs, see method).',
      msoa: 'MSOA: modelled estimate; apportioned registers and denominators of its LSOAs summed, then divided.',
      ward: 'Ward: modelled estimate; apportioned LSOA registers and denominators split between wards by area overlap, summed, then divided.',
    },
    derived: ALL_DERIVED,
    qof: { condition: condition.id, year },
    ...(latest && years.length > 1 ? { previousId: qofId(condition.id, years[0]) } : {}),
    statistic: {
      england: (s) => `England: ${s}`,
      borough: (s) => `${placeName} GP practices: ${s} (patients registered, not residents)`,
    },
  };
};

/** Straight-line access measures: which assets count towards each, and how that is explained. */
export interface AccessMeasure {
  category: AssetCategory;
  label: string;
  include: (a: Asset) => boolean;
  note: string;
}

export const ACCESS_MEASURES: readonly AccessMeasure[] = [
  {
    category: 'gp',
    label: 'Distance to nearest GP practice',
    include: (a) => a.status === 'open',
    note: 'Active GP practices (NHS ODS epraccur, main sites only: branch surgeries are not listed), including practices just outside the borough.',
  },
  {
    category: 'pharmacy',
    label: 'Distance to nearest pharmacy',
    include: (a) => a.status === 'open',
    note: 'Active pharmacies (NHS ODS edispensary, ~Apr 2025), including pharmacies just outside the borough. Distance-selling pharmacies cannot be told apart and are included.',
  },
  {
    category: 'library',
    label: 'Distance to nearest public library',
    include: (a) => a.status === 'open' && a.subcategory === 'Static Library',
    note: 'Open static libraries (DCMS 2023). Closed libraries, prison libraries and the mobile library depot are excluded. Libraries outside the borough are not in the data.',
  },
  {
    category: 'food_bank',
    label: 'Distance to nearest listed food bank',
    include: (a) => a.status === 'open' || a.status === 'unverified',
    note: 'All listed food banks (Give Food), including listings marked unverified. The list is not exhaustive: pantries and community larders are missing, so real distances may be shorter.',
  },
];

export interface AccessIndicator extends FamilyIndicator {
  /** Which per-LSOA array of the access result (scripts/assets.ts) holds the values. */
  values: 'lsoaDistanceM' | 'lsoaCount1km';
  boroughStatistic: string;
}

/** The two indicators of one access measure: distance to the nearest asset, and the count within 1 km. */
export const accessIndicators = ({ measure, categoryLabel }: { measure: Pick<AccessMeasure, 'category' | 'label' | 'note'>; categoryLabel: string }): AccessIndicator[] =>
  (
    [
      { suffix: 'distance', label: measure.label, unit: 'metres (straight line)', values: 'lsoaDistanceM', polarity: 'LowIsGood', decimals: 0, counted: '' },
      { suffix: 'count_1km', label: `${categoryLabel} within 1 km`, unit: 'count within 1 km (straight line)', values: 'lsoaCount1km', polarity: 'HighIsGood', decimals: 1, counted: ', counted within 1 km' },
    ] as const
  ).map((m) => ({
    id: `access_${measure.category}_${m.suffix}`,
    label: m.label,
    theme: 'Access to services (derived, straight-line)',
    unit: m.unit,
    decimals: m.decimals,
    period: 'Asset lists as dated in data/assets/PROVENANCE.md; ONS 2021 population-weighted centroids',
    source: 'Derived here from NHS ODS, DCMS and Give Food asset lists and ONS LSOA population-weighted centroids',
    licence: `${OGL} (Give Food: Unlicense)`,
    polarity: m.polarity,
    kind: 'score',
    compare: 'none',
    method: `Derived: straight-line distance from each LSOA’s population-weighted centroid to the nearest ${measure.label.replace(/^Distance to nearest /, '')}${m.counted}. Assets just outside the borough count, since residents cross boundaries. ${measure.note}`,
    caveats:
      'Straight-line, not walking or travel time. One point per LSOA (its population-weighted centroid) stands for all its residents. Asset lists may miss recent openings and closures.',
    geographyMethod: {
      lsoa: 'LSOA: derived at its population-weighted centroid.',
      msoa: 'MSOA: population-weighted mean of its LSOAs.',
      ward: 'Ward: estimated; population-weighted mean of LSOAs split by area overlap.',
    },
    derived: ALL_DERIVED,
    values: m.values,
    boroughStatistic: 'population-weighted mean of the borough’s LSOAs (derived)',
  }));

/** A local-authority-only indicator from OHID Fingertips (rows "fingertips_<id>" in england.csv). */
export interface BoroughIndicatorDef {
  id: string;
  fingertipsId: number;
  label: string;
  sex: 'Persons' | 'Male' | 'Female';
  decimals: number;
  licence: string;
}

const fingertips = (d: Pick<BoroughIndicatorDef, 'id' | 'fingertipsId' | 'label' | 'sex'>): BoroughIndicatorDef => ({ ...d, decimals: 1, licence: OGL });

/** No small-area data exists for these, so they appear in profiles as borough figures only. */
export const BOROUGH_INDICATORS: BoroughIndicatorDef[] = [
  fingertips({ id: 'physically_inactive', fingertipsId: 93015, label: 'Physically inactive adults', sex: 'Persons' }),
  fingertips({ id: 'physically_active', fingertipsId: 93014, label: 'Physically active adults', sex: 'Persons' }),
  fingertips({ id: 'overweight_obese', fingertipsId: 93088, label: 'Overweight or obese adults', sex: 'Persons' }),
  fingertips({ id: 'smoking', fingertipsId: 92443, label: 'Smoking prevalence in adults', sex: 'Persons' }),
  fingertips({ id: 'life_expectancy_m', fingertipsId: 90366, label: 'Life expectancy at birth (males)', sex: 'Male' }),
  fingertips({ id: 'life_expectancy_f', fingertipsId: 90366, label: 'Life expectancy at birth (females)', sex: 'Female' }),
  fingertips({ id: 'healthy_le_m', fingertipsId: 90362, label: 'Healthy life expectancy at birth (males)', sex: 'Male' }),
  fingertips({ id: 'healthy_le_f', fingertipsId: 90362, label: 'Healthy life expectancy at birth (females)', sex: 'Female' }),
  fingertips({ id: 'preventable_u75', fingertipsId: 93721, label: 'Under-75 mortality from preventable causes (per 100,000)', sex: 'Persons' }),
];

/**
 * Place data published on 2011 geography (ONS green space, IoD 2019), mapped to 2021 areas by the build
 * (scripts/build/placeData.ts) through the 2011 -> 2021 lookups (src/lib/indicators/from2011.ts).
 */
export interface PlaceDataDef extends FamilyIndicator {
  /** Which place.json file holds the values. */
  from: 'greenspace' | 'gardens' | 'imd2019';
  /** Value column (scores, distances, ranks, deciles). */
  column?: string;
  /** Proportion: numerator and denominator count columns. */
  numerator?: string;
  denominator?: string;
  /** Column holding England's figure, the same on every row (green space: computed by the republisher). */
  englandColumn?: string;
  englandStatistic?: string;
  /** IoD 2019 -> 2025 change: the 2025 LSOA column (imd table) minus the 2011-mapped 2019 column. */
  changeFrom2025?: string;
  boroughStatistic: string;
}

const MAPPED_2011_LSOA =
  'Published on 2011 LSOAs and mapped to 2021 LSOAs through the 2011 → 2021 lookup (the one used for people’s own 2011 files): an LSOA unchanged since 2011 keeps its published value; where a 2011 LSOA was split in 2021, each part takes its parent’s value; a 2021 LSOA made from several 2011 LSOAs would take their population-weighted mean.';
const PWM_GEOGRAPHIES: Partial<Record<GeographyId, string>> = {
  msoa: 'MSOA: population-weighted mean of its 2021 LSOAs (Census 2021 usual residents).',
  ward: 'Ward: estimated; population-weighted mean of LSOAs split between wards by area overlap.',
};
const GREENSPACE_SOURCE =
  'ONS, Access to gardens and public green space in Great Britain (OS Open Greenspace, OS AddressBase), via a republisher’s copy (see data/indicators/PROVENANCE.md)';
const GREENSPACE_LICENCE = `${OGL} (contains OS data © Crown copyright and database right 2020)`;
const GREENSPACE_PERIOD = 'April 2020 (2011 LSOAs)';
const GREENSPACE_THEME = 'Green and open space';
const BOROUGH_PWM = 'population-weighted mean of the borough’s LSOAs (derived)';
const IOD2019_SOURCE = 'MHCLG English Indices of Deprivation 2019 (File 7) and 2025 (File 7)';
const IOD2019_CAVEAT =
  'IoD 2019 used 2011 LSOAs and ranked 32,844 LSOAs; IoD 2025 uses 2021 LSOAs and ranks 33,755, so boundaries changed for split areas and ranks are not on quite the same scale. Deciles and ranks are relative: an area can move decile because others changed. Averages of deciles or ranks over several LSOAs are summaries, not national deciles or ranks.';

export const PLACE_DATA: PlaceDataDef[] = [
  {
    id: 'greenspace_park_distance',
    label: 'Distance to nearest park or playing field',
    theme: GREENSPACE_THEME,
    unit: 'metres (average over addresses)',
    decimals: 0,
    period: GREENSPACE_PERIOD,
    source: GREENSPACE_SOURCE,
    licence: GREENSPACE_LICENCE,
    polarity: 'LowIsGood',
    kind: 'score',
    compare: 'none',
    method: `ONS: average, over the LSOA’s residential addresses, of the straight-line distance to the nearest park, public garden or playing field. Rounded to whole metres by the republisher. ${MAPPED_2011_LSOA}`,
    caveats:
      'ONS cannot tell public from private playing fields, so some sites counted may not be open to the public. England’s figure is the unweighted mean of all 32,649 English LSOA values, computed by the republisher, not an address-weighted national figure; so no "compared with England" category is given.',
    geographyMethod: { lsoa: 'LSOA: published on 2011 LSOAs, mapped to 2021 (see method).', ...PWM_GEOGRAPHIES },
    derived: { lsoa: true, msoa: true, ward: true },
    from: 'greenspace',
    column: 'avg_distance_nearest_park_public_garden_playing_field_m',
    englandColumn: 'england_lsoa_mean_distance_m',
    englandStatistic: 'unweighted mean of all 32,649 English LSOA values (computed by the republisher; not address-weighted)',
    boroughStatistic: BOROUGH_PWM,
  },
  {
    id: 'greenspace_parks_1km',
    label: 'Parks, public gardens and playing fields within 1 km',
    theme: GREENSPACE_THEME,
    unit: 'number within 1 km (average over addresses)',
    decimals: 1,
    period: GREENSPACE_PERIOD,
    source: GREENSPACE_SOURCE,
    licence: GREENSPACE_LICENCE,
    polarity: 'HighIsGood',
    kind: 'score',
    compare: 'none',
    method: `ONS: average, over the LSOA’s residential addresses, of the number of parks, public gardens and playing fields within 1 km. The republisher rounded each LSOA value to a whole number, losing the ONS decimals. ${MAPPED_2011_LSOA}`,
    caveats:
      'Each LSOA value is rounded to a whole number (the full-precision ONS workbook was not available). ONS cannot tell public from private playing fields. England’s figure is the unweighted mean of all English LSOA values (of the rounded values), computed by the republisher.',
    geographyMethod: { lsoa: 'LSOA: published on 2011 LSOAs, mapped to 2021 (see method).', ...PWM_GEOGRAPHIES },
    derived: { lsoa: true, msoa: true, ward: true },
    from: 'greenspace',
    column: 'avg_number_parks_public_gardens_playing_fields_within_1000m',
    englandColumn: 'england_lsoa_mean_number_within_1000m',
    englandStatistic: 'unweighted mean of all 32,649 English LSOA values (computed by the republisher from rounded values)',
    boroughStatistic: BOROUGH_PWM,
  },
  {
    id: 'gardens_private_outdoor_space',
    label: 'Addresses with private outdoor space (gardens)',
    theme: GREENSPACE_THEME,
    unit: '%',
    decimals: 1,
    period: 'April 2020 (2011 MSOAs)',
    source: 'ONS, Access to garden space, Great Britain, April 2020 (OS AddressBase Plus), via the British Red Cross copy of the ONS workbook (see data/indicators/PROVENANCE.md)',
    licence: GREENSPACE_LICENCE,
    polarity: 'HighIsGood',
    kind: 'proportion',
    compare: 'none',
    method:
      'ONS: residential addresses with a private garden or other private outdoor space (shared gardens of flats included), as a share of all residential addresses. Published by MSOA only, on 2011 MSOAs: an MSOA unchanged since 2011 keeps its counts; where a 2011 MSOA was split in 2021, its counts are shared between the parts by where residents live, so each part shows the parent’s share.',
    caveats:
      'Published by MSOA only: LSOA figures are their MSOA’s share, not measured for the LSOA, so the map at LSOA or ward level shows MSOA differences only. Not compared with England as a category, because the LSOA counts are apportioned.',
    geographyMethod: {
      msoa: 'MSOA: published on 2011 MSOAs, mapped to 2021 (see method).',
      lsoa: 'LSOA: estimated; its MSOA’s share (the MSOA’s address counts shared between its LSOAs by Census 2021 usual residents). Not measured per LSOA.',
      ward: 'Ward: estimated; the LSOA estimates, split between wards by area overlap, counts summed, then divided.',
    },
    derived: { lsoa: true, msoa: true, ward: true },
    from: 'gardens',
    numerator: 'addresses_with_private_outdoor_space',
    denominator: 'address_count',
    boroughStatistic: 'published for the local authority (ONS)',
  },
  {
    id: 'imd2019_decile',
    label: 'Index of Multiple Deprivation 2019 national decile',
    theme: 'Deprivation: change since IoD 2019',
    unit: 'decile (1 = most deprived 10% in England, 2019)',
    decimals: 1,
    period: 'IoD 2019 (published 2019; mostly 2015–16 data; 2011 LSOAs)',
    source: IOD2019_SOURCE,
    licence: OGL,
    polarity: 'HighIsGood',
    kind: 'score',
    compare: 'none',
    method: `Each LSOA’s IMD 2019 decile among England’s 32,844 LSOAs (1 = most deprived 10%), as published. ${MAPPED_2011_LSOA}`,
    caveats: IOD2019_CAVEAT,
    geographyMethod: { lsoa: 'LSOA: published IoD 2019 decile, mapped from 2011 LSOAs (see method).', msoa: 'MSOA: population-weighted mean of its LSOAs’ deciles (a summary, not a national decile).', ward: 'Ward: estimated; population-weighted mean of LSOA deciles, LSOAs split between wards by area overlap (a summary, not a national decile).' },
    derived: { lsoa: true, msoa: true, ward: true },
    from: 'imd2019',
    column: 'imd_decile',
    boroughStatistic: 'population-weighted mean of the borough’s LSOA deciles (derived; a summary, not a national decile)',
  },
  {
    id: 'imd2019_rank',
    label: 'Index of Multiple Deprivation 2019 national rank',
    theme: 'Deprivation: change since IoD 2019',
    unit: 'rank of 32,844 (1 = most deprived)',
    decimals: 0,
    period: 'IoD 2019 (published 2019; mostly 2015–16 data; 2011 LSOAs)',
    source: IOD2019_SOURCE,
    licence: OGL,
    polarity: 'HighIsGood',
    kind: 'score',
    compare: 'none',
    method: `Each LSOA’s IMD 2019 rank among England’s 32,844 LSOAs (1 = most deprived), as published. ${MAPPED_2011_LSOA}`,
    caveats: IOD2019_CAVEAT,
    geographyMethod: { lsoa: 'LSOA: published IoD 2019 rank, mapped from 2011 LSOAs (see method).', msoa: 'MSOA: population-weighted mean of its LSOAs’ ranks (a summary, not a national rank).', ward: 'Ward: estimated; population-weighted mean of LSOA ranks (a summary, not a national rank).' },
    derived: { lsoa: true, msoa: true, ward: true },
    from: 'imd2019',
    column: 'imd_rank',
    boroughStatistic: 'population-weighted mean of the borough’s LSOA ranks (derived; a summary, not a national rank)',
  },
  {
    id: 'imd_decile_change_2019_2025',
    label: 'Change in IMD national decile, 2019 to 2025',
    theme: 'Deprivation: change since IoD 2019',
    unit: 'deciles (positive = now in a less deprived decile)',
    decimals: 1,
    period: 'IoD 2019 to IoD 2025',
    source: IOD2019_SOURCE,
    licence: OGL,
    polarity: 'HighIsGood',
    kind: 'score',
    compare: 'none',
    method: `Derived: the LSOA’s IMD 2025 national decile minus its IMD 2019 national decile. Positive means the LSOA is now in a less deprived tenth of England than in 2019; negative, a more deprived one. For the 2019 decile: ${MAPPED_2011_LSOA}`,
    caveats: IOD2019_CAVEAT,
    geographyMethod: { lsoa: 'LSOA: derived (2025 decile minus 2019 decile mapped from 2011 LSOAs).', msoa: 'MSOA: population-weighted mean of its LSOAs’ changes.', ward: 'Ward: estimated; population-weighted mean of LSOA changes, LSOAs split between wards by area overlap.' },
    derived: { lsoa: true, msoa: true, ward: true },
    from: 'imd2019',
    column: 'imd_decile',
    changeFrom2025: 'imd_decile',
    boroughStatistic: 'population-weighted mean of the borough’s LSOA changes (derived)',
  },
];
