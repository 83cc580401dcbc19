/**
 * Keeping the person's own data in this browser (IndexedDB) whenever it changes, and restoring it at
 * start before the link is read (so a link to their own indicator opens it). The code that rebuilds
 * indicators loads only when something was saved, so the first screen stays light.
 */
import { useStore } from '../store';
import { clearSaved, loadSaved, save, type SavedUserData } from './userStore';

export async function restoreSavedData(): Promise<void> {
  const saved = await loadSaved();
  if (!saved.datasets.length && !saved.points && !saved.hubs && !saved.patients) return;
  const { restoreYourData } = await import('./yourData');
  restoreYourData(saved);
}

function snapshot(): SavedUserData {
  const s = useStore.getState();
  return {
    datasets: s.userDatasets,
    points: s.userPoints,
    hubs: s.userHubs?.text !== undefined ? { fileName: s.userHubs.fileName, text: s.userHubs.text } : s.userHubs,
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

