import { useStore } from '../store';
import { holdOnlineRequests, linkShortensNames, parse, pickShare, serialise } from '../lib/share/url';
import { validateShare } from '../lib/share/validate';

const SAVED_KEY = 'nhe:neighbourhoods';

export const SAVED_UNREADABLE = 'Saved neighbourhoods in this browser could not be read and were cleared.';

/**
 * Neighbourhoods saved in this browser (never sent anywhere); what does not fit the data is dropped.
 * An entry that cannot be read (not JSON, not a list) is removed, with a notice, so it never comes back.
 */
export function restoreSaved(): string[] {
  let raw: unknown;
  try {
    const text = window.localStorage.getItem(SAVED_KEY);
    if (text === null) return [];
    raw = JSON.parse(text) as unknown;
  } catch {
    raw = undefined;
  }
  if (!Array.isArray(raw)) {
    try {
      window.localStorage.removeItem(SAVED_KEY);
    } catch {
      /* storage disabled: nothing to clear */
    }
    useStore.getState().addMessage(SAVED_UNREADABLE);
    return [];
  }
  try {
    const custom = raw.filter((c): c is string => typeof c === 'string').slice(0, 20).map((c) => c.slice(0, 400));
    const st = useStore.getState();
    return validateShare({ ...pickShare(st), custom, comparison: [] }, st.bundle).state.custom;
  } catch {
    return [];
  }
}

// ---------------------------------------------------------------------------------------------
// A link asking for the online street map: held until the person answers (BasemapQuestion).
// ---------------------------------------------------------------------------------------------
let basemapAsked = false;
const askListeners = new Set<() => void>();
const setAsked = (v: boolean) => {
  basemapAsked = v;
  askListeners.forEach((f) => f());
};
export const basemapRequest = {
  /** True while a link's request for the street map waits for an answer. */
  pending: (): boolean => basemapAsked,
  subscribe(f: () => void): () => void {
    askListeners.add(f);
    return () => askListeners.delete(f);
  },
  answer(show: boolean): void {
    setAsked(false);
    if (show) useStore.getState().setShare({ basemap: true });
  },
};

/**
 * One-way flow: the URL owns shareable state. On start and on back/forward the URL is parsed
 * and validated into the store; user changes in the store push a new history entry.
 */
export function startUrlSync(knownIndicators: ReadonlySet<string>): () => void {
  // While the URL is being applied to the store, the store's changes must not push history again
  // (that would make the back button step forward).
  let applying = false;
  let shortenedSaid = false;
  const apply = () => {
    applying = true;
    try {
      applyUrl();
    } finally {
      applying = false;
    }
  };
  let first = true;
  const applyUrl = () => {
    // Indicators known now (the person's own may have been added since start).
    const bundle = useStore.getState().bundle;
    const parsed = parse(window.location.search, bundle ? new Set(bundle.indicators.map((i) => i.id)) : knownIndicators);
    if (!parsed.state.custom.length && !new URLSearchParams(window.location.search).has('nb')) parsed.state.custom = restoreSaved();
    const checked = validateShare(parsed.state, useStore.getState().bundle);
    const { warnings } = checked;
    let { state } = checked;
    // A link that arrives (not the person's own back/forward) never turns on online tiles by itself: it asks.
    if (first) {
      const held = holdOnlineRequests(state);
      state = held.state;
      if (held.basemapRequested && !useStore.getState().basemap) setAsked(true);
      first = false;
    }
    useStore.setState(state);
    [...parsed.warnings, ...warnings].forEach((w) => useStore.getState().addMessage(w));
    if (state.selected) useStore.getState().selectArea(state.geography, state.selected, true);
  };
  apply();
  let last = serialise(pickShare(useStore.getState()));
  window.history.replaceState(null, '', `?${last}`);
  const unsub = useStore.subscribe((s, prev) => {
    if (s.custom !== prev.custom) {
      try {
        window.localStorage.setItem(SAVED_KEY, JSON.stringify(s.custom));
      } catch {
        /* storage full or disabled: the URL still holds them */
      }
    }
    if (applying) return;
    const q = serialise(pickShare(s));
    if (q !== last) {
      last = q;
      window.history.pushState(null, '', `?${q}`);
      if (!shortenedSaid && linkShortensNames(pickShare(s))) {
        shortenedSaid = true;
        useStore.getState().addMessage('Neighbourhood names are shortened in this view’s link so it stays under 8 KB; the full names are kept in this browser.');
      }
    }
  });
  const onPop = () => {
    apply();
    last = serialise(pickShare(useStore.getState()));
    // What the data did not accept is dropped from this history entry too, without adding one.
    if (`?${last}` !== window.location.search) window.history.replaceState(null, '', `?${last}`);
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsub();
    window.removeEventListener('popstate', onPop);
  };
}
