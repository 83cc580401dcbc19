import type { StateCreator } from 'zustand';
import type { LonLat } from '../lib/core/geo';
import type { AppState } from './index';

/** A neighbourhood being built: the LSOAs picked so far (by click, list or drawing). */
export interface Draft {
  lsoas: number[];
}

/**
 * What a click on the map does. Exactly one tool is active at a time (null: pick an area to
 * see its profile), so exactly one handler owns clicks.
 */
export type MapTool =
  | { kind: 'pick-areas' } // clicking LSOAs adds them to, or removes them from, the draft neighbourhood
  | { kind: 'draw-area'; points: LonLat[] } // drawing a neighbourhood's outline
  | { kind: 'pick-point' } // "Near here": the point to list assets around
  | { kind: 'site-pin' } // site appraisal: the site is a point
  | { kind: 'site-boundary'; points: LonLat[] }; // site appraisal: drawing the site's boundary

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

/** Transient interface state: never in the URL. */
export interface UiSlice {
  hovered: string | null;
  camera: CameraRequest | null;
  postcodeHit: PostcodeHit | null;
  messages: string[];
  mapState: 'loading' | 'busy' | 'idle' | 'error';
  tool: MapTool | null;
  draft: Draft | null;
  selectedAsset: string | null;
  /** The point "Near here" lists assets around (a searched postcode or a clicked point). */
  nearPoint: { lon: number; lat: number; label: string } | null;
  /** The site and its catchments as GeoJSON for the map, set by the (lazily loaded) appraisal panel. */
  siteFeatures: GeoJSON.FeatureCollection | null;
  /** Asking the map for a picture of itself (for a printed summary): a counter, and the PNG it answers with. */
  mapImageRequest: number;
  mapImage: string | null;
  /** A file dropped anywhere on the app, for "Your data" to read. */
  droppedFile: File | null;
  setDroppedFile: (f: File | null) => void;
  setHovered: (code: string | null) => void;
  setPostcodeHit: (hit: PostcodeHit | null) => void;
  flyTo: (center: [number, number], zoom: number) => void;
  fitBounds: (bbox: [number, number, number, number]) => void;
  addMessage: (msg: string) => void;
  dismissMessage: (i: number) => void;
  setMapState: (s: UiSlice['mapState']) => void;
  setTool: (t: MapTool | null) => void;
  /** A click on the map while drawing: one more corner (a repeated click adds nothing). */
  addToolPoint: (p: LonLat) => void;
  undoToolPoint: () => void;
  /** A click on the map with a point tool: "Near here" lists around it, or it becomes the site. */
  pickPoint: (p: LonLat) => Promise<void>;
  /** Close the shape being drawn; returns a note for the person, or null when nothing was finished. */
  finishTool: () => Promise<string | null>;
  setDraft: (d: Draft | null) => void;
  toggleDraftLsoa: (i: number) => void;
  setSelectedAsset: (id: string | null) => void;
  setNearPoint: (p: UiSlice['nearPoint']) => void;
  setSiteFeatures: (f: GeoJSON.FeatureCollection | null) => void;
  requestMapImage: () => void;
  setMapImage: (png: string | null) => void;
}

let seq = 0;
const round6 = (p: LonLat): LonLat => [Number(p[0].toFixed(6)), Number(p[1].toFixed(6))];

