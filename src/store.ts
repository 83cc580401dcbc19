import { create } from 'zustand';
import type { GeographyId, IndicatorBundle, IndicatorRecord, PlaceEntry } from './lib/core/types';
import type { Asset } from './lib/assets/categories';

/** Hubs and champions the user loaded from a file: kept in this browser only. */
export interface UserHubs {
  fileName: string;
  points: Asset[];
  /** Individual champions as counts per ward code: no individual is ever located. */
  championCounts: Record<string, number>;
  rejected: { row: number; reason: string }[];
  warnings: string[];
}
import { DEFAULT_SHARE_STATE, type ShareState } from './lib/share/url';
import { MAX_COMPARE, cleanName, encodeLsoaSet, parseCustom, type CustomArea } from './lib/places/keys';

/** A neighbourhood being built: LSOAs picked so far and, while drawing, the polygon's vertices. */
export interface Draft {
  lsoas: number[];
  picking: boolean;
  drawing: boolean;
  points: [number, number][];
}
export const EMPTY_DRAFT: Draft = { lsoas: [], picking: false, drawing: false, points: [] };

/** A camera request for the map: fit a box or centre on a point. The map owns the camera. */
export type CameraRequest = { bbox: [number, number, number, number]; seq: number } | { center: [number, number]; zoom: number; seq: number };

export interface PostcodeHit {
  postcode: string;
  lon: number;
  lat: number;
  lsoa: number;
  ward: number;
  msoa: number;
}

export interface AppState extends ShareState {
  bundle: IndicatorBundle | null;
  places: PlaceEntry[];
  loadError: string | null;
  hovered: string | null;
  camera: CameraRequest | null;
  postcodeHit: PostcodeHit | null;
  messages: string[];
  mapState: 'loading' | 'busy' | 'idle' | 'error';
  draft: Draft | null;
  assets: Asset[];
  userHubs: UserHubs | null;
  selectedAsset: string | null;
  /** The point "Near here" lists assets around (a searched postcode or a clicked point). */
  nearPoint: { lon: number; lat: number; label: string } | null;
  pickingNear: boolean;
  /** Site entry on the map: dropping a pin or drawing a boundary. */
  siteTool: { mode: 'pin' | 'draw'; points: [number, number][] } | null;
  setSiteTool: (t: AppState['siteTool']) => void;
  /** PNG of the map with its legend, for the printed site summary. */
  siteMapImage: string | null;
  /** The site and its catchments as GeoJSON for the map, set by the (lazily loaded) appraisal panel. */
  siteFeatures: GeoJSON.FeatureCollection | null;
  setSiteFeatures: (f: GeoJSON.FeatureCollection | null) => void;
  setSiteMapImage: (s: string | null) => void;
  setAssets: (a: Asset[]) => void;
  setUserHubs: (h: UserHubs | null) => void;
  setSelectedAsset: (id: string | null) => void;
  setNearPoint: (p: AppState['nearPoint']) => void;
  setPickingNear: (on: boolean) => void;
  setDraft: (d: Draft | null) => void;
  toggleDraftLsoa: (i: number) => void;
  addToCompare: (key: string) => void;
  removeFromCompare: (key: string) => void;
  saveCustom: (name: string, lsoas: number[]) => string | null;
  renameCustom: (id: string, name: string) => void;
  deleteCustom: (id: string) => void;
  setShare: (patch: Partial<ShareState>) => void;
  toggleLayer: (id: string, on: boolean) => void;
  setBundle: (bundle: IndicatorBundle, places: PlaceEntry[]) => void;
  setLoadError: (msg: string) => void;
  selectArea: (geography: GeographyId, code: string | null, zoom?: boolean) => void;
  setHovered: (code: string | null) => void;
  setPostcodeHit: (hit: PostcodeHit | null) => void;
  flyTo: (camera: Omit<CameraRequest, 'seq'>) => void;
  addMessage: (msg: string) => void;
  dismissMessage: (i: number) => void;
  setMapState: (s: AppState['mapState']) => void;
}

let seq = 0;

