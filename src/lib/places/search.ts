/**
 * Search over everything a person might type: areas (by name, code or alias), gazetteer places, presets,
 * primary care networks, GP practices (by name or ODS code), community assets by name, and postcodes.
 * Pure: the caller supplies the lists; no React, no I/O.
 *
 * Ranking, in tiers: exact code, exact name, name prefix, word prefix, substring, then typo-tolerant
 * matches (MiniSearch: word-level edit distance and prefixes, every word of the query must match).
 */
import MiniSearch from 'minisearch';
import type { GazetteerEntry, IndicatorBundle, PostcodeIndex } from '../core/types';
import { categoryDef, type Asset, type AssetCategory } from '../assets/categories';

/** True when the text could be the start of a postcode (an outward code, maybe part of the inward). */
export function looksLikePostcodeStart(input: string): boolean {
  return /^[A-Z]{1,2}\d[A-Z\d]?(\s*\d[A-Z]{0,2})?$/.test(input.toUpperCase().trim());
}

export type SearchKind = 'ward' | 'lsoa' | 'msoa' | 'place' | 'postcode' | 'preset' | 'pcn' | 'practice' | 'asset';

export interface SearchItem {
  kind: SearchKind;
  /** The item's own identifier: area code, ODS code, preset id, asset id, postcode, or place:<gazetteer index>. */
  code: string;
  name: string;
  /** Extra words shown and matched (e.g. neighbourhood name). */
  detail?: string;
  /** Words shown but not matched (an address, a place type). */
  note?: string;
  /** Words matched only by the typo-tolerant search alongside other words (e.g. an asset's ward: "<pharmacy> <ward>"). */
  where?: string;
  /** Another code that matches exactly (an asset's ODS code). */
  altCode?: string;
  /** For assets: the category (and so the map layer). */
  category?: AssetCategory;
  /** Closed, or outside the borough: listed after the others of the same rank. */
  secondary?: boolean;
  /** Where the item is, when it is a point (practices, assets, places). */
  lon?: number;
  lat?: number;
}

/** Lower-case, no accents, "&" as "and", punctuation as spaces, single spaces. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const ASSET_KIND_LABEL: Readonly<Record<AssetCategory, string>> = {
  gp: 'GP practice',
  pharmacy: 'Pharmacy',
  library: 'Library',
  food_bank: 'Food bank',
  nhs_other: 'NHS service',
  osm_park: 'Park (OpenStreetMap)',
  osm_gym: 'Gym or fitness centre (OpenStreetMap)',
  hub: 'Community hub',
  champion_org: 'Community champion organisation',
  user: 'Your point',
};

const KIND_LABEL: Readonly<Record<Exclude<SearchKind, 'asset'>, string>> = {
  ward: 'Ward',
  lsoa: 'LSOA',
  msoa: 'MSOA',
  place: 'Place',
  postcode: 'Postcode',
  preset: 'Neighbourhood',
  pcn: 'Primary care network',
  practice: 'GP practice',
};

/** What the item is, in words ("GP practice", "Pharmacy", "Ward", …). */
export function kindLabel(item: Pick<SearchItem, 'kind' | 'category'>): string {
  if (item.kind === 'asset') return item.category ? ASSET_KIND_LABEL[item.category] : 'Service';
  return KIND_LABEL[item.kind];
}

/** What choosing the item does, in words, when that is more than showing it. */
export function actionLabel(item: Pick<SearchItem, 'kind'>): string | null {
  if (item.kind === 'preset' || item.kind === 'pcn') return 'add to comparison';
  if (item.kind === 'practice') return 'open practice profile';
  return null;
}

/** Order of kinds among results of equal rank: named neighbourhoods and places before the many small areas. */
const KIND_RANK: Readonly<Record<SearchKind, number>> = { preset: 0, pcn: 1, place: 2, ward: 3, practice: 4, asset: 5, msoa: 6, lsoa: 7, postcode: 8 };

const PLACE_TYPE: Readonly<Record<string, string>> = { postcode_district: 'Postcode district', postcode_sector: 'Postcode sector' };

/**
 * Every searchable item from the loaded data (postcodes excepted: they load on first use).
 * GP practices in the QOF list come once, as practices; GP surgeries outside it (e.g. just over the
 * boundary) come as assets.
 */
