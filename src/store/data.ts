import type { StateCreator } from 'zustand';
import type { GazetteerEntry, IndicatorBundle, IndicatorRecord } from '../lib/core/types';
import type { Asset } from '../lib/assets/categories';
import type { RowIssue, UserDataset } from '../lib/userdata/types';
import { mergeUserData } from '../lib/userdata/merge';
import type { AppState } from './index';

/** Hubs and champions the user loaded from a file: kept in this browser only. */
export interface UserHubs {
  fileName: string;
  points: Asset[];
  /** Individual champions as counts per ward code: no individual is ever located. */
  championCounts: Record<string, number>;
  rejected: { row: number; reason: string }[];
  warnings: string[];
  /** The file's text: the browser keeps this one string rather than every point (a file can hold 125,000 rows). */
  text?: string;
}

/** A point file the person added: its places become the "Your points" layer. */
export interface UserPoints {
  fileName: string;
  assets: Asset[];
  rejected: RowIssue[];
  warnings: string[];
}

/** The NHS patients-by-LSOA file, when added: GP-practice conditions apportioned exactly, not modelled. */
export interface ExactQof {
  fileName: string;
  extractDate: string | null;
  /** The file's rows for the borough's practices (kept, so the figures can be rebuilt after a reload). */
  rows: { practice: string; lsoa: string; patients: number }[];
  indicators: IndicatorRecord[];
  warnings: string[];
}

/**
 * Loaded data: set once at start (the built bundle, gazetteer, assets) and by the person's own files.
 * `bundle` is what every view reads: the built bundle with their indicators and replacements merged in.
 */
export interface DataSlice {
  bundle: IndicatorBundle | null;
  /** The bundle as built, before anything of the person's. */
  baseBundle: IndicatorBundle | null;
  gazetteer: GazetteerEntry[];
  assets: Asset[];
  userHubs: UserHubs | null;
  /** The person's indicator files (kept in IndexedDB) and the indicators built from them. */
  userDatasets: UserDataset[];
  userIndicators: IndicatorRecord[];
  userPoints: UserPoints | null;
  exactQof: ExactQof | null;
  loadError: string | null;
  /** Counts start-up runs: "Try again" after a failed load bumps it, and start-up runs again. */
  startupRun: number;
  retryStartup: () => void;
  setBundle: (bundle: IndicatorBundle) => void;
  setGazetteer: (g: GazetteerEntry[]) => void;
  setAssets: (a: Asset[]) => void;
  setUserHubs: (h: UserHubs | null) => void;
  /** Replace the person's indicator files (with the indicators built from them, in the same order). */
  setUserDatasets: (datasets: UserDataset[], indicators: IndicatorRecord[]) => void;
  setUserPoints: (p: UserPoints | null) => void;
  setExactQof: (e: ExactQof | null) => void;
  setLoadError: (msg: string) => void;
  /** A tiled build's indicator values (by id), fetched when first shown (src/data/values.ts), put into the bundle at once. */
  addIndicatorValues: (values: ReadonlyMap<string, IndicatorRecord['data']>) => void;
  /** Indicators whose values file could not be used (said in a message; shown as having no data). */
  valuesFailed: string[];
  setValuesFailed: (id: string) => void;
}

export const createDataSlice: StateCreator<AppState, [], [], DataSlice> = (set, get) => {
  const merged = (base: IndicatorBundle | null, own: IndicatorRecord[], exact: ExactQof | null) => (base ? mergeUserData(base, own, exact?.indicators ?? []) : null);
  return {
    bundle: null,
    baseBundle: null,
    gazetteer: [],
    assets: [],
    userHubs: null,
    userDatasets: [],
    userIndicators: [],
    userPoints: null,
    exactQof: null,
    loadError: null,
    startupRun: 0,
    retryStartup: () => set((s) => ({ startupRun: s.startupRun + 1, loadError: null, mapState: 'loading' })),
    setBundle: (baseBundle) => set({ baseBundle, bundle: merged(baseBundle, get().userIndicators, get().exactQof) }),
    setGazetteer: (gazetteer) => set({ gazetteer }),
    setAssets: (assets) => set({ assets }),
    setUserHubs: (userHubs) => set({ userHubs }),
    setUserDatasets: (userDatasets, userIndicators) => {
      set({ userDatasets, userIndicators, bundle: merged(get().baseBundle, userIndicators, get().exactQof) });
      // A removed indicator that was on the map gives way to the default one.
      const st = get();
      if (st.bundle && !st.bundle.indicators.some((i) => i.id === st.indicator)) st.setShare({ indicator: st.bundle.indicators[0].id });
    },
    setUserPoints: (userPoints) => set({ userPoints }),
    setExactQof: (exactQof) => set({ exactQof, bundle: merged(get().baseBundle, get().userIndicators, exactQof) }),
    setLoadError: (loadError) => set({ loadError, mapState: 'error' }),
    addIndicatorValues: (values) => {
      const base = get().baseBundle;
      if (!base || values.size === 0) return;
      const baseBundle = { ...base, indicators: base.indicators.map((i) => (values.has(i.id) ? { ...i, data: values.get(i.id)! } : i)) };
      set({ baseBundle, bundle: merged(baseBundle, get().userIndicators, get().exactQof) });
    },
    valuesFailed: [],
    setValuesFailed: (id) => set((s) => ({ valuesFailed: s.valuesFailed.includes(id) ? s.valuesFailed : [...s.valuesFailed, id] })),
  };
};