export const useStore = create<AppState>((set, get) => ({
  ...DEFAULT_SHARE_STATE,
  bundle: null,
  places: [],
  loadError: null,
  hovered: null,
  camera: null,
  postcodeHit: null,
  messages: [],
  mapState: 'loading',
  draft: null,
  assets: [],
  userHubs: null,
  selectedAsset: null,
  nearPoint: null,
  pickingNear: false,
  siteTool: null,
  siteMapImage: null,
  siteFeatures: null,
  setSiteFeatures: (siteFeatures) => set({ siteFeatures }),
  setSiteMapImage: (siteMapImage) => set({ siteMapImage }),
  setSiteTool: (siteTool) => set({ siteTool }),
  setAssets: (assets) => set({ assets }),
  setUserHubs: (userHubs) => set({ userHubs }),
  setSelectedAsset: (selectedAsset) => set({ selectedAsset }),
  setNearPoint: (nearPoint) => set({ nearPoint, pickingNear: false }),
  setPickingNear: (pickingNear) => set({ pickingNear }),
  setDraft: (draft) => set({ draft }),
  toggleDraftLsoa: (i) =>
    set((s) => {
      const d = s.draft ?? { ...EMPTY_DRAFT, picking: true };
      const lsoas = d.lsoas.includes(i) ? d.lsoas.filter((x) => x !== i) : [...d.lsoas, i].sort((a, b) => a - b);
      return { draft: { ...d, lsoas } };
    }),
  addToCompare: (key) => {
    const { compare, addMessage } = get();
    if (compare.includes(key)) return;
    if (compare.length >= MAX_COMPARE) {
      addMessage(`The comparison holds up to ${MAX_COMPARE} places besides ${get().bundle?.place.name ?? 'the borough'} and England; remove one first.`);
      return;
    }
    set({ compare: [...compare, key] });
  },
  removeFromCompare: (key) => set((s) => ({ compare: s.compare.filter((k) => k !== key) })),
  saveCustom: (rawName, lsoas) => {
    const b = get().bundle;
    const name = cleanName(rawName);
    if (!b || !name || lsoas.length === 0) return null;
    const custom = [...get().custom, `${encodeLsoaSet(lsoas, b.areas.lsoa.codes.length)}.${name}`];
    set({ custom });
    return `n${custom.length}`;
  },
  renameCustom: (id, rawName) => {
    const name = cleanName(rawName);
    const k = Number(id.slice(1)) - 1;
    const cur = get().custom[k];
    if (!name || cur === undefined) return;
    set({ custom: get().custom.map((c, i) => (i === k ? `${c.slice(0, c.indexOf('.'))}.${name}` : c)) });
  },
  deleteCustom: (id) => {
    const k = Number(id.slice(1)) - 1;
    // Later neighbourhoods move up one place, so their comparison keys are renumbered.
    const compare = get()
      .compare.filter((key) => key !== `custom:${id}`)
      .map((key) => {
        const m = key.match(/^custom:n(\d+)$/);
        return m && Number(m[1]) - 1 > k ? `custom:n${Number(m[1]) - 1}` : key;
      });
    set({ custom: get().custom.filter((_, i) => i !== k), compare });
  },
  setShare: (patch) => {
    // A change of indicator or geography keeps the selection only if it still exists.
    const next = { ...patch };
    const geo = patch.geography ?? get().geography;
    const sel = 'selected' in patch ? patch.selected : get().selected;
    const b = get().bundle;
    if (b && sel && !b.areas[geo].codes.includes(sel)) next.selected = null;
    set(next);
  },
  setBundle: (bundle, places) => set({ bundle, places }),
  toggleLayer: (id, on) => set((s) => ({ layers: on ? [...new Set([...s.layers, id])] : s.layers.filter((l) => l !== id) })),
  setLoadError: (loadError) => set({ loadError, mapState: 'error' }),
  selectArea: (geography, code, zoom = true) => {
    const b = get().bundle;
    set({ geography, selected: code });
    if (b && code && zoom) {
      const i = b.areas[geography].codes.indexOf(code);
      if (i >= 0) set({ camera: { bbox: b.areas[geography].bbox[i], seq: ++seq } });
    }
  },
  setHovered: (hovered) => set({ hovered }),
  setPostcodeHit: (postcodeHit) => set({ postcodeHit }),
  flyTo: (camera) => set({ camera: { ...camera, seq: ++seq } as CameraRequest }),
  addMessage: (msg) => set((s) => ({ messages: s.messages.includes(msg) ? s.messages : [...s.messages, msg] })),
  dismissMessage: (i) => set((s) => ({ messages: s.messages.filter((_, k) => k !== i) })),
  setMapState: (mapState) => set({ mapState }),
}));

/** The indicator record for the current selection of indicator. */
export function currentIndicator(s: Pick<AppState, 'bundle' | 'indicator'>): IndicatorRecord | null {
  return s.bundle?.indicators.find((i) => i.id === s.indicator) ?? null;
}

export function shareOf(s: AppState): ShareState {
  return {
    geography: s.geography,
    indicator: s.indicator,
    mode: s.mode,
    classes: s.classes,
    selected: s.selected,
    basemap: s.basemap,
    view: s.view,
    compare: s.compare,
    custom: s.custom,
    layers: s.layers,
    practice: s.practice,
    site: s.site,
    rings: s.rings,
  };
}

/** Custom neighbourhoods parsed from their URL form; malformed ones are dropped (urlSync reports them). */
export function customAreas(custom: string[], total: number): CustomArea[] {
  return custom.map((c, i) => parseCustom(c, `n${i + 1}`, total)).filter((a): a is CustomArea => a !== null);
}
