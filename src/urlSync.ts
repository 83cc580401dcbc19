import { useStore, shareOf } from './store';
import { parse, serialise } from './lib/url';

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
    useStore.setState(state);
    warnings.forEach((w) => useStore.getState().addMessage(w));
    if (state.selected) useStore.getState().selectArea(state.geography, state.selected, true);
  };
  apply();
  let last = serialise(shareOf(useStore.getState()));
  window.history.replaceState(null, '', `?${last}`);
  const unsub = useStore.subscribe((s) => {
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