export const createUiSlice: StateCreator<AppState, [], [], UiSlice> = (set, get) => ({
  hovered: null,
  camera: null,
  postcodeHit: null,
  messages: [],
  mapState: 'loading',
  tool: null,
  draft: null,
  selectedAsset: null,
  nearPoint: null,
  siteFeatures: null,
  mapImageRequest: 0,
  mapImage: null,
  droppedFile: null,
  setDroppedFile: (droppedFile) => set({ droppedFile }),
  setHovered: (hovered) => set({ hovered }),
  setPostcodeHit: (postcodeHit) => set({ postcodeHit }),
  flyTo: (center, zoom) => set({ camera: { center, zoom, seq: ++seq } }),
  fitBounds: (bbox) => set({ camera: { bbox, seq: ++seq } }),
  addMessage: (msg) => set((s) => ({ messages: s.messages.includes(msg) ? s.messages : [...s.messages, msg] })),
  dismissMessage: (i) => set((s) => ({ messages: s.messages.filter((_, k) => k !== i) })),
  setMapState: (mapState) => set({ mapState }),
  setTool: (tool) => set({ tool }),
  addToolPoint: (raw) => {
    const t = get().tool;
    if (!t || (t.kind !== 'draw-area' && t.kind !== 'site-boundary')) return;
    const p = round6(raw);
    const last = t.points[t.points.length - 1];
    if (last && last[0] === p[0] && last[1] === p[1]) return;
    set({ tool: { ...t, points: [...t.points, p] } });
  },
  undoToolPoint: () => {
    const t = get().tool;
    if (t && (t.kind === 'draw-area' || t.kind === 'site-boundary')) set({ tool: { ...t, points: t.points.slice(0, -1) } });
  },
  pickPoint: async (raw) => {
    const t = get().tool;
    const [lon, lat] = round6(raw);
    if (t?.kind === 'pick-point') get().setNearPoint({ lon, lat, label: `the point you picked (${lat.toFixed(4)}, ${lon.toFixed(4)})` });
    else if (t?.kind === 'site-pin') {
      // The site code (turf, proj4) loads on demand; the planner's panel has usually loaded it already.
      const [{ siteFromPoint }, { encodeSite }] = await Promise.all([import('../lib/site/geometry'), import('../lib/site/link')]);
      get().setShare({ site: encodeSite(siteFromPoint([lon, lat])) });
      set({ tool: null });
    }
  },
  finishTool: async () => {
    const t = get().tool;
    if (t?.kind === 'draw-area') {
      const b = get().bundle;
      // Loaded on demand: turf stays out of the first download.
      const { lsoasInPolygon, polygonFromPoints } = await import('../lib/places/drawn');
      const poly = polygonFromPoints(t.points);
      if (!poly || !b) {
        get().addMessage('A drawn area needs at least three corners; keep clicking on the map, or cancel drawing.');
        return null;
      }
      const lsoas = lsoasInPolygon(b.lsoaLinks.pwc, poly);
      set({ tool: null, draft: { lsoas } });
      if (!lsoas.length) get().addMessage('No LSOA has its population-weighted centroid inside the drawn area; draw a larger area.');
      return `${lsoas.length} LSOA${lsoas.length === 1 ? '' : 's'} inside the drawn area.`;
    }
    if (t?.kind === 'site-boundary') {
      if (t.points.length < 3) {
        get().addMessage('A boundary needs at least three corners.');
        return null;
      }
      const [{ siteFromPolygon }, { encodeSite }] = await Promise.all([import('../lib/site/geometry'), import('../lib/site/link')]);
      try {
        get().setShare({ site: encodeSite(siteFromPolygon(t.points)), view: 'map' });
        set({ tool: null });
        return 'Site boundary drawn.';
      } catch (err) {
        get().addMessage(`That boundary cannot be used: ${(err as Error).message}`);
        return null;
      }
    }
    return null;
  },
  setDraft: (draft) => set({ draft }),
  toggleDraftLsoa: (i) =>
    set((s) => {
      const d = s.draft ?? { lsoas: [] };
      const lsoas = d.lsoas.includes(i) ? d.lsoas.filter((x) => x !== i) : [...d.lsoas, i].sort((a, b) => a - b);
      return { draft: { lsoas } };
    }),
  setSelectedAsset: (selectedAsset) => set({ selectedAsset }),
  setNearPoint: (nearPoint) => set((s) => ({ nearPoint, tool: s.tool?.kind === 'pick-point' ? null : s.tool })),
  setSiteFeatures: (siteFeatures) => set({ siteFeatures }),
  requestMapImage: () => set((s) => ({ mapImageRequest: s.mapImageRequest + 1 })),
  setMapImage: (mapImage) => set({ mapImage }),
});
