/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Offline after the first visit: registers the Workbox service worker that vite-plugin-pwa builds
 * (precached app shell and data; see vite.config.ts). Production builds only: `npm run dev` never
 * registers one, so hot reload is never served stale files.
 *
 * When a new version has been downloaded and is waiting, `updateWaiting` becomes true and
 * src/components/UpdateNotice.tsx offers "Reload", which activates it and reloads the page.
 */

import { firstView } from './firstView';

type Listener = () => void;

export interface OfflineState {
  /** A new version is installed and waits for the person to reload. */
  updateWaiting: boolean;
  /** Everything is cached: the app will open without a connection. */
  offlineReady: boolean;
}

let state: OfflineState = { updateWaiting: false, offlineReady: false };
const listeners = new Set<Listener>();
let update: ((reloadPage?: boolean) => Promise<void>) | null = null;

function set(patch: Partial<OfflineState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export const offlineState = (): OfflineState => state;

export function subscribeOffline(l: Listener): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

/** Activate the waiting version and reload the page (the person chose "Reload"). */
export async function reloadToUpdate(): Promise<void> {
  const sw = typeof navigator !== 'undefined' ? navigator.serviceWorker : undefined;
  if (!update || !sw) return location.reload();
  // Workbox reloads by itself only when this page was opened by an earlier version; a page opened on the
  // first visit (then taken over) is reloaded here once the new version controls it.
  let done = false;
  const go = () => {
    if (done) return;
    done = true;
    location.reload();
  };
  sw.addEventListener('controllerchange', go, { once: true });
  await update(true);
  setTimeout(go, 3000); // the new version did not take over (it may already be active): reload anyway
}

/** Register the service worker (production builds in browsers that support it). Never throws. */
export function startOffline(): void {
  if (!import.meta.env.PROD || typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
  // Registered once the first map is drawn (or after 8 s) and the browser is idle, so caching the app for
  // offline use never competes with the first view's own downloads.
  if (firstView.drawn()) return register();
  const unsub = firstView.subscribe(() => {
    unsub();
    register();
  });
}

function register(): void {
  import('virtual:pwa-register')
    .then(({ registerSW }) => {
      update = registerSW({
        immediate: true,
        onNeedRefresh: () => set({ updateWaiting: true }),
        onOfflineReady: () => set({ offlineReady: true }),
        onRegisterError: () => undefined, // the app works online without it (e.g. a file share, or private browsing)
      });
    })
    .catch(() => undefined);
}
