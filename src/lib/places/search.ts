/** Search over areas, places and postcodes. Pure: the caller supplies the lists. */
import type { GazetteerEntry, IndicatorBundle } from '../core/types';



/** True when the text could be the start of a postcode (an outward code, maybe part of the inward). */
export function looksLikePostcodeStart(input: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]?(\s*\d[A-Z]{0,2})?$/.test(input.toUpperCase().trim());
}

export interface SearchItem {
  kind: 'ward' | 'lsoa' | 'msoa' | 'place' | 'postcode';
  code: string;
  name: string;
  /** Extra words shown and matched (e.g. neighbourhood name). */
  detail?: string;
}

function fold(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/&/g, 'and').replace(/[^a-z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * Rank items against a query: exact code, then name prefix, then word prefix, then substring.
 * Returns at most `limit` items.
 */
export function searchItems(items: SearchItem[], query: string, limit = 8): SearchItem[] {
  const q = fold(query);
  if (!q) return [];
  const qCode = query.trim().toUpperCase();
  const scored: { item: SearchItem; score: number }[] = [];
  for (const item of items) {
    const name = fold(item.name);
    const detail = item.detail ? fold(item.detail) : '';
    let score = -1;
    if (item.code.toUpperCase() === qCode) score = 100;
    else if (name === q) score = 90;
    else if (name.startsWith(q)) score = 80;
    else if (name.split(' ').some((w) => w.startsWith(q)) || detail.startsWith(q)) score = 60;
    else if (name.includes(q) || detail.includes(q)) score = 40;
    else if (item.code.toUpperCase().startsWith(qCode) && qCode.length >= 4) score = 30;
    if (score >= 0) scored.push({ item, score });
  }
  scored.sort((a, b) => b.score - a.score || a.item.name.localeCompare(b.item.name));
  return scored.slice(0, limit).map((s) => s.item);
}

/** A real postcode from the place's data (a GP practice's), for examples in messages; null if none. */
export function examplePostcode(bundle: Pick<IndicatorBundle, 'practices'>): string | null {
  return bundle.practices.find((p) => p.postcode)?.postcode ?? null;
}

/**
 * Examples for the search box, taken from the place's own data (so nothing names the place in code):
 * a GP practice's postcode, a town or village from the gazetteer, and a preset or ward name.
 */
export function searchExamples(bundle: Pick<IndicatorBundle, 'practices' | 'presets' | 'areas'>, gazetteer: readonly GazetteerEntry[]): { postcode: string | null; text: string } {
  const postcode = examplePostcode(bundle);
  const town = gazetteer.find((g) => g.type.startsWith('place'))?.name;
  const area = bundle.presets[bundle.presets.length - 1]?.name ?? bundle.areas.ward.names[0];
  return { postcode, text: ['e.g.', [postcode, town, area].filter(Boolean).join(', ')].join(' ') };
}
