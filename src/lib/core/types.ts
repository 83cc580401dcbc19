/** Shared types for the data the build produces and the browser loads. No runtime code here. */

export type Polarity = 'HighIsGood' | 'LowIsGood' | 'NoJudgement';
export type GeographyId = 'lsoa' | 'ward' | 'msoa';
export const GEOGRAPHY_IDS: readonly GeographyId[] = ['ward', 'lsoa', 'msoa'] as const;
/** The short name people know each geography by. */
export const GEOGRAPHY_LABEL: Readonly<Record<GeographyId, string>> = { ward: 'Ward', lsoa: 'LSOA', msoa: 'MSOA' };

/** How an indicator is built up from LSOAs, and so how it can be compared with England. */
export type IndicatorKind =
  | 'score' // population-weighted mean when aggregated; no interval
  | 'proportion' // numerator / denominator, pooled from counts; Wilson interval
  | 'count' // summed when aggregated
  | 'decile'; // national decile (1 = most deprived 10% in England)

/** What the "compared with England" map shows for an indicator. */
export type CompareMode = 'decile' | 'interval' | 'none';

export interface Comparator {
  value: number;
  /** How the comparator was made, in words, e.g. "population-weighted mean of LSOA scores". */
  statistic: string;
  numerator?: number;
  denominator?: number;
}

export interface IndicatorMeta {
  id: string;
  /** Set for indicators from a person's own file: the file name, shown wherever the indicator is. */
  userFile?: string;
  label: string;
  theme: string;
  unit: string;
  decimals: number;
  period: string;
  source: string;
  licence: string;
  polarity: Polarity;
  kind: IndicatorKind;
  compare: CompareMode;
  method: string;
  caveats: string;
  /** Per-geography note on how the value was made (LSOA native, aggregated, derived). */
  geographyMethod: Partial<Record<GeographyId, string>>;
  /** True where any geography's value is derived or estimated rather than published. */
  derived?: Partial<Record<GeographyId, boolean>>;
  modelled?: boolean;
  /**
   * Modelled small-area values: the model's own error, carried into their intervals (src/lib/indicators/value.ts),
   * and its fit before and after the current model, for "About this indicator".
   */
  modelError?: ModelError;
  england?: Comparator;
  borough?: Comparator;
  /**
   * National decile boundaries (display scale, descending): entry k is the score of the last LSOA
   * in decile k+1 among England's LSOAs. Lets any pooled score be placed in a national decile.
   */
  decileThresholds?: number[];
  /** For a decile indicator: the score indicator whose pooled value is placed in a national decile. */
  decileOf?: string;
  /** QOF indicators: which condition and year, so practice values can be looked up. */
  qof?: { condition: string; year: string };
  /** The same indicator for the earlier period, for a trend. */
  previousId?: string;
  /** Where LSOAs carry published national ranks (IndicatorValues.ranks): how many LSOAs England ranks. */
  rankOf?: number;
  /** The publisher's own figure for the borough where it differs from ours (e.g. the official IMD LA summary). */
  boroughOfficial?: { value: number; rank?: number; rankOf?: number; rankUnit?: string; source: string; why: string };
}

export interface ModelError {
  /** Standard deviation of the model's error as a fraction of the value (leave-one-practice-out). */
  relative: number;
  /** False when the model does no better than no model: modelled areas are "Not compared (modelled)". */
  comparable: boolean;
  /** Fit figures, before → after, in words: [what, before, after]. */
  fit: [string, string, string][];
}

/** One QOF condition at one practice in one year. */
export interface PracticeConditionValue {
  register: number;
  denominator: number;
  /** Prevalence, %. */
  value: number;
}

export interface PracticeRecord {
  code: string;
  name: string;
  postcode: string | null;
  pcnCode: string;
  pcnName: string;
  /** Code-Point Open centroid of the practice postcode; null when it could not be geocoded. */
  lon: number | null;
  lat: number | null;
  inBorough: boolean;
  listSize: Record<string, number>;
  conditions: Record<string, Record<string, PracticeConditionValue>>;
}

/** A local-authority-only indicator (no small-area data exists): borough against England as published. */
export interface BoroughIndicator {
  id: string;
  label: string;
  sex: string;
  age: string;
  period: string;
  unit: string;
  decimals: number;
  borough: number;
  england: number;
  /** OHID's own published comparison, in words. */
  published: string;
  source: string;
  licence: string;
}

/** Per-geography values, aligned with that geography's code list. */
export interface IndicatorValues {
  values: (number | null)[];
  numerators?: (number | null)[];
  denominators?: (number | null)[];
  /** National deciles (1 = most deprived) where the indicator has a decile comparison. */
  deciles?: (number | null)[];
  /** Published national ranks (1 = most deprived), LSOAs only; out of IndicatorMeta.rankOf. */
  ranks?: (number | null)[];
  /** Published 95% limits on the display scale (people's own files may give them instead of counts). */
  lowers?: (number | null)[];
  uppers?: (number | null)[];
  breaks: { quantile: number[]; jenks: number[] };
}

