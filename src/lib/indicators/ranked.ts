/**
 * The ranked bar chart ("compare areas" in Fingertips): every area's value for one indicator as a
 * horizontal bar, highest first, with 95% interval whiskers and the England and borough values as
 * lines. Pure data and geometry here; src/components/RankedChart.tsx draws it. No React, no store.
 */
import { scaleLinear } from 'd3-scale';
import { GEOGRAPHY_LABEL, type GeographyId, type IndicatorRecord } from '../core/types';
import { formatNumber, formatValue } from '../core/format';
import { CATEGORY_STYLE, type Category } from './benchmark';
import { areaValue, type PlaceValue } from './value';
import { measureLabel, periodLabel } from './periods';

/** "Better than England" → "better than England". */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Bar fill where the indicator has no intervals (or an area has none): GOV.UK mid grey. */
export const NEUTRAL_FILL = '#b1b4b6';

/** One area's bar, before layout. */
export interface RankedBar {
  code: string;
  name: string;
  value: number | null;
  lower: number | null;
  upper: number | null;
  category: Category;
  fill: string;
  selected: boolean;
  /** Everything about the bar in words, for its <title>. */
  title: string;
}

/** Whether the chart colours bars by comparison with England (the indicator has 95% intervals). */
export function hasIntervals(ind: Pick<IndicatorRecord, 'compare' | 'kind'>): boolean {
  return ind.compare === 'interval' && ind.kind === 'proportion';
}

/** Each area's value, interval and category, in area order: the same areaValue the table uses. */
export function areaValues(ind: IndicatorRecord, geography: GeographyId, count: number): PlaceValue[] {
  return Array.from({ length: count }, (_, i) => areaValue(ind, geography, i));
}

/**
 * The bars, highest value first (ties by name); areas with no value last, by name. A bar is filled
 * with its comparison-with-England colour where the indicator has intervals, else neutral grey.
 */
export function rankedBars(
  ind: IndicatorRecord,
  areas: { codes: readonly string[]; names: readonly string[] },
  values: readonly PlaceValue[],
  selected: string | null,
): RankedBar[] {
  const coloured = hasIntervals(ind);
  const bars = areas.codes.map((code, i): RankedBar => {
    const v = values[i];
    const value = v && v.value != null && Number.isFinite(v.value) ? v.value : null;
    const lower = value != null && v.lower != null && v.upper != null ? v.lower : null;
    const upper = lower != null ? v.upper! : null;
    const category: Category = value == null ? 'NotCompared' : (v.category ?? 'NotCompared');
    const fill = (coloured ? CATEGORY_STYLE[category].fill : null) ?? NEUTRAL_FILL;
    const name = areas.names[i] ?? code;
    const parts = [`${name} (${code}): ${value == null ? 'no data' : formatValue(value, ind)}`];
    if (lower != null && upper != null) parts.push(`95% interval ${formatNumber(lower, ind.decimals)} to ${formatNumber(upper, ind.decimals)}`);
    if (value != null && coloured) parts.push(lowerFirst(CATEGORY_STYLE[category].words));
    return { code, name, value, lower, upper, category, fill, selected: code === selected, title: parts.join(', ') };
  });
  return bars.sort((a, b) => {
    if (a.value == null || b.value == null) return a.value == null && b.value == null ? a.name.localeCompare(b.name) : a.value == null ? 1 : -1;
    return b.value - a.value || a.name.localeCompare(b.name);
  });
}

/** A vertical reference line (England or the borough) and its label. */
export interface RefLine {
  key: 'england' | 'borough';
  x: number;
  /** Label baseline. */
  labelY: number;
  label: string;
  anchor: 'start' | 'middle' | 'end';
  labelX: number;
  dashed: boolean;
}

export interface RankedRow {
  bar: RankedBar;
  /** Top of the row. */
  y: number;
  /** Bar rectangle (from zero to the value); null for no data. */
  rect: { x: number; y: number; width: number; height: number } | null;
  /** Interval whisker, at the row's middle. */
  whisker: { x1: number; x2: number; y: number } | null;
  /** The area's name as drawn (shortened with an ellipsis if it would not fit). */
  label: string;
  /** The value as drawn at the right ("no data" where there is none). */
  valueText: string;
}

