import { useStore, shareOf, customAreas } from './store';
import { parseCustom } from './lib/places/keys';
import { resolvePlace } from './lib/places/comparison';

const SAVED_KEY = 'nhe:neighbourhoods';

/** Neighbourhoods saved in this browser (never sent anywhere). */
function restoreSaved(total: number): string[] {
  try {
    const raw = JSON.parse(window.localStorage.getItem(SAVED_KEY) ?? '[]') as unknown;
    if (!Array.isArray(raw)) return [];
    return raw.filter((c): c is string => typeof c === 'string').filter((c, i) => parseCustom(c, `n${i + 1}`, total)).slice(0, 20);
  } catch {
    return [];
  }
}
import { parse, serialise } from './lib/share/url';

/**
 * One-way flow: the URL owns shareable state. On start and on back/forward the URL is parsed
 * into the store; user changes in the store push a new history entry.
 */
export function startUrlSync(knownIndicators: ReadonlySet<string>): () => void {
  const apply = () => {
    const { state, warnings } = parse(window.location.search, knownIndicators);
    const b = useStore.getState().bundle;
    if (state.selected && b && !b.areas[state.geography].codes.includes(state.selected)) {
      warnings.push(`Area "${state.selected}" in the link is not a ${state.geography.toUpperCase()} in this data and was ignored.`);
      state.selected = null;
    }
    if (b) {
      const total = b.areas.lsoa.codes.length;
      const good = state.custom.filter((c, i) => parseCustom(c, `n${i + 1}`, total));
      if (good.length < state.custom.length) {
        warnings.push(`${state.custom.length - good.length} neighbourhood(s) in the link could not be read and were ignored.`);
        // Ids are positions, so comparison keys for custom areas are dropped if any were malformed.
        state.compare = state.compare.filter((k) => !k.startsWith('custom:'));
      }
      state.custom = good;
      if (!state.custom.length && !window.location.search.includes('nb=')) state.custom = restoreSaved(total);
      const customs = customAreas(state.custom, total);
      const known = state.compare.filter((k) => resolvePlace(b, k, customs));
      if (known.length < state.compare.length) warnings.push(`${state.compare.length - known.length} place(s) in the link's comparison are not in this data and were ignored.`);
      state.compare = known;
      if (state.practice && !b.practices.some((p) => p.code === state.practice)) {
        warnings.push(`GP practice "${state.practice}" in the link is not in this data and was ignored.`);
        state.practice = null;
      }
    }
    useStore.setState(state);
    warnings.forEach((w) => useStore.getState().addMessage(w));
    if (state.selected) useStore.getState().selectArea(state.geography, state.selected, true);
  };
  apply();
  let last = serialise(shareOf(useStore.getState()));
  window.history.replaceState(null, '', `?${last}`);
  const unsub = useStore.subscribe((s, prev) => {
    if (s.custom !== prev.custom) {
      try {
        window.localStorage.setItem(SAVED_KEY, JSON.stringify(s.custom));
      } catch {
        /* storage full or disabled: the URL still holds them */
      }
    }
    const q = serialise(shareOf(s));
    if (q !== last) {
      last = q;
      window.history.pushState(null, '', `?${q}`);
    }
  });
  const onPop = () => {
    apply();
    last = serialise(shareOf(useStore.getState()));
  };
  window.addEventListener('popstate', onPop);
  return () => {
    unsub();
    window.removeEventListener('popstate', onPop);
  };
}
