import type { StateCreator } from 'zustand';
import type { GeographyId } from '../lib/core/types';
import { DEFAULT_SHARE_STATE, pickShare, type MapLayerId, type ShareState } from '../lib/share/url';
import { validateShare } from '../lib/share/validate';
import { MAX_COMPARISON, cleanName, encodeLsoaSet } from '../lib/places/keys';
import type { AppState } from './index';

/** Shareable state (the URL owns it) and the actions that change it; every change passes validateShare. */
export interface ShareSlice extends ShareState {
  setShare: (patch: Partial<ShareState>) => void;
  addToComparison: (key: string) => void;
  removeFromComparison: (key: string) => void;
  saveCustom: (name: string, lsoas: number[]) => string | null;
  renameCustom: (id: string, name: string) => void;
  deleteCustom: (id: string) => void;
  toggleLayer: (id: MapLayerId, on: boolean) => void;
  selectArea: (geography: GeographyId, code: string | null, zoom?: boolean) => void;
}

export const createShareSlice: StateCreator<AppState, [], [], ShareSlice> = (set, get) => ({
  ...DEFAULT_SHARE_STATE,
  setShare: (patch) => {
    // A change of indicator or geography keeps the selection (and everything else) only if it still exists.
    const { state } = validateShare({ ...pickShare(get()), ...patch }, get().bundle);
    set(state);
  },
  addToComparison: (key) => {
    const { comparison, addMessage } = get();
    if (comparison.includes(key)) return;
    if (comparison.length >= MAX_COMPARISON) {
      addMessage(`The comparison holds up to ${MAX_COMPARISON} places besides ${get().bundle?.place.name ?? 'the borough'} and England; remove one first.`);
      return;
    }
    get().setShare({ comparison: [...comparison, key] });
  },
  removeFromComparison: (key) => get().setShare({ comparison: get().comparison.filter((k) => k !== key) }),
  saveCustom: (rawName, lsoas) => {
    const b = get().bundle;
    const name = cleanName(rawName);
    if (!b || !name || lsoas.length === 0) return null;
    const custom = [...get().custom, `${encodeLsoaSet(lsoas, b.areas.lsoa.codes.length)}.${name}`];
    get().setShare({ custom });
    return `n${custom.length}`;
  },
  renameCustom: (id, rawName) => {
    const name = cleanName(rawName);
    const k = Number(id.slice(1)) - 1;
    const cur = get().custom[k];
    if (!name || cur === undefined) return;
    get().setShare({ custom: get().custom.map((c, i) => (i === k ? `${c.slice(0, c.indexOf('.'))}.${name}` : c)) });
  },
  deleteCustom: (id) => {
    const k = Number(id.slice(1)) - 1;
    // Later neighbourhoods move up one place, so their comparison keys are renumbered.
    const comparison = get()
      .comparison.filter((key) => key !== `custom:${id}`)
      .map((key) => {
        const m = key.match(/^custom:n(\d+)$/);
        return m && Number(m[1]) - 1 > k ? `custom:n${Number(m[1]) - 1}` : key;
      });
    get().setShare({ custom: get().custom.filter((_, i) => i !== k), comparison });
  },
  toggleLayer: (id, on) => {
    const layers = get().layers;
    get().setShare({ layers: on ? [...new Set([...layers, id])] : layers.filter((l) => l !== id) });
  },
  selectArea: (geography, code, zoom = true) => {
    const b = get().bundle;
    get().setShare({ geography, selected: code });
    if (b && code && zoom) {
      const i = b.areas[geography].codes.indexOf(code);
      if (i >= 0) get().fitBounds(b.areas[geography].bbox[i]);
    }
  },
});
