/**
 * The person's own data, kept in this browser's IndexedDB (idb-keyval: a tiny, well-kept wrapper) so it
 * survives a reload until "Remove your data". Nothing here is ever sent anywhere. Storage can be refused
 * (private windows, full disks): every call then resolves quietly and the data lives for this visit only.
 */
import { createStore, del, get, set } from 'idb-keyval';
import type { UserDataset } from '../lib/userdata/types';
import type { ExactQof, UserHubs, UserPoints } from '../store/data';

export interface SavedUserData {
  datasets: UserDataset[];
  points: UserPoints | null;
  /** Hubs as read (older saves), or the file itself, read again on restore (saving one string is quick). */
  hubs: UserHubs | SavedHubsFile | null;
  /** The patients-by-LSOA rows (only the borough's practices) and the file name, to rebuild the exact figures. */
  patients: { fileName: string; rows: { practice: string; lsoa: string; patients: number }[]; extractDate: string | null } | null;
}

export interface SavedHubsFile {
  fileName: string;
  text: string;
}

const EMPTY: SavedUserData = { datasets: [], points: null, hubs: null, patients: null };
const KEY = 'user-data-v1';
let store: ReturnType<typeof createStore> | null = null;
const db = () => (store ??= createStore('nhe-your-data', 'kv'));

export async function loadSaved(): Promise<SavedUserData> {
  try {
    if (typeof indexedDB === 'undefined') return EMPTY;
    const v = (await get(KEY, db())) as SavedUserData | undefined;
    return v && Array.isArray(v.datasets) ? { ...EMPTY, ...v } : EMPTY;
  } catch {
    return EMPTY;
  }
}

export async function save(data: SavedUserData): Promise<boolean> {
  try {
    if (typeof indexedDB === 'undefined') return false;
    await set(KEY, data, db());
    return true;
  } catch {
    return false;
  }
}

export async function clearSaved(): Promise<void> {
  try {
    if (typeof indexedDB !== 'undefined') await del(KEY, db());
  } catch {
    /* nothing saved, nothing to clear */
  }
}

export type { ExactQof };