export function buildSearchItems(
  bundle: Pick<IndicatorBundle, 'areas' | 'presets' | 'practices'>,
  gazetteer: readonly GazetteerEntry[],
  assets: readonly Asset[] = [],
): SearchItem[] {
  const out: SearchItem[] = [];
  for (const p of bundle.presets) out.push({ kind: 'preset', code: p.id, name: p.name });
  const pcns = new Map<string, { name: string; n: number }>();
  for (const p of bundle.practices) {
    if (!p.pcnCode) continue;
    const g = pcns.get(p.pcnCode) ?? { name: p.pcnName || p.pcnCode, n: 0 };
    g.n++;
    pcns.set(p.pcnCode, g);
  }
  for (const [code, g] of pcns) out.push({ kind: 'pcn', code, name: g.name, note: `${g.n} GP practice${g.n === 1 ? '' : 's'}` });
  gazetteer.forEach((g, i) => {
    if (g.type === 'ward') return; // the ward itself is an area below
    out.push({ kind: 'place', code: `place:${i}`, name: g.name, note: PLACE_TYPE[g.type], lon: g.lon, lat: g.lat });
  });
  for (const geo of ['ward', 'msoa', 'lsoa'] as const) {
    const a = bundle.areas[geo];
    a.codes.forEach((code, i) => out.push({ kind: geo, code, name: a.names[i], detail: a.aliases[i] || undefined }));
  }
  const practiceCodes = new Set<string>();
  for (const p of bundle.practices) {
    practiceCodes.add(p.code.toUpperCase());
    out.push({
      kind: 'practice',
      code: p.code,
      name: p.name,
      note: [p.postcode, p.pcnName, p.inBorough ? '' : 'outside the borough'].filter(Boolean).join(', ') || undefined,
      ...(p.inBorough ? {} : { secondary: true }),
      ...(p.lon != null && p.lat != null ? { lon: p.lon, lat: p.lat } : {}),
    });
  }
  for (const a of assets) {
    // Unnamed points ("Unnamed park") would only crowd the results.
    if (categoryDef(a.category).unnamed) continue;
    const ods = a.id.startsWith('ods:') ? a.id.slice(4).toUpperCase() : undefined;
    if (a.category === 'gp' && ods && practiceCodes.has(ods)) continue;
    const status = a.status === 'closed' ? 'closed' : a.status === 'unverified' ? 'unverified listing' : '';
    out.push({
      kind: 'asset',
      code: a.id,
      name: a.name,
      category: a.category,
      note: [a.address, a.postcode, status].filter(Boolean).join(', ') || undefined,
      where: a.ward,
      altCode: ods,
      ...(a.status === 'closed' || !a.inBorough ? { secondary: true } : {}),
      lon: a.lon,
      lat: a.lat,
    });
  }
  return out;
}

// ------------------------------------------------------------------------------------------- ranking

const TIER = { code: 100, exact: 90, prefix: 80, word: 60, substring: 40, codePrefix: 30, fuzzy: 20 } as const;

/**
 * Edit distance allowed for one query word: none for short words or words with digits (codes, postcode
 * districts: "AB18" is not "AB8"), 1 for 4–5 letters, 2 from 6 ("center" → "centre").
 */
function typoBudget(term: string): number {
  if (/\d/.test(term)) return 0;
  return term.length < 4 ? 0 : term.length < 6 ? 1 : 2;
}

interface Prepared {
  items: readonly SearchItem[];
  folded: { name: string; compact: string; detail: string; code: string; altCode: string }[];
  index: MiniSearch<{ id: number; name: string; detail: string; where: string }>;
}

const prepared = new WeakMap<readonly SearchItem[], Prepared>();

function prepare(items: readonly SearchItem[]): Prepared {
  let p = prepared.get(items);
  if (p) return p;
  const folded = items.map((it) => {
    const name = fold(it.name);
    return {
      name,
      compact: name.replace(/ /g, ''),
      detail: it.detail ? fold(it.detail) : '',
      code: it.code.toUpperCase(),
      altCode: (it.altCode ?? '').toUpperCase(),
    };
  });
  const index = new MiniSearch<{ id: number; name: string; detail: string; where: string }>({
    fields: ['name', 'detail', 'where'],
    tokenize: (text) => fold(text).split(' ').filter(Boolean),
    processTerm: (term) => term || null,
  });
  index.addAll(items.map((it, id) => ({ id, name: it.name, detail: it.detail ?? '', where: it.where ?? '' })));
  p = { items, folded, index };
  prepared.set(items, p);
  return p;
}

/**
 * Rank items against a query: exact code, then exact name, name prefix, word prefix (or detail prefix),
 * substring, code prefix (4+ characters), then typo-tolerant matches. Ties: kind (neighbourhoods and
 * places first), open and in-borough before closed or outside, then name. Returns at most `limit` items; never throws.
 */
