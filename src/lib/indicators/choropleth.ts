import { schemePurples, schemeRdYlBu } from 'd3-scale-chromatic';
import { classOf, classRanges, type ClassMethod } from './classify';
import type { ConfidenceLevel } from './intervals';
import { areaValue } from './value';
import { CATEGORY_STYLE, categoryWords, type Category } from './benchmark';
import { formatNumber } from '../core/format';
import type { IndicatorRecord, GeographyId } from '../core/types';
import type { MapMode } from '../share/url';

/** Fill colour per area code; null means "no fill" (no data or not compared). */
export type FillStates = Record<string, string | null>;

export const VALUE_PALETTE: readonly string[] = schemePurples[5];
/** Decile 1 (most deprived) first. */
export const DECILE_PALETTE: readonly string[] = schemeRdYlBu[10];
export const NO_DATA_FILL = '#ffffff';

export interface LegendItem {
  color: string | null;
  label: string;
  /** Marks the class England's value falls in. */
  england?: boolean;
}

export interface Choropleth {
  fills: FillStates;
  /** Per-area category label in words (class range, decile or comparison). */
  labels: Record<string, string>;
  legend: LegendItem[];
  title: string;
  note?: string;
}

/** True when a "compared with England" map exists for this indicator at this geography. */
export function hasCompare(ind: IndicatorRecord): boolean {
  return ind.compare !== 'none';
}

/** An area's 95% (or 99.8%) interval on the display scale; null where the indicator is not compared by interval. */
export function areaInterval(ind: IndicatorRecord, geo: GeographyId, i: number, level: ConfidenceLevel = 0.95) {
  const v = areaValue(ind, geo, i, level);
  return v.lower != null && v.upper != null ? { lower: v.lower, upper: v.upper } : null;
}

export function areaCategory(ind: IndicatorRecord, geo: GeographyId, i: number, level: ConfidenceLevel = 0.95): Category {
  return areaValue(ind, geo, i, level).category;
}

export function decileLabel(d: number): string {
  if (d === 1) return '1 – most deprived 10% in England';
  if (d === 10) return '10 – least deprived 10% in England';
  return `${d}`;
}

/** Build the fill for every area and the legend for one view. Pure. */
export function buildChoropleth(
  ind: IndicatorRecord,
  geo: GeographyId,
  codes: string[],
  mode: MapMode,
  method: ClassMethod,
): Choropleth {
  const d = ind.data[geo];
  const fills: FillStates = {};
  const labels: Record<string, string> = {};
  if (!d) {
    for (const c of codes) fills[c] = null;
    return { fills, labels, legend: [{ color: null, label: 'No data' }], title: `${ind.label} is not available for this geography` };
  }
  const useDeciles = (mode === 'benchmark' && ind.compare === 'decile') || ind.kind === 'decile';
  if (useDeciles) {
    const deciles = ind.kind === 'decile' ? d.values : d.deciles ?? [];
    codes.forEach((c, i) => {
      const v = deciles[i];
      fills[c] = v == null ? null : DECILE_PALETTE[v - 1];
      labels[c] = v == null ? 'No data' : `National decile ${v}`;
    });
    const legend: LegendItem[] = DECILE_PALETTE.map((color, k) => ({ color, label: decileLabel(k + 1) }));
    legend.push({ color: null, label: 'No data' });
    return { fills, labels, legend, title: 'National deprivation decile (1 = most deprived 10% of LSOAs in England)' };
  }
  if (mode === 'benchmark' && ind.compare === 'interval') {
    const used = new Set<Category>();
    const modelledNoJudgement = !!(ind.modelled && ind.modelError && !ind.modelError.comparable);
    codes.forEach((c, i) => {
      const v = areaValue(ind, geo, i);
      used.add(v.category);
      fills[c] = CATEGORY_STYLE[v.category].fill;
      labels[c] = categoryWords(v.category, undefined, v.notComparedWhy);
    });
    const order: Category[] =
      ind.polarity === 'NoJudgement' ? ['Lower', 'Similar', 'Higher', 'NotCompared'] : ['Better', 'Similar', 'Worse', 'NotCompared'];
    const legend = order.map((cat) => ({
      color: CATEGORY_STYLE[cat].fill,
      label: cat === 'NotCompared' ? categoryWords(cat, undefined, modelledNoJudgement ? 'modelled' : undefined) : `${CATEGORY_STYLE[cat].words} (95%)`,
    }));
    return {
      fills,
      labels,
      legend,
      title: `Compared with England (${formatNumber(ind.england?.value, ind.decimals)}${ind.unit === '%' ? '%' : ''}), 95% confidence interval`,
    };
  }
  const breaks = d.breaks[method];
  const ranges = classRanges(d.values, breaks);
  codes.forEach((c, i) => {
    const k = classOf(d.values[i], breaks);
    fills[c] = k == null ? null : VALUE_PALETTE[k];
    labels[c] = k == null ? 'No data' : `Class ${k + 1} of ${ranges.length}`;
  });
  const englandClass = ind.england ? classOf(ind.england.value, breaks) : null;
  const unit = ind.unit === '%' ? '%' : '';
  const legend: LegendItem[] = ranges.map(([lo, hi], k) => ({
    color: VALUE_PALETTE[k],
    label: `${formatNumber(lo, ind.decimals)}${unit} to ${formatNumber(hi, ind.decimals)}${unit}`,
    england: englandClass === k && ind.england!.value >= ranges[0][0] && ind.england!.value <= ranges[ranges.length - 1][1],
  }));
  legend.push({ color: null, label: 'No data' });
  return { fills, labels, legend, title: `${ind.label} (${ind.unit})` };
}

/** Feature-state updates needed to go from one view to the next. */
export function diffFills(prev: FillStates, next: FillStates): [string, string | null][] {
  const out: [string, string | null][] = [];
  for (const [code, fill] of Object.entries(next)) if (prev[code] !== fill) out.push([code, fill]);
  for (const code of Object.keys(prev)) if (!(code in next)) out.push([code, null]);
  return out;
}
