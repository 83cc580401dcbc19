import { useSyncExternalStore } from 'react';
import { useStore } from '../store';

/** Whatever waits for the first view gives up waiting after this long (a map that never settles). */
const FIRST_VIEW_WAIT_MS = 8000;

let drawn = false;
const listeners = new Set<() => void>();
function markDrawn() {
  if (drawn) return;
  drawn = true;
  unsubscribe();
  clearTimeout(timer);
  listeners.forEach((l) => l());
}
const unsubscribe = useStore.subscribe((st) => {
  if (st.mapState === 'idle' || st.mapState === 'error') markDrawn();
});
const timer = setTimeout(markDrawn, FIRST_VIEW_WAIT_MS);

/**
 * The first map view has been drawn (or cannot be: no map, or it took too long). Work the first view does
 * not need (e.g. the "Your data" panel's code) waits for it, so it does not compete with the first view.
 */
export const firstView = {
  drawn: (): boolean => drawn,
  subscribe(l: () => void): () => void {
    listeners.add(l);
    return () => listeners.delete(l);
  },
};

export function useFirstViewDrawn(): boolean {
  return useSyncExternalStore(firstView.subscribe, firstView.drawn);
}
