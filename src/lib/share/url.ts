import { GEOGRAPHY_IDS, type GeographyId } from '../core/types';
import type { ClassMethod } from '../indicators/classify';
import { parsePlaceKey, MAX_COMPARISON } from '../places/keys';
import { DEFAULT_RADII_M, parseRadii } from '../core/geo';
import { ASSET_CATEGORY_IDS, type AssetCategory } from '../assets/categories';

/** What the map colours areas by: their value, or their benchmark (compared with England). */
export type MapMode = 'value' | 'benchmark';
/** What the main area shows: the map, the table of areas, or (in the compare task) the comparison widened to the full window. */
export type ViewMode = 'map' | 'table' | 'comparison';
/** The four jobs the app is shaped around; each has its own panel, map tools and layers. */
export type TaskId = 'explore' | 'compare' | 'near' | 'site';
export const TASK_IDS: readonly TaskId[] = ['explore', 'compare', 'near', 'site'];

/** Point layers: the QOF practice layer ('qof') and the community asset categories; never the same id. */
export type MapLayerId = 'qof' | AssetCategory;
export const MAP_LAYER_IDS: readonly MapLayerId[] = ['qof', ...ASSET_CATEGORY_IDS];
/** "Near me" with no layers in its link shows the everyday services (a link says "layers=none" for none). */
export const NEAR_DEFAULT_LAYERS: readonly MapLayerId[] = ['gp', 'pharmacy', 'library', 'food_bank'];
const NO_LAYERS_TOKEN = 'none';

/** Everything a user would share. The URL owns it through one serialise/parse pair (here) and one validateShare. */
export interface ShareState {
  /** Which task's panel is open. */
  task: TaskId;
  geography: GeographyId;
  indicator: string;
  mode: MapMode;
  classes: ClassMethod;
  selected: string | null;
  basemap: boolean;
  view: ViewMode;
  /** Themes the comparison shows, as positions in the data's theme list; null: the default focus. */
  themes: number[] | null;
  /** Places in the comparison, as "kind:id" keys. */
  comparison: string[];
  /** Custom neighbourhoods as "bits.name" (see places/keys.ts); their ids are n1, n2… in order. */
  custom: string[];
  /** Point layers switched on. */
  layers: MapLayerId[];
  /** Closed libraries drawn too (kept for history). */
  showClosed: boolean;
  /** Selected GP practice (ODS code). */
  practice: string | null;
  /** Site being appraised, encoded by site/link.ts; and its ring distances in metres. */
  site: string | null;
  rings: number[];
}

/** The shareable fields, listed once: the store copies exactly these into the URL. */
export const SHARE_FIELDS = [
  'task',
  'geography',
  'indicator',
  'mode',
  'classes',
  'selected',
  'basemap',
  'view',
  'comparison',
  'themes',
  'custom',
  'layers',
  'showClosed',
  'practice',
  'site',
  'rings',
] as const satisfies readonly (keyof ShareState)[];

export const DEFAULT_SHARE_STATE: ShareState = {
  task: 'explore',
  geography: 'ward',
  indicator: 'imd_score',
  mode: 'value',
  classes: 'quantile',
  selected: null,
  basemap: false,
  view: 'map',
  comparison: [],
  themes: null,
  custom: [],
  layers: [],
  showClosed: false,
  practice: null,
  site: null,
  rings: [...DEFAULT_RADII_M],
};

/** The fields of a state object that are shareable, and nothing else. */
export function pickShare(s: ShareState): ShareState {
  const out = {} as Record<string, unknown>;
  for (const k of SHARE_FIELDS) out[k] = s[k];
  return out as unknown as ShareState;
}

// An area code's shape only (a letter and eight digits, as GSS codes are); whether the data has it is validateShare's check.
const CODE = /^[A-Z]\d{8}$/;
// Tokens in links: kept stable so links shared before the internal names changed still open.
export const MODE_TOKEN: Readonly<Record<MapMode, string>> = { value: 'value', benchmark: 'compare' };
const VIEW_TOKEN: Record<ViewMode, string> = { map: 'map', table: 'table', comparison: 'compare' };
const CLOSED_TOKEN = 'closed';
const MAX_CUSTOM = 20;
const MAX_CUSTOM_CHARS = 400;
/** Comparison entries read from a link: a few more than a comparison holds (some may not be in the data). */
const MAX_CMP_READ = MAX_COMPARISON * 4;

/**
 * The link for a state, never longer than MAX_LINK_QUERY_CHARS: if neighbourhood names would make it
 * longer (they may hold any characters, and each non-Latin one takes up to 12 in a link), the names in
 * the link are shortened until it fits (the app keeps the full names; `linkShortensNames` says when).
 */
