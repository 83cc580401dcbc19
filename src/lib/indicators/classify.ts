import { ckmeans } from 'simple-statistics';
import { scaleQuantile, scaleThreshold } from 'd3-scale';

/**
 * Five-class breaks. A break list has the lower bound of classes 2..n, so a value v is in
 * class i = number of breaks <= v. Values are the finite values only.
 */
export type ClassMethod = 'quantile' | 'jenks';
export const CLASS_COUNT = 5;

function finite(values: (number | null)[]): number[] {
  return values.filter((v): v is number => v != null && Number.isFinite(v)).sort((a, b) => a - b);
}

/** Quantile breaks (type 7, as d3.quantile), deduplicated. */
export function quantileBreaks(values: (number | null)[], classes = CLASS_COUNT): number[] {
  const v = finite(values);
  if (v.length === 0) return [];
  // d3's quantile scale: its thresholds are the type-7 quantiles at 1/n … (n−1)/n.
  const qs = scaleQuantile<number>()
    .domain(v)
    .range(Array.from({ length: classes }, (_, i) => i))
    .quantiles();
  const out: number[] = [];
  // Ties collapse classes: keep only thresholds above the minimum and above the previous one.
  for (const q of qs) if (q > v[0] && (out.length === 0 || q > out[out.length - 1])) out.push(q);
  return out;
}

/** Natural breaks by Ckmeans (optimal 1-D k-means, the modern Jenks): each break is a cluster's minimum. */
export function jenksBreaks(values: (number | null)[], classes = CLASS_COUNT): number[] {
  const v = finite(values);
  const unique = new Set(v).size;
  if (unique === 0) return [];
  const k = Math.min(classes, unique);
  return ckmeans(v, k).slice(1).map((c) => c[0]);
}

export function classOf(value: number | null | undefined, breaks: number[]): number | null {
  if (value == null || !Number.isFinite(value)) return null;
  // A value equal to a break starts the class above it (d3's threshold scale bisects right).
  return scaleThreshold<number, number>()
    .domain(breaks)
    .range(Array.from({ length: breaks.length + 1 }, (_, i) => i))(value);
}

/** Class ranges for a legend: [min, max] of each class from the data's extent and the breaks. */
export function classRanges(values: (number | null)[], breaks: number[]): [number, number][] {
  const v = finite(values);
  if (!v.length) return [];
  const edges = [v[0], ...breaks, v[v.length - 1]];
  const out: [number, number][] = [];
  for (let i = 0; i < edges.length - 1; i++) out.push([edges[i], edges[i + 1]]);
  return out;
}
