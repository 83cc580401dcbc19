import type { StateCreator } from 'zustand';
import type { GazetteerEntry, IndicatorBundle } from '../lib/core/types';
import type { Asset } from '../lib/assets/categories';
import type { AppState } from './index';

/** Hubs and champions the user loaded from a file: kept in this browser only. */
export interface UserHubs {
  fileName: string;
  points: Asset[];
  /** Individual champions as counts per ward code: no individual is ever located. */
  championCounts: Record<string, number>;
  rejected: { row: number; reason: string }[];
  warnings: string[];
}

/** Loaded data: set once at start (bundle, gazetteer, assets) or by the user's own files. */
export interface DataSlice {
  bundle: IndicatorBundle | null;
  gazetteer: GazetteerEntry[];
  assets: Asset[];
  userHubs: UserHubs | null;
  loadError: string | null;
  setBundle: (bundle: IndicatorBundle, gazetteer: GazetteerEntry[]) => void;
  setAssets: (a: Asset[]) => void;
  setUserHubs: (h: UserHubs | null) => void;
  setLoadError: (msg: string) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set) => ({
  bundle: null,
  gazetteer: [],
  assets: [],
  userHubs: null,
  loadError: null,
  setBundle: (bundle, gazetteer) => set({ bundle, gazetteer }),
  setAssets: (assets) => set({ assets }),
  setUserHubs: (userHubs) => set({ userHubs }),
  setLoadError: (loadError) => set({ loadError, mapState: 'error' }),
});