export function serialise(s: ShareState): string {
  const full = serialiseAll(s);
  if (full.length <= MAX_LINK_QUERY_CHARS || !s.custom.length) return full;
  for (let keep = 40; keep >= 0; keep -= 5) {
    const q = serialiseAll({ ...s, custom: s.custom.map((c) => shortenCustomName(c, keep)) });
    if (q.length <= MAX_LINK_QUERY_CHARS) return q;
  }
  return serialiseAll({ ...s, custom: s.custom.map((c) => shortenCustomName(c, 0)) });
}

/** True when the link for this state carries shortened neighbourhood names (see serialise). */
export function linkShortensNames(s: ShareState): boolean {
  return s.custom.length > 0 && serialiseAll(s).length > MAX_LINK_QUERY_CHARS;
}

/** "bits.name" with the name cut to `keep` characters (an empty name becomes "…"). */
function shortenCustomName(c: string, keep: number): string {
  const dot = c.indexOf('.');
  if (dot < 0) return c;
  const name = Array.from(c.slice(dot + 1));
  return name.length <= keep ? c : `${c.slice(0, dot + 1)}${name.slice(0, keep).join('').trim()}…`;
}

function serialiseAll(s: ShareState): string {
  const p = new URLSearchParams();
  // The task is written unless the link already says it (older links: a site, or the comparison view).
  if (s.task !== inferredTask(s)) p.set('task', s.task);
  p.set('geo', s.geography);
  p.set('ind', s.indicator);
  if (s.mode !== 'value') p.set('mode', MODE_TOKEN[s.mode]);
  if (s.classes !== 'quantile') p.set('classes', s.classes);
  if (s.selected) p.set('area', s.selected);
  if (s.basemap) p.set('basemap', 'streets');
  if (s.view !== 'map') p.set('view', VIEW_TOKEN[s.view]);
  if (s.comparison.length) p.set('cmp', s.comparison.join(','));
  if (s.themes) p.set('themes', s.themes.length ? s.themes.join(',') : NO_LAYERS_TOKEN);
  for (const c of s.custom) p.append('nb', c);
  const layers: string[] = [...s.layers, ...(s.showClosed ? [CLOSED_TOKEN] : [])];
  if (layers.length) p.set('layers', layers.join(','));
  else if (s.task === 'near') p.set('layers', NO_LAYERS_TOKEN);
  if (s.practice) p.set('practice', s.practice);
  if (s.site) {
    p.set('site', s.site);
    if (s.rings.join(',') !== DEFAULT_RADII_M.join(',')) p.set('rings', s.rings.join(','));
  }
  return p.toString();
}

/** The task a link without "task=" opens: links made before tasks existed open the task they showed. */
function inferredTask(s: Pick<ShareState, 'site' | 'view'>): TaskId {
  return s.site ? 'site' : s.view === 'comparison' ? 'compare' : 'explore';
}

/** Coordinates of a site parameter, without building the geometry (for cheap checks such as bounds). */
export function siteCoordinates(raw: string): [number, number][] | null {
  const body = raw.startsWith('pt:') ? raw.slice(3) : raw.startsWith('poly:') ? raw.slice(5) : null;
  if (body === null) return null;
  const out: [number, number][] = [];
  for (const xy of body.split(/[;|]/)) {
    const parts = xy.split(',');
    if (parts.length !== 2) return null;
    const x = Number(parts[0]);
    const y = Number(parts[1]);
    if (parts[0] === '' || parts[1] === '' || !Number.isFinite(x) || !Number.isFinite(y)) return null;
    out.push([x, y]);
  }
  return out.length ? out : null;
}

/**
 * What a link asks for that must not happen without the person's say-so: an online street basemap
 * (it sends requests to a tile server). The state keeps the basemap off; the request is asked about.
 */
export function holdOnlineRequests(state: ShareState): { state: ShareState; basemapRequested: boolean } {
  return state.basemap ? { state: { ...state, basemap: false }, basemapRequested: true } : { state, basemapRequested: false };
}

/** Longest query string a link the app writes may have (common web servers refuse 8 KB and more). */
export const MAX_LINK_QUERY_CHARS = 7000;

export interface ParseResult {
  state: ShareState;
  /** Parameters that were present but not understood; each was ignored. */
  warnings: string[];
}

export const tokenOf = <T extends string>(table: Readonly<Record<T, string>>, token: string): T | undefined =>
  (Object.keys(table) as T[]).find((k) => table[k] === token);

/**
 * Parse a query string: its syntax only (validateShare checks it against the data).
 * Unknown or malformed values fall back to defaults with a warning, never throw.
 */
