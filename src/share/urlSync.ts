import { useStore } from '../store';
import { parse, pickShare, serialise } from '../lib/share/url';
import { validateShare } from '../lib/share/validate';

const SAVED_KEY = 'nhe:neighbourhoods';

/** Neighbourhoods saved in this browser (never sent anywhere); what does not fit the data is dropped. */
function restoreSaved(): string[] {
  try {
    const raw = JSON.parse(window.localStorage.getItem(SAVED_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    const custom = raw.filter((c): c is string => typeof c === 'string').slice(0, 20);
    const st = useStore.getState();
    return validateShare({ ...pickShare(st), custom, comparison: [] }, st.bundle).state.custom;
  } catch {
    return [];
  }
}

/**
 * One-way flow: the URL owns shareable state. On start and on back/forward the URL is parsed
 * and validated into the store; user changes in the store push a new history entry.
 */
export function startUrlSync(knownIndicators: ReadonlySet<string>): () => void {
  // While the URL is being applied to the store, the store's changes must not push history again
  // (that would make the back button step forward).
  let applying = false;
  const apply = () => {
    applying = true;
    try {
      applyUrl();
    } finally {
      applying = false;
    }
  };
  const applyUrl = () => {
    // Indicators known now (the person's own may have been added since start).
    const bundle = useStore.getState().bundle;
    const parsed = parse(window.location.search, bundle ? new Set(bundle.indicators.map((i) => i.id)) : knownIndicators);
    if (!parsed.state.custom.length && !new URLSearchParams(window.location.search).has('nb')) parsed.state.custom = restoreSaved();
    const { state, warnings } = validateShare(parsed.state, useStore.getState().bundle);
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
