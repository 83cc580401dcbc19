/**
 * Values published on 2011 LSOAs or MSOAs, mapped onto the 2021 areas through the 2011 lookups
 * (public/data/lookups-2011.json: each 2011 code -> [index into the 2021 list, weight], the weight being the share
 * of the 2011 area's residents living in that 2021 area). One rule for the data build and for people's own files:
 *   - counts: each 2011 count split by those weights, then summed per 2021 area;
 *   - values (rates, scores, distances): population-weighted over the 2011 parts of each 2021 area, each
 *     part's residents estimated from the 2021 residents (a 2021 area's residents shared among its 2011
 *     parts by their weights). So an unchanged area keeps its value and each part of a split area takes its
 *     parent's value.
 * Pure: no I/O.
 */
import { weightedMean, weightedSum, type Part } from './aggregate';

export type Lookup2011 = Record<string, [number, number][]>;

export interface Parts2011 {
  /** The 2011 codes, in the order part indices refer to. */
  codes2011: string[];
  /** Per 2021 area: its 2011 parts as (index into codes2011, weight). */
  parts: Part[][];
  /** Estimated residents of each 2011 area (from the 2021 residents of the areas it feeds). */
  residents2011: number[];
}

/** Each 2021 area's 2011 parts, and each 2011 area's residents estimated from the 2021 residents. */
export function parts2011({ table, residents2021 }: { table: Lookup2011; residents2021: readonly number[] }): Parts2011 {
  const n = residents2021.length;
  const codes2011 = Object.keys(table);
  const parts: Part[][] = Array.from({ length: n }, () => []);
  const received = new Array<number>(n).fill(0);
  codes2011.forEach((c, k) => {
    for (const [i, w] of table[c]) {
      if (!Number.isInteger(i) || i < 0 || i >= n || !(w > 0)) continue;
      parts[i].push({ lsoa: k, weight: w });
      received[i] += w;
    }
  });
  const residents2011 = codes2011.map((c) => table[c].reduce((s, [i, w]) => s + (i >= 0 && i < n && received[i] > 0 ? (residents2021[i] * w) / received[i] : 0), 0));
  return { codes2011, parts, residents2011 };
}

/** 2011 values (by 2011 code) on the 2021 areas: population-weighted over each 2021 area's 2011 parts; null where none. */
export function values2011To2021(p: Parts2011, valueOf: (code2011: string) => number | null): (number | null)[] {
  const values = p.codes2011.map(valueOf);
  return p.parts.map((ps) => (ps.length ? weightedMean(ps, values, p.residents2011) : null));
}

/** 2011 counts (by 2011 code) on the 2021 areas: split by the lookup weights and summed; null if any part has none. */
export function counts2011To2021(p: Parts2011, countOf: (code2011: string) => number | null): (number | null)[] {
  const counts = p.codes2011.map(countOf);
  return p.parts.map((ps) => (ps.length ? weightedSum(ps, counts) : null));
}
