/**
 * The person's own data across a visit: restored from this browser at start (before the link is read,
 * so a link to their own indicator opens it), kept in IndexedDB on every change, removed on request.
 */
import { useStore } from '../store';
import { buildUserIndicator } from '../lib/userdata/indicator';
import { exactQofIndicators } from '../lib/health/exact';
import type { UserDataset } from '../lib/userdata/types';
import { clearSaved, loadSaved, save, type SavedUserData } from './userStore';

/** Build what the views need from saved data; a dataset that no longer fits the data is dropped and said. */
export async function restoreYourData(): Promise<void> {
  const saved = await loadSaved();
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
  if (saved.hubs) st.setUserHubs(saved.hubs);
  if (saved.patients) {
    const { fileName, rows, extractDate } = saved.patients;
    const res = exactQofIndicators(base, rows, fileName, extractDate);
    if (!res.error) st.setExactQof({ fileName, rows, extractDate, indicators: res.indicators, warnings: res.warnings });
  }
}

function snapshot(): SavedUserData {
  const s = useStore.getState();
  return {
    datasets: s.userDatasets,
    points: s.userPoints,
    hubs: s.userHubs,
    patients: s.exactQof ? { fileName: s.exactQof.fileName, rows: s.exactQof.rows, extractDate: s.exactQof.extractDate } : null,
  };
}

/** Keep the person's data in this browser whenever it changes; says once if the browser refuses. */
export function startKeepingYourData(): () => void {
  let warned = false;
  return useStore.subscribe((s, prev) => {
    if (s.userDatasets === prev.userDatasets && s.userPoints === prev.userPoints && s.userHubs === prev.userHubs && s.exactQof === prev.exactQof) return;
    const data = snapshot();
    const empty = !data.datasets.length && !data.points && !data.hubs && !data.patients;
    void (empty ? clearSaved().then(() => true) : save(data)).then((ok) => {
      if (!ok && !warned) {
        warned = true;
        useStore.getState().addMessage('Your data is in use, but this browser would not keep it (storage is off or full): it will be gone after a reload.');
      }
    });
  });
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

/** "Remove your data": every file of the person's, from the views and from this browser. */
export function removeAllYourData(): void {
  const st = useStore.getState();
  st.setUserDatasets([], []);
  st.setUserPoints(null);
  st.setUserHubs(null);
  st.setExactQof(null);
  void clearSaved();
}
