/**
 * The person's own data, the heavy part (loaded only when someone has some): rebuilding indicators from
 * saved files, adding one, removing all. Keeping it in IndexedDB is in keepYourData.ts (always loaded).
 */
import { useStore } from '../store';
import { buildUserIndicator } from '../lib/userdata/indicator';
import { exactQofIndicators } from '../lib/health/exact';
import type { UserDataset } from '../lib/userdata/types';
import { clearSaved, type SavedUserData } from './userStore';
import { readHubsFile } from './hubsFile';

/** Build what the views need from saved data; a dataset that no longer fits the data is dropped and said. */
export function restoreYourData(saved: SavedUserData): void {
  const st = useStore.getState();
  const base = st.baseBundle;
  if (!base) return;
  const kept: UserDataset[] = [];
  const built = [];
  for (const ds of saved.datasets) {
    try {
      built.push(buildUserIndicator(base, ds));
      kept.push(ds);
    } catch (e) {
      st.addMessage(`Your data “${ds.fileName}” could not be shown again and was set aside: ${(e as Error).message}`);
    }
  }
  if (kept.length) st.setUserDatasets(kept, built);
  if (saved.points) st.setUserPoints(saved.points);
  if (saved.hubs && 'points' in saved.hubs) st.setUserHubs(saved.hubs);
  else if (saved.hubs) {
    // Saved as the file's text: read again off the main thread (the map and lists fill in when it is done).
    const { fileName, text } = saved.hubs;
    void readHubsFile(new File([text], fileName, { type: 'text/csv' }), base).then((res) => {
      if ('hubs' in res) useStore.getState().setUserHubs(res.hubs);
      else useStore.getState().addMessage(`Your hubs file “${fileName}” could not be read again: ${res.error}`);
    });
  }
  if (saved.patients) {
    const { fileName, rows, extractDate } = saved.patients;
    const res = exactQofIndicators(base, rows, fileName, extractDate);
    if (!res.error) st.setExactQof({ fileName, rows, extractDate, indicators: res.indicators, warnings: res.warnings });
  }
}

/** Add one indicator file: built, merged into the views, kept; returns the new indicator's id. */
export function addDataset(ds: UserDataset): string {
  const st = useStore.getState();
  const ind = buildUserIndicator(st.baseBundle!, ds);
  const others = st.userDatasets.filter((d) => d.id !== ds.id);
  const idx = st.userDatasets.findIndex((d) => d.id === ds.id);
  const built = st.userIndicators.filter((i) => i.id !== ds.id);
  st.setUserDatasets([...others, ds], [...built, ind]);
  return idx >= 0 ? ds.id : ind.id;
}

/** Remove one indicator file of the person's (the others stay). */
export function removeDataset(id: string): void {
  const st = useStore.getState();
  st.setUserDatasets(
    st.userDatasets.filter((d) => d.id !== id),
    st.userIndicators.filter((i) => i.id !== id),
  );
}

/** "Remove your data": every file of the person's, from the views and from this browser. */
export function removeAllYourData(): void {
  const st = useStore.getState();
  st.setUserDatasets([], []);
  st.setUserPoints(null);
  st.setUserHubs(null);
  st.setExactQof(null);
  void clearSaved();
}
