import { useSyncExternalStore } from 'react';
import { useStore } from '../store';

/** Whatever waits for the first view gives up waiting after this long (a map that never settles). */
const FIRST_VIEW_WAIT_MS = 8000;

/** The longest the released work waits for the browser to be idle once the first view is drawn. */
const IDLE_WAIT_MS = 1000;

let drawn = false;
let settled = false;
const listeners = new Set<() => void>();
function release() {
  if (drawn) return;
  drawn = true;
  listeners.forEach((l) => l());
}
/**
 * The first view is on screen: the work it released starts when the browser is next idle, not in the same
 * task, so the frame that shows the map and the first input after it are not held behind that work.
 */
function markSettled() {
  if (settled) return;
  settled = true;
  unsubscribe();
  clearTimeout(timer);
  if (typeof requestIdleCallback === 'function') requestIdleCallback(release, { timeout: IDLE_WAIT_MS });
  else setTimeout(release, 50);
}
const unsubscribe = useStore.subscribe((st) => {
  if (st.mapState === 'idle' || st.mapState === 'error') markSettled();
});
const timer = setTimeout(markSettled, FIRST_VIEW_WAIT_MS);

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