export interface RankedLayout {
  width: number;
  height: number;
  rowHeight: number;
  fontSize: number;
  /** Area names end here (right-aligned); the plot runs from plotLeft to plotRight; values are right-aligned at width. */
  labelRight: number;
  plotLeft: number;
  plotRight: number;
  /** Top and bottom of the rows. */
  top: number;
  bottom: number;
  zeroX: number;
  ticks: { value: number; x: number; label: string }[];
  rows: RankedRow[];
  lines: RefLine[];
}

export interface RankedLayoutOptions {
  /** The drawing's width in CSS pixels (the chart is drawn at 1:1). */
  width: number;
  rowHeight?: number;
  fontSize?: number;
  /** Rough width of one character as a share of the font size, for fitting text. */
  charWidth?: number;
}

/** England's and the borough's values, and the borough's name, for the reference lines. */
export interface RankedRefs {
  england: number | null | undefined;
  borough: number | null | undefined;
  boroughName: string;
}

/** Shorten text to at most `max` characters, with an ellipsis. */
export function fitText(text: string, max: number): string {
  if (text.length <= max) return text;
  return max <= 1 ? '…' : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Decimals for tick labels with this step (e.g. 2.5 → 1, 5 → 0, 0.25 → 2). */
function tickDecimals(step: number): number {
  if (!(step > 0) || !Number.isFinite(step)) return 0;
  for (let d = 0; d < 6; d++) if (Math.abs(Math.round(step * 10 ** d) - step * 10 ** d) < 1e-9) return d;
  return 6;
}

/**
 * Positions for everything in the chart: names on the left, bars from zero, whiskers, values on the
 * right, ticks along the top and bottom, and the England (dashed) and borough lines, each labelled
 * on its own line above the rows so that the two labels never collide.
 */
export function rankedLayout(bars: readonly RankedBar[], ind: Pick<IndicatorRecord, 'unit' | 'decimals'>, refs: RankedRefs, opts: RankedLayoutOptions): RankedLayout {
  const rowHeight = opts.rowHeight ?? 14;
  const fontSize = opts.fontSize ?? 11;
  const cw = fontSize * (opts.charWidth ?? 0.56);
  const width = Math.max(200, opts.width);
  const gap = 6;

  const valueTexts = bars.map((b) => (b.value == null ? 'no data' : formatValue(b.value, ind)));
  const valueChars = Math.max(4, ...valueTexts.filter((_, i) => bars[i].value != null).map((t) => t.length));
  const valueWidth = Math.ceil(valueChars * cw) + gap;
  const nameChars = Math.max(4, ...bars.map((b) => b.name.length));
  const labelRight = Math.floor(Math.min(Math.ceil(nameChars * cw + gap), width * 0.4));
  const maxNameChars = Math.max(4, Math.floor((labelRight - gap) / cw));
  const plotLeft = labelRight + gap;
  const plotRight = width - valueWidth - gap;

  const england = refs.england != null && Number.isFinite(refs.england) ? refs.england : null;
  const borough = refs.borough != null && Number.isFinite(refs.borough) ? refs.borough : null;
  const extent = [0, ...bars.flatMap((b) => [b.value, b.lower, b.upper]), england, borough].filter((v): v is number => v != null && Number.isFinite(v));
  let lo = Math.min(...extent);
  let hi = Math.max(...extent);
  if (lo === hi) hi = lo + 1;
  const scale = scaleLinear()
    .domain([lo, hi])
    .range([plotLeft, plotRight])
    .nice(Math.max(2, Math.floor((plotRight - plotLeft) / 70)));
  [lo, hi] = scale.domain();
  const tickValues = scale.ticks(Math.max(2, Math.floor((plotRight - plotLeft) / 70)));
  const decimals = tickDecimals(tickValues.length > 1 ? tickValues[1] - tickValues[0] : 0);
  const x = (v: number) => scale(v);

  const labelLine = fontSize + 4;
  const refList: { key: RefLine['key']; value: number; text: string; dashed: boolean }[] = [];
  if (england != null) refList.push({ key: 'england', value: england, text: `England ${formatValue(england, ind)}`, dashed: true });
  if (borough != null) refList.push({ key: 'borough', value: borough, text: `${refs.boroughName} ${formatValue(borough, ind)}`, dashed: false });
  const ticksTop = refList.length * labelLine + labelLine;
  const top = ticksTop + 4;
  const bottom = top + bars.length * rowHeight;
  const height = bottom + labelLine + 4;

  const lines: RefLine[] = refList.map((r, k) => {
    const lx = x(r.value);
    const w = r.text.length * cw;
    let anchor: RefLine['anchor'] = 'middle';
    let labelX = lx;
    if (lx + w / 2 > width) {
      anchor = 'end';
      labelX = Math.min(lx + 2, width);
    } else if (lx - w / 2 < 0) {
      anchor = 'start';
      labelX = Math.max(lx - 2, 0);
    }
    return { key: r.key, x: lx, labelY: (k + 1) * labelLine - 4, label: r.text, anchor, labelX, dashed: r.dashed };
  });

  const zeroX = x(Math.min(Math.max(0, lo), hi));
  const barHeight = Math.max(4, rowHeight - 5);
  const rows: RankedRow[] = bars.map((bar, k) => {
    const y = top + k * rowHeight;
    const mid = y + rowHeight / 2;
    const rect =
      bar.value == null
        ? null
        : { x: Math.min(zeroX, x(bar.value)), y: mid - barHeight / 2, width: Math.max(1, Math.abs(x(bar.value) - zeroX)), height: barHeight };
    const whisker = bar.lower != null && bar.upper != null ? { x1: x(bar.lower), x2: x(bar.upper), y: mid } : null;
    return { bar, y, rect, whisker, label: fitText(bar.name, maxNameChars), valueText: valueTexts[k] };
  });

  return {
    width,
    height,
    rowHeight,
    fontSize,
    labelRight,
    plotLeft,
    plotRight,
    top,
    bottom,
    zeroX,
    ticks: tickValues.map((value) => ({ value, x: x(value), label: formatNumber(value, decimals) })),
    rows,
    lines,
  };
}

/**
 * The chart's accessible name: what it shows, in what order, and the reference values, e.g.
 * "Bar chart: Hypertension 2024-25 by ward, highest first, bars coloured by comparison with England,
 * with 95% intervals and the England (15.2%) and <borough name> (17.1%) values as lines".
 */
export function rankedAriaLabel(ind: IndicatorRecord, geography: GeographyId, refs: RankedRefs, bars: readonly RankedBar[]): string {
    const geo = geography === 'ward' ? 'ward' : GEOGRAPHY_LABEL[geography];
  const withIntervals = bars.some((b) => b.lower != null);
  const lines = [
    refs.england != null && Number.isFinite(refs.england) ? `England (${formatValue(refs.england, ind)})` : null,
    refs.borough != null && Number.isFinite(refs.borough) ? `${refs.boroughName} (${formatValue(refs.borough, ind)})` : null,
  ].filter((s): s is string => s != null);
  const missing = bars.filter((b) => b.value == null).length;
  // A short year reads as part of the name ("Hypertension 2024-25"); a longer period text is set off by commas.
  const parts = [ind.qof ? `Bar chart: ${measureLabel(ind)} ${periodLabel(ind)} by ${geo}` : `Bar chart: ${measureLabel(ind)}, ${periodLabel(ind)}, by ${geo}`, 'highest first'];
  if (hasIntervals(ind)) parts.push('bars coloured by comparison with England');
  const extras = [withIntervals ? '95% intervals' : null, lines.length ? lines.length > 1 ? `the ${lines.join(' and ')} values as lines` : `the ${lines[0]} value as a line` : null].filter(Boolean);
  if (extras.length) parts.push(`with ${extras.join(' and ')}`);
  if (missing) parts.push(`${missing} ${missing === 1 ? 'area has' : 'areas have'} no data`);
  return parts.join(', ');
}