export function searchItems(items: readonly SearchItem[], query: string, limit = 8): SearchItem[] {
  if (limit <= 0) return [];
  const q = fold(query);
  if (!q) return [];
  const p = prepare(items);
  const qCode = query.trim().toUpperCase();
  const qCompact = q.replace(/ /g, '');
  const score = new Map<number, number>();
  p.folded.forEach((f, i) => {
    let s = -1;
    if (f.code === qCode || (f.altCode && f.altCode === qCode)) s = TIER.code;
    // Spaces count for nothing when comparing whole names ("foodbank" is "Food Bank").
    else if (f.name === q || f.compact === qCompact) s = TIER.exact;
    else if (f.name.startsWith(q) || (qCompact.length >= 4 && f.compact.startsWith(qCompact))) s = TIER.prefix;
    else if (f.name.split(' ').some((w) => w.startsWith(q)) || f.detail.startsWith(q)) s = TIER.word;
    else if (f.name.includes(q) || f.detail.includes(q) || (qCompact.length >= 4 && f.compact.includes(qCompact))) s = TIER.substring;
    else if (qCode.length >= 4 && (f.code.startsWith(qCode) || (f.altCode && f.altCode.startsWith(qCode)))) s = TIER.codePrefix;
    if (s >= 0) score.set(i, s);
  });
  // Typo-tolerant matches, ordered: every word found in the name (not only in the detail or ward), then names
  // with fewer words besides those typed (so a misspelt town puts the town before "<town> Library"), then kind, then score.
  const fuzzyKey = new Map<number, [number, number, number]>();
  if (score.size < limit) {
    const queryWords = q.split(' ').length;
    const hits = p.index.search(q, {
      combineWith: 'AND',
      boost: { name: 3, detail: 1, where: 0.5 },
      prefix: (term, i, all) => term.length >= 2 || i === all.length - 1,
      fuzzy: (term) => typoBudget(term) || false,
    });
    for (const h of hits) {
      const i = h.id as number;
      if (score.has(i)) continue;
      const fields = Object.values(h.match);
      // The ward ("where") only narrows: an item found through it alone is not a match.
      if (!fields.some((f) => f.includes('name') || f.includes('detail'))) continue;
      const inName = fields.every((f) => f.includes('name')) ? 0 : 1;
      const extra = Math.max(0, p.folded[i].name.split(' ').length - queryWords);
      score.set(i, TIER.fuzzy);
      fuzzyKey.set(i, [inName, extra, -h.score]);
    }
  }
  const ranked = [...score.entries()].sort(([a, sa], [b, sb]) => {
    if (sa !== sb) return sb - sa;
    const ia = items[a];
    const ib = items[b];
    if (sa === TIER.fuzzy) {
      const [na, ea, ha] = fuzzyKey.get(a)!;
      const [nb, eb, hb] = fuzzyKey.get(b)!;
      if (na !== nb) return na - nb;
      if (ea !== eb) return ea - eb;
      return KIND_RANK[ia.kind] - KIND_RANK[ib.kind] || Number(!!ia.secondary) - Number(!!ib.secondary) || ha - hb || a - b;
    }
    return KIND_RANK[ia.kind] - KIND_RANK[ib.kind] || Number(!!ia.secondary) - Number(!!ib.secondary) || ia.name.localeCompare(ib.name) || a - b;
  });
  return ranked.slice(0, limit).map(([i]) => items[i]);
}

/** Postcodes in the index that start with what was typed (spaces ignored), as search items; at most `limit`. */
export function searchPostcodes(index: Readonly<PostcodeIndex>, query: string, limit = 8): SearchItem[] {
  const norm = query.toUpperCase().replace(/\s+/g, '');
  if (!norm || limit <= 0) return [];
  const out: SearchItem[] = [];
  for (const k of Object.keys(index)) {
    if (k.replace(/\s+/g, '').startsWith(norm)) out.push({ kind: 'postcode', code: k, name: k });
    if (out.length >= limit) break;
  }
  return out;
}

/** Whether the search box should look the text up in the postcode list (an outward code and at least one more character). */
export function wantsPostcodes(query: string): boolean {
  const q = query.trim();
  return looksLikePostcodeStart(q) && q.replace(/\s/g, '').length >= 5;
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

/** The number of results in words, or what to try when there are none. */
export function resultsMessage(count: number, query: string): string {
  const q = query.trim();
  if (!q) return '';
  if (count === 0) return `No matches for “${q.slice(0, 40)}”, check the spelling or try a postcode.`;
  return `${count} result${count === 1 ? '' : 's'}`;
}
