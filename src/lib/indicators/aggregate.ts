/**
 * Aggregating LSOA values to larger areas. Each larger area is a list of
 * (LSOA index, weight) parts: weight 1 for areas that nest LSOAs (MSOAs), or the
 * share of the LSOA's residents assigned to the area (wards, by area overlap).
 */
export interface Part {
  lsoa: number;
  weight: number;
}

/** Population-weighted mean of scores; null when no part has both a value and a population. */
export function weightedMean(parts: Part[], values: (number | null)[], population: number[]): number | null {
  let sum = 0;
  let w = 0;
  for (const { lsoa, weight } of parts) {
    const v = values[lsoa];
    const p = population[lsoa] * weight;
    if (v == null || !Number.isFinite(v) || !(p > 0)) continue;
    sum += v * p;
    w += p;
  }
  return w > 0 ? sum / w : null;
}

/** Weighted sum of counts; null if any part's count is missing (a partial total would mislead). */
export function weightedSum(parts: Part[], counts: (number | null)[]): number | null {
  let sum = 0;
  for (const { lsoa, weight } of parts) {
    const v = counts[lsoa];
    if (v == null || !Number.isFinite(v)) return null;
    sum += v * weight;
  }
  return parts.length ? sum : null;
}

/**
 * Normalise LSOA×area overlap shares so each LSOA's shares add to 1
 * (the source drops slivers under 1%, which would otherwise lose residents).
 * Returns parts per area code.
 */
export function partsFromOverlaps(
  overlaps: { lsoa: string; area: string; share: number }[],
  lsoaIndex: Map<string, number>,
): Map<string, Part[]> {
  const totals = new Map<string, number>();
  for (const o of overlaps) totals.set(o.lsoa, (totals.get(o.lsoa) ?? 0) + o.share);
  const out = new Map<string, Part[]>();
  for (const o of overlaps) {
    const i = lsoaIndex.get(o.lsoa);
    if (i === undefined) throw new Error(`Overlap row names unknown LSOA ${o.lsoa}`);
    const list = out.get(o.area) ?? [];
    list.push({ lsoa: i, weight: o.share / (totals.get(o.lsoa) ?? 1) });
    out.set(o.area, list);
  }
  return out;
}