export function parse(query: string, knownIndicators: ReadonlySet<string>, defaults: ShareState = DEFAULT_SHARE_STATE): ParseResult {
  const p = new URLSearchParams(query.startsWith('?') ? query.slice(1) : query);
  const warnings: string[] = [];
  const state: ShareState = { ...defaults };
  const geo = p.get('geo');
  if (geo !== null) {
    if ((GEOGRAPHY_IDS as readonly string[]).includes(geo)) state.geography = geo as GeographyId;
    else warnings.push(`Unknown geography "${geo.slice(0, 20)}" in the link was ignored.`);
  }
  const ind = p.get('ind');
  if (ind !== null) {
    if (knownIndicators.has(ind)) state.indicator = ind;
    // Someone's own data never travels in a link: only its id does, and it means nothing elsewhere.
    else if (/^user_[a-z0-9]{1,40}$/.test(ind))
      warnings.push('This link was made with someone’s own data, which stays on their computer and is not in links; the default indicator is shown instead.');
    else warnings.push(`Unknown indicator "${ind.slice(0, 40)}" in the link was ignored.`);
  }
  const mode = p.get('mode');
  if (mode !== null) {
    const m = tokenOf(MODE_TOKEN, mode);
    if (m) state.mode = m;
    else warnings.push(`Unknown map mode "${mode.slice(0, 20)}" in the link was ignored.`);
  }
  const classes = p.get('classes');
  if (classes !== null) {
    if (classes === 'jenks' || classes === 'quantile') state.classes = classes;
    else warnings.push(`Unknown classification "${classes.slice(0, 20)}" in the link was ignored.`);
  }
  const area = p.get('area');
  if (area !== null) {
    if (CODE.test(area)) state.selected = area;
    else warnings.push(`Area code "${area.slice(0, 20)}" in the link is not a valid code and was ignored.`);
  }
  if (p.has('basemap')) state.basemap = p.get('basemap') === 'streets';
  const view = p.get('view');
  if (view !== null) state.view = tokenOf(VIEW_TOKEN, view) ?? state.view;
  const task = p.get('task');
  if (task !== null) {
    if ((TASK_IDS as readonly string[]).includes(task)) state.task = task as TaskId;
    else warnings.push(`Unknown task "${task.slice(0, 20)}" in the link was ignored.`);
  }
  const cmp = p.get('cmp');
  if (cmp) {
    // At most a few more entries than a comparison holds are even looked at: a link listing 100,000 costs nothing.
    const keys = cmp.split(',', MAX_CMP_READ + 1).filter(Boolean);
    if (keys.length > MAX_CMP_READ) {
      keys.length = MAX_CMP_READ;
      warnings.push(`The link's comparison lists more places than the ${MAX_COMPARISON} a comparison holds; the rest were ignored.`);
    }
    const good = keys.filter((k) => parsePlaceKey(k));
    if (good.length < keys.length) warnings.push(`${keys.length - good.length} place(s) in the link's comparison were not understood and were ignored.`);
    state.comparison = [...new Set(good)].slice(0, MAX_COMPARISON);
  }
  const themes = p.get('themes');
  if (themes !== null) {
    if (themes === NO_LAYERS_TOKEN) state.themes = [];
    else if (/^\d{1,2}(,\d{1,2}){0,49}$/.test(themes)) state.themes = [...new Set(themes.split(',').map(Number))].sort((a, b) => a - b);
    else warnings.push('The themes chosen for the comparison in the link were not understood; the default themes are shown.');
  }
  // A neighbourhood is at most 64 bitset characters, a dot and a 60-character name: longer text is cut before it is read.
  if (p.has('nb')) state.custom = p.getAll('nb').slice(0, MAX_CUSTOM).map((c) => c.slice(0, MAX_CUSTOM_CHARS));
  const layers = p.get('layers');
  if (layers === null && state.task === 'near') state.layers = [...NEAR_DEFAULT_LAYERS];
  if (layers === NO_LAYERS_TOKEN) state.layers = [];
  else if (layers) {
    const ls = [...new Set(layers.split(',').filter(Boolean))];
    state.showClosed = ls.includes(CLOSED_TOKEN);
    state.layers = MAP_LAYER_IDS.filter((id) => ls.includes(id));
    if (state.layers.length + (state.showClosed ? 1 : 0) < ls.length) warnings.push('Some map layers in the link were not understood and were ignored.');
  }
  const site = p.get('site');
  if (site !== null) {
    if (/^(pt|poly):[-0-9.,;|]{3,20000}$/.test(site)) state.site = site;
    else warnings.push('The site in the link could not be read and was ignored.');
  }
  const rings = p.get('rings');
  if (rings !== null) {
    const r = parseRadii(rings);
    if (r) state.rings = r;
    else warnings.push('The ring distances in the link were not understood; the defaults (400, 800, 1,200 m) are used.');
  }
  const practice = p.get('practice');
  if (practice !== null) {
    if (/^[A-Z]\d{5}$/.test(practice)) state.practice = practice;
    else warnings.push(`GP practice code "${practice.slice(0, 20)}" in the link is not valid and was ignored.`);
  }
  if (task === null) state.task = inferredTask(state);
  return { state, warnings };
}
