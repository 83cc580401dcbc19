import type { GeographyId } from '../core/types';
import type { ClassMethod } from '../indicators/classify';
import { parsePlaceKey, MAX_COMPARE } from '../places/keys';

/** Everything a user would share. The URL owns it; one serialise/parse pair. */
export type MapMode = 'value' | 'compare';
export type ViewMode = 'map' | 'table' | 'compare';

export interface ShareState {
  geography: GeographyId;
  indicator: string;
  mode: MapMode;
  classes: ClassMethod;
  selected: string | null;
  basemap: boolean;
  view: ViewMode;
  /** Places in the comparison, as "kind:id" keys. */
  compare: string[];
  /** Custom neighbourhoods as "bits.name" (see places.ts); their ids are n1, n2… in order. */
  custom: string[];
  /** Point layers switched on (e.g. "gp" for GP practices (QOF), asset categories). */
  layers: string[];
  /** Selected GP practice (ODS code). */
  practice: string | null;
  /** Site being appraised, encoded by siteUrl.ts; and its ring distances in metres. */
  site: string | null;
  rings: number[];
}

export const DEFAULT_SHARE_STATE: ShareState = {
  geography: 'ward',
  indicator: 'imd_score',
  mode: 'value',
  classes: 'quantile',
  selected: null,
  basemap: false,
  view: 'map',
  compare: [],
  custom: [],
  layers: [],
  practice: null,
  site: null,
  rings: [400, 800, 1200],
};

const GEOS: GeographyId[] = ['ward', 'lsoa', 'msoa'];
const CODE = /^[EWSN]\d{8}$/;

export function serialise(s: ShareState): string {
  const p = new URLSearchParams();
  p.set('geo', s.geography);
  p.set('ind', s.indicator);
  if (s.mode !== 'value') p.set('mode', s.mode);
  if (s.classes !== 'quantile') p.set('classes', s.classes);
  if (s.selected) p.set('area', s.selected);
  if (s.basemap) p.set('basemap', 'streets');
  if (s.view !== 'map') p.set('view', s.view);
  if (s.compare.length) p.set('cmp', s.compare.join(','));
  for (const c of s.custom) p.append('nb', c);
  if (s.layers.length) p.set('layers', s.layers.join(','));
  if (s.practice) p.set('practice', s.practice);
  if (s.site) {
    p.set('site', s.site);
    if (s.rings.join(',') !== '400,800,1200') p.set('rings', s.rings.join(','));
  }
  return p.toString();
}

export interface ParseResult {
  state: ShareState;
  /** Parameters that were present but not understood; each was ignored. */
  warnings: string[];
}

/** Parse a query string. Unknown or malformed values fall back to defaults with a warning, never throw. */
export function parse(query: string, knownIndicators: ReadonlySet<string>, defaults: ShareState = DEFAULT_SHARE_STATE): ParseResult {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const warnings: string[] = [];
  const state: ShareState = { ...defaults };
  const geo = p.get('geo');
  if (geo !== null) {
    if ((GEOS as string[]).includes(geo)) state.geography = geo as GeographyId;
    else warnings.push(`Unknown geography "${geo}" in the link was ignored.`);
  }
  const ind = p.get('ind');
  if (ind !== null) {
    if (knownIndicators.has(ind)) state.indicator = ind;
    else warnings.push(`Unknown indicator "${ind.slice(0, 40)}" in the link was ignored.`);
  }
  const mode = p.get('mode');
  if (mode !== null) {
    if (mode === 'compare' || mode === 'value') state.mode = mode;
    else warnings.push(`Unknown map mode "${mode}" in the link was ignored.`);
  }
  const classes = p.get('classes');
  if (classes !== null) {
    if (classes === 'jenks' || classes === 'quantile') state.classes = classes;
    else warnings.push(`Unknown classification "${classes}" in the link was ignored.`);
  }
  const area = p.get('area');
  if (area !== null) {
    if (CODE.test(area)) state.selected = area;
    else warnings.push(`Area code "${area.slice(0, 20)}" in the link is not a valid code and was ignored.`);
  }
  if (p.has('basemap')) state.basemap = p.get('basemap') === 'streets';
  const view = p.get('view');
  if (view === 'table' || view === 'compare') state.view = view;
  const cmp = p.get('cmp');
  if (cmp) {
    const keys = cmp.split(',').filter(Boolean);
    const good = keys.filter((k) => parsePlaceKey(k));
    if (good.length < keys.length) warnings.push(`${keys.length - good.length} place(s) in the link's comparison were not understood and were ignored.`);
    state.compare = [...new Set(good)].slice(0, MAX_COMPARE);
  }
  state.custom = p.getAll('nb').slice(0, 20);
  const layers = p.get('layers');
  if (layers) {
    const ls = layers.split(',').filter(Boolean);
    state.layers = [...new Set(ls.filter((l) => /^[a-z_]{1,24}$/.test(l)))].slice(0, 12);
    if (state.layers.length < ls.length) warnings.push('Some map layers in the link were not understood and were ignored.');
  }
  const site = p.get('site');
  if (site !== null) {
    if (/^(pt|poly):[-0-9.,;|]{3,20000}$/.test(site)) state.site = site;
    else warnings.push('The site in the link could not be read and was ignored.');
  }
  const rings = p.get('rings');
  if (rings !== null) {
    const xs = rings.split(',').map(Number);
    if (xs.length >= 1 && xs.length <= 5 && xs.every((x) => Number.isFinite(x) && x >= 50 && x <= 5000)) state.rings = [...new Set(xs)].sort((a, b) => a - b);
    else warnings.push('The ring distances in the link were not understood; the defaults (400, 800, 1,200 m) are used.');
  }
  const practice = p.get('practice');
  if (practice !== null) {
    if (/^[A-Z]\d{5}$/.test(practice)) state.practice = practice;
    else warnings.push(`GP practice code "${practice.slice(0, 20)}" in the link is not valid and was ignored.`);
  }
  return { state, warnings };
}