export interface IndicatorRecord extends IndicatorMeta {
  data: Partial<Record<GeographyId, IndicatorValues>>;
}

export interface AreaList {
  codes: string[];
  names: string[];
  /** Extra words a search should match (e.g. a neighbourhood name for an MSOA). */
  aliases: string[];
  /** Census 2021 usual residents (estimated for wards). */
  residents: number[];
  /** [minLon, minLat, maxLon, maxLat] */
  bbox: [number, number, number, number][];
  /** A point inside each area for its label. */
  label: [number, number][];
}

/** A town, village or suburb from the gazetteer, for search and map labels. */
export interface GazetteerEntry {
  name: string;
  type: string;
  lon: number;
  lat: number;
  /** Index of the LSOA and ward containing the point; -1 outside the borough. */
  lsoa: number;
  ward: number;
}

export interface LsoaLinks {
  /** For each LSOA (in LSOA order): index of its MSOA and best-fit ward. */
  msoa: number[];
  ward: number[];
  /** Population-weighted centroid [lon, lat] (ONS), used for custom-area selection. */
  pwc: [number, number][];
  /**
   * For each ward (in ward order): its LSOA parts as [LSOA index, weight], weights from the LSOA×ward
   * area overlaps normalised per LSOA (as the build aggregates). Lets the browser aggregate people's own
   * LSOA data to wards by the same rule. Optional: older data builds lack it.
   */
  wardParts?: [number, number][][];
}

/** A named neighbourhood defined by a rule in data/presets.json, resolved to LSOAs by the build. */
export interface PresetArea {
  id: string;
  name: string;
  ruleText: string;
  lsoas: string[];
}

export interface AttributionEntry {
  text: string;
  url?: string;
}

export interface PlaceConfig {
  name: string;
  code: string;
  england: { code: string; name: string };
  bounds: [number, number, number, number];
  attribution: AttributionEntry[];
  basemap: { name: string; tiles: string[]; attribution: string; attributionUrl: string; maxzoom: number };
}

export interface IndicatorBundle {
  builtAt: string;
  place: PlaceConfig;
  areas: Record<GeographyId, AreaList>;
  lsoaLinks: LsoaLinks;
  themes: string[];
  indicators: IndicatorRecord[];
  presets: PresetArea[];
  practices: PracticeRecord[];
  qof: {
    years: string[];
    method: string;
    beta?: number;
    /** Barrier crossing cost, km-equivalent, fitted with beta (gravity model with a barrier). */
    crossingKm?: number;
    rmse?: number;
    note: string;
    /**
     * Per QOF year, per LSOA (LSOA order): [index into practices, patients living there registered at that
     * practice] (modelled or counted, as `method` says), largest first. Optional: older data builds lack it.
     */
    flows?: Record<string, [number, number][][]>;
  };
  boroughIndicators: BoroughIndicator[];
  /** Figures quoted from reports about the place, shown beside ours; not indicator data. Optional: older builds lack it. */
  quoted?: QuotedReport[];
  /** Set when the build made vector tiles: the map draws boundaries from them instead of the GeoJSON files. */
  tiles?: TileManifest;
  /**
   * Set by a tiled build: every indicator's `data` is empty here and is in values/<id>.json instead, fetched when
   * the indicator is first shown (src/data/values.ts), so a large place's browser loads only what it shows.
   */
  valuesSplit?: boolean;
}

/** One figure as a report gives it: the area's and England's percentages for one QOF condition. */
export interface QuotedFigure {
  /** The QOF condition ours is compared with (as in `qof.condition`). */
  condition: string;
  /** The report's own words for the measure, e.g. "coronary heart disease". */
  words: string;
  area: number;
  england: number;
  /** The figure's words in the quote, e.g. "3.65% experience coronary heart disease (3.04% in England)". */
  text: string;
}

/** A sentence quoted word for word from a report, with where it is and which presets it concerns. */
export interface QuotedReport {
  id: string;
  title: string;
  author: string;
  /** How the interface names it in a sentence, e.g. "the Director of Public Health's report 2025". */
  shortName: string;
  /** Where the quote is: section heading, and the line of the report's text file in the data folder. */
  section: string;
  textFile: string;
  line: number;
  quote: string;
  /** The report's area, in words. */
  areaWords: string;
  /** Preset ids (bundle.presets) the report's area corresponds to. */
  presets: string[];
  figures: QuotedFigure[];
}

/** One geography's vector tiles: URL template relative to the data directory, one source-layer, its zooms. */
export interface TileSetInfo {
  url: string;
  sourceLayer: string;
  minzoom: number;
  maxzoom: number;
  bounds: [number, number, number, number];
  features: number;
  tiles: number;
}

/** tiles/tiles.json: the tile sets the data build wrote, by geography (and borough, context). */
export interface TileManifest {
  format: 'pbf';
  sets: Record<string, TileSetInfo>;
}

/** Postcode index: postcode -> [lon, lat, lsoa index, ward index] (indices into the area lists; -1 unknown). */
export type PostcodeIndex = Record<string, [number, number, number, number]>;
