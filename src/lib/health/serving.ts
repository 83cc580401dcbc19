/**
 * The practices serving a place: from the bundle's flows (per LSOA, the patients living there registered
 * at each practice, modelled or counted), which practices the place's residents are registered at, and
 * how much of each practice's list lives there. Pure: no React, no store.
 */

/** Per LSOA (LSOA order): [practice index, patients], as in `bundle.qof.flows[year]`. */
export type Flows = readonly (readonly (readonly [number, number])[])[];

/** An LSOA in the place, with the share of it that belongs to the place (1 for whole LSOAs). */
export type LsoaPart = readonly [lsoa: number, weight: number];

export interface ServingRow {
  /** Index into `bundle.practices`. */
  practice: number;
  /** Patients of this practice living in the place (modelled or counted). */
  patients: number;
  /** Share of the place's patients registered at this practice, %. */
  areaShare: number;
  /** Share of the practice's list living in the place, %; null when the list size is unknown. */
  listShare: number | null;
}

export interface Serving {
  /** Practices at or above the threshold, most patients first. */
  rows: ServingRow[];
  /** Patients of the place at every practice (before the cut). */
  total: number;
  /** The cut: practices with a share below `threshold` % of the place's patients are left out. */
  threshold: number;
  /** What was left out by the cut. */
  omitted: { practices: number; patients: number; areaShare: number };
}

/** Practices with less than this share (%) of a place's patients are counted but not listed. */
export const SERVING_THRESHOLD_PCT = 1;

/**
 * The practices whose patients live in the place made of `parts`, with their shares. `listSizes[j]` is
 * practice j's list size in the same year (for the share of its list living in the place). Ties keep
 * practice order, so the list is stable.
 */
export function servingPractices(flows: Flows, parts: readonly LsoaPart[], listSizes: readonly (number | null | undefined)[], threshold = SERVING_THRESHOLD_PCT): Serving {
  const byPractice = new Map<number, number>();
  for (const [lsoa, weight] of parts) {
    if (!(weight > 0)) continue;
    for (const [j, n] of flows[lsoa] ?? []) if (n > 0) byPractice.set(j, (byPractice.get(j) ?? 0) + n * weight);
  }
  let total = 0;
  for (const n of byPractice.values()) total += n;
  const all: ServingRow[] = [...byPractice]
    .map(([practice, patients]) => {
      const list = listSizes[practice];
      return { practice, patients, areaShare: total > 0 ? (patients / total) * 100 : 0, listShare: list != null && list > 0 ? (patients / list) * 100 : null };
    })
    .sort((a, b) => b.patients - a.patients || a.practice - b.practice);
  const rows = all.filter((r) => r.areaShare >= threshold);
  const left = all.filter((r) => r.areaShare < threshold);
  return {
    rows,
    total,
    threshold,
    omitted: { practices: left.length, patients: left.reduce((s, r) => s + r.patients, 0), areaShare: left.reduce((s, r) => s + r.areaShare, 0) },
  };
}

/** Whole LSOAs as parts. */
export const wholeLsoas = (lsoas: readonly number[]): LsoaPart[] => lsoas.map((i) => [i, 1] as const);

/** A standard area as LSOA parts: an LSOA itself, an MSOA's LSOAs, a ward's LSOAs by area overlap (best fit when the bundle lacks overlaps). */
export function areaParts(links: { msoa: readonly number[]; ward: readonly number[]; wardParts?: readonly (readonly [number, number])[][] }, geography: 'lsoa' | 'msoa' | 'ward', index: number): LsoaPart[] {
  if (index < 0) return [];
  if (geography === 'lsoa') return [[index, 1]];
  if (geography === 'ward' && links.wardParts?.[index]) return links.wardParts[index].map(([i, w]) => [i, w] as const);
  const of = geography === 'msoa' ? links.msoa : links.ward;
  const out: LsoaPart[] = [];
  of.forEach((a, i) => a === index && out.push([i, 1]));
  return out;
}
