import { create } from 'zustand';
import type { GeographyId, IndicatorBundle, IndicatorRecord, PlaceEntry } from './lib/types';
import { DEFAULT_SHARE_STATE, type ShareState } from './lib/url';

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
  setShare: (patch: Partial<ShareState>) => void;
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
  };
}
